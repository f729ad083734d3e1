using Pub.Html.Edition;
using Pub.Html.Fragments;
using Pub.Model;
using Pub.Syntax;
using Pub.Testing;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

/// <summary>The HTML of every block type, of footnotes, citations and the bibliography, and the metadata
/// in the head of a paper and a handbook page, pinned by reviewed files in tests/fixtures/html.</summary>
public sealed class GoldenTests
{
    private static readonly HtmlPageContext PaperContext = new()
    {
        SeriesTitle = "Occasional Papers on Trafficking in Human Beings in the OSCE Region",
        SeriesId = "op",
        SeriesIssn = "2664-4932",
        NumberLabel = "Occasional Paper No. 7",
        PageFileName = "op-007-en-ed1.html",
        PdfFileName = "op-007-en-ed1.pdf",
        BaseUrl = "https://publications.example.org/op/",
        PublisherName = "OSCE Office of the Special Representative",
        PublisherPlace = "Vienna",
        Generator = "pub 0.1.0",
        ImageUrl = path => "op-007-en-ed1-files/" + ProjectPath.FileName(path),
    };

    private static readonly HtmlPageContext HandbookContext = new()
    {
        SeriesTitle = "Handbooks on Combating Trafficking in Human Beings",
        SeriesId = "hb",
        NumberLabel = "Handbook No. 1",
        PageFileName = "hb-001-en-ed1.html",
        PdfFileName = "hb-001-en-ed1.pdf",
        PublisherName = "OSCE Office of the Special Representative",
        PublisherPlace = "Vienna",
        Generator = "pub 0.1.0",
    };

    [Fact]
    public void Paper_page_metadata() =>
        Golden.Assert("html/metadata/paper.html", Head(HtmlEditionWriter.Render(SamplePaper.Create(), PaperContext, new RepositoryTemplates())));

    [Fact]
    public void Handbook_page_metadata() =>
        Golden.Assert("html/metadata/handbook.html", Head(HtmlEditionWriter.Render(SampleHandbook.Create(), HandbookContext, new RepositoryTemplates())));

    [Fact]
    public void Handbook_chapter_page_metadata()
    {
        var result = HtmlEditionWriter.Render(SampleHandbook.Create(), HandbookContext with { BaseUrl = "https://publications.example.org/hb/" }, new RepositoryTemplates());
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.ChapterPages);
        Golden.Assert("html/metadata/handbook-chapter.html", Head(new HtmlEditionResult(result.ChapterPages[0].Html, [])));
    }

    public static TheoryData<string> BlockCases => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(BlockCases))]
    public void Block_html(string name)
    {
        var (blocks, notes) = Cases[name]();
        var writer = new HtmlFragmentWriter(new HtmlFragmentOptions { ImageUrl = p => "files/" + ProjectPath.FileName(p) });
        var html = writer.WriteBody(blocks) + writer.WriteNotes(notes);
        Golden.Assert($"html/blocks/{name}.html", html);
    }

    private static string Head(HtmlEditionResult result)
    {
        Assert.Empty(result.Diagnostics);
        var html = result.Html!;
        var start = html.IndexOf("<head>", StringComparison.Ordinal);
        var end = html.IndexOf("</head>", StringComparison.Ordinal);
        return html[start..(end + "</head>".Length)] + "\n";
    }

    private static readonly Dictionary<string, Func<(IReadOnlyList<Block>, IReadOnlyList<Note>)>> Cases = new(StringComparer.Ordinal)
    {
        ["paragraph"] = () => ([P(
            T("Plain & <escaped> \"text\", "), new Emphasis([T("emphasis")]), T(", "), new Strong([T("strong")]), T(", "),
            new SmallCaps([T("osce")]), T(", x"), new Superscript([T("2")]), T(", CO"), new Subscript([T("2")]), T(", "),
            new Underline([T("underlined")]), T(", "), new Emphasis([T("a "), new Upright([T("Latin")]), T(" term")]), T(", "),
            new Strong([T("bold "), new NormalWeight([T("normal")])]), T(", "), new Code("a < b"), T(","), new SoftBreak(),
            T("a "), new Link("https://example.org/?a=1&b=2", "Example", [T("link")]), T(", an unsafe "),
            new Link("javascript:alert(1)", null, [T("link")]), T(", "),
            new SpanInline(new Attributes(null, ["term"], [new("lang", "de"), new("source", "glossary")]), [T("Menschenhandel")]),
            new LineBreak(), T("an image "), new InlineImage("icons/pdf.png", "PDF", [T("PDF icon")]), T("."))], []),
        ["heading"] = () => ([
            new Heading(1, [T("Findings")], Id("sec-findings"), Number: "2"),
            new Heading(2, [T("By "), new Emphasis([T("region")])], Attributes.Empty, Number: "2.1"),
            new Heading(1, [T("Acknowledgements")], new Attributes(null, ["unnumbered", "unlisted"], []), Numbered: false)], []),
        ["bullet-list"] = () => ([
            new BulletList([new ListItem([P(T("tight one"))]), new ListItem([P(T("tight two"))])], Tight: true),
            new BulletList([new ListItem([P(T("loose one")), P(T("second paragraph"))]), new ListItem([P(T("loose two"))])], Tight: false)], []),
        ["ordered-list"] = () => ([
            new OrderedList(1, '.', [new ListItem([P(T("first"))]), new ListItem([P(T("second")), new BulletList([new ListItem([P(T("nested"))])], Tight: true)])], Tight: true),
            new OrderedList(4, ')', [new ListItem([P(T("fourth"))])], Tight: true)], []),
        ["definition-list"] = () => ([new DefinitionList([
            new DefinitionItem([T("NRM")], [[P(T("National Referral Mechanism"))]]),
            new DefinitionItem([T("THB")], [[P(T("Trafficking in human beings"))], [P(T("Also: human trafficking"))]])])], []),
        ["block-quote"] = () => ([new BlockQuote([P(T("States shall provide for the possibility of not imposing penalties.")), P(T("— Article 26"))])], []),
        ["code-block"] = () => ([new CodeBlock("yaml", "series: op\nnumber: <7>\n"), new CodeBlock(null, "plain")], []),
        ["thematic-break"] = () => ([P(T("before")), new ThematicBreak(), P(T("after"))], []),
        ["div"] = () => ([new Div(new Attributes("box-1", ["callout", "note"], [new("lang", "fr"), new("onclick", "x"), new("data x", "y")]), [P(T("Inside a div."))])], []),
        ["table"] = () => ([
            new Table(
                [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Center],
                [0.5, 0.25, 0.25],
                [new TableRow([new TableCell([P(T("Country"))]), new TableCell([P(T("Cases"))]), new TableCell([P(T("Applied"))])])],
                [
                    new TableRow([new TableCell([P(T("Austria"))]), new TableCell([P(T("12"))]), new TableCell([P(T("yes"))])]),
                    new TableRow([new TableCell([P(T("All"))], ColumnSpan: 2), new TableCell([P(T("partly"))])]),
                ],
                [T("Cases reviewed by country")],
                Id("tbl-cases"),
                Number: "1"),
            new Table([ColumnAlignment.Default], null, [], [new TableRow([new TableCell([P(T("no caption, no header"))])])], [], Attributes.Empty)], []),
        ["figure"] = () => ([
            new Figure("figures/flow.png", [T("From identification to "), new Emphasis([T("referral")])], "A flow chart with four steps",
                new Attributes("fig-flow", [], [new("width", "80%")]), "1", "papers/op-7/figures/flow.png"),
            new Figure("figures/map.png", [T("Routes")], null, Attributes.Empty, "2", "papers/op-7/figures/map.png")], []),
        ["raw-html"] = () => ([
            new RawBlock("<div class=\"box\"><p>Allowed <abbr title=\"Organization for Security and Co-operation in Europe\">OSCE</abbr></p></div>\n"),
            new RawBlock("<script>alert(1)</script>\n"),
            P(T("Inline "), new RawInline("<kbd>"), T("Ctrl"), new RawInline("</kbd>"), T(" and "), new RawInline("<img src=x onerror=alert(1)>"), T("."))], []),
        ["footnotes"] = () => ([P(T("A claim"), new NoteRef("a", 1), T(" and another"), new NoteRef("b", 2), T(", the first again"), new NoteRef("a", 1), T("."))],
            [
                new Note("a", [P(T("The first note, with "), new Emphasis([T("emphasis")]), T("."))], 1),
                new Note("b", [P(T("A note of two paragraphs.")), P(T("The second one."))], 2),
                new Note("unused", [P(T("Never referenced."))], 0),
            ]),
        ["citations"] = () => ([
            P(T("As the Court held "),
              new Cite([new CiteItem("rantsev-2010", null, [], "282", "paragraph", [], false, false)], [T("(European Court of Human Rights 2010, para. 282)")]),
              T(", and as "), new Cite([new CiteItem("missing-key", null, [], null, null, [], false, true)]), T(" did not, see "),
              new CrossRef("tbl-cases", [T("Table 1")]), T(" and "), new CrossRef("fig-nowhere"), T(".")),
            new BibliographyBlock(Id("refs"), [
                new BibliographyEntry("rantsev-2010", [T("European Court of Human Rights. 2010. "), new Emphasis([T("Rantsev v. Cyprus and Russia")]), T(".")]),
                new BibliographyEntry("unodc-2022", [T("UNODC. 2022. "), new Emphasis([T("Global Report")]), T(". "), new Link("https://www.unodc.org/report", null, [T("https://www.unodc.org/report")])]),
            ])], []),
    };
}
