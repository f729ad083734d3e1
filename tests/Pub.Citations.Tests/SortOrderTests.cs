// Bibliography and citation sort order with real styles, compared with citeproc-js, which sorts with
// the ICU collation of the style's language (Intl.Collator): base letters only, numbers by value,
// punctuation ignored. The expected orders are citeproc-js 2.4's for the same references.
using Xunit;
using static Pub.Citations.Tests.SharedStyleCluster;

namespace Pub.Citations.Tests;

public sealed class SortOrderTests
{
    // Latin names with and without accents, Cyrillic names, anonymous works with leading articles
    // ("The Zebra", "A Yak"), a work without a date, and "Doe, Zack" beside "Doel, Ann".
    private const string Mixed = """
        [
        {"id": "x1", "type": "book", "title": "One", "author": [{"family": "Doel", "given": "Ann"}], "issued": {"date-parts": [[2000]]}},
        {"id": "x2", "type": "book", "title": "Two", "author": [{"family": "Doe", "given": "Zack"}], "issued": {"date-parts": [[2000]]}},
        {"id": "x3", "type": "book", "title": "The Zebra", "issued": {"date-parts": [[2000]]}},
        {"id": "x4", "type": "book", "title": "A Yak", "issued": {"date-parts": [[2000]]}},
        {"id": "x5", "type": "book", "title": "Ant", "author": [{"family": "Doe", "given": "Zack"}]},
        {"id": "x6", "type": "book", "title": "Bee", "author": [{"family": "Doe", "given": "Zack"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x7", "type": "book", "title": "Ürt", "author": [{"family": "Müller", "given": "Hans"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x8", "type": "book", "title": "Mu", "author": [{"family": "Mueller", "given": "Hans"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x9", "type": "book", "title": "Ma", "author": [{"family": "Muller", "given": "Hans"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x10", "type": "book", "title": "Mz", "author": [{"family": "Mylius", "given": "Hans"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x11", "type": "book", "title": "Éclat", "author": [{"family": "Élie", "given": "Jean"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x12", "type": "book", "title": "Ecl", "author": [{"family": "Ezra", "given": "Jean"}], "issued": {"date-parts": [[1990]]}},
        {"id": "x13", "type": "book", "title": "Торговля", "author": [{"family": "Тюрюканова", "given": "Елена"}], "issued": {"date-parts": [[2006]]}},
        {"id": "x14", "type": "book", "title": "Ёж", "author": [{"family": "Ёлкин", "given": "Иван"}], "issued": {"date-parts": [[2006]]}},
        {"id": "x15", "type": "book", "title": "Еж", "author": [{"family": "Ельцин", "given": "Иван"}], "issued": {"date-parts": [[2006]]}},
        {"id": "x16", "type": "book", "title": "Zz", "author": [{"family": "Zimmer", "given": "Anna"}], "issued": {"date-parts": [[2006]]}},
        {"id": "x17", "type": "book", "title": "Aa", "author": [{"family": "Abel", "given": "Anna"}], "issued": {"date-parts": [[2006]]}}
        ]
        """;

    // Three decisions of one corporate author in one year; the numbers in the titles decide.
    private const string DecisionsOneYear = """
        [
        {"id": "d557", "type": "report", "title": "Decision No. 557 on the OSCE Action Plan to Combat Trafficking in Human Beings", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003]]}},
        {"id": "d685", "type": "report", "title": "Decision No. 685 on the Addendum to the OSCE Action Plan", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003]]}},
        {"id": "d1107", "type": "report", "title": "Decision No. 1107 on the Addendum to the OSCE Action Plan: One Decade Later", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003]]}}
        ]
        """;

    private const string DecisionsThreeYears = """
        [
        {"id": "d557", "type": "report", "title": "Decision No. 557 on the OSCE Action Plan to Combat Trafficking in Human Beings", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003]]}},
        {"id": "d685", "type": "report", "title": "Decision No. 685 on the Addendum to the OSCE Action Plan", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2005]]}},
        {"id": "d1107", "type": "report", "title": "Decision No. 1107 on the Addendum to the OSCE Action Plan: One Decade Later", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2013]]}}
        ]
        """;

    // One author's works of one year and without a date, and two anonymous articles.
    private const string OneAuthor = """
        [
        {"id": "s1", "type": "book", "title": "Zeta book", "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2010]]}},
        {"id": "s2", "type": "book", "title": "Beta book", "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2010]]}},
        {"id": "s3", "type": "book", "title": "The Alpha book", "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2010]]}},
        {"id": "s4", "type": "book", "title": "Undated", "author": [{"family": "Roe", "given": "Ann"}]},
        {"id": "s5", "type": "book", "title": "Undated two", "author": [{"family": "Roe", "given": "Ann"}]},
        {"id": "s6", "type": "article-journal", "title": "Anonymous piece", "container-title": "The Times", "issued": {"date-parts": [[2010, 5, 1]]}},
        {"id": "s7", "type": "article-journal", "title": "A second anonymous piece", "container-title": "The Times", "issued": {"date-parts": [[2010, 4, 1]]}}
        ]
        """;

    // Apostrophes inside names and titles ("O’Brien", "Children’s"), an elided particle ("d’Wander") and
    // a name with an accented one-letter word ("Ó Súilleabháin").
    private const string Apostrophes = """
        [
        {"id": "a1", "type": "book", "title": "Modern Slavery", "author": [{"family": "O'Connell Davidson", "given": "Julia"}], "issued": {"date-parts": [[2015]]}},
        {"id": "a2", "type": "post-weblog", "title": "Frames", "author": [{"family": "Ó Súilleabháin", "given": "Ciarán"}], "issued": {"date-parts": [[2021]]}},
        {"id": "a3", "type": "book", "title": "Labour", "author": [{"family": "Oakes", "given": "Ann"}], "issued": {"date-parts": [[2010]]}},
        {"id": "a4", "type": "book", "title": "Borders", "author": [{"family": "O’Brien", "given": "Kate"}], "issued": {"date-parts": [[2012]]}},
        {"id": "a5", "type": "book", "title": "Rivers", "author": [{"family": "d'Wander", "given": "William"}], "issued": {"date-parts": [[2001]]}},
        {"id": "a6", "type": "book", "title": "Wells", "author": [{"family": "Dwyer", "given": "Paul"}], "issued": {"date-parts": [[2003]]}},
        {"id": "a7", "type": "book", "title": "Children’s Rights", "issued": {"date-parts": [[2005]]}},
        {"id": "a8", "type": "book", "title": "Children Abroad", "issued": {"date-parts": [[2005]]}},
        {"id": "a9", "type": "book", "title": "Childrens Act", "issued": {"date-parts": [[2005]]}}
        ]
        """;

    // One author's reprints: a chapter of 1977 first published in 1921, the book of 1977, and a book of
    // 1971 first published in 1926.
    private const string Reprints = """
        [
        {"id": "o1", "type": "chapter", "title": "Prostitution and Ways of Fighting It", "author": [{"family": "Kollontai", "given": "Alexandra"}], "container-title": "Selected Writings", "editor": [{"family": "Holt", "given": "Alix"}], "publisher": "Allison & Busby", "issued": {"date-parts": [[1977]]}, "original-date": {"date-parts": [[1921]]}},
        {"id": "o2", "type": "book", "title": "Selected Writings", "author": [{"family": "Kollontai", "given": "Alexandra"}], "editor": [{"family": "Holt", "given": "Alix"}], "publisher": "Allison & Busby", "issued": {"date-parts": [[1977]]}},
        {"id": "o3", "type": "book", "title": "Autobiography", "author": [{"family": "Kollontai", "given": "Alexandra"}], "publisher": "Herder", "issued": {"date-parts": [[1971]]}, "original-date": {"date-parts": [[1926]]}}
        ]
        """;

    // Works whose citation labels end in the year's two digits: "Ahme03", "Alla10", "Prot00", "BrCa11".
    private const string Labelled = """
        [
        {"id": "l1", "type": "book", "title": "Nowhere to Run", "author": [{"family": "Ahmed", "given": "Sara"}], "issued": {"date-parts": [[2003]]}},
        {"id": "l2", "type": "article-journal", "title": "Rantsev v Cyprus and Russia", "author": [{"family": "Allain", "given": "Jean"}], "container-title": "Human Rights Law Review", "issued": {"date-parts": [[2010]]}},
        {"id": "l3", "type": "legislation", "title": "Protocol to Prevent, Suppress and Punish Trafficking in Persons", "issued": {"date-parts": [[2000]]}},
        {"id": "l4", "type": "book", "title": "The Cambridge World History of Slavery", "editor": [{"family": "Bradley", "given": "Keith"}, {"family": "Cartledge", "given": "Paul"}], "issued": {"date-parts": [[2011]]}}
        ]
        """;

    // Anonymous works of 2011–2021 (a range), 2024 and 2011, and two authors' works, one with a note.
    private const string RangesAndNotes = """
        [
        {"id": "r1", "type": "book", "title": "The Cambridge World History of Slavery", "issued": {"date-parts": [[2011], [2021]]}},
        {"id": "r2", "type": "report", "title": "Anti-Trafficking Directive", "issued": {"date-parts": [[2024, 6, 13]]}},
        {"id": "r3", "type": "book", "title": "AD 1420–AD 1804", "issued": {"date-parts": [[2011]]}},
        {"id": "n1", "type": "book", "title": "Torgovlya", "note": "zzz", "author": [{"family": "Zotov", "given": "Ivan"}], "issued": {"date-parts": [[2010]]}},
        {"id": "n2", "type": "book", "title": "Trafficking", "author": [{"family": "Abel", "given": "Anna"}], "issued": {"date-parts": [[2010]]}}
        ]
        """;

    private static readonly string[] MixedIds = [.. Enumerable.Range(1, 17).Select(i => "x" + i)];

    private static IReadOnlyList<string> Bibliography(string style, string references, IEnumerable<string> ids, string? lang = null) =>
        Render(style, references, [.. ids.Select(id => (IReadOnlyList<CitationItem>)[Cite(id)])], lang).BibliographyIds;

    // English, German and French collate these names alike: accents and case do not count ("Élie"
    // before "Ezra"; "Muller" and "Müller" tie, and the title decides), Latin before Cyrillic.
    [Theory]
    [InlineData("apa.csl", null)]
    [InlineData("apa.csl", "de-DE")]
    [InlineData("apa.csl", "fr-FR")]
    [InlineData("modern-language-association.csl", null)]
    [InlineData("chicago-notes-bibliography.csl", null)]
    public void Latin_names_sort_without_regard_to_case_and_accents(string style, string? lang)
    {
        Assert.Equal(
            ["x4", "x17", "x5", "x6", "x2", "x1", "x11", "x12", "x8", "x9", "x7", "x10", "x3", "x16", "x14", "x15", "x13"],
            Bibliography(style, Mixed, MixedIds, lang));
    }

    [Fact]
    public void Apa_in_Russian_sorts_Cyrillic_before_Latin()
    {
        Assert.Equal(
            ["x14", "x15", "x13", "x4", "x17", "x5", "x6", "x2", "x1", "x11", "x12", "x8", "x9", "x7", "x10", "x3", "x16"],
            Bibliography("apa.csl", Mixed, MixedIds, "ru-RU"));
    }

    [Fact]
    public void Gost_sorts_Cyrillic_before_Latin()
    {
        // The style's default-locale is ru-RU. "Müller" (x7) ties with "Muller" (x9) and stays before it,
        // in the order the two were cited.
        Assert.Equal(
            ["x14", "x15", "x13", "x17", "x6", "x2", "x5", "x1", "x11", "x12", "x8", "x7", "x9", "x10", "x16", "x3", "x4"],
            Bibliography("gost-r-7-0-5-2008.csl", Mixed, MixedIds));
    }

    // "Doe, Zack" without a date (x5) comes after his dated works here; APA puts it first.
    [Fact]
    public void Undated_works_follow_the_dated_works_of_their_author()
    {
        Assert.Equal(
            ["x4", "x17", "x6", "x2", "x5", "x1", "x11", "x12", "x8", "x9", "x7", "x10", "x3", "x16", "x14", "x15", "x13"],
            Bibliography("harvard-cite-them-right.csl", Mixed, MixedIds));
        Assert.Equal(
            ["x4", "x17", "x6", "x2", "x5", "x1", "x11", "x12", "x8", "x9", "x7", "x10", "x3", "x16", "x14", "x15", "x13"],
            Bibliography("chicago-author-date.csl", Mixed, MixedIds));
    }

    // The styles sort by a macro that prints the year or the term "n.d.": only the date counts, so an
    // undated work sorts last even where dates sort descending (elsevier-harvard).
    [Theory]
    [InlineData("elsevier-harvard.csl", "s7", "s6", "s1", "s2", "s3", "s4", "s5")]
    [InlineData("harvard-cite-them-right.csl", "s2", "s3", "s1", "s4", "s5", "s7", "s6")]
    [InlineData("apa.csl", "s7", "s6", "s4", "s5", "s2", "s3", "s1")]
    public void Undated_works_sort_by_their_empty_date(string style, params string[] expected)
    {
        string[] ids = ["s1", "s2", "s3", "s4", "s5", "s6", "s7"];
        Assert.Equal(expected, Bibliography(style, OneAuthor, ids));
    }

    // Terms count only outside date macros: FAO sorts the anonymous works (x3, x4) under its
    // "Anonymous" term, and Doe's undated work (x5), whose date macro prints "undated", first among his
    // (an empty date before the years); iso690 in French leaves out "[sans date]" the same way.
    [Theory]
    [InlineData("food-and-agriculture-organization-of-the-united-nations.csl",
        "x17", "x3", "x4", "x5", "x6", "x2", "x1", "x11", "x12", "x8", "x7", "x9", "x10", "x16", "x14", "x15", "x13")]
    [InlineData("iso690-author-date-fr.csl",
        "x4", "x17", "x5", "x6", "x2", "x1", "x11", "x12", "x8", "x7", "x9", "x10", "x3", "x16", "x14", "x15", "x13")]
    public void Terms_of_date_macros_do_not_count_in_sorting(string style, params string[] expected)
    {
        Assert.Equal(expected, Bibliography(style, Mixed, MixedIds));
    }

    [Fact]
    public void ElsevierHarvard_cites_undated_works_after_dated_ones()
    {
        var (citations, _) = Render("elsevier-harvard.csl", OneAuthor,
            [[Cite("s1"), Cite("s2"), Cite("s3"), Cite("s4"), Cite("s5")]]);
        Assert.Equal("(Roe, 2010a, 2010b, 2010c, n.d., n.d.)", citations[0]);
    }

    [Theory]
    [InlineData("chicago-author-date.csl")]
    [InlineData("apa.csl")]
    [InlineData("harvard-cite-them-right.csl")]
    [InlineData("modern-language-association.csl")]
    [InlineData("chicago-notes-bibliography.csl")]
    public void Numbers_in_titles_sort_by_value(string style)
    {
        string[] cited = ["d1107", "d685", "d557"];
        Assert.Equal(["d557", "d685", "d1107"], Bibliography(style, DecisionsOneYear, cited));
        Assert.Equal(["d557", "d685", "d1107"], Bibliography(style, DecisionsThreeYears, cited));
    }

    [Theory]
    [InlineData("apa.csl", "(OSCE Permanent Council, 2003c, 2003b, 2003a)")]
    [InlineData("chicago-author-date.csl", "(OSCE Permanent Council 2003c, 2003b, 2003a)")]
    // The style sorts cites by a macro holding the year and the year-suffix: the suffix is not part of
    // the sort key, so the cites keep the order they were cited in.
    [InlineData("harvard-cite-them-right.csl", "(OSCE Permanent Council, 2003c, 2003b, 2003a)")]
    public void Year_suffixes_follow_the_bibliography_and_cites_keep_their_order(string style, string expected)
    {
        var (citations, _) = Render(style, DecisionsOneYear, [[Cite("d1107"), Cite("d685"), Cite("d557")]]);
        Assert.Equal(expected, citations[0]);
    }

    // An apostrophe inside a word does not count ("O’Connell" sorts as "OConnell", "Children’s" as
    // "Childrens"), so "Ó Súilleabháin", two words, comes first among the O names; the apostrophe of an
    // elided particle separates it from the family name ("d’Wander" before "Dwyer"). Chicago demotes
    // the particle, so "Wander" sorts last there.
    [Theory]
    [InlineData("apa.csl", null, "a8", "a9", "a7", "a5", "a6", "a2", "a3", "a4", "a1")]
    [InlineData("apa.csl", "ru-RU", "a8", "a9", "a7", "a5", "a6", "a2", "a3", "a4", "a1")]
    [InlineData("modern-language-association.csl", null, "a8", "a9", "a7", "a5", "a6", "a2", "a3", "a4", "a1")]
    [InlineData("chicago-author-date.csl", null, "a8", "a9", "a7", "a6", "a2", "a3", "a4", "a1", "a5")]
    public void Apostrophes_inside_words_do_not_count(string style, string? lang, params string[] expected)
    {
        string[] ids = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"];
        Assert.Equal(expected, Bibliography(style, Apostrophes, ids, lang));
    }

    // Chicago sorts by a macro printing "(1921) 1977": in a sort key a macro holding dates gives its
    // dates alone, joined without a separator, so the two dates make one larger number and the
    // reprint of 1977 sorts after the book of 1977 (and the 1971 reprint before both).
    [Theory]
    [InlineData("chicago-author-date.csl")]
    [InlineData("taylor-and-francis-chicago-author-date.csl")]
    [InlineData("mhra-author-date.csl")]
    public void A_sort_macro_joins_its_dates_into_one_key(string style)
    {
        Assert.Equal(["o3", "o2", "o1"], Bibliography(style, Reprints, ["o1", "o2", "o3"]));
    }

    // din-1505-2-alphanumeric sorts by citation-label: a label is text, not a number, even though it
    // ends in digits, so "Prot00" sorts after "BrCa11".
    [Fact]
    public void Citation_labels_sort_as_text()
    {
        Assert.Equal(["l1", "l2", "l4", "l3"], Bibliography("din-1505-2-alphanumeric.csl", Labelled, ["l1", "l2", "l3", "l4"], "de-DE"));
    }

    // gost sorts by a macro printing the note and the text "Z999", then by author, then by date. The
    // macro is left out like a group where the note is empty, so the work with a note comes first;
    // a range (2011–2021) sorts after its first year and before a later year (2024).
    [Theory]
    [InlineData(null)]
    [InlineData("en-US")]
    public void Gost_sorts_notes_first_and_ranges_by_their_start(string? lang)
    {
        Assert.Equal(["n1", "n2", "r3", "r1", "r2"], Bibliography("gost-r-7-0-5-2008.csl", RangesAndNotes, ["r1", "r2", "r3", "n1", "n2"], lang));
    }

    // "van der Leun" against the case "Van der Mussele v. Belgium": French and Russian output tie the
    // particle to the family name with a no-break space, which a sort key ignores ("derLeun" follows
    // "Der Mussele"); English and German keep the words apart. Orders as citeproc-js sorts them.
    [Theory]
    [InlineData("en-US", "leun", "mussele")]
    [InlineData("de-DE", "leun", "mussele")]
    [InlineData("fr-FR", "mussele", "leun")]
    [InlineData("ru-RU", "mussele", "leun")]
    public void A_particle_tied_by_a_no_break_space_sorts_as_one_word_with_the_family_name(string lang, params string[] expected)
    {
        const string works = """
            [
            {"id": "leun", "type": "article-journal", "title": "Emerging from the Shadows",
             "author": [{"family": "Leun", "given": "Joanne", "non-dropping-particle": "van der"}, {"family": "Schijndel", "given": "Andrea", "non-dropping-particle": "van"}],
             "language": "en"},
            {"id": "mussele", "type": "legal_case", "title": "Van der Mussele v. Belgium", "authority": "European Court of Human Rights", "language": "en"}
            ]
            """;
        Assert.Equal(expected, Bibliography("apa.csl", works, ["leun", "mussele"], lang));
    }
}
