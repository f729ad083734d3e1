// A manuscript of about 30 typeset pages: sections and subsections of prose, lists, tables and block
// quotations, 20–30 footnotes and about 80 citations in every form Pandoc's citation syntax has, drawn
// from the shared bibliography.
using System.Globalization;

namespace Pub.Corpus;

public sealed class ManuscriptGenerator(Seeded random, IReadOnlyList<Reference> bibliography)
{
    private static readonly string[] SectionTitles =
    [
        "Introduction", "Scope and method", "The international legal framework", "Patterns of exploitation",
        "Identification and referral", "Investigation and prosecution", "Protection and assistance",
        "Prevention in supply chains", "Cooperation across borders", "Conclusions and recommendations",
    ];

    private static readonly string[] SubsectionTitles =
    [
        "Definitions", "Sources of data", "Recruitment", "Control and coercion", "The role of labour inspectors",
        "Victims' rights in proceedings", "Compensation", "Children", "Online recruitment", "Public procurement",
        "Residence permits", "Financial investigations", "Training of practitioners", "Regional differences",
    ];

    private const int Sections = 8;
    private const int TargetCitations = 80;
    private readonly Prose _prose = new(random);
    private int _citations;
    private int _notes;

    public Manuscript Generate(int number)
    {
        _citations = 0;
        _notes = 0;
        var title = $"{random.Pick(["Hidden", "Unseen", "Unpaid", "Bound", "Invisible", "Owed"])} Work, Visible Harm";
        var body = new List<Block>();
        var sections = SectionTitles.Take(Sections - 1).Append(SectionTitles[^1]).ToList();
        foreach (var section in sections)
        {
            body.Add(new Heading(1, section));
            body.AddRange(Paragraphs(random.Between(2, 3)));
            foreach (var subsection in random.PickDistinct(SubsectionTitles, random.Between(2, 3)))
            {
                body.Add(new Heading(2, subsection));
                body.AddRange(Paragraphs(random.Between(3, 4)));
                body.Add(random.Next(3) switch
                {
                    0 => List(),
                    1 => Quotation(),
                    _ => Table(),
                });
                body.AddRange(Paragraphs(1));
            }
        }
        return new Manuscript(
            Folder: $"op-{number:000}-generated",
            Number: number,
            Title: title,
            Subtitle: "Trafficking in Human Beings for Labour Exploitation in the OSCE Region",
            ShortTitle: title,
            Authors: [("Generated Author " + number.ToString(CultureInfo.InvariantCulture), "OSCE Secretariat, Vienna"), ("Second Author", "Independent consultant")],
            Date: $"2025-{1 + (number % 12):00}-15",
            Abstract: string.Join(' ', Enumerable.Range(0, 4).Select(_ => _prose.Sentence())),
            Keywords: ["trafficking in human beings", "labour exploitation", "forced labour"],
            Body: body);
    }

    /// <summary>Paragraphs of about 110 words; citations and notes spread so that the manuscript reaches about
    /// 80 citations and 20–30 notes.</summary>
    private IEnumerable<Block> Paragraphs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var content = new List<Inline>();
            var sentences = random.Between(4, 7);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    content.Add(new Words(" "));
                }
                content.AddRange(Sentence());
            }
            yield return new Paragraph(content);
        }
    }

    private IEnumerable<Inline> Sentence()
    {
        var roll = random.Next(100);
        if (roll < 9 && _citations < TargetCitations)
        {
            // A narrative citation: "Novak (2015, 12) argues that …".
            _citations++;
            return [new Citation(CitationForm.Narrative, [Work(locator: random.Chance(0.5))]), new Words(_prose.NarrativeClaim())];
        }
        var sentence = _prose.Sentence();
        var body = sentence[..^1];
        var parts = new List<Inline>();
        if (roll < 14)
        {
            var term = _prose.EmphasisedTerm();
            parts.Add(new Words(body + ", "));
            parts.Add(new Emphasis(term));
        }
        else
        {
            parts.Add(new Words(body));
        }
        if (roll is >= 14 and < 44 && _citations < TargetCitations)
        {
            _citations++;
            parts.Add(new Words(" "));
            parts.Add(ParentheticalCitation());
        }
        parts.Add(new Words("."));
        if (roll is >= 44 and < 52 && _notes < 28)
        {
            _notes++;
            parts.Add(Footnote());
        }
        return parts;
    }

    private Citation ParentheticalCitation() => random.Next(20) switch
    {
        < 10 => new Citation(CitationForm.Parenthetical, [Work(locator: random.Chance(0.5))]),
        < 14 => new Citation(CitationForm.Parenthetical,
            [.. Enumerable.Range(0, random.Between(2, 3)).Select(i => Work(locator: random.Chance(0.3), prefix: i == 0 && random.Chance(0.5) ? random.Pick(["see", "cf.", "see also"]) : null)).DistinctBy(w => w.Key)]),
        < 17 => new Citation(CitationForm.SuppressAuthor, [Work(locator: random.Chance(0.6))]),
        _ => new Citation(CitationForm.Parenthetical, [Work(locator: true) with { Suffix = "emphasis added" }]),
    };

    private CitedWork Work(bool locator, string? prefix = null)
    {
        var reference = random.Pick(bibliography);
        string? at = null;
        if (locator)
        {
            var page = random.Between(3, 380);
            at = random.Next(10) switch
            {
                < 5 => $"p. {page}",
                < 7 => $"pp. {page}–{page + random.Between(1, 9)}",
                7 => $"para. {random.Between(10, 160)}",
                8 => $"chap. {random.Between(1, 12)}",
                _ => $"sec. {random.Between(1, 9)}.{random.Between(1, 6)}",
            };
        }
        return new CitedWork(reference.Id, prefix, at);
    }

    private Note Footnote()
    {
        var content = new List<Inline> { new Words(_prose.Sentence()) };
        switch (random.Next(4))
        {
            case 0:
                _citations++;
                content.Add(new Words(" See "));
                content.Add(new Citation(CitationForm.Narrative, [Work(locator: true)]));
                content.Add(new Words(" for a discussion of " + _prose.Object().ToLowerInvariant() + "."));
                break;
            case 1:
                content.Add(new Words(" The data are available at "));
                content.Add(new Link($"https://www.example.org/statistics/{random.Between(2015, 2025)}/trafficking-in-human-beings-dataset-{random.Between(100, 999)}.xlsx"));
                content.Add(new Words("."));
                break;
            case 2:
                content.Add(new Words(" " + _prose.Sentence()));
                break;
            default:
                break;
        }
        return new Note(content);
    }

    private ListBlock List() =>
        new(random.Chance(0.5), [.. Enumerable.Range(0, random.Between(3, 6)).Select(_ => (IReadOnlyList<Inline>)[new Words(_prose.Phrase() + " " + _prose.Modifier() + ";")])]);

    private Quotation Quotation() =>
        new([new Words(_prose.Sentence() + " " + _prose.Sentence() + " " + _prose.Sentence())]);

    private Table Table()
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var country in random.PickDistinct(["Albania", "Austria", "Georgia", "Kazakhstan", "Moldova", "Poland", "Serbia", "Ukraine", "Uzbekistan", "Türkiye"], random.Between(4, 6)))
        {
            var identified = random.Between(12, 940);
            rows.Add([country, identified.ToString("N0", CultureInfo.InvariantCulture), random.Between(0, identified / 4).ToString(CultureInfo.InvariantCulture), $"{random.Between(8, 91)}%"]);
        }
        return new Table(["Participating State", "Victims identified", "Convictions", "Share of women"], rows,
            $"Identified victims and convictions, {random.Between(2015, 2023)}; shares of all victims identified.");
    }
}
