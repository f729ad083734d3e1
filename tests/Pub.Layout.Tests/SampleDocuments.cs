using Pub.Model;
using ModelText = Pub.Model.Text;

namespace Pub.Layout.Tests;

/// <summary>Documents built in code that use every block and inline kind layout handles.</summary>
internal static class SampleDocuments
{
    /// <summary>The pages of the body: from the one numbered 1 on (the front matter is numbered in roman).</summary>
    public static List<Pub.Layout.Paged.Page> Body(Pub.Layout.Paged.PagedDocument paged) =>
        [.. paged.Pages.SkipWhile(p => p.Label != "1")];

    public const string FigurePath = "papers/op-001/figures/cases.png";

    public static LayoutSettings Settings(bool draft = false) => new()
    {
        SeriesTitle = "Occasional Papers on Trafficking in Human Beings",
        NumberLabel = "Occasional Paper No. 1",
        Publisher = "Office of the Special Representative",
        Year = 2025,
        Draft = draft,
        Images = new Dictionary<string, byte[]> { [FigurePath] = TestImages.BarChart(600, 300) },
        Hyphenation = TestFonts.Hyphenation,
    };

    private static ModelText T(string text) => new(text);

    private static Paragraph P(params Inline[] content) => new(content);

    private static Paragraph P(string text) => new([T(text)]);

    private static Heading H(int level, string number, string text, string? id = null) =>
        new(level, [T(text)], new Attributes(id, [], []), true, number);

    private static ListItem Item(string text) => new([P(text)]);

    private const string Filler =
        "Identification remains the decisive step: a person who is not identified as a victim cannot receive assistance, " +
        "protection or compensation, and is more likely to be treated as an irregular migrant or an offender. Practitioners " +
        "across the region describe screening that depends on the experience of individual officers rather than on shared " +
        "indicators, and referral that stops at the border of the agency that first meets the person concerned.";

    public static Document Paper()
    {
        var meta = new Metadata
        {
            Series = "op",
            Number = 1,
            Title = "Identifying Victims of Trafficking in Mixed Migration Flows",
            Subtitle = "Practice, Gaps and Options for National Referral Mechanisms",
            ShortTitle = "Identifying Victims in Mixed Migration",
            Authors = [new Person("Anna Kovalenko", "University of Vienna"), new Person("Martin Lindqvist", "Independent consultant")],
            Date = new PublicationDate(2025, 3, 12),
            Language = "en",
            Abstract = [P("This paper examines how states identify victims of trafficking among people moving in mixed migration flows. " +
                "It draws on interviews with practitioners in twelve participating States and on the case law of regional courts.")],
            Keywords = ["trafficking in human beings", "identification", "national referral mechanism", "mixed migration"],
        };

        var table = new Table(
            [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Left],
            null,
            [new TableRow([Cell("Country"), Cell("Identified"), Cell("Referred"), Cell("Remarks")])],
            [
                new TableRow([Cell("Austria"), Cell("312"), Cell("274"), Cell("Specialised police unit; referral agreement with two NGOs")]),
                new TableRow([Cell("Georgia"), Cell("41"), Cell("39"), Cell("Permanent group of the inter-agency council")]),
                new TableRow([Cell("Italy"), Cell("2,104"), Cell("1,688"), Cell("Screening at disembarkation points since 2017")]),
                new TableRow([Cell("Serbia"), Cell("87"), Cell("80"), Cell("Centre for Protection of Trafficking Victims")]),
            ],
            [T("Victims identified and referred to assistance, 2023")],
            new Attributes("tbl-cases", [], []),
            "1");

        Block[] blocks =
        [
            H(1, "1", "Introduction", "sec-intro"),
            P(T("Trafficking in human beings is a crime that hides in plain sight. "), new Emphasis([T("Mixed migration flows")]),
                T(" — movements in which refugees, migrants and victims of crime travel the same routes — make it harder still to see."),
                new NoteRef("n1", 1), T(" The "), new Strong([T("Palermo Protocol")]), T(" obliges States to identify victims, and "),
                new Cite([], [T("(Gallagher 2010, 277)")]), T(" shows how that obligation has been read. See "),
                new CrossRef("tbl-cases", [T("Table 1")]), T(" and "), new CrossRef("fig-cases", [T("Figure 1")]), T(".")),
            P(Filler + " " + Filler),
            H(2, "1.1", "Terms used in this paper", "sec-terms"),
            new DefinitionList([
                new DefinitionItem([T("Victim")], [[P("A person in respect of whom there are reasonable grounds to believe that they have been trafficked.")]]),
                new DefinitionItem([T("Referral")], [[P("The transfer of a presumed victim to an organisation that can assess and meet their needs.")]]),
            ]),
            P(T("Code such as "), new Code("nrm.referral()"), T(" is set in the mono face; "), new SmallCaps([T("OSCE")]),
                T(" in small capitals; 10"), new Superscript([T("3")]), T(" and H"), new Subscript([T("2")]), T("O; a link to "),
                new Link("https://www.osce.org/cthb", null, [T("the OSCE anti-trafficking pages")]), T("."), new NoteRef("n2", 2)),
            H(1, "2", "Findings", "sec-findings"),
            P(Filler),
            new BulletList([
                Item("Screening at first contact is uneven and depends on individual officers."),
                new ListItem([P("Referral stops at agency borders:"), new BulletList([Item("police to social services"), Item("social services to shelters")], true)]),
                Item("Few States collect data that distinguish victims by route of arrival."),
            ], true),
            new OrderedList(1, '.', [Item("Train first responders on indicators."), Item("Agree a single referral form."), Item("Fund specialised shelters for men.")], true),
            new BlockQuote([P("The obligation to identify is an obligation of conduct, not of result, but the conduct must be diligent.")]),
            table,
            new Figure("figures/cases.png", [T("Cases identified by year, 2018–2023")], "Bar chart of identified cases", new Attributes("fig-cases", [], []), "1", FigurePath),
            P(Filler),
            new CodeBlock("yaml", "referral:\n  from: border-police\n  to: [shelter, legal-aid]\n  deadline_hours: 24"),
            new ThematicBreak(),
            P(T("A very long identifier that cannot break: "), T("https://example.org/a/very/long/path/that/does/not/fit/on/one/line/of/this/paper/at/all/reference")),
            P(Filler + " " + Filler + " " + Filler),
            H(1, "", "References").WithUnnumbered(),
            new BibliographyBlock(new Attributes("refs", [], []), [
                new BibliographyEntry("gallagher2010", [T("Gallagher, Anne T. 2010. "), new Emphasis([T("The International Law of Human Trafficking")]), T(". Cambridge: Cambridge University Press.")]),
                new BibliographyEntry("osce2022", [T("OSCE Office of the Special Representative. 2022. "), new Emphasis([T("National Referral Mechanisms: Joining Efforts to Protect the Rights of Trafficked Persons. A Practical Handbook")]), T(". Second edition. Warsaw: OSCE/ODIHR.")]),
            ]),
        ];
        var notes = new List<Note>
        {
            new("n1", [P("On the notion of mixed migration see the glossary at the end of this paper.")], 1),
            new("n2", [P("All web pages were last consulted on 1 March 2025.")], 2),
        };
        return new Document("papers/op-001/paper.md", meta, blocks, notes);
    }

    private static Heading WithUnnumbered(this Heading heading) => heading with { Numbered = false, Number = null };

    private static TableCell Cell(string text) => new([P(text)]);

    public static Document Handbook()
    {
        var chapter = (int n, string title, string author) => new Document(
            $"handbook/ch{n}.md",
            new Metadata { Title = title, Authors = [new Person(author, "Example Institute")], Kind = ManuscriptKind.Chapter },
            [H(1, $"{n}.1", "Background"), new Paragraph([T(Filler), new NoteRef("a", 1)]), H(1, $"{n}.2", "Practice"), P(Filler)],
            [new Note("a", [P("A note in chapter " + n + ".")], 1)]);
        return new Document(
            "handbook/index.md",
            new Metadata
            {
                Title = "Handbook on Victim Identification",
                Editors = [new Person("Maria Petrova", "Editor")],
                Date = new PublicationDate(2025, 6, 1),
                Kind = ManuscriptKind.Handbook,
            },
            [P("This handbook collects contributions from practitioners.")],
            [])
        {
            Chapters = [chapter(1, "Screening at Borders", "Ivan Horvat"), chapter(2, "Referral in Practice", "Sofia Marin")],
        };
    }
}
