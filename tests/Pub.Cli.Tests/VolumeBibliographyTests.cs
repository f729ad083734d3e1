using UglyToad.PdfPig;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// A handbook lists the works its chapters cite either at the end of each chapter or, with
/// <c>bibliography-scope: volume</c>, in one bibliography after the last chapter. With one bibliography the
/// chapters' citations agree with it: a numeric style numbers a work once for the volume, an author-date style
/// tells apart two works of one author and year even when different chapters cite them.
/// </summary>
public sealed class VolumeBibliographyTests : IDisposable
{

    private const string References = """
        - id: jones-2019
          type: report
          title: "Working with shelters"
          author: [{family: Jones, given: Omar}]
          issued: {date-parts: [[2019]]}
        - id: smith-alpha
          type: report
          title: "Alpha report on referral"
          author: [{family: Smith, given: Jane}]
          issued: {date-parts: [[2020]]}
        - id: smith-beta
          type: report
          title: "Beta study of labour inspection in agriculture, construction, domestic work, food processing and the hospitality sector across twelve participating States"
          author: [{family: Smith, given: Jane}]
          issued: {date-parts: [[2020]]}
        """;

    /// <summary>A numeric style written for this test: "[1]" in the text, the number in the bibliography's margin.</summary>
    private const string NumberedStyle = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><title>Numbered test style</title><id>numbered-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
          <citation>
            <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout>
          </citation>
          <bibliography second-field-align="flush">
            <layout suffix=".">
              <text variable="citation-number" prefix="[" suffix="]"/>
              <group delimiter=", "><names variable="author"/><text variable="title"/><date variable="issued"><date-part name="year"/></date></group>
            </layout>
          </bibliography>
        </style>
        """;

    private readonly TestProject _project = new(EditedVolumeTests.Config);

    public void Dispose() => _project.Dispose();

    private static string Prose(string topic, int paragraphs) => string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i =>
        $"This is paragraph {i} about {topic}. It explains in plain words what practitioners do when they meet a person who may have been "
        + "trafficked, and which services should be told about it."));

    private void Volume(string scope, string csl)
    {
        _project.Write("papers/hb-001-volume/refs.yaml", References);
        _project.Write("papers/hb-001-volume/numbered.csl", NumberedStyle);
        _project.Write("papers/hb-001-volume/paper.md", $"""
            ---
            series: hb
            number: 1
            type: handbook
            title: "A Volume of Contributions"
            editors:
              - name: "Erika Editor"
            date: 2024-05-01
            language: en
            status: final
            bibliography: refs.yaml
            csl: {csl}
            {scope}
            chapters:
              - chapters/01-first.md
              - chapters/02-second.md
            ---

            # Editors' introduction {"{-}"}

            {Prose("the volume", 2)}
            """);
        _project.Write("papers/hb-001-volume/chapters/01-first.md",
            $"---\ntitle: \"The First Contribution\"\nauthors: [\"Zoe Zimmer\"]\n---\n\n# Referral\n\nReferral is slow in places [@jones-2019; @smith-alpha].\n\n{Prose("referral", 8)}\n\nAs @smith-alpha argues, referral takes time.\n");
        _project.Write("papers/hb-001-volume/chapters/02-second.md",
            $"---\ntitle: \"The Second Contribution\"\nauthors: [\"Mara Mills\"]\n---\n\n# Inspection\n\nInspection works [@smith-beta]. Shelters help [@jones-2019].\n\n{Prose("inspection", 8)}\n");
    }

    private static string Text(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public void OneBibliographyForTheVolumeTellsApartWorksCitedInDifferentChapters()
    {
        Volume("bibliography-scope: volume", "pub-author-date");
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);

        var first = _project.Read("dist/hb-001-en-ed1-ch1.html");
        var second = _project.Read("dist/hb-001-en-ed1-ch2.html");
        Assert.Contains("2020a", first, StringComparison.Ordinal);
        Assert.Contains("2020b", second, StringComparison.Ordinal);
        // The chapters have no bibliography of their own; their citations link to the volume's, on its contents page.
        Assert.DoesNotContain("Alpha report on referral", first, StringComparison.Ordinal);
        Assert.Contains("href=\"hb-001-en-ed1.html#ref-smith-beta\"", second, StringComparison.Ordinal);
        var contentsPage = _project.Read("dist/hb-001-en-ed1.html");
        Assert.True(contentsPage.IndexOf("The Second Contribution", StringComparison.Ordinal) < contentsPage.IndexOf("Alpha report on referral", StringComparison.Ordinal),
            "the volume's bibliography follows the list of contributions");

        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().Select(Text).ToList();
        var secondOpens = pages.FindIndex(p => p.StartsWith("The Second Contribution", StringComparison.Ordinal));
        var bibliography = pages.FindIndex(p => p.StartsWith("References", StringComparison.Ordinal));
        Assert.True(secondOpens > 0 && bibliography > secondOpens, $"the bibliography (page {bibliography + 1}) follows the last chapter (page {secondOpens + 1})");
        Assert.Equal(1, pages.Count(p => p.Contains("Alpha report on referral", StringComparison.Ordinal)));
        var entries = pages[bibliography];
        Assert.True(entries.IndexOf("2019", StringComparison.Ordinal) < entries.IndexOf("2020a", StringComparison.Ordinal)
            && entries.IndexOf("2020a", StringComparison.Ordinal) < entries.IndexOf("2020b", StringComparison.Ordinal), entries);
        Assert.Contains("2020a", string.Join(" ", pages.Skip(1).Take(secondOpens - 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void EachChapterListsItsOwnWorksByDefault()
    {
        Volume("", "pub-author-date");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var first = _project.Read("dist/hb-001-en-ed1-ch1.html");
        var second = _project.Read("dist/hb-001-en-ed1-ch2.html");
        // Each chapter alone cites one work of Smith's 2020: nothing to tell apart, and each lists its own.
        Assert.DoesNotContain("2020a", first + second, StringComparison.Ordinal);
        Assert.Contains("Alpha report on referral", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha report on referral", second, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumericStyleNumbersAWorkOnceForTheVolumeAndSetsItsNumbersInAColumn()
    {
        Volume("bibliography-scope: volume", "numbered.csl");
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();
        var texts = pages.Select(Text).ToList();
        Assert.Contains(texts, p => p.Contains("places [1, 2].", StringComparison.Ordinal));
        // Chapter 2 cites a new work, numbered on from chapter 1, and a work chapter 1 numbered already.
        Assert.Contains(texts, p => p.Contains("Inspection works [3]. Shelters help [1].", StringComparison.Ordinal));
        // A numeric style names nobody in its citations: "@key argues" is set as Pandoc sets it.
        Assert.Contains(texts, p => p.Contains("As [2] argues, referral takes time.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, p => p.Contains("STYLE ERROR", StringComparison.Ordinal));

        var bibliography = pages.Single(p => Text(p).StartsWith("References", StringComparison.Ordinal));
        var words = bibliography.GetWords().ToList();
        var labels = words.Where(w => w.Text is "[1]" or "[2]" or "[3]").ToList();
        Assert.Equal(3, labels.Count);
        var margin = labels.Min(l => l.BoundingBox.Left);
        Assert.All(labels, l => Assert.Equal(margin, l.BoundingBox.Left, 0.5));
        // Each entry's text starts in one column right of the widest number, and the long entry's second line
        // starts there too.
        var starts = words.Where(w => w.BoundingBox.Left > margin + 1 && !labels.Contains(w))
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom)).Select(line => line.Min(w => w.BoundingBox.Left))
            .Where(x => x < margin + 40).ToList();
        Assert.True(starts.Count >= 4, $"{starts.Count} lines");
        Assert.All(starts, x => Assert.Equal(starts[0], x, 0.5));
        Assert.True(starts[0] > labels.Max(l => l.BoundingBox.Right), "the text stands clear of the numbers");

        // A suggested citation stands alone: no list number before it.
        var opening = texts.Single(p => p.StartsWith("The First Contribution", StringComparison.Ordinal));
        Assert.Contains("Cite this chapter: Zoe Zimmer, The First Contribution", opening, StringComparison.Ordinal);
    }

    [Fact]
    public void AScopeThatIsNotOneOfTheTwoIsReportedAtItsValueAndAChaptersIsIgnoredWithAWarning()
    {
        Volume("bibliography-scope: book", "pub-author-date");
        var (exit, _, error) = _project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("papers/hb-001-volume/paper.md(13,21): error PUB0105: field 'bibliography-scope': 'book' is not a bibliography scope", error, StringComparison.Ordinal);

        Volume("", "pub-author-date");
        _project.Write("papers/hb-001-volume/chapters/02-second.md", "---\ntitle: \"The Second Contribution\"\nauthors: [\"Mara Mills\"]\nbibliography-scope: volume\n---\n\nText.\n");
        (exit, _, error) = _project.Run("check");
        Assert.Equal(0, exit);
        Assert.Contains("chapters/02-second.md(4,21): warning PUB0104: field 'bibliography-scope' is used only in a handbook's front matter", error, StringComparison.Ordinal);
    }
}
