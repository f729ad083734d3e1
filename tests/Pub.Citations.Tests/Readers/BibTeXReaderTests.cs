using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

public sealed class BibTeXReaderTests
{
    private static (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics) Read(params string[] lines) =>
        BibTeXReader.Read(new SourceText("refs/library.bib", string.Join("\n", lines) + "\n"));

    private static Reference ReadOne(params string[] lines)
    {
        var (references, diagnostics) = Read(lines);
        Assert.Empty(diagnostics);
        return Assert.Single(references);
    }

    private static void AssertAt(Diagnostic diagnostic, string code, int line, int column)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.NotNull(diagnostic.Span);
        Assert.Equal("refs/library.bib", diagnostic.FilePath);
        Assert.Equal((line, column), (diagnostic.Span.Value.Line, diagnostic.Span.Value.Column));
    }

    [Fact]
    public void String_macros_and_concatenation()
    {
        var reference = ReadOne(
            "@string{osce = \"Organization for Security and Co-operation in Europe\"}",
            "@String{ODIHR = {Office for Democratic Institutions and Human Rights}}",
            "@report{odihr2020,",
            "  institution = osce # \", \" # ODIHR,",
            "  title = {Annual Report},",
            "  year = 2020,",
            "  month = mar,",
            "}");
        Assert.Equal("odihr2020", reference.Id);
        Assert.Equal("report", reference.Type);
        Assert.Equal("Organization for Security and Co-operation in Europe, Office for Democratic Institutions and Human Rights", reference.Variables["publisher"]);
        Assert.Equal([[2020, 3]], reference.Dates["issued"].Parts);
    }

    [Fact]
    public void Undefined_macro_is_a_warning_at_its_name()
    {
        var (references, diagnostics) = Read(
            "@article{a,",
            "  journal = jhr,",
            "  title = {T},",
            "}");
        Assert.Single(references);
        AssertAt(Assert.Single(diagnostics), "PUB0803", 2, 13);
        Assert.Equal(Severity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Preamble_comments_and_free_text_are_skipped()
    {
        var (references, diagnostics) = Read(
            "This line is a comment, as is any text outside entries.",
            "@preamble{\"\\newcommand{\\noop}[1]{}\"}",
            "@comment{an old entry: @article{fake, title = {X}}}",
            "@book{real, title = {Real}, year = {1999}}");
        Assert.Empty(diagnostics);
        Assert.Equal("real", Assert.Single(references).Id);
    }

    [Fact]
    public void Crossref_inherits_fields_and_maps_title_to_booktitle()
    {
        var (references, diagnostics) = Read(
            "@inproceedings{child,",
            "  author = {Smith, John},",
            "  title = {A Paper},",
            "  crossref = {proc},",
            "  pages = {1--10},",
            "}",
            "@proceedings{proc,",
            "  title = {Proceedings of the Conference},",
            "  editor = {Doe, Jane},",
            "  publisher = {ACM},",
            "  address = {New York},",
            "  year = {2019},",
            "}");
        Assert.Empty(diagnostics);
        Assert.Equal(2, references.Count);
        var child = references[0];
        Assert.Equal("paper-conference", child.Type);
        Assert.Equal("A Paper", child.Variables["title"]);
        Assert.Equal("Proceedings of the Conference", child.Variables["container-title"]);
        Assert.Equal("ACM", child.Variables["publisher"]);
        Assert.Equal("New York", child.Variables["publisher-place"]);
        Assert.Equal("1-10", child.Variables["page"]);
        Assert.Equal([new Name { Family = "Doe", Given = "Jane" }], child.Names["editor"]);
        Assert.Equal([new Name { Family = "Smith", Given = "John" }], child.Names["author"]);
        Assert.Equal([[2019]], child.Dates["issued"].Parts);
        var parent = references[1];
        Assert.Equal("book", parent.Type);
        Assert.Equal("Proceedings of the Conference", parent.Variables["title"]);
        Assert.False(parent.Variables.ContainsKey("container-title"));
    }

    [Fact]
    public void Crossref_from_inbook_makes_the_book_author_the_container_author()
    {
        var (references, _) = Read(
            "@inbook{ch, title = {Chapter}, crossref = {bk}}",
            "@book{bk, author = {Roe, Richard}, title = {Big Book}, year = 2001}");
        var chapter = references[0];
        Assert.Equal("chapter", chapter.Type);
        Assert.Equal("Chapter", chapter.Variables["title"]);
        Assert.Equal("Big Book", chapter.Variables["container-title"]);
        Assert.Equal([new Name { Family = "Roe", Given = "Richard" }], chapter.Names["author"]);
        Assert.Equal([new Name { Family = "Roe", Given = "Richard" }], chapter.Names["container-author"]);
    }

    [Fact]
    public void Xdata_lends_fields_and_is_not_a_reference()
    {
        var reference = ReadOne(
            "@xdata{pubinfo, publisher = {OSCE}, location = {Vienna}}",
            "@book{b, title = {T}, xdata = {pubinfo}, year = 2010}");
        Assert.Equal("b", reference.Id);
        Assert.Equal("OSCE", reference.Variables["publisher"]);
        Assert.Equal("Vienna", reference.Variables["publisher-place"]);
    }

    [Fact]
    public void Unknown_crossref_is_a_warning_at_its_value()
    {
        var (references, diagnostics) = Read(
            "@incollection{c,",
            "  title = {T},",
            "  crossref = {nowhere},",
            "}");
        Assert.Single(references);
        AssertAt(Assert.Single(diagnostics), "PUB0804", 3, 14);
    }

    [Fact]
    public void Malformed_entries_are_reported_where_they_break_and_the_rest_loads()
    {
        var (references, diagnostics) = Read(
            "@article{good1,",               // 1
            "  title = {First},",            // 2
            "}",                             // 3
            "@article{nocomma,",             // 4
            "  title = {T}",                 // 5: ',' expected after '}' (column 14)
            "  year = {2000},",              // 6
            "}",                             // 7
            "@book{title = {No key}, year = 2000}", // 8: the key is missing (column 7)
            "@article{unclosed,",            // 9
            "  title = {Open,",              // 10: this '{' (column 11) is never closed
            "  year = 2001,",                // 11
            "",                              // 12
            "@book{good2,",                  // 13
            "  title = {Second},",           // 14
            "}",                             // 15
            "@misc{last, title = {Never closed"); // 16: '{' at column 21 runs to the end
        Assert.Equal(["good1", "good2"], references.Select(r => r.Id));
        Assert.Equal(4, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        AssertAt(diagnostics[0], "PUB0801", 5, 14);
        AssertAt(diagnostics[1], "PUB0801", 8, 7);
        AssertAt(diagnostics[2], "PUB0801", 10, 11);
        AssertAt(diagnostics[3], "PUB0801", 16, 21);
        Assert.Equal("Second", references[1].Variables["title"]);
    }

    [Fact]
    public void Unclosed_entry_is_reported_at_its_opening_brace()
    {
        var (references, diagnostics) = Read(
            "@article{a,",
            "  title = {A},",
            "",
            "@article{b,",
            "  title = {B},",
            "}");
        Assert.Equal("b", Assert.Single(references).Id);
        AssertAt(Assert.Single(diagnostics), "PUB0801", 1, 9);
    }

    [Fact]
    public void Duplicate_key_keeps_the_first_entry()
    {
        var (references, diagnostics) = Read(
            "@book{k, title = {First}}",
            "@book{k, title = {Second}}");
        Assert.Equal("First", Assert.Single(references).Variables["title"]);
        AssertAt(Assert.Single(diagnostics), "PUB0802", 2, 1);
    }

    [Theory]
    [InlineData("article", "article-journal")]
    [InlineData("book", "book")]
    [InlineData("jurisdiction", "legal_case")]
    [InlineData("legislation", "legislation")]
    [InlineData("legal", "treaty")]
    [InlineData("report", "report")]
    [InlineData("techreport", "report")]
    [InlineData("online", "webpage")]
    [InlineData("inbook", "chapter")]
    [InlineData("incollection", "chapter")]
    [InlineData("inproceedings", "paper-conference")]
    [InlineData("phdthesis", "thesis")]
    [InlineData("mastersthesis", "thesis")]
    [InlineData("misc", "document")]
    [InlineData("unpublished", "manuscript")]
    [InlineData("manual", "book")]
    [InlineData("InProceedings", "paper-conference")]
    public void Entry_types_map_to_csl_types(string entryType, string cslType) =>
        Assert.Equal(cslType, ReadOne($"@{entryType}{{k, title = {{T}}}}").Type);

    [Fact]
    public void Theses_get_a_genre()
    {
        Assert.Equal("PhD thesis", ReadOne("@phdthesis{k, title = {T}, school = {CEU}}").Variables["genre"]);
        Assert.Equal("Master's thesis", ReadOne("@mastersthesis{k, title = {T}}").Variables["genre"]);
        Assert.Equal("CEU", ReadOne("@phdthesis{k, title = {T}, school = {CEU}}").Variables["publisher"]);
    }

    [Fact]
    public void Unknown_entry_type_is_a_document_with_a_warning()
    {
        var (references, diagnostics) = Read("@blogpost{k, title = {T}}");
        Assert.Equal("document", Assert.Single(references).Type);
        AssertAt(Assert.Single(diagnostics), "PUB0805", 1, 1);
    }

    [Fact]
    public void Biblatex_fields()
    {
        var reference = ReadOne(
            "@article{k,",
            "  title = {Trafficking},",
            "  subtitle = {A Survey},",
            "  journaltitle = {Journal of Human Trafficking},",
            "  number = {3},",
            "  volume = 7,",
            "  date = {2010-01/2011},",
            "  urldate = {2021-05-04},",
            "  doi = {10.1080/23322705.2020.1234567},",
            "  url = {https://example.org/x},",
            "  issn = {2332-2705},",
            "  langid = {english},",
            "  language = {Russian},",
            "}");
        Assert.Equal("Trafficking: A Survey", reference.Variables["title"]);
        Assert.Equal("Journal of Human Trafficking", reference.Variables["container-title"]);
        Assert.Equal("3", reference.Variables["issue"]);
        Assert.Equal("7", reference.Variables["volume"]);
        Assert.Equal([[2010, 1], [2011]], reference.Dates["issued"].Parts);
        Assert.Equal([[2021, 5, 4]], reference.Dates["accessed"].Parts);
        Assert.Equal("10.1080/23322705.2020.1234567", reference.Variables["DOI"]);
        Assert.Equal("https://example.org/x", reference.Variables["URL"]);
        Assert.Equal("2332-2705", reference.Variables["ISSN"]);
        Assert.Equal("en", reference.Variables["language"]);
    }

    [Fact]
    public void Report_fields()
    {
        var reference = ReadOne(
            "@techreport{k,",
            "  title = {Occasional Paper},",
            "  institution = {OSCE},",
            "  location = {Vienna},",
            "  number = {12},",
            "  isbn = {978-92-9234-000-0},",
            "  type = {Occasional Paper},",
            "}");
        Assert.Equal("OSCE", reference.Variables["publisher"]);
        Assert.Equal("Vienna", reference.Variables["publisher-place"]);
        Assert.Equal("12", reference.Variables["number"]);
        Assert.Equal("978-92-9234-000-0", reference.Variables["ISBN"]);
        Assert.Equal("Occasional Paper", reference.Variables["genre"]);
    }

    [Fact]
    public void Book_number_in_a_series_is_the_collection_number()
    {
        var reference = ReadOne("@book{k, title = {T}, series = {Occasional Papers}, number = {4}}");
        Assert.Equal("Occasional Papers", reference.Variables["collection-title"]);
        Assert.Equal("4", reference.Variables["collection-number"]);
    }

    [Theory]
    [InlineData("jan", 1)]
    [InlineData("{December}", 12)]
    [InlineData("{Nov.}", 11)]
    [InlineData("11", 11)]
    [InlineData("{05}", 5)]
    public void Months_as_macros_names_and_numbers(string month, int expected) =>
        Assert.Equal([[2015, expected]], ReadOne($"@book{{k, title = {{T}}, year = 2015, month = {month}}}").Dates["issued"].Parts);

    [Fact]
    public void Date_qualifiers_and_classic_day()
    {
        Assert.True(ReadOne("@book{k, title = {T}, date = {2010~}}").Dates["issued"].Circa);
        Assert.Equal([[2015, 3, 7]], ReadOne("@book{k, title = {T}, year = 2015, month = mar, day = 7}").Dates["issued"].Parts);
        Assert.Equal("forthcoming", ReadOne("@book{k, title = {T}, year = {forthcoming}}").Variables["status"]);
    }

    [Fact]
    public void Unreadable_date_is_kept_as_literal_with_a_warning()
    {
        var (references, diagnostics) = Read(
            "@book{k,",
            "  title = {T},",
            "  date = {sometime soon},",
            "}");
        Assert.Equal("sometime soon", Assert.Single(references).Dates["issued"].Literal);
        AssertAt(Assert.Single(diagnostics), "PUB0808", 3, 10);
        Assert.Equal(Severity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Cyrillic_entry()
    {
        var reference = ReadOne(
            "@book{ivanov2015,",
            "  author = {Иванов, Иван Иванович},",
            "  title = {Торговля людьми в регионе {ОБСЕ}},",
            "  publisher = {Юрайт},",
            "  address = {Москва},",
            "  year = {2015},",
            "  langid = {russian},",
            "}");
        Assert.Equal("Торговля людьми в регионе <span class=\"nocase\">ОБСЕ</span>", reference.Variables["title"]);
        Assert.Equal("Юрайт", reference.Variables["publisher"]);
        Assert.Equal("Москва", reference.Variables["publisher-place"]);
        Assert.Equal("ru", reference.Variables["language"]);
        Assert.Equal([new Name { Family = "Иванов", Given = "Иван Иванович" }], reference.Names["author"]);
    }

    [Fact]
    public void Entries_in_parentheses_and_span_of_each_entry()
    {
        var (references, diagnostics) = Read(
            "% a comment line",
            "@book(first, title = \"Quoted {Title}\")",
            "",
            "  @book{second, title = {T}}");
        Assert.Empty(diagnostics);
        Assert.Equal("Quoted <span class=\"nocase\">Title</span>", references[0].Variables["title"]);
        Assert.Equal((2, 1), (references[0].Span!.Value.Line, references[0].Span!.Value.Column));
        Assert.Equal((4, 3), (references[1].Span!.Value.Line, references[1].Span!.Value.Column));
        Assert.Equal("@book{second, title = {T}}", references[1].Span!.Value.Text);
    }

    [Fact]
    public void A_misc_entry_with_a_url_is_a_web_page_and_without_one_a_document()
    {
        var page = ReadOne("@misc{p, title = {FAQ}, url = {https://example.org/faq_1%20a}, howpublished = {https://example.org/faq_1%20a}, urldate = {2023-05-04}}");
        Assert.Equal("webpage", page.Type);
        Assert.Equal("https://example.org/faq_1%20a", page.Variables["URL"]);
        Assert.False(page.Variables.ContainsKey("publisher"));
        Assert.Equal([[2023, 5, 4]], page.Dates["accessed"].Parts);
        Assert.Equal("document", ReadOne("@misc{d, title = {Memo}, howpublished = {Typescript}}").Type);
        Assert.Equal("Typescript", ReadOne("@misc{d, title = {Memo}, howpublished = {Typescript}}").Variables["publisher"]);
    }

    [Fact]
    public void Online_types_report_institution_and_thesis_school()
    {
        Assert.Equal("webpage", ReadOne("@online{a, title = {A}}").Type);
        Assert.Equal("webpage", ReadOne("@electronic{a, title = {A}}").Type);
        var report = ReadOne("@techreport{r, title = {R}, institution = {ILO}, number = {7}, type = {Working Paper}}");
        Assert.Equal(("report", "ILO", "7", "Working Paper"), (report.Type, report.Variables["publisher"], report.Variables["number"], report.Variables["genre"]));
        var thesis = ReadOne("@mastersthesis{t, title = {T}, school = {LSE}}");
        Assert.Equal(("thesis", "LSE", "Master's thesis"), (thesis.Type, thesis.Variables["publisher"], thesis.Variables["genre"]));
    }

    [Fact]
    public void A_year_range_and_an_eprint_doi()
    {
        var reference = ReadOne("@article{a, title = {A}, year = {2010--2011}, eprint = {10.1000/x_1}, eprinttype = {doi}}");
        Assert.Equal([[2010], [2011]], reference.Dates["issued"].Parts);
        Assert.Equal("10.1000/x_1", reference.Variables["DOI"]);
    }
}
