using Xunit;

namespace Pub.Cli.Tests;

public sealed class OutputSafetyTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void BuildTouchesNothingOutsideTheOutputFolderAndLeavesNoTemporaryFiles()
    {
        _project.AddPaper("op-001-a", 1).AddPaper("op-002-b", 2);
        var before = _project.Snapshot(includeDist: false);
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        Assert.Equal(before, _project.Snapshot(includeDist: false));
        var outputs = Directory.EnumerateFiles(_project.Dist, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(outputs, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains("op-001-en-ed1.pdf", outputs);
        Assert.Contains("op-002-en-ed1.html", outputs);
        Assert.Contains("chart.png", outputs);
        Assert.Contains("pub.css", outputs);
    }

    [Fact]
    public void CheckWritesNothing()
    {
        _project.AddPaper("op-001-a", 1);
        var before = _project.Snapshot(includeDist: true);
        var (exit, _, error) = _project.Run("check");
        Assert.True(exit == 0, error);
        Assert.Equal(before, _project.Snapshot(includeDist: true));
        Assert.False(Directory.Exists(_project.Dist));
    }

    [Fact]
    public void OutOptionWritesElsewhereAndOnlyThere()
    {
        _project.AddPaper("op-001-a", 1);
        var before = _project.Snapshot(includeDist: false);
        var (exit, _, error) = _project.Run("build", "--out", "public", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.True(_project.Exists("public/op-001-en-ed1.html"));
        Assert.False(_project.Exists("public/op-001-en-ed1.pdf"));
        Assert.False(Directory.Exists(_project.Dist));
        var after = _project.Snapshot(includeDist: false);
        Assert.Equal(before, new SortedDictionary<string, string>(after.Where(kv => !kv.Key.StartsWith("public/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal));
    }
}
