using System.Text;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// A project is a boundary: whatever a manuscript, pub.yaml or a committed symbolic link names, nothing outside
/// the project folder is read, and nothing is written outside the output folder. These run the CLI on real
/// folders with real links to a "secret" file beside the project, and look for that file's text in every output
/// and in everything printed.
/// </summary>
public sealed class ConfinementTests : IDisposable
{
    private const string Secret = "SECRET-7f3a9c: the build machine's private file";

    private readonly TestProject _project = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "pub-tests", "outside-" + Guid.NewGuid().ToString("N"));

    public ConfinementTests()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.md"), $"---\ntitle: \"{Secret}\"\n---\n\n{Secret}\n");
        File.WriteAllText(Path.Combine(_outside, "secret.yaml"), $"- id: secret\n  type: book\n  title: \"{Secret}\"\n");
        File.WriteAllText(Path.Combine(_outside, "secret.csl"), File.ReadAllText(Path.Combine(RepoPaths.Root, "templates/csl/pub-note.csl")).Replace("</info>", $"<summary>{Secret}</summary></info>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_outside, "secret.html"), Secret);
        File.WriteAllBytes(Path.Combine(_outside, "secret.png"), TestProject.TinyPng);
        Directory.CreateDirectory(Path.Combine(_outside, "paper"));
        File.WriteAllText(Path.Combine(_outside, "paper", "paper.md"), $"---\nseries: op\nnumber: 9\ntitle: \"{Secret}\"\nauthors:\n  - name: \"X\"\ndate: 2024-01-01\n---\n\n{Secret}\n");
    }

    public void Dispose()
    {
        _project.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private void Link(string relative, string target)
    {
        var path = Path.Combine(_project.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    private void LinkFolder(string relative, string target)
    {
        var path = Path.Combine(_project.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, target);
    }

    /// <summary>Builds, then checks that the secret is nowhere in the output folder or the messages, and that the
    /// good manuscript was still built.</summary>
    private string BuildWithoutLeak()
    {
        var (exit, output, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("SECRET-7f3a9c", output + error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_project.Dist, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("SECRET-7f3a9c", Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"), error);
        Assert.True(_project.Exists("dist/index.html"), error);
        return error;
    }

    [Fact]
    public void AnImageThatLinksOutsideIsRefusedAtTheFigure()
    {
        _project.AddPaper("op-001-good", 1).AddPaper("op-002-bad", 2, body: "![Leak.](figures/leak.png){alt=\"x\"}");
        Link("papers/op-002-bad/figures/leak.png", Path.Combine(_outside, "secret.png"));
        var error = BuildWithoutLeak();
        Assert.Contains("papers/op-002-bad/paper.md(", error, StringComparison.Ordinal);
        Assert.Contains("error PUB0605: image 'figures/leak.png' leads outside the project and is refused", error, StringComparison.Ordinal);
        Assert.Contains("symbolic link", error, StringComparison.Ordinal);
        Assert.False(_project.Exists("dist/op-002-en-ed1.html"));
    }

    [Fact]
    public void ABibliographyThatLinksOutsideIsRefused()
    {
        _project.AddPaper("op-001-good", 1).AddPaper("op-002-bad", 2, extraFrontMatter: "bibliography: refs.yaml", body: "As shown [@secret].");
        Link("papers/op-002-bad/refs.yaml", Path.Combine(_outside, "secret.yaml"));
        var error = BuildWithoutLeak();
        Assert.Contains("error PUB0605: bibliography file 'refs.yaml' leads outside the project and is refused", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AStyleThatLinksOutsideIsRefusedEvenWithoutCitations()
    {
        _project.AddPaper("op-001-good", 1).AddPaper("op-002-bad", 2, extraFrontMatter: "csl: house.csl");
        Link("papers/op-002-bad/house.csl", Path.Combine(_outside, "secret.csl"));
        var error = BuildWithoutLeak();
        Assert.Contains("error PUB0605: citation style 'house.csl' leads outside the project and is refused", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AManuscriptFileOrPaperFolderThatLinksOutsideIsNotRead()
    {
        _project.AddPaper("op-001-good", 1);
        Link("papers/op-002-linked/paper.md", Path.Combine(_outside, "paper", "paper.md"));
        LinkFolder("papers/op-003-folder", Path.Combine(_outside, "paper"));
        var error = BuildWithoutLeak();
        Assert.Contains("papers/op-002-linked/paper.md: error PUB0605: 'papers/op-002-linked/paper.md' leads outside the project and is refused", error, StringComparison.Ordinal);
        Assert.Contains("papers/op-003-folder: error PUB0605: 'papers/op-003-folder' is a symbolic link to a folder outside the project; it is not read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplatePartialThatLinksOutsideIsRefused()
    {
        _project.AddPaper("op-001-good", 1);
        var shell = Path.Combine(_project.Root, "templates/html/paper.html");
        File.WriteAllText(shell, File.ReadAllText(shell).Replace("</body>", "{{ include 'leak.html' }}</body>", StringComparison.Ordinal));
        Link("templates/leak.html", Path.Combine(_outside, "secret.html"));
        var (exit, output, error) = _project.Run("build", "--format", "html");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("SECRET-7f3a9c", output + error, StringComparison.Ordinal);
        Assert.Contains("error PUB0605: template 'leak.html' leads outside the project and is refused", error, StringComparison.Ordinal);
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"));
    }

    [Fact]
    public void AFontFolderInPubYamlThatLinksOutsideIsRefused()
    {
        _project.AddPaper("op-001-good", 1);
        Directory.CreateDirectory(Path.Combine(_outside, "fonts"));
        LinkFolder("house-fonts", Path.Combine(_outside, "fonts"));
        _project.Write("pub.yaml", TestProject.Config + "\nfonts: [house-fonts]\n");
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(2, exit);
        Assert.Matches(@"pub\.yaml\(\d+,9\): error PUB0605: folder 'house-fonts' leads outside the project and is refused", error);
    }

    [Fact]
    public void AFontFileThatLinksOutsideIsReportedAndNotRead()
    {
        _project.AddPaper("op-001-good", 1);
        Link("templates/fonts/Leak.ttf", Path.Combine(_outside, "secret.html"));
        var (exit, output, error) = _project.Run("build", "--format", "pdf");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("SECRET-7f3a9c", output + error, StringComparison.Ordinal);
        Assert.Contains("templates/fonts/Leak.ttf: error PUB0605: 'templates/fonts/Leak.ttf' is a symbolic link to a file outside the project; it is not read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AStyleNamedAboveTheProjectWithCitationsIsRefusedAndTheOthersAreBuilt()
    {
        _project.AddPaper("op-001-good", 1).AddPaper("op-002-bad", 2, extraFrontMatter: "csl: ../../../outside.csl\nbibliography: refs.yaml", body: "As shown [@k].");
        _project.Write("papers/op-002-bad/refs.yaml", "- id: k\n  type: book\n  title: A Book\n  issued: {date-parts: [[2020]]}\n");
        var error = BuildWithoutLeak();
        Assert.Contains("error PUB0605: citation style '../../../outside.csl' leads outside the project and is refused", error, StringComparison.Ordinal);
        Assert.Contains("above the project folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AStyleWithADoctypeFailsItsManuscriptWhichWritesNothing()
    {
        _project.AddPaper("op-001-good", 1).AddPaper("op-002-bad", 2, extraFrontMatter: "csl: dtd.csl\nbibliography: refs.yaml", body: "As shown [@k].");
        _project.Write("papers/op-002-bad/refs.yaml", "- id: k\n  type: book\n  title: A Book\n  issued: {date-parts: [[2020]]}\n");
        _project.Write("papers/op-002-bad/dtd.csl", File.ReadAllText(Path.Combine(RepoPaths.Root, "templates/csl/pub-note.csl"))
            .Replace("<style ", "<!DOCTYPE style [ <!ENTITY leak SYSTEM \"file:///etc/passwd\"> ]>\n<style ", StringComparison.Ordinal));
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-bad/dtd\.csl\(2,1\): error PUB0701: the file has a document type declaration", error);
        Assert.Contains("1 failed", error, StringComparison.Ordinal);
        Assert.False(_project.Exists("dist/op-002-en-ed1.html"));
        Assert.False(_project.Exists("dist/op-002-en-ed1.pdf"));
        Assert.True(_project.Exists("dist/op-001-en-ed1.html"));
    }

    [Fact]
    public void ALocaleFileThatLinksOutsideIsReportedAndNotRead()
    {
        _project.Write("pub.yaml", TestProject.Config + "\nlocales: locales\n");
        _project.Write("locales/README.txt", "project locales");
        Link("locales/locales-en-US.xml", Path.Combine(_outside, "secret.html"));
        _project.AddPaper("op-001-good", 1, extraFrontMatter: "bibliography: refs.yaml", body: "As shown [@k].");
        _project.Write("papers/op-001-good/refs.yaml", "- id: k\n  type: book\n  title: A Book\n  issued: {date-parts: [[2020]]}\n");
        var (exit, output, error) = _project.Run("build", "--format", "html");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("SECRET-7f3a9c", output + error, StringComparison.Ordinal);
        Assert.Contains("locales/locales-en-US.xml: error PUB0605: 'locales/locales-en-US.xml' is a symbolic link to a file outside the project; it is not read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksThatStayInsideTheProjectAreFollowed()
    {
        _project.AddPaper("op-001-good", 1, body: "![Shared.](figures/shared.png){alt=\"x\"}");
        _project.Write("shared/logo.png", TestProject.TinyPng);
        Link("papers/op-001-good/figures/shared.png", Path.Combine(_project.Root, "shared/logo.png"));
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        Assert.True(_project.Exists("dist/op-001-en-ed1-files/figures/shared.png"));
    }

    [Fact]
    public void AnOutputFolderLinkedOutsideIsNotWrittenThrough()
    {
        _project.AddPaper("op-001-good", 1);
        LinkFolder("dist", _outside);
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.NotEqual(0, exit);
        Assert.Contains("PUB0601", error, StringComparison.Ordinal);
        Assert.Contains("leads outside the project folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_outside, "op-001-en-ed1.html")));
    }
}
