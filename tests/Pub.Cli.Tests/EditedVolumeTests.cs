using UglyToad.PdfPig;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// A handbook is an edited volume: its contents name each chapter's authors, a list of contributors gives
/// everyone's affiliation, chapters open on right-hand pages with their authors in the running heads of left
/// pages, and a chapter list that repeats itself or a chapter in an undeclared language is reported.
/// </summary>
public sealed class EditedVolumeTests : IDisposable
{
    /// <summary>A publisher with one handbook series; the volume-bibliography tests use it too.</summary>
    internal const string Config = """
        publisher:
          name: "Test Publisher"
          place: Vienna
        series:
          - id: hb
            title: "Handbooks on Testing"
            number-format: "Handbook No. {number}"
            file-pattern: "hb-{number:000}-{lang}-ed{edition}"
        language: en
        """;

    private readonly TestProject _project = new(Config);

    public void Dispose() => _project.Dispose();

    private static string Prose(string topic, int paragraphs) => string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i =>
        $"This is paragraph {i} about {topic}. It explains in plain words what practitioners do when they meet a person who may have been "
        + "trafficked, why the first conversation matters, and which services should be told about it. The text goes on for a while, so that "
        + "the chapter runs to more than one page and its running heads can be seen on the pages that follow its opening."));

    private void Handbook(string chapters, string openOn = "")
    {
        _project.Write("papers/hb-001-volume/paper.md", $$"""
            ---
            series: hb
            number: 1
            type: handbook
            title: "A Volume of Contributions"
            editors:
              - name: "Erika Editor"
                affiliation: "Editing Institute, Vienna"
            date: 2024-05-01
            language: en
            status: final
            {{openOn}}
            chapters:
            {{chapters}}
            ---

            # Editors' introduction {-}

            {{Prose("the volume", 2)}}
            """);
        Chapter("01-first.md", "The First Contribution", "First", ["Zoe Zimmer|Institute Z, Zagreb", "Adam Abbott|Institute A, Aarhus"], Prose("first contact", 30));
        Chapter("02-second.md", "The Second Contribution", "Second", ["Mara Mills|Institute M, Madrid"], Prose("referral", 30));
        Chapter("03-third.md", "The Third Contribution", "Third", ["Adam Abbott|Institute A, Aarhus"], Prose("labour inspection", 6));
    }

    private void Chapter(string file, string title, string shortTitle, string[] authors, string body, string extra = "")
    {
        var people = string.Concat(authors.Select(a => a.Split('|') is var p ? $"\n  - name: \"{p[0]}\"\n    affiliation: \"{p[1]}\"" : ""));
        _project.Write("papers/hb-001-volume/chapters/" + file, $"---\ntitle: \"{title}\"\nshort-title: \"{shortTitle}\"\nauthors:{people}\n{extra}---\n\n# Introduction\n\n{body}\n");
    }

    private const string AllChapters = "  - chapters/01-first.md\n  - chapters/02-second.md\n  - chapters/03-third.md";

    [Fact]
    public void TheContentsNameTheAuthorsAndTheContributorsListGivesAffiliations()
    {
        Handbook(AllChapters);
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();

        var contents = pages.Single(p => p.Contains("Contents", StringComparison.Ordinal) && p.Contains("The Second Contribution", StringComparison.Ordinal));
        Assert.Matches(@"The First Contribution [. ]*\d+ Zoe Zimmer and Adam Abbott", contents);
        Assert.Matches(@"The Second Contribution [. ]*\d+ Mara Mills", contents);
        Assert.Matches(@"The Third Contribution [. ]*\d+ Adam Abbott", contents);

        // Editors first, then each author once, by family name, with the chapters he or she wrote.
        var contributors = pages.Single(p => p.StartsWith("A Volume of Contributions Contributors", StringComparison.Ordinal) || p.Contains(" Contributors Erika Editor", StringComparison.Ordinal));
        var order = new[] { "Erika Editor, Editing Institute, Vienna. Editor.", "Adam Abbott, Institute A, Aarhus. Chapter 1: The First Contribution; Chapter 3: The Third Contribution.",
            "Mara Mills, Institute M, Madrid. Chapter 2: The Second Contribution.", "Zoe Zimmer, Institute Z, Zagreb. Chapter 1: The First Contribution." };
        var at = order.Select(entry => contributors.IndexOf(entry, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, contributors));
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void ChaptersOpenOnRightHandPagesAndLeftPagesNameTheirAuthors()
    {
        Handbook(AllChapters);
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();
        foreach (var title in new[] { "The First Contribution", "The Second Contribution", "The Third Contribution" })
        {
            // The chapter's opening: the page whose text starts with its title (a chapter's first page has no running head).
            var opening = pages.Single(p => string.Join(" ", p.GetWords().Select(w => w.Text)).StartsWith(title, StringComparison.Ordinal));
            Assert.True(opening.Number % 2 == 1, $"{title} opens on page {opening.Number}, a left-hand page");
            var before = pages[opening.Number - 2];
            Assert.True(before.GetWords().Any() || opening.Number > 1, "a page before a chapter is blank or ends the one before");
        }
        var leftHeads = pages.Where(p => p.Number % 2 == 0).Select(TopLine).ToList();
        Assert.Contains("Zoe Zimmer and Adam Abbott", leftHeads);
        Assert.Contains("Mara Mills", leftHeads);
        var rightHeads = pages.Where(p => p.Number % 2 == 1).Select(TopLine).ToList();
        Assert.Contains("First", rightHeads);
        Assert.Contains("Second", rightHeads);
    }

    [Fact]
    public void AChapterWithoutAuthorsPutsTheSeriesBackOnLeftPages()
    {
        Handbook(AllChapters);
        Chapter("03-third.md", "The Third Contribution", "Third", [], Prose("labour inspection", 30));
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();
        var third = pages.Single(p => string.Join(" ", p.GetWords().Select(w => w.Text)).StartsWith("The Third Contribution", StringComparison.Ordinal)).Number;
        var leftHeads = pages.Where(p => p.Number > third && p.Number % 2 == 0 && p.GetWords().Count() > 5).Select(TopLine).ToList();
        Assert.NotEmpty(leftHeads);
        // Not the authors of the chapter before it.
        Assert.All(leftHeads, head => Assert.StartsWith("Handbooks on Testing", head, StringComparison.Ordinal));
    }

    /// <summary>The words of a page's top line: its running head, where it has one.</summary>
    private static string TopLine(UglyToad.PdfPig.Content.Page page)
    {
        var words = page.GetWords().ToList();
        if (words.Count == 0)
            return "";
        var top = words.Max(w => w.BoundingBox.Top);
        return string.Join(" ", words.Where(w => w.BoundingBox.Top > top - 2).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }

    /// <summary>The number printed at the foot of a page; empty for a blank page.</summary>
    private static string Folio(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords().OrderBy(w => w.BoundingBox.Bottom).FirstOrDefault()?.Text ?? "";

    private static string Text(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public void EachChapterIsCitedWithThePagesItHasInThePdfAndTheContentsAgree()
    {
        Handbook(AllChapters);
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();
        var titles = new[] { "The First Contribution", "The Second Contribution", "The Third Contribution" };
        var openings = titles.Select(t => pages.Single(p => Text(p).StartsWith(t, StringComparison.Ordinal)).Number).ToList();
        var contents = pages.Select(Text).Single(p => p.Contains("Contents", StringComparison.Ordinal) && p.Contains(titles[2], StringComparison.Ordinal));
        for (var i = 0; i < titles.Length; i++)
        {
            // The chapter runs from its opening to the last page with text before the next chapter (or the end).
            var last = (i + 1 < openings.Count ? openings[i + 1] : pages.Count + 1) - 1;
            while (Text(pages[last - 1]).Length == 0)
                last--;
            var (first, end) = (Folio(pages[openings[i] - 1]), Folio(pages[last - 1]));
            Assert.Matches(@"^\d+$", first);
            Assert.True(int.Parse(end, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(first, System.Globalization.CultureInfo.InvariantCulture), $"{first}-{end}");
            // A chapter of one page (the third) is cited with that page alone.
            var (printed, item) = first == end ? ($"p. {first}.", first) : ($"pp. {first}–{end}.", $"{first}-{end}");

            // The contents give the real first page …
            Assert.Matches($@"{titles[i]} [. ]*{first} ", contents);
            // … the opening's citation block prints the range …
            var opening = Text(pages[openings[i] - 1]);
            Assert.Contains("Cite this chapter:", opening, StringComparison.Ordinal);
            Assert.Contains(printed, opening, StringComparison.Ordinal);
            // … and so do the chapter's CSL item and its HTML page.
            var json = System.Text.Json.JsonDocument.Parse(_project.Read($"dist/hb-001-en-ed1-ch{i + 1}.json")).RootElement[0];
            Assert.Equal("chapter", json.GetProperty("type").GetString());
            Assert.Equal(item, json.GetProperty("page").GetString());
            Assert.Equal("A Volume of Contributions", json.GetProperty("container-title").GetString());
            Assert.Equal("Editor", json.GetProperty("editor")[0].GetProperty("family").GetString());
            Assert.Contains(printed, _project.Read($"dist/hb-001-en-ed1-ch{i + 1}.html"), StringComparison.Ordinal);
            Assert.Contains($"href=\"hb-001-en-ed1-ch{i + 1}.ris\"", _project.Read($"dist/hb-001-en-ed1-ch{i + 1}.html"), StringComparison.Ordinal);
            Assert.Contains("TY  - CHAP", _project.Read($"dist/hb-001-en-ed1-ch{i + 1}.ris"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AChapterIsCitableFromAnotherManuscriptUnderItsKey()
    {
        Handbook(AllChapters);
        _project.Write("pub.yaml", Config.Replace("language: en", "", StringComparison.Ordinal)
            + "  - id: op\n    title: \"Papers\"\n    number-format: \"Paper No. {number}\"\n    file-pattern: \"op-{number:000}-{lang}-ed{edition}\"\nlanguage: en\n");
        _project.AddPaper("op-001-citing", 1, body: "As the second contribution explains [@hb-1-ch2].");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var html = _project.Read("dist/op-001-en-ed1.html");
        Assert.Contains("The Second Contribution", html, StringComparison.Ordinal);
        Assert.Contains("A Volume of Contributions", html, StringComparison.Ordinal);
    }

    private const string InParts = "  - part: \"Meeting People\"\n    chapters:\n      - chapters/01-first.md\n"
        + "  - part: \"Institutions\"\n    chapters:\n      - chapters/02-second.md\n      - chapters/03-third.md";

    [Fact]
    public void PartsHaveTitlePagesAndHoldTheirChaptersInTheOutlineContentsAndHtml()
    {
        Handbook(InParts);
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var roots = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Contains("Part I: Meeting People", roots);
        Assert.Contains("Part II: Institutions", roots);
        Assert.DoesNotContain("The Second Contribution", roots);
        var second = bookmarks.Roots.Single(b => b.Title == "Part II: Institutions");
        Assert.Equal(["The Second Contribution", "The Third Contribution"], second.Children.Select(c => c.Title));
        Assert.Contains(second.Children[0].Children, c => c.Title == "2.1 Introduction");

        // A part's title page is a right-hand page of its own, before its first chapter's opening.
        var partPage = pages.Single(p => Text(p).StartsWith("Part II Institutions", StringComparison.Ordinal));
        Assert.Equal(1, partPage.Number % 2);
        var chapterOpening = pages.Single(p => Text(p).StartsWith("The Second Contribution", StringComparison.Ordinal));
        Assert.Equal(partPage.Number + 2, chapterOpening.Number);

        var contents = pages.Select(Text).Single(p => p.Contains("Contents", StringComparison.Ordinal) && p.Contains("Part II", StringComparison.Ordinal));
        Assert.Matches($@"Part II: Institutions [. ]*{Folio(partPage)} The Second Contribution", contents);
        // The first chapter ends before the next part's title page: its range does not take that page in.
        var firstItem = System.Text.Json.JsonDocument.Parse(_project.Read("dist/hb-001-en-ed1-ch1.json")).RootElement[0];
        var lastOfFirst = int.Parse(firstItem.GetProperty("page").GetString()!.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lastOfFirst < int.Parse(Folio(partPage), System.Globalization.CultureInfo.InvariantCulture));

        var html = _project.Read("dist/hb-001-en-ed1.html");
        Assert.Matches(@"<a href=""hb-001-en-ed1-ch2.html"">Part II: Institutions</a>\s*<ol>\s*<li><a href=""hb-001-en-ed1-ch2.html""><span class=""secno"">2</span> The Second Contribution", html);
    }

    [Fact]
    public void TablesFiguresAndNotesAreNumberedWithinEachChapter()
    {
        Handbook(AllChapters);
        static string Body(string name) => $"Text with a note.[^a] And another.[^b]\n\n| Year | Cases |\n|------|------:|\n| 2020 | 12 |\n\nTable: {name} cases. {{#tbl-{name}}}\n\n"
            + $"![{name} chart.](figures/{name}.png){{#fig-{name} alt=\"x\"}}\n\n[^a]: First note of {name}.\n[^b]: Second note of {name}.";
        Chapter("01-first.md", "The First Contribution", "First", ["Zoe Zimmer|Institute Z, Zagreb"], Body("alpha"));
        Chapter("02-second.md", "The Second Contribution", "Second", ["Mara Mills|Institute M, Madrid"], Body("beta"));
        _project.Write("papers/hb-001-volume/chapters/figures/alpha.png", TestProject.TinyPng);
        _project.Write("papers/hb-001-volume/chapters/figures/beta.png", TestProject.TinyPng);
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var text = string.Join(" ", pdf.GetPages().Select(Text));
        Assert.Contains("Table 1.1: alpha cases.", text, StringComparison.Ordinal);
        Assert.Contains("Table 2.1: beta cases.", text, StringComparison.Ordinal);
        Assert.Contains("Figure 1.1: alpha chart.", text, StringComparison.Ordinal);
        Assert.Contains("Figure 2.1: beta chart.", text, StringComparison.Ordinal);
        // Notes start again at 1 in each chapter.
        Assert.Contains("1. First note of alpha.", text, StringComparison.Ordinal);
        Assert.Contains("2. Second note of alpha.", text, StringComparison.Ordinal);
        Assert.Contains("1. First note of beta.", text, StringComparison.Ordinal);
        Assert.Contains("2. Second note of beta.", text, StringComparison.Ordinal);
        // The chapter's page numbers its floats as the PDF does (the label and number are joined by a no-break space).
        var beta = _project.Read("dist/hb-001-en-ed1-ch2.html").Replace('\u00A0', ' ');
        Assert.Contains("Table 2.1:", beta, StringComparison.Ordinal);
        Assert.Contains("Figure 2.1:", beta, StringComparison.Ordinal);
        Assert.DoesNotContain("Table 1.1", beta, StringComparison.Ordinal);
    }

    [Fact]
    public void APartWithoutChaptersIsReportedAtThePart()
    {
        Handbook(InParts + "\n  - part: \"Empty\"\n    chapters: []");
        var (exit, _, error) = _project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("papers/hb-001-volume/paper.md(21,5): error PUB0113: part 'Empty' lists no chapters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ChaptersOpenOnAnyPageWhenTheVolumeSaysSo()
    {
        Handbook(AllChapters, openOn: "chapters-open: any");
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Path.Combine(_project.Dist, "hb-001-en-ed1.pdf"));
        var openings = pdf.GetPages().Where(p => string.Join(" ", p.GetWords().Select(w => w.Text)).StartsWith("The ", StringComparison.Ordinal)).Select(p => p.Number).ToList();
        Assert.Equal(3, openings.Count);
        Assert.Contains(openings, n => n % 2 == 0);
    }

    [Fact]
    public void AContributionListedTwiceIsReportedAtTheSecondLine()
    {
        Handbook("  - chapters/01-first.md\n  - chapters/02-second.md\n  - chapters/01-first.md");
        var (exit, _, error) = _project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("papers/hb-001-volume/paper.md(16,5): error PUB0111: chapter file 'chapters/01-first.md' is listed twice (first as contribution 1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingChapterIsReportedAtItsOwnLine()
    {
        Handbook("  - chapters/01-first.md\n  - chapters/09-missing.md");
        var (exit, _, error) = _project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("papers/hb-001-volume/paper.md(15,5): error PUB0110: chapter file 'chapters/09-missing.md' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AChapterInAnotherLanguageThatDoesNotSaySoIsReported()
    {
        Handbook(AllChapters);
        var russian = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"Это абзац {i} о выявлении жертв торговли людьми. Он объясняет, что делают специалисты при первой встрече с человеком, "
            + "который мог стать жертвой, почему первый разговор важен и какие службы следует известить."));
        Chapter("02-second.md", "Вторая глава", "Вторая", ["Мария Миронова|Институт, Москва"], russian);
        var (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        Assert.True(error.Contains("papers/hb-001-volume/paper.md(15,5): warning PUB0112: the chapter seems to be written in 'ru', but it inherits the volume's language 'en'", StringComparison.Ordinal), error);

        Chapter("02-second.md", "Вторая глава", "Вторая", ["Мария Миронова|Институт, Москва"], russian, extra: "language: ru\n");
        (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("PUB0112", error, StringComparison.Ordinal);
    }
}
