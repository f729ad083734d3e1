using Pub.Compiler;
using Pub.Model;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>A later edition learns of the earlier ones, and of the date it was first published, from the
/// series registry.</summary>
public sealed class EditionHistoryTests
{
    private static Metadata MetaOf(TestProject project, string path) =>
        Workspace.Load(new FileSystemWorld(project.Root)).AllManuscripts.Single(m => m.Path == path).Document!.Meta;

    [Fact]
    public void TheSampleSecondEditionListsItsFirstEdition()
    {
        using var project = TestProject.CopyOfRepository();
        var meta = MetaOf(project, "papers/op-002-child-trafficking/paper.md");
        Assert.Equal(2, meta.Edition);
        var first = Assert.Single(meta.EarlierEditions);
        Assert.Equal(new EditionLink(1, "en", "Seeing the Child First", new PublicationDate(2024, 6, 20), "op-002-en-ed1.html", "op-002-en-ed1.pdf"), first);
        Assert.Equal(new PublicationDate(2024, 6, 20), meta.FirstPublished);

        var other = MetaOf(project, "papers/op-003-domestic-servitude/paper.md");
        Assert.Empty(other.EarlierEditions);
        Assert.Null(other.FirstPublished);
    }

    [Fact]
    public void OnlyLowerEditionsOfTheSameNumberAndLanguageCount()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1, extraFrontMatter: "edition: 1");
        Assert.Equal(0, project.Run("publish", "papers/op-one", "--date", "2024-05-01").Exit);
        project.Write("papers/op-one/paper.md", project.Read("papers/op-one/paper.md").Replace("A quotation.", "A revised quotation.", StringComparison.Ordinal));
        Assert.Equal(0, project.Run("publish", "papers/op-one", "--edition", "2", "--date", "2025-02-01").Exit);
        project.Write("papers/op-one/paper.md", project.Read("papers/op-one/paper.md").Replace("A revised quotation.", "A third quotation.", StringComparison.Ordinal)
            .Replace("edition: 2", "edition: 3", StringComparison.Ordinal));
        project.AddPaper("op-one-de", 1, title: "Ein Testpapier", language: "de", extraFrontMatter: "edition: 3");

        var third = MetaOf(project, "papers/op-one/paper.md");
        Assert.Equal([1, 2], third.EarlierEditions.Select(e => e.Edition));
        Assert.Equal(["op-001-en-ed1.html", "op-001-en-ed2.html"], third.EarlierEditions.Select(e => e.HtmlFile));
        Assert.Equal(new PublicationDate(2025, 2, 1), third.EarlierEditions[1].Date);
        Assert.Equal(new PublicationDate(2024, 5, 1), third.FirstPublished);
        // A translation is not an earlier edition: its language has none in the registry.
        Assert.Empty(MetaOf(project, "papers/op-one-de/paper.md").EarlierEditions);
    }

    [Fact]
    public void AnUnreadableRegistryIsReportedByTheBuild()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        project.Write("papers/catalogue-op.yaml", "series: \"op\"\nnumbers:\n  - number: zero\n    title: \"x\"\n");
        var (exit, _, error) = project.Run("build");
        Assert.Equal(1, exit);
        Assert.Contains("papers/catalogue-op.yaml(3,13): error PUB1107", error, StringComparison.Ordinal);
        Assert.True(project.Exists("dist/op-001-en-ed1.html"));
    }
}
