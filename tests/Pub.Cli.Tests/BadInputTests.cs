using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// Each bad input gets its code at its position, and never stops the other manuscripts: the good paper's
/// HTML and PDF are still written, and the build exits with 1 (document errors).
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestProject _project = new();

    public BadInputTests()
    {
        _project.AddPaper("op-001-good", 1, "The Good Paper");
    }

    public void Dispose() => _project.Dispose();

    private string BuildExpectingFailure()
    {
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.True(_project.Exists("dist/op-001-en-ed1.html"), "the good paper's HTML was not written\n" + error);
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"), "the good paper's PDF was not written\n" + error);
        return error;
    }

    [Fact]
    public void QuotesNestedAHundredThousandDeepAreAnErrorAtTheirLine()
    {
        _project.Write("papers/op-002-bad/paper.md", "---\nseries: op\ntitle: Deep\nauthors: [A]\n---\n\n" + new string('>', 100_000) + " deep\n");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(7,33): error PUB0320: quotes nested deeper than 32 levels", error);
    }

    [Fact]
    public void AFontFileThatIsNotAFontIsReportedAndThePdfsAreSetWithTheOthers()
    {
        _project.Write("templates/fonts/Broken.ttf", "not a font\n");
        var (_, _, error) = _project.Run("build");
        Assert.Contains("templates/fonts/Broken.ttf: error PUB0910: font file 'Broken.ttf' cannot be read", error);
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"), "the paper's PDF was not written\n" + error);
    }

    [Fact]
    public void MalformedYamlIsReportedAtTheYamlErrorsPosition()
    {
        _project.Write("papers/op-002-bad/paper.md", "---\ntitle: \"Unclosed\nseries: op\n---\n\nText.\n");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(", error);
        Assert.Matches(@"papers/op-002-bad/paper\.md\((2|3|4),\d+\): error PUB0101: the front matter is not valid YAML", error);
    }

    [Fact]
    public void YamlIndentationErrorPointsAtTheOffendingLine()
    {
        _project.Write("papers/op-002-bad/paper.md", "---\nseries: op\ntitle: T\n  authors: [A]\n---\n\nText.\n");
        var error = BuildExpectingFailure();
        Assert.Matches(@"papers/op-002-bad/paper\.md\(4,\d+\): error PUB0101", error);
    }

    [Fact]
    public void MissingFrontMatter()
    {
        _project.Write("papers/op-002-bad/paper.md", "\n# Just a heading\n\nText.\n");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(2,1): error PUB0102: the manuscript does not start with front matter", error);
        Assert.Contains("2 | # Just a heading", error);
    }

    [Fact]
    public void MissingRequiredField()
    {
        _project.Write("papers/op-002-bad/paper.md", "---\nseries: op\nauthors: [A]\n---\n\nText.\n");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(1,1): error PUB0103: required field 'title' is missing", error);
        Assert.Contains("hint: add a line 'title: …' to the front matter", error);
    }

    [Fact]
    public void UnknownSeriesPointsAtTheSeriesField()
    {
        _project.AddPaper("op-002-bad", 2, extraFrontMatter: "").Write("papers/op-002-bad/paper.md",
            _project.Read("papers/op-002-bad/paper.md").Replace("series: op", "series: opp", StringComparison.Ordinal));
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(2,1): error PUB0108: series 'opp' is not defined in pub.yaml", error);
        Assert.Contains("hint: did you mean 'op'?", error);
    }

    [Fact]
    public void TwoManuscriptsClaimingOneNumberAreBothRefused()
    {
        _project.AddPaper("op-002-first", 2, "First claim").AddPaper("op-002-second", 2, "Second claim");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-first/paper.md(3,1): error PUB0109: op number 2 (en, edition 1) is also claimed by papers/op-002-second/paper.md", error);
        Assert.Contains("papers/op-002-second/paper.md(3,1): error PUB0109: op number 2 (en, edition 1) is also claimed by papers/op-002-first/paper.md", error);
        Assert.False(_project.Exists("dist/op-002-en-ed1.html"));
    }

    [Fact]
    public void ATranslationSharesItsNumber()
    {
        _project.AddPaper("op-001-good-ru", 1, "Хорошая статья", language: "ru");
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        Assert.True(_project.Exists("dist/op-001-ru-ed1.pdf"));
    }

    [Fact]
    public void NonUtf8FileIsRefused()
    {
        _project.Write("papers/op-002-bad/paper.md", [.. "---\ntitle: Caf"u8.ToArray(), 0xE9, .. "\n---\n"u8.ToArray()]);
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(1,1): error PUB0106: the file is not UTF-8 text: byte offset", error);
    }

    [Fact]
    public void BinaryFileIsRefused()
    {
        _project.Write("papers/op-002-bad/paper.md", TestProject.TinyPng);
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(1,1): error PUB0106: the file is not UTF-8 text: it holds a NUL byte", error);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        _project.Write("papers/op-002-bad/paper.md", "");
        var error = BuildExpectingFailure();
        Assert.Contains("papers/op-002-bad/paper.md(1,1): error PUB0107: the manuscript is empty", error);
    }

    [Fact]
    public void MissingImage()
    {
        _project.AddPaper("op-002-bad", 2, body: "![Missing.](figures/nowhere.png){alt=\"none\"}");
        var error = BuildExpectingFailure();
        Assert.Matches(@"papers/op-002-bad/paper\.md\(\d+,1\): error PUB0301: image 'figures/nowhere\.png' does not exist", error);
        Assert.Contains("looked for papers/op-002-bad/figures/nowhere.png", error);
        Assert.False(_project.Exists("dist/op-002-en-ed1.pdf"));
    }

    [Fact]
    public void MissingBibliography()
    {
        _project.AddPaper("op-002-bad", 2, extraFrontMatter: "bibliography: ../nowhere.yaml");
        var error = BuildExpectingFailure();
        Assert.Matches(@"papers/op-002-bad/paper\.md\(\d+,1\): error PUB0202: bibliography file '\.\./nowhere\.yaml' does not exist", error);
    }

    [Fact]
    public void MissingTemplateStopsTheHtmlButKeepsThePdf()
    {
        File.Delete(Path.Combine(_project.Root, "templates/html/partials/colophon.html"));
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Contains("error PUB0401", error);
        Assert.Contains("partials/colophon.html", error);
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"), "the PDF edition does not need the HTML templates");
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"));
    }

    [Fact]
    public void TemplateSyntaxErrorHasFileLineAndColumn()
    {
        var shell = _project.Read("templates/html/paper.html");
        var lines = shell.Split('\n').ToList();
        lines.Add("{{ x = 1 + }}");
        _project.Write("templates/html/paper.html", string.Join('\n', lines));
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"templates/html/paper\.html\(\d+,\d+\): error PUB0402", error);
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"));
    }

    [Fact]
    public void FailFastStopsAtTheFirstFailure()
    {
        _project.Write("papers/op-000-bad/paper.md", "");
        var (exit, _, _) = _project.Run("build", "--fail-fast");
        Assert.Equal(1, exit);
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"));
    }
}
