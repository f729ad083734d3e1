using Pub.Model;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

/// <summary>A resolved paper with one of everything, as the compiler hands it to the writer.</summary>
internal static class SamplePaper
{
    public static Document Create()
    {
        var cite = new Cite(
            [new CiteItem("rantsev-2010", null, [], "282", "paragraph", [], false, false)],
            [T("(European Court of Human Rights 2010, para. 282)")]);
        var meta = new Metadata
        {
            Series = "occasional-papers",
            Number = 7,
            Title = "Trafficking for Forced Criminality",
            Subtitle = "Non-punishment in Practice",
            Authors = [new Person("Anna Petrova", "Office of the Special Representative", "0000-0002-1825-0097"), new Person("Jonas Weber", "University of Vienna")],
            Date = new PublicationDate(2024, 3, 12),
            Language = "en",
            Abstract = [P(T("Victims of trafficking are often prosecuted for offences they were compelled to commit. This paper reviews how the non-punishment principle is applied across participating States & what stands in the way."))],
            Keywords = ["non-punishment", "forced criminality", "victim identification"],
            Isbn = "978-92-9234-000-0",
            Doi = "10.0000/osce.op7",
            Licence = "Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)",
            Copyright = "© 2024 Office of the Special Representative",
            Disclaimer = "The views expressed are those of the authors and do not necessarily reflect the position of the publisher.",
            Status = ManuscriptStatus.Draft,
        };
        Block[] blocks =
        [
            new Heading(1, [T("Introduction")], Id("sec-intro"), Number: "1"),
            P(T("The principle that victims should not be punished for offences they were compelled to commit"), new NoteRef("n1", 1),
              T(" is recognised in regional instruments "), cite, T(". See "), new CrossRef("tbl-cases", [T("Table 1")]),
              T(" and "), new CrossRef("fig-flow", [T("Figure 1")]), T(".")),
            P(T("The Council of Europe Convention uses the phrase "), new SpanInline(new Attributes(null, [], [new("lang", "fr")]), [new Emphasis([T("contraint à y participer")])]),
              T("; Russian texts speak of "), new SpanInline(new Attributes(null, [], [new("lang", "ru")]), [T("освобождение от наказания")]), T(".")),
            new Heading(2, [T("Scope and "), new Emphasis([T("method")])], Id("sec-method"), Number: "1.1"),
            P(T("We reviewed "), new Strong([T("48 judgments")]), T(" and "), new SmallCaps([T("osce")]), T(" reports, CO"), new Subscript([T("2")]),
              T(" notwithstanding, with m"), new Superscript([T("2")]), T(" as the unit. Code such as "), new Code("<pub build>"),
              T(" is escaped; so is "), new RawInline("<b>raw</b>"), T("."), new NoteRef("n2", 2)),
            new OrderedList(3, '.', [new ListItem([P(T("identification"))]), new ListItem([P(T("referral"))])], Tight: true),
            new BulletList([new ListItem([P(T("prosecutors"))]), new ListItem([P(T("judges"))])], Tight: true),
            new BlockQuote([P(T("States shall provide for the possibility of not imposing penalties on victims."))]),
            new Heading(1, [T("Findings")], Id("sec-findings"), Number: "2"),
            new Table(
                [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Center],
                null,
                [new TableRow([new TableCell([P(T("Country"))]), new TableCell([P(T("Cases"))]), new TableCell([P(T("Applied"))])])],
                [
                    new TableRow([new TableCell([P(T("Austria"))]), new TableCell([P(T("12"))]), new TableCell([P(T("yes"))])]),
                    new TableRow([new TableCell([P(T("United Kingdom"))]), new TableCell([P(T("31"))]), new TableCell([P(T("partly"))])]),
                ],
                [T("Cases reviewed by country")],
                Id("tbl-cases"),
                Number: "1"),
            new Figure("flow.png", [T("From identification to non-punishment")], "A flow chart with four steps", Id("fig-flow"), "1", "papers/op-7/flow.png"),
            new DefinitionList([new DefinitionItem([T("NRM")], [[P(T("National Referral Mechanism"))]])]),
            new CodeBlock("yaml", "series: occasional-papers\nnumber: 7\n"),
            new ThematicBreak(),
            new Heading(1, [T("References")], Id("sec-refs"), Numbered: false),
            new BibliographyBlock(Id("refs"), [new BibliographyEntry("rantsev-2010", [T("European Court of Human Rights. 2010. "), new Emphasis([T("Rantsev v. Cyprus and Russia")]), T(". Application no. 25965/04.")])]),
        ];
        Note[] notes =
        [
            new Note("n1", [P(T("Article 26 of the Convention; see also "), new Link("https://example.org/a?b=1&c=2", null, [T("the explanatory report")]), T("."))], 1),
            new Note("n2", [P(T("Counted by hand."))], 2),
        ];
        return Doc(blocks, notes, meta);
    }
}
