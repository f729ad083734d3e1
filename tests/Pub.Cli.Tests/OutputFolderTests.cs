using Xunit;

namespace Pub.Cli.Tests;

/// <summary>pub replaces and deletes files in its output folder, so it writes only into a folder that is its own.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TestProject _project = new TestProject().AddPaper("op-001-a", 1);
    private readonly string _elsewhere = Path.Combine(Path.GetTempPath(), "pub-tests", "site-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _project.Dispose();
        if (Directory.Exists(_elsewhere))
        {
            Directory.Delete(_elsewhere, recursive: true);
        }
    }

    [Fact]
    public void TheRootOfTheFileSystemIsRefused()
    {
        var (exit, _, error) = _project.Run("build", "--out", "/", "--format", "html");
        Assert.Equal(2, exit);
        Assert.Contains("error PUB0606: pub will not write into the output folder '/': it is the root of the file system", error, StringComparison.Ordinal);
        Assert.False(File.Exists("/op-001-en-ed1.html"));
    }

    [Theory]
    [InlineData(".", "it is the project folder itself")]
    [InlineData("papers", "papers/ folder")]
    [InlineData("templates/html", "templates/ folder")]
    [InlineData("..", "the project folder is inside it")]
    public void TheProjectAndItsSourcesAreRefused(string folder, string why)
    {
        var before = _project.Snapshot(includeDist: false);
        var (exit, _, error) = _project.Run("build", "--out", folder, "--format", "html");
        Assert.Equal(2, exit);
        Assert.Contains("PUB0606", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.Equal(before, _project.Snapshot(includeDist: false));
    }

    [Fact]
    public void AForeignFolderWithFilesIsRefusedAndLeftAlone()
    {
        Directory.CreateDirectory(_elsewhere);
        File.WriteAllText(Path.Combine(_elsewhere, "index.html"), "someone else's page");
        var (exit, _, error) = _project.Run("build", "--out", _elsewhere, "--format", "html");
        Assert.Equal(2, exit);
        Assert.Contains("it holds files that pub did not make (there is no manifest.json in it)", error, StringComparison.Ordinal);
        Assert.Equal("someone else's page", File.ReadAllText(Path.Combine(_elsewhere, "index.html")));
        Assert.Single(Directory.EnumerateFileSystemEntries(_elsewhere));
    }

    [Fact]
    public void ANewFolderOutsideIsWrittenAndThenAcceptedAgain()
    {
        var (exit, _, error) = _project.Run("build", "--out", _elsewhere, "--format", "html");
        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(_elsewhere, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(_elsewhere, "op-001-en-ed1.html")));
        (exit, _, error) = _project.Run("build", "--out", _elsewhere, "--format", "html");
        Assert.True(exit == 0, error);
    }
}
