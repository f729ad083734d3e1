using Pub.Citations;
using Xunit;
using static Pub.Import.Tests.WordFixture;

namespace Pub.Import.Tests;

/// <summary>Fixtures built with the Open XML SDK, imported, and the Markdown compared with what pub's syntax
/// requires for each construct.</summary>
public sealed class WordImportTests
{
    private const string GallagherData = """{"id":"12","type":"book","title":"The International Law of Human Trafficking","author":[{"family":"Gallagher","given":"Anne T."}],"issued":{"date-parts":[["2010"]]},"publisher":"Cambridge University Press","DOI":"https://doi.org/10.1017/CBO9780511761065"}""";

    // Same work as the bibliography's stoyanova-2017 but without a DOI and with other capitals and accents: found by title, year and author.
    private const string StoyanovaData = """{"id":"13","type":"book","title":"Human trafficking and slavery reconsidered: conceptual limits and States' positive obligations in European law","author":[{"family":"Stoyanová","given":"V."}],"issued":{"date-parts":[[2017]]}}""";

    private const string KaraData = """{"id":"14","type":"book","title":"Sex Trafficking: Inside the Business of Modern Slavery","author":[{"family":"Kara","given":"Siddharth"}],"issued":{"date-parts":[[2009]]},"publisher":"Columbia University Press","publisher-place":"New York"}""";

    private static readonly Reference[] Bibliography =
    [
        new Reference
        {
            Id = "gallagher-2010", Type = "book",
            Variables = new Dictionary<string, string> { ["title"] = "The International Law of Human Trafficking", ["DOI"] = "10.1017/CBO9780511761065" },
            Names = new Dictionary<string, IReadOnlyList<Name>> { ["author"] = [new Name { Family = "Gallagher", Given = "Anne T." }] },
            Dates = new Dictionary<string, DateValue> { ["issued"] = new DateValue { Parts = [[2010]] } },
        },
        new Reference
        {
            Id = "stoyanova-2017", Type = "book",
            Variables = new Dictionary<string, string> { ["title"] = "Human Trafficking and Slavery Reconsidered: Conceptual Limits and States' Positive Obligations in European Law" },
            Names = new Dictionary<string, IReadOnlyList<Name>> { ["author"] = [new Name { Family = "Stoyanova", Given = "Vladislava" }] },
            Dates = new Dictionary<string, DateValue> { ["issued"] = new DateValue { Parts = [[2017]] } },
        },
        new Reference
        {
            Id = "kara-2009", Type = "book",
            Variables = new Dictionary<string, string> { ["title"] = "Another Book" },
            Names = new Dictionary<string, IReadOnlyList<Name>> { ["author"] = [new Name { Family = "Kara", Given = "S." }] },
            Dates = new Dictionary<string, DateValue> { ["issued"] = new DateValue { Parts = [[2009]] } },
        },
    ];

    private static ImportResult Imported(WordFixture fixture, TrackedChanges changes = TrackedChanges.Refuse)
    {
        var (result, failure) = WordImport.Read(fixture.Build(), "draft.docx", changes, new CitationLinker(Bibliography));
        Assert.True(result is not null, string.Join("\n", failure?.Diagnostics.Select(d => d.Message) ?? []));
        Assert.Null(failure);
        return result;
    }

    [Fact]
    public void AZoteroFieldAcrossRunsBecomesACitationWithItsLocatorPrefixAndSuppressedAuthor()
    {
        var word = new WordFixture()
            .Paragraph(null, [T("As Gallagher argues "), .. Field(Zotero((GallagherData, "\"locator\":\"45-47\",\"label\":\"page\",\"prefix\":\"see\",\"suppress-author\":true")), "(see 2010, 45–47)"), T(", the Protocol is a treaty.")])
            .Paragraph(null, [T("Two works"), .. Field(Zotero((StoyanovaData, "\"locator\":\"12\",\"label\":\"chapter\""), (KaraData, "\"suffix\":\"emphasis added\"")), "(Stoyanova 2017; Kara 2009)"), T(".")]);
        var result = Imported(word);
        Assert.Contains("As Gallagher argues [see -@gallagher-2010, pp. 45-47], the Protocol is a treaty.", result.Body, StringComparison.Ordinal);
        // Stoyanova is the bibliography's entry (title, year, author); Kara 2009 is a different book from the
        // bibliography's kara-2009, so it is added under the next free key.
        Assert.Contains("Two works[@stoyanova-2017, chap. 12; @kara-2009-b, emphasis added].", result.Body, StringComparison.Ordinal);
        var added = Assert.Single(result.AddedReferences);
        Assert.Equal("kara-2009-b", added.Id);
        Assert.Equal("Sex Trafficking: Inside the Business of Modern Slavery", added.Variables["title"]);
        Assert.Equal(new ImportCounts(0, 0, 0, 0, 2, 2, 1), result.Counts);
        // The shown text of the fields is not kept beside the citations.
        Assert.DoesNotContain("2010, 45", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void MendeleyAndEndNoteFieldsBecomeCitations()
    {
        var mendeley = "ADDIN CSL_CITATION {\"citationItems\":[{\"id\":\"m1\",\"itemData\":" + GallagherData + ",\"locator\":\"3\",\"label\":\"paragraph\"}],\"mendeley\":{\"formattedCitation\":\"(Gallagher 2010)\"}}";
        const string endNote = "ADDIN EN.CITE <EndNote><Cite ExcludeAuth=\"1\"><Author>Kara</Author><Year>2009</Year><RecNum>7</RecNum><Pages>88</Pages><Prefix>cf. </Prefix>"
            + "<record><rec-number>7</rec-number><ref-type name=\"Book\">6</ref-type><contributors><authors><author>Kara, Siddharth</author></authors></contributors>"
            + "<titles><title>Sex Trafficking: Inside the Business of Modern Slavery</title></titles><dates><year>2009</year></dates><publisher>Columbia University Press</publisher></record></Cite></EndNote>";
        var tag = "MENDELEY_CITATION_v3_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"citationItems\":[{\"id\":\"q\",\"itemData\":" + StoyanovaData + "}]}"));
        var control = new DocumentFormat.OpenXml.Wordprocessing.SdtRun(
            new DocumentFormat.OpenXml.Wordprocessing.SdtProperties(new DocumentFormat.OpenXml.Wordprocessing.Tag { Val = tag }),
            new DocumentFormat.OpenXml.Wordprocessing.SdtContentRun(T("(Stoyanova 2017)")));
        var word = new WordFixture()
            .Paragraph(null, T("Mendeley Desktop "), Simple(mendeley, "(Gallagher 2010, para. 3)"), T("."))
            .Paragraph(null, [T("EndNote "), .. Field(endNote, "(2009, p. 88)"), T(".")])
            .Paragraph(null, T("Mendeley Cite "), control, T("."));
        var body = Imported(word).Body;
        Assert.Contains("Mendeley Desktop [@gallagher-2010, para. 3].", body, StringComparison.Ordinal);
        Assert.Contains("EndNote [cf. -@kara-2009-b, p. 88].", body, StringComparison.Ordinal);
        Assert.Contains("Mendeley Cite [@stoyanova-2017].", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ACitationFieldWithBrokenDataKeepsItsTextAndIsReported()
    {
        var word = new WordFixture().Paragraph(null, [T("Broken "), .. Field("ADDIN ZOTERO_ITEM CSL_CITATION {\"citationItems\":[{\"id\":1,", "(Smith 2020)")]);
        var (result, failure) = WordImport.Read(word.Build(), "draft.docx", TrackedChanges.Refuse, new CitationLinker(Bibliography));
        Assert.NotNull(result);
        Assert.Contains("Broken (Smith 2020)", result.Body, StringComparison.Ordinal);
        var warning = Assert.Single(failure!.Diagnostics);
        Assert.Equal("PUB1204", warning.Code);
        Assert.StartsWith("paragraph 1 (\"Broken (Smith 2020)\"): a Zotero citation could not be read", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrackedChangesAreRefusedWithTheirParagraphAndAuthorUnlessAcceptedOrRejected()
    {
        var word = new WordFixture()
            .Paragraph(null, T("An untouched paragraph."))
            .Paragraph(null, T("Victims are "), Inserted("Jana Novak", "rarely "), Deleted("Omar Haddad", "often "), T("identified."));
        var (result, failure) = WordImport.Read(word.Build(), "draft.docx", TrackedChanges.Refuse, new CitationLinker([]));
        Assert.Null(result);
        Assert.Equal(
            ["paragraph 2 (\"Victims are rarely identified.\"): insertion by Jana Novak", "paragraph 2 (\"Victims are rarely identified.\"): deletion by Omar Haddad"],
            failure!.Diagnostics.Select(d => d.Message));
        Assert.All(failure.Diagnostics, d => Assert.Equal("PUB1202", d.Code));
        Assert.Contains("Victims are rarely identified.", Imported(word, TrackedChanges.Accept).Body, StringComparison.Ordinal);
        Assert.Contains("Victims are often identified.", Imported(word, TrackedChanges.Reject).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentsAreReportedNotImported()
    {
        var word = new WordFixture();
        word.Paragraph(null, [T("First. "), .. word.Commented("Jana Novak", "Source for this?", T("A claim."))]);
        var result = Imported(word);
        Assert.Equal("First. A claim.\n", result.Body);
        var comment = Assert.Single(result.Comments);
        Assert.Equal((1, "comment \"Source for this?\"", "Jana Novak"), (comment.Position.Paragraph, comment.Kind, comment.Author));
    }

    [Fact]
    public void FootnotesBecomeMarkdownFootnotesAndANoteOfOnlyACitationBecomesTheCitation()
    {
        var word = new WordFixture();
        word.Paragraph(null, T("Text"), word.Footnote(P(null, T("A note with "), Italic("emphasis"), T(".")), P(null, [T("Its second paragraph, see "),
                .. Field(Zotero((GallagherData, "\"locator\":\"12\"")), "Gallagher, 12"), T(" and "), .. Field(Zotero((KaraData, "\"prefix\":\"also\"")), "also Kara"), T(".")])),
            T(" and more"), word.Footnote(P(null, [.. Field(Zotero((GallagherData, "\"locator\":\"9\"")), "Gallagher, 9"), T(".")])), T("."));
        var result = Imported(word);
        // A note holding only a citation becomes the citation; in a note with text, a plain citation is written as
        // it stands (no parentheses in the note), one with a prefix in brackets.
        Assert.Equal("Text[^1] and more[@gallagher-2010, p. 9].\n\n[^1]: A note with *emphasis*.\n\n    Its second paragraph, see @gallagher-2010 [p. 12] and [also @kara-2009-b].\n", result.Body);
        Assert.Equal(1, result.Counts.Footnotes);
    }

    [Fact]
    public void HeadingsLoseTheirNumbersAndGetLabelsAndTheFirstHeadingIsTheTitle()
    {
        var word = new WordFixture()
            .Paragraph("Heading1", T("Forced Criminality in Europe"))
            .Paragraph("Heading1", T("1. Introduction"))
            .Paragraph(null, T("Body."))
            .Paragraph("Heading2", T("1\tNumbered with a tab"))
            .Add(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                new DocumentFormat.OpenXml.Wordprocessing.ParagraphProperties(new DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId { Val = "Heading2" },
                    new DocumentFormat.OpenXml.Wordprocessing.NumberingProperties(new DocumentFormat.OpenXml.Wordprocessing.NumberingLevelReference { Val = 1 }, new DocumentFormat.OpenXml.Wordprocessing.NumberingId { Val = 2 })),
                T("1.2\tScope of the study")));
        var result = Imported(word);
        Assert.Equal("Forced Criminality in Europe", result.FrontMatter.Title);
        Assert.Equal("# Introduction {#sec-introduction}\n\nBody.\n\n## Numbered with a tab {#sec-numbered-with-a-tab}\n\n## Scope of the study {#sec-scope-of-the-study}\n", result.Body);
        Assert.Equal(3, result.Counts.Sections);
        Assert.Equal("en", result.FrontMatter.Language);
    }

    [Fact]
    public void NestedListsQuotesAndInlineFormattingKeepTheirShape()
    {
        var word = new WordFixture()
            .ListItem(1, 0, "recruitment")
            .ListItem(2, 1, "deception")
            .ListItem(2, 1, "debt")
            .ListItem(1, 0, "exploitation")
            .Paragraph("Quote", T("No one shall be held in slavery."))
            .Paragraph(null, Bold("Strong"), T(" and "), Italic("emphasis "), T("m"), Superscript("2"), T(" *not* [a link] @key"));
        var body = Imported(word).Body;
        Assert.Equal("- recruitment\n  1. deception\n  1. debt\n- exploitation\n\n> No one shall be held in slavery.\n\n**Strong** and *emphasis* m^2^ \\*not\\* \\[a link\\] \\@key\n", body);
    }

    [Fact]
    public void ATableWithACaptionBecomesAPipeTableWithATableLine()
    {
        var word = new WordFixture()
            .Paragraph("Caption", T("Table 1: Identified victims by form of exploitation"))
            .Add(Table([["Form", "Victims"], ["Labour | domestic", "41"]]));
        var result = Imported(word);
        Assert.Equal("| Form | Victims |\n|---|---|\n| Labour \\| domestic | 41 |\n\nTable: Identified victims by form of exploitation {#tbl-1}\n", result.Body);
        Assert.Equal(1, result.Counts.Tables);
    }

    [Fact]
    public void ATableWithMergedCellsBecomesAGridTableThatPubReadsWithTheSameSpans()
    {
        var word = new WordFixture()
            .Add(Table([["Form", "2023", "2024"], ["Labour", "41", "30"], ["↓", "12", "9"], ["Total for both years", "92"]], spanTwo: (3, 0)))
            .Paragraph("Caption", T("Victims by year"));
        var body = Imported(word).Body;
        Assert.Equal("""
            +--------+-------------+------+
            | Form   | 2023        | 2024 |
            +========+=============+======+
            | Labour | 41          | 30   |
            +        +-------------+------+
            |        | 12          | 9    |
            +--------+-------------+------+
            | Total for both years | 92   |
            +--------+-------------+------+

            Table: Victims by year {#tbl-1}

            """.Replace("\r\n", "\n", StringComparison.Ordinal), body);
        // Read back by pub's own Markdown reader: the spans are the Word table's.
        var table = Assert.IsType<Pub.Model.Table>(Assert.Single(Pub.Markdown.ManuscriptParser.ParseFragment(body)));
        var cells = table.Header.Concat(table.Body).Select(row => row.Cells.Select(c => (Pub.Model.ModelDump.Inlines(((Pub.Model.Paragraph)c.Blocks[0]).Content), c.RowSpan, c.ColumnSpan)).ToList()).ToList();
        Assert.Equal(("Labour", 2, 1), cells[1][0]);
        Assert.Equal(("41", 1, 1), cells[1][1]);
        Assert.Equal(("12", 1, 1), cells[2][0]);
        Assert.Equal(("Total for both years", 1, 2), cells[3][0]);
        Assert.Equal(("92", 1, 1), cells[3][1]);
    }

    [Fact]
    public void APictureIsExtractedWithItsCaptionAndAlternativeText()
    {
        var png = Convert.FromHexString("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D4944415478DA63F8CFC0F01F0005000201E2217BC20000000049454E44AE426082");
        var word = new WordFixture()
            .Picture(png, "Bar chart: 41 victims of labour exploitation, 12 of domestic servitude.")
            .Paragraph("Caption", T("Figure 1. Victims identified in 2023"));
        var result = Imported(word);
        Assert.Equal("![Victims identified in 2023](figures/figure-1.png){#fig-1 alt=\"Bar chart: 41 victims of labour exploitation, 12 of domestic servitude.\"}\n", result.Body);
        var figure = Assert.Single(result.Figures);
        Assert.Equal("figures/figure-1.png", figure.Path);
        Assert.Equal(png, figure.Content);
    }

    [Fact]
    public void ACrossReferenceFieldToATableCaptionBecomesAReference()
    {
        var caption = P("Caption", new DocumentFormat.OpenXml.Wordprocessing.BookmarkStart { Id = "5", Name = "_Ref4711" }, T("Table 1"),
            new DocumentFormat.OpenXml.Wordprocessing.BookmarkEnd { Id = "5" }, T(": Cases"));
        var word = new WordFixture()
            .Paragraph(null, [T("As "), .. Field("REF _Ref4711 \\h", "Table 1"), T(" shows.")])
            .Add(caption)
            .Add(Table([["Year", "Cases"], ["2023", "7"]]));
        var body = Imported(word).Body;
        Assert.StartsWith("As @tbl-1 shows.\n\n| Year | Cases |", body, StringComparison.Ordinal);
        Assert.EndsWith("Table: Cases {#tbl-1}\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationsTypedAsTextAreReportedWithTheirParagraph()
    {
        var word = new WordFixture()
            .Paragraph(null, T("Linked elsewhere."))
            .Paragraph(null, T("Debt bondage persists (Gallagher 2010, p. 4) and is rarely prosecuted [12]."));
        var result = Imported(word);
        Assert.Equal(
            ["paragraph 2 (\"Debt bondage persists (Gallagher 2010, p.\"): cited as text: not linked: (Gallagher 2010, p. 4)",
             "paragraph 2 (\"Debt bondage persists (Gallagher 2010, p.\"): cited as text: not linked: [12]"],
            result.Review.Select(n => $"{n.Position}: {n.Message}"));
        Assert.Contains("(Gallagher 2010, p. 4) and is rarely prosecuted \\[12\\].", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AGeneratedBibliographyAcrossParagraphsATableOfContentsAndHiddenTextAreLeftOut()
    {
        DocumentFormat.OpenXml.Wordprocessing.Run Char(DocumentFormat.OpenXml.Wordprocessing.FieldCharValues type) => new(new DocumentFormat.OpenXml.Wordprocessing.FieldChar { FieldCharType = type });
        DocumentFormat.OpenXml.Wordprocessing.Run Code(string text) => new(new DocumentFormat.OpenXml.Wordprocessing.FieldCode(text));
        var hidden = T("a hidden remark", new DocumentFormat.OpenXml.Wordprocessing.RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Vanish()));
        var word = new WordFixture()
            .Paragraph("TOCHeading", T("Contents"))
            .Paragraph(null, [.. Field("TOC \\o \"1-3\" \\h", "Introduction 1")])
            .Paragraph("Heading1", T("Report"))
            .Paragraph(null, T("Text"), hidden, T("."))
            .Paragraph("Heading1", T("References"))
            .Paragraph(null, Char(DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.Begin), Code(" ADDIN ZOTERO_BIBL {\"uncited\":[]} CSL_BIBLIOGRAPHY "),
                Char(DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.Separate), T("Gallagher, Anne T. 2010. The International Law of Human Trafficking."))
            .Paragraph(null, T("Stoyanova, Vladislava. 2017. Human Trafficking and Slavery Reconsidered."), Char(DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.End))
            .Paragraph(null, T("After the bibliography."));
        var result = Imported(word);
        Assert.Equal("Text.\n\n# References {#sec-references}\n\nAfter the bibliography.\n", result.Body);
        Assert.Equal("Report", result.FrontMatter.Title);
        Assert.Equal(
            ["Word's table of contents was left out: pub makes its own", "the bibliography Zotero generated was left out: pub makes its own"],
            result.Review.Select(n => n.Message));
    }

    [Fact]
    public void DamagedDocumentsGiveADiagnosticOrAResultNeverAnException()
    {
        // Damage the sample manuscript in fixed, seeded ways: cut it short, or overwrite a run of bytes.
        var sample = SampleWordManuscript.Build();
        var random = new Random(1717);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var damaged = (byte[])sample.Clone();
            if (attempt % 3 == 0)
            {
                damaged = damaged[..random.Next(damaged.Length)];
            }
            else
            {
                var at = random.Next(damaged.Length - 16);
                for (var i = 0; i < 1 + random.Next(16); i++)
                {
                    damaged[at + i] = (byte)random.Next(256);
                }
            }
            var (result, failure) = WordImport.Read(damaged, "draft.docx", TrackedChanges.Refuse, new CitationLinker(Bibliography));
            Assert.True(result is not null || failure is { Diagnostics.Count: > 0 });
            var outcome = result is not null ? "read" : failure!.Diagnostics[0].Code;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        // Both kinds happen: damage in an unused byte still reads, damage in the ZIP structure is PUB1201.
        Assert.True(outcomes.ContainsKey("PUB1201"), string.Join(", ", outcomes));
    }

    [Fact]
    public void AByLineAKeywordLineAndAnAbstractHeadingGoToTheFrontMatter()
    {
        var word = new WordFixture { Creator = "Word User" }
            .Paragraph("Title", T("Debt Bondage"))
            .Paragraph(null, T("By Mira Kovač and Jan Novak"))
            .Paragraph("Heading1", T("Abstract"))
            .Paragraph(null, T("Debts keep workers in place."))
            .Paragraph(null, T("Keywords: debt bondage; recruitment fees."))
            .Paragraph("Heading1", T("Introduction"))
            .Paragraph(null, T("By contrast, wages are low."));
        var result = Imported(word);
        Assert.Equal(["Mira Kovač", "Jan Novak"], result.FrontMatter.Authors);
        Assert.Equal(["debt bondage", "recruitment fees"], result.FrontMatter.Keywords);
        Assert.Equal("Debts keep workers in place.", result.FrontMatter.Abstract);
        Assert.Equal("# Introduction {#sec-introduction}\n\nBy contrast, wages are low.\n", result.Body);
    }

    [Fact]
    public void HyperlinksAsElementsAndAsFieldsBecomeMarkdownLinks()
    {
        var link = new DocumentFormat.OpenXml.Wordprocessing.Hyperlink(Italic("the OSCE site")) { Id = "rLink1" };
        var internalLink = new DocumentFormat.OpenXml.Wordprocessing.Hyperlink(T("the introduction")) { Anchor = "_Toc1" };
        var word = new WordFixture { Links = [("rLink1", "https://www.osce.org/cthb")] }
            .Paragraph(null, [T("See "), link, T(", "), .. Field("HYPERLINK \"https://example.org/a b\"", "this page"), T(" and "), internalLink, T(".")]);
        Assert.Equal("See [*the OSCE site*](https://www.osce.org/cthb), [this page](https://example.org/a%20b) and the introduction.\n", Imported(word).Body);
    }

    [Fact]
    public void AnXmlPartThatUnpacksBeyondTheLimitIsRefused()
    {
        // 70 million characters of text compress to a few hundred kilobytes.
        var word = new WordFixture().Paragraph(null, T(new string('x', 70_000_000)));
        var (result, failure) = WordImport.Read(word.Build(), "draft.docx", TrackedChanges.Refuse, new CitationLinker([]));
        Assert.Null(result);
        var refused = Assert.Single(failure!.Diagnostics);
        Assert.Equal("PUB1201", refused.Code);
        Assert.StartsWith("cannot read the Word document: The input document", refused.Message, StringComparison.Ordinal);
        // The same document with a million characters is read: the limit, not the content, refused it.
        Assert.NotNull(WordImport.Read(new WordFixture().Paragraph(null, T(new string('x', 1_000_000))).Build(), "draft.docx", TrackedChanges.Refuse, new CitationLinker([])).Result);
    }

    [Fact]
    public void AnEndNoteCitationKeptInBinaryFieldDataIsRead()
    {
        // EndNote writes a long citation (several works) as base64 in the w:fldData of an EN.CITE.DATA field
        // nested in the instruction of its EN.CITE field.
        const string xml = "<EndNote><Cite><Author>Kara</Author><Year>2009</Year><RecNum>7</RecNum><record><rec-number>7</rec-number><ref-type name=\"Book\">6</ref-type>"
            + "<contributors><authors><author>Kara, Siddharth</author></authors></contributors><titles><title>Sex Trafficking: Inside the Business of Modern Slavery</title></titles>"
            + "<dates><year>2009</year></dates></record></Cite><Cite><Author>Gallagher</Author><Year>2010</Year><Pages>7</Pages><record><ref-type name=\"Book\">6</ref-type>"
            + "<contributors><authors><author>Gallagher, Anne T.</author></authors></contributors><titles><title>The International Law of Human Trafficking</title></titles>"
            + "<dates><year>2010</year></dates><electronic-resource-num>10.1017/CBO9780511761065</electronic-resource-num></record></Cite></EndNote>";
        DocumentFormat.OpenXml.Wordprocessing.Run Char(DocumentFormat.OpenXml.Wordprocessing.FieldCharValues type, string? data = null)
        {
            var fieldChar = new DocumentFormat.OpenXml.Wordprocessing.FieldChar { FieldCharType = type };
            if (data is not null)
            {
                fieldChar.Append(new DocumentFormat.OpenXml.Wordprocessing.FieldData(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(data))));
            }
            return new(fieldChar);
        }
        DocumentFormat.OpenXml.Wordprocessing.Run Code(string text) => new(new DocumentFormat.OpenXml.Wordprocessing.FieldCode(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        var begin = DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.Begin;
        var separate = DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.Separate;
        var end = DocumentFormat.OpenXml.Wordprocessing.FieldCharValues.End;
        var word = new WordFixture()
            .Paragraph(null, T("Studies agree"), Char(begin), Code(" ADDIN EN.CITE "), Char(begin, xml), Code(" ADDIN EN.CITE.DATA "), Char(end),
                Char(separate), T("(Kara 2009; Gallagher 2010, 7)"), Char(end), T("."));
        var result = Imported(word);
        Assert.Equal("Studies agree[@kara-2009-b; @gallagher-2010, p. 7].\n", result.Body);
    }

    [Fact]
    public void AListAfterAParagraphStartsAfreshAtItsFirstLevel()
    {
        var word = new WordFixture()
            .ListItem(2, 0, "first")
            .ListItem(2, 1, "nested")
            .Paragraph(null, T("Between the lists."))
            .ListItem(1, 2, "second list, begun at the third level")
            .ListItem(1, 2, "its next item")
            .ListItem(1, 0, "back at the first level");
        // Markdown would read an item indented as deep as Word's third level as code: the list starts at its first.
        Assert.Equal("1. first\n   1. nested\n\nBetween the lists.\n\n- second list, begun at the third level\n- its next item\n- back at the first level\n", Imported(word).Body);
    }

    [Fact]
    public void CrossReferenceFieldsToAHeadingAndAPictureBecomeReferences()
    {
        var heading = P("Heading1", new DocumentFormat.OpenXml.Wordprocessing.BookmarkStart { Id = "7", Name = "_Ref200" }, T("Legal framework"), new DocumentFormat.OpenXml.Wordprocessing.BookmarkEnd { Id = "7" });
        var caption = P("Caption", new DocumentFormat.OpenXml.Wordprocessing.BookmarkStart { Id = "8", Name = "_Ref300" }, T("Figure 1"), new DocumentFormat.OpenXml.Wordprocessing.BookmarkEnd { Id = "8" }, T(": Cases by year"));
        var word = new WordFixture()
            .Paragraph("Heading1", T("Study"))
            .Paragraph(null, [T("See "), .. Field("REF _Ref200 \\h", "Legal framework"), T(" and "), .. Field("REF _Ref300 \\h", "Figure 1"), T("; "), .. Field("REF _Missing \\h", "below"), T(".")])
            .Add(heading)
            .Picture(SampleWordManuscript.Png, "Bars for 2022 and 2023.")
            .Add(caption);
        var result = Imported(word);
        Assert.StartsWith("See @sec-legal-framework and @fig-1; below.\n\n# Legal framework {#sec-legal-framework}\n\n![Cases by year](figures/figure-1.png){#fig-1 alt=\"Bars for 2022 and 2023.\"}", result.Body, StringComparison.Ordinal);
        Assert.Contains(result.Review, n => n.Message.StartsWith("a cross-reference points at a bookmark that is not a heading", StringComparison.Ordinal));
    }

    [Fact]
    public void DefinitionTermsAndDefinitionsBecomeADefinitionList()
    {
        var word = new WordFixture()
            .Paragraph("DefinitionTerm", T("Debt bondage"))
            .Paragraph("Definition", T("Work pledged against a debt whose value the work does not reduce."))
            .Paragraph("Definition", T("A practice similar to slavery."))
            .Paragraph("DefinitionTerm", T("Servitude"))
            .Paragraph("Definition", T("An obligation to live and work for another."));
        var body = Imported(word).Body;
        Assert.Equal("Debt bondage\n:   Work pledged against a debt whose value the work does not reduce.\n\n    A practice similar to slavery.\n\nServitude\n:   An obligation to live and work for another.\n", body);
        var list = Assert.IsType<Pub.Model.DefinitionList>(Assert.Single(Pub.Markdown.ManuscriptParser.ParseFragment(body)));
        Assert.Equal(2, list.Items.Count);
        Assert.Equal(2, Assert.Single(list.Items[0].Definitions).Count);
    }

    [Fact]
    public void AListIndentedFurtherAtLevelZeroNestsAsPandocWritesIt()
    {
        var word = new WordFixture()
            .ListItem(2, 0, "Give effect to the presumption of minority:")
            .ListItem(3, 0, "issue instructions;")
            .ListItem(3, 0, "train the teams;")
            .ListItem(2, 0, "Appoint guardians.");
        Assert.Equal("1. Give effect to the presumption of minority:\n   - issue instructions;\n   - train the teams;\n1. Appoint guardians.\n", Imported(word).Body);
    }

    [Fact]
    public void ColumnsWordCentresOrAlignsRightKeepTheirAlignment()
    {
        var table = Table([["Country", "Cases", "Share"], ["A", "12", "40 %"]]);
        var header = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First().Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().ToList();
        foreach (var (cell, justification) in new[] { (header[1], DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center), (header[2], DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Right) })
        {
            cell.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()!.PrependChild(
                new DocumentFormat.OpenXml.Wordprocessing.ParagraphProperties(new DocumentFormat.OpenXml.Wordprocessing.Justification { Val = justification }));
        }
        var body = Imported(new WordFixture().Add(table)).Body;
        Assert.Equal("| Country | Cases | Share |\n|---|:---:|---:|\n| A | 12 | 40 % |\n", body);
    }

    [Fact]
    public void AFileThatIsNotAWordDocumentIsADiagnosticNotACrash()
    {
        var (result, failure) = WordImport.Read("%PDF-1.7 not a docx"u8.ToArray(), "draft.docx", TrackedChanges.Refuse, new CitationLinker([]));
        Assert.Null(result);
        Assert.Equal("PUB1201", Assert.Single(failure!.Diagnostics).Code);
    }
}
