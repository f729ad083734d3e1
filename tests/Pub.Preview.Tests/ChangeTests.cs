namespace Pub.Preview.Tests;

/// <summary>Which file events count as changes, and what they rebuild.</summary>
public sealed class ChangeTests
{
    [Theory]
    [InlineData("papers/op/.paper.md.swp", true)]
    [InlineData("papers/op/paper.md~", true)]
    [InlineData("papers/op/.#paper.md", true)]
    [InlineData("papers/op/#paper.md#", true)]
    [InlineData("papers/op/4913", true)]
    [InlineData("papers/op/paper.md.tmp", true)]
    [InlineData("papers/op/paper.md", false)]
    [InlineData("papers/op/figures/chart.png", false)]
    [InlineData("pub.yaml", false)]
    public void EditorTemporaryFilesAreIgnored(string path, bool ignored) => Assert.Equal(ignored, EditorFiles.IsTemporary(path));

    [Fact]
    public void AChangeRebuildsOnlyTheManuscriptsItAffects()
    {
        using var project = new PreviewProject();
        File.Copy(project.ManuscriptPath, Path.Combine(Directory.CreateDirectory(Path.Combine(project.Root, "papers", "op-other")).FullName, "paper.md"));
        var site = new PreviewSite();
        var session = new PreviewSession(project.Options() with { Paths = [] }, new Pub.Compiler.FileSystemWorld(project.Root), site);
        Assert.Empty(session.ResolveTargets());
        string[] both = ["papers/op-other/paper.md", PreviewProject.Manuscript];
        Assert.Equal(both, session.Targets);

        Assert.Equal([PreviewProject.Manuscript], session.Affected(["papers/op-preview-test/paper.md"]));
        Assert.Equal(["papers/op-other/paper.md"], session.Affected(["papers/op-other/figures/chart.png"]));
        Assert.Equal(both, session.Affected(["pub.yaml"]));
        Assert.Equal(both, session.Affected(["templates/html/paper.html"]));
        Assert.Equal(both, session.Affected(["papers/references.yaml"]));
        Assert.Empty(session.Affected(["README.md"]));
    }

    [Fact]
    public void AChangeInAStylesFolderOfPubYamlRebuildsEveryManuscript()
    {
        using var project = new PreviewProject();
        Directory.CreateDirectory(Path.Combine(project.Root, "styles", "dependent"));
        File.AppendAllText(Path.Combine(project.Root, "pub.yaml"), "\nstyles: [styles]\n");
        var session = new PreviewSession(project.Options() with { Paths = [] }, new Pub.Compiler.FileSystemWorld(project.Root), new PreviewSite());
        Assert.Empty(session.ResolveTargets());

        Assert.Equal([PreviewProject.Manuscript], session.Affected(["styles/dependent/journal.csl"]));
        Assert.Empty(session.Affected(["other/journal.csl"]));
    }
}

/// <summary>What the watcher passes on: files at the project root count only when they are pub.yaml or may be a
/// bibliography, so that a log or a version control's folder beside the project never sets aside a PDF.</summary>
public sealed class WatcherTests
{
    [Fact]
    public async Task AFileAtTheRootThatNoManuscriptReadsIsNoChange()
    {
        using var project = new PreviewProject();
        using var watcher = new ProjectWatcher(project.Root, ["templates"]);
        await File.WriteAllTextAsync(Path.Combine(project.Root, "preview.log"), "pub preview: serving\n", TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(project.Root, ".git"));
        await File.WriteAllTextAsync(Path.Combine(project.Root, "references.bib"), "@book{a, title={A}}\n", TestContext.Current.CancellationToken);
        File.AppendAllText(Path.Combine(project.Root, "pub.yaml"), "\n");
        project.Write(PreviewProject.Text("A sentence saved while watched."));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(10));
        while (!seen.Contains(PreviewProject.Manuscript))
        {
            seen.Add(await watcher.Changes.ReadAsync(wait.Token));
        }
        await Task.Delay(200, TestContext.Current.CancellationToken);
        while (watcher.Changes.TryRead(out var path))
        {
            seen.Add(path);
        }

        Assert.Contains("references.bib", seen);
        Assert.Contains("pub.yaml", seen);
        Assert.DoesNotContain("preview.log", seen);
        Assert.DoesNotContain(".git", seen);
    }

    [Theory]
    [InlineData("pub.yaml", true)]
    [InlineData("references.bib", true)]
    [InlineData("shared.json", true)]
    [InlineData("library.yaml", true)]
    [InlineData("journal.csl", true)]
    [InlineData("preview.log", false)]
    [InlineData("README.md", false)]
    [InlineData(".git", false)]
    [InlineData("dist", false)]
    public void FilesAtTheRootThatMatter(string name, bool matters) => Assert.Equal(matters, PreviewSession.MattersAtRoot(name));
}
