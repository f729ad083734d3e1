using Xunit;

namespace Pub.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void ListPrintsTheCatalogueInSeriesOrder()
    {
        _project.AddPaper("op-002-b", 2, "Second").AddPaper("op-001-a", 1, "First").AddPaper("op-001-a-ru", 1, "Первая", language: "ru");
        var (exit, output, error) = _project.Run("list");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SERIES  NO.  ED.  LANG  STATUS  TITLE", lines[0]);
        Assert.Matches(@"^op\s+1\s+1\s+en\s+final\s+First\s+papers/op-001-a/paper\.md$", lines[1]);
        Assert.Matches(@"^op\s+1\s+1\s+ru\s+final\s+Первая\s+papers/op-001-a-ru/paper\.md$", lines[2]);
        Assert.Matches(@"^op\s+2\s+1\s+en\s+final\s+Second", lines[3]);
    }

    [Fact]
    public void NewPaperScaffoldsAndRefusesToOverwrite()
    {
        var (exit, output, error) = _project.Run("new", "paper", "--series", "op", "--title", "Forced Criminality: A Review", "--lang", "de");
        Assert.True(exit == 0, error);
        Assert.Contains("created papers/op-forced-criminality-review/paper.md", output);
        var text = _project.Read("papers/op-forced-criminality-review/paper.md");
        Assert.Contains("title: \"Forced Criminality: A Review\"", text);
        Assert.Contains("language: de", text);
        Assert.Contains("series: op", text);

        // The scaffold is itself a valid draft: check finds no error in it.
        var (checkExit, _, checkError) = _project.Run("check");
        Assert.True(checkExit == 0, checkError);

        var before = _project.Read("papers/op-forced-criminality-review/paper.md");
        var (again, _, againError) = _project.Run("new", "paper", "--series", "op", "--title", "Forced Criminality: A Review");
        Assert.Equal(1, again);
        Assert.Contains("error PUB0603", againError);
        Assert.Equal(before, _project.Read("papers/op-forced-criminality-review/paper.md"));
    }

    [Fact]
    public void NewPaperNamesItsFolderFilesAndCitationKeyAfterTheFirstWordsOfTheTitle()
    {
        const string title = "Debt Bondage and Recruitment Fees: Evidence from Labour Migration Corridors";
        var (exit, output, error) = _project.Run("new", "paper", "--series", "op", "--title", title);
        Assert.True(exit == 0, error);
        Assert.Contains("created papers/op-debt-bondage-recruitment/paper.md", output, StringComparison.Ordinal);

        // Another title with the same first words gets a folder of its own.
        (exit, output, error) = _project.Run("new", "paper", "--series", "op", "--title", "Debt Bondage: Recruitment in Agriculture");
        Assert.True(exit == 0, error);
        Assert.Contains("created papers/op-debt-bondage-recruitment-2/paper.md", output, StringComparison.Ordinal);

        // A folder made by hand, or by an older pub, with the series id in front: the series is named once.
        _project.Write("papers/op-debt-bondage-and-recruitment-fees/paper.md", _project.Read("papers/op-debt-bondage-recruitment/paper.md")
            .Replace(title, "Debt Bondage and Recruitment Fees", StringComparison.Ordinal));

        (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        var drafts = Directory.GetFiles(_project.Dist, "op-draft-*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["op-draft-debt-bondage-and-recruitment-fees-en-ed1.pdf", "op-draft-debt-bondage-recruitment-2-en-ed1.pdf", "op-draft-debt-bondage-recruitment-en-ed1.pdf"], drafts);
        Assert.Contains("{op-draft-debt-bondage-recruitment-en,", _project.Read("dist/op-draft-debt-bondage-recruitment-en-ed1.bib"), StringComparison.Ordinal);
        Assert.Contains("{op-draft-debt-bondage-recruitment-2-en,", _project.Read("dist/op-draft-debt-bondage-recruitment-2-en-ed1.bib"), StringComparison.Ordinal);
    }

    [Fact]
    public void NewPaperForAnUnknownSeriesSuggestsOne()
    {
        var (exit, _, error) = _project.Run("new", "paper", "--series", "oq", "--title", "X");
        // A mistake on the command line: exit code 2, and pub.yaml is not blamed with a position.
        Assert.Equal(2, exit);
        Assert.StartsWith("error PUB0108: --series 'oq': pub.yaml defines no such series", error.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("did you mean 'op'?", error);
        Assert.False(Directory.Exists(Path.Combine(_project.Root, "papers", "op-x")));
    }

    [Fact]
    public void UsageErrorsExitWithTwo()
    {
        Assert.Equal(2, _project.Run("build", "--no-such-option").Exit);
        Assert.Equal(2, _project.Run("build", "--format", "docx").Exit);
        Assert.Equal(2, _project.Run("frobnicate").Exit);
    }

    [Fact]
    public void MissingConfigurationExitsWithTwo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (exit, _, error) = TestProject.RunIn(folder, "build");
            Assert.Equal(2, exit);
            Assert.Contains($"error PUB0501: no pub.yaml in {folder} or any folder above it", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void InvalidConfigurationIsReportedWithItsPosition()
    {
        _project.Write("pub.yaml", "publisher:\n  name: X\nseries:\n  - id: op\n    title: T\n    file-pattern: \"op-{num}\"\noutptu: dist\n");
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(2, exit);
        Assert.Contains("pub.yaml(6,19): error PUB0504: unknown placeholder {num} in file-pattern", error);
        Assert.Contains("pub.yaml(7,1): warning PUB0503: unknown key 'outptu' in pub.yaml", error);
        Assert.Contains("did you mean 'output'?", error);
    }

    [Fact]
    public void StrictTurnsWarningsIntoExitThree()
    {
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "langauge: en");
        Assert.Equal(0, _project.Run("check").Exit);
        var (exit, _, error) = _project.Run("check", "--strict");
        Assert.Equal(3, exit);
        Assert.Contains("warning PUB0104: unknown front-matter field 'langauge': its value is not used", error);
        Assert.Contains("did you mean 'language'?", error);
    }

    [Fact]
    public void JsonDiagnosticsGoToStandardOutput()
    {
        _project.Write("papers/op-001-a/paper.md", "---\nseries: op\nauthors: [A]\n---\n");
        var (exit, output, _) = _project.Run("check", "--diagnostics", "json");
        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var first = json.RootElement[0];
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("PUB0103", first.GetProperty("code").GetString());
        Assert.Equal("papers/op-001-a/paper.md", first.GetProperty("file").GetString());
        Assert.Equal(1, first.GetProperty("line").GetInt32());
    }

    [Fact]
    public void BuildOfOneNamedManuscriptBuildsOnlyThatOne()
    {
        _project.AddPaper("op-001-a", 1).AddPaper("op-002-b", 2);
        var (exit, _, error) = _project.Run("build", "papers/op-002-b", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.True(_project.Exists("dist/op-002-en-ed1.html"));
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"));
        var (missing, _, missingError) = _project.Run("build", "papers/op-404");
        Assert.Equal(2, missing);
        Assert.Contains("error PUB0602: 'papers/op-404' does not exist", missingError);
    }
}
