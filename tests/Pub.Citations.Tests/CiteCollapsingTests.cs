// Cite grouping and collapsing with real styles: same-author cites ("Doe 2000a, 2000b, p. 5, 2003"),
// year-suffixes ("Doe 2000a, b") and citation-number ranges ("1–3"). Expected strings are what
// citeproc-js 2.4 prints for the same references and clusters, unless a comment says otherwise.
using Xunit;
using static Pub.Citations.Tests.SharedStyleCluster;

namespace Pub.Citations.Tests;

public sealed class CiteCollapsingTests
{
    private const string OsceDecisions = """
        [
        {"id": "d557", "type": "report", "title": "Decision No. 557 on the OSCE Action Plan to Combat Trafficking in Human Beings", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003, 7, 24]]}},
        {"id": "d685", "type": "report", "title": "Decision No. 685 on the Addendum to the OSCE Action Plan", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2005, 7, 7]]}},
        {"id": "d1107", "type": "report", "title": "Decision No. 1107 on the Addendum to the OSCE Action Plan: One Decade Later", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2013, 12, 6]]}}
        ]
        """;

    // The same decisions as legislation: chicago-author-date prints no author for them, only the title.
    private const string OsceDecisionsAsLegislation = """
        [
        {"id": "d557", "type": "legislation", "title": "Decision No. 557 on the OSCE Action Plan to Combat Trafficking in Human Beings", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2003, 7, 24]]}},
        {"id": "d685", "type": "legislation", "title": "Decision No. 685 on the Addendum to the OSCE Action Plan", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2005, 7, 7]]}},
        {"id": "d1107", "type": "legislation", "title": "Decision No. 1107 on the Addendum to the OSCE Action Plan: One Decade Later", "author": [{"literal": "OSCE Permanent Council"}], "issued": {"date-parts": [[2013, 12, 6]]}}
        ]
        """;

    private const string AuthorYears = """
        [
        {"id": "a1", "type": "book", "title": "Alpha", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[2000]]}},
        {"id": "a2", "type": "book", "title": "Beta", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[2000]]}},
        {"id": "a3", "type": "book", "title": "Gamma", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[2000]]}},
        {"id": "a4", "type": "book", "title": "Delta", "author": [{"family": "Doe", "given": "John"}], "issued": {"date-parts": [[2003]]}},
        {"id": "b1", "type": "book", "title": "Epsilon", "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[1999]]}},
        {"id": "b2", "type": "book", "title": "Zeta", "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[2005]]}}
        ]
        """;

    private const string NumberedArticles = """
        [
        {"id": "n1", "type": "article-journal", "title": "Title 1", "container-title": "Journal", "volume": "1", "page": "1-10", "author": [{"family": "AuthB", "given": "A"}], "issued": {"date-parts": [[2001]]}},
        {"id": "n2", "type": "article-journal", "title": "Title 2", "container-title": "Journal", "volume": "2", "page": "1-10", "author": [{"family": "AuthC", "given": "A"}], "issued": {"date-parts": [[2002]]}},
        {"id": "n3", "type": "article-journal", "title": "Title 3", "container-title": "Journal", "volume": "3", "page": "1-10", "author": [{"family": "AuthD", "given": "A"}], "issued": {"date-parts": [[2003]]}},
        {"id": "n4", "type": "article-journal", "title": "Title 4", "container-title": "Journal", "volume": "4", "page": "1-10", "author": [{"family": "AuthE", "given": "A"}], "issued": {"date-parts": [[2004]]}},
        {"id": "n5", "type": "article-journal", "title": "Title 5", "container-title": "Journal", "volume": "5", "page": "1-10", "author": [{"family": "AuthF", "given": "A"}], "issued": {"date-parts": [[2005]]}},
        {"id": "n6", "type": "article-journal", "title": "Title 6", "container-title": "Journal", "volume": "6", "page": "1-10", "author": [{"family": "AuthG", "given": "A"}], "issued": {"date-parts": [[2006]]}},
        {"id": "n7", "type": "article-journal", "title": "Title 7", "container-title": "Journal", "volume": "7", "page": "1-10", "author": [{"family": "AuthH", "given": "A"}], "issued": {"date-parts": [[2007]]}},
        {"id": "n8", "type": "article-journal", "title": "Title 8", "container-title": "Journal", "volume": "8", "page": "1-10", "author": [{"family": "AuthI", "given": "A"}], "issued": {"date-parts": [[2008]]}},
        {"id": "n9", "type": "article-journal", "title": "Title 9", "container-title": "Journal", "volume": "9", "page": "1-10", "author": [{"family": "AuthJ", "given": "A"}], "issued": {"date-parts": [[2009]]}},
        {"id": "n10", "type": "article-journal", "title": "Title 10", "container-title": "Journal", "volume": "10", "page": "1-10", "author": [{"family": "AuthK", "given": "A"}], "issued": {"date-parts": [[2010]]}}
        ]
        """;

    private static readonly IReadOnlyList<IReadOnlyList<CitationItem>> AuthorYearClusters =
    [
        [Cite("a1"), Cite("a2"), Cite("a3"), Cite("a4"), Cite("b1"), Cite("b2")],
        [Cite("a1", "5"), Cite("a2"), Cite("a3"), Cite("b1")],
        [Cite("a1"), Cite("a2", "5"), Cite("a3"), Cite("a4"), Cite("b1")],
        [Cite("a1") with { Prefix = "see" }, Cite("a2") with { Suffix = "and passim" }, Cite("a4"), Cite("b1")],
        [Cite("a1"), Cite("a3"), Cite("b1", "3"), Cite("b2")],
    ];

    private static readonly IReadOnlyList<IReadOnlyList<CitationItem>> NumberClusters =
    [
        [Cite("n1"), Cite("n2"), Cite("n3"), Cite("n4"), Cite("n5"), Cite("n6"), Cite("n7")],
        [Cite("n8"), Cite("n9"), Cite("n10")],
        [Cite("n10"), Cite("n8"), Cite("n9")],
        [Cite("n1"), Cite("n2", "5"), Cite("n3"), Cite("n4")],
        [Cite("n1"), Cite("n2"), Cite("n3"), Cite("n4", "5")],
        [Cite("n1") with { Prefix = "see" }, Cite("n2"), Cite("n3")],
        [Cite("n1"), Cite("n2") with { Prefix = "see" }, Cite("n3"), Cite("n4")],
        [Cite("n1"), Cite("n2"), Cite("n3") with { Suffix = "and others" }],
        [Cite("n1"), Cite("n2"), Cite("n4"), Cite("n6")],
    ];

    [Fact]
    public void ChicagoAuthorDate_a_locator_does_not_end_the_authors_group()
    {
        var (citations, _) = Render("chicago-author-date.csl", OsceDecisions,
        [
            [Cite("d557", "III", "section"), Cite("d685"), Cite("d1107", "2", "paragraph")],
            [Cite("d557", "III", "chapter"), Cite("d685"), Cite("d1107", "2", "paragraph")],
            [Cite("d557"), Cite("d685", "4"), Cite("d1107")],
        ]);
        Assert.Equal(
        [
            "(OSCE Permanent Council 2003, sec. III, 2005, 2013, para. 2)",
            "(OSCE Permanent Council 2003, III, 2005, 2013, para. 2)",
            "(OSCE Permanent Council 2003, 2005, 4, 2013)",
        ], citations);
    }

    [Fact]
    public void ChicagoAuthorDate_cites_without_names_but_with_titles_do_not_group()
    {
        var (citations, _) = Render("chicago-author-date.csl", OsceDecisionsAsLegislation,
        [
            [Cite("d557", "III", "section"), Cite("d685"), Cite("d1107", "2", "paragraph")],
        ]);
        Assert.Equal(
            "(Decision No. 557 on the OSCE Action Plan to Combat Trafficking in Human Beings 2003, § III; "
            + "Decision No. 685 on the Addendum to the OSCE Action Plan 2005; "
            + "Decision No. 1107 on the Addendum to the OSCE Action Plan: One Decade Later 2013, ¶ 2)",
            citations[0]);
    }

    [Fact]
    public void Unctad_cites_without_names_stay_apart_when_the_substitute_asks_for_a_text_variable()
    {
        // The author's cs:substitute ends in <text variable="publisher"/>: cases with neither author nor
        // publisher print only their year, and are joined by the layout delimiter, not grouped.
        const string cases = """
            [
            {"id": "m2012", "type": "legal_case", "title": "M. v. Italy", "authority": "ECtHR", "issued": {"date-parts": [[2012, 7, 31]]}},
            {"id": "ti2019", "type": "legal_case", "title": "T.I. and Others v. Greece", "authority": "ECtHR", "issued": {"date-parts": [[2019, 7, 18]]}}
            ]
            """;
        var (citations, _) = Render("united-nations-conference-on-trade-and-development.csl", cases,
            [[Cite("m2012", "151", "paragraph"), Cite("ti2019")]]);
        Assert.Equal("(2012: 151; 2019)", citations[0]);
    }

    [Fact]
    public void UndpIcca_a_collapsed_cite_that_prints_a_title_follows_the_layout_delimiter()
    {
        // collapse="year" without cite-group-delimiter: the author's second work loses the names but
        // keeps "; " before it, as citeproc-js prints; the specification's default ", " would apply to
        // every cite of the group (a deliberate choice for the citeproc-js behaviour, see ClusterRenderer).
        const string works = """
            [
            {"id": "g1", "type": "article-journal", "title": "Exploitation in migration", "container-title": "Journal of International Affairs",
             "volume": "68", "issue": "2", "page": "55-74", "author": [{"family": "Gallagher", "given": "Anne T."}], "issued": {"date-parts": [[2015]]}},
            {"id": "g2", "type": "article-journal", "title": "Two cheers for the trafficking protocol", "container-title": "Anti-Trafficking Review",
             "issue": "4", "page": "14-32", "author": [{"family": "Gallagher", "given": "Anne T."}], "issued": {"date-parts": [[2016]]}}
            ]
            """;
        var (citations, _) = Render("united-nations-development-programme-icca-legal-review.csl", works,
            [[Cite("g1"), Cite("g2")], [Cite("g1", "60"), Cite("g2")]]);
        Assert.Equal(
        [
            "Gallagher, A.T. 2015. Exploitation in migration. Journal of International Affairs, Vol. 68 No. 2, pp. 55–74; "
            + "2016. Two cheers for the trafficking protocol. Anti-Trafficking Review, No. 4, pp. 14–32.",
            "Gallagher, ‘Exploitation in migration’, p. 60; ‘Two cheers for the trafficking protocol’.",
        ], citations);
    }

    [Fact]
    public void HarvardCiteThemRight_authors_tied_on_the_year_follow_their_names()
    {
        // The citation sorts by year alone and collapses: authors of the same year follow their names,
        // not the order they were cited in, and an author's cites stay together behind the first of them
        // (as citeproc-js sorts them).
        const string works = """
            [
            {"id": "w", "type": "book", "title": "Zed", "editor": [{"family": "Wylie", "given": "G"}], "issued": {"date-parts": [[2010]]}},
            {"id": "a", "type": "chapter", "title": "Alpha", "author": [{"family": "Andrijasevic", "given": "R"}], "issued": {"date-parts": [[2010]]}},
            {"id": "m", "type": "book", "title": "Mid", "author": [{"family": "Miller", "given": "M"}], "issued": {"date-parts": [[2010]]}},
            {"id": "d1", "type": "book", "title": "D1", "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2015]]}},
            {"id": "d2", "type": "book", "title": "D2", "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2005]]}},
            {"id": "s", "type": "book", "title": "S", "author": [{"family": "Smith", "given": "J"}], "issued": {"date-parts": [[2010]]}}
            ]
            """;
        var (citations, _) = Render("harvard-cite-them-right.csl", works,
            [[Cite("m"), Cite("w"), Cite("a", "130")], [Cite("d1"), Cite("s"), Cite("d2")]]);
        Assert.Equal(["(Andrijasevic, 2010, p. 130; Miller, 2010; Wylie, 2010)", "(Doe, 2005, 2015; Smith, 2010)"], citations);
    }

    [Theory]
    [InlineData("apa.csl",
        "(Doe, 2000a, 2000b, 2000c, 2003; Smith, 1999, 2005)",
        "(Doe, 2000a, p. 5, 2000b, 2000c; Smith, 1999)",
        "(Doe, 2000a, 2000b, p. 5, 2000c, 2003; Smith, 1999)",
        "(see Doe, 2000a, 2000b and passim, 2003; Smith, 1999)",
        "(Doe, 2000a, 2000c; Smith, 1999, p. 3, 2005)")]
    [InlineData("chicago-author-date.csl",
        "(Doe 2000a, 2000b, 2000c, 2003; Smith 1999, 2005)",
        "(Doe 2000a, 5, 2000b, 2000c; Smith 1999)",
        "(Doe 2000a, 2000b, 5, 2000c, 2003; Smith 1999)",
        "(see Doe 2000a, 2000b and passim, 2003; Smith 1999)",
        "(Doe 2000a, 2000c; Smith 1999, 3, 2005)")]
    // collapse="year-suffix" with cite-group-delimiter=", ": a repeated year shows its suffix alone,
    // with or without a locator.
    [InlineData("springer-basic-author-date.csl",
        "(Smith 1999, 2005; Doe 2000a, b, c, 2003)",
        "(Smith 1999; Doe 2000a, p. 5, b, c)",
        "(Smith 1999; Doe 2000a, b, p. 5, c, 2003)",
        "(Smith 1999; see Doe 2000a, b and passim, 2003)",
        "(Smith 1999, p. 3, 2005; Doe 2000a, c)")]
    public void Same_author_cites_collapse_whatever_their_locators_and_affixes(string style, params string[] expected)
    {
        var (citations, _) = Render(style, AuthorYears, AuthorYearClusters);
        Assert.Equal(expected, citations);
    }

    [Fact]
    public void Iso690AuthorDate_cites_in_a_group_take_the_cite_group_delimiter()
    {
        // The style sets after-collapse-delimiter="; " and a layout delimiter of "; ". The specification
        // gives cites within a cite group the cite-group-delimiter, ", " by default; citeproc-js instead
        // joins them with the layout delimiter: "(Doe 2000a; 2000b; 2000c; 2003; Smith 1999; 2005)". Where
        // both agree: after a cite with a locator comes the after-collapse delimiter.
        var (citations, _) = Render("iso690-author-date-en.csl", AuthorYears, AuthorYearClusters);
        Assert.Equal("(Doe 2000a, 2000b, 2000c, 2003; Smith 1999, 2005)", citations[0]);
        Assert.StartsWith("(Doe 2000a, p.\u00A05; 2000b", citations[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_style_joins_the_cites_of_one_author_with_the_layout_delimiter()
    {
        // The UNDP style is a note style with collapse="year" and no cite-group-delimiter: the CSL test
        // suite (disambiguate_YearSuffixWithEtAlSubsequent) and citeproc-js keep the layout delimiter "; "
        // between the cites of one author, where an in-text style would take ", ".
        var (citations, _) = Render("united-nations-development-programme-icca-legal-review.csl", AuthorYears,
        [
            [Cite("a1"), Cite("a2"), Cite("a4"), Cite("b1"), Cite("b2")],
            [Cite("a1"), Cite("a4"), Cite("b1")],
        ]);
        Assert.Equal(
        [
            "Doe, J. 2000. Alpha; 2000. Beta; 2003. Delta; Smith, A. 1999. Epsilon; 2005. Zeta.",
            "Doe, Alpha; Delta; Smith, Epsilon.",
        ], citations);
    }

    [Theory]
    [InlineData("nlm-citation-sequence.csl", "(1–7)", "(8–10)", "(8–10)", "(1–4)", "(1–4)", "(see 1–3)", "(1,see 2–4)", "(1,2,3 and others)", "(1,2,4,6)")]
    [InlineData("the-lancet.csl", "1–7", "8–10", "8–10", "1–4", "1–4", "see 1–3", "1,see 2–4", "1,2,3 and others", "1,2,4,6")]
    [InlineData("elsevier-vancouver.csl", "[1–7]", "[8–10]", "[8–10]", "[1–4]", "[1–4]", "[see 1–3]", "[1,see 2–4]", "[1,2,3 and others]", "[1,2,4,6]")]
    [InlineData("american-chemical-society.csl", "1–7", "8–10", "8–10", "1–4", "1–4", "see 1–3", "1,see 2–4", "1,2,3 and others", "1,2,4,6")]
    // A printed locator ends a range.
    [InlineData("american-medical-association.csl", "1–7", "8–10", "8–10", "1,2(p5),3,4", "1–3,4(p5)", "see 1–3", "1,see 2–4", "1,2,3 and others", "1,2,4,6")]
    // after-collapse-delimiter="; " is not used after a range (citeproc-js).
    [InlineData("iso690-numeric-en.csl", "(1–7)", "(8–10)", "(8–10)", "(1, 2, p.\u00A05, 3, 4)", "(1–3, 4, p.\u00A05)", "(see 1–3)", "(1, see 2–4)", "(1, 2, 3 and others)", "(1, 2, 4, 6)")]
    public void Consecutive_citation_numbers_collapse_into_ranges(string style, params string[] expected)
    {
        var (citations, _) = Render(style, NumberedArticles, NumberClusters);
        Assert.Equal(expected, citations);
    }
}
