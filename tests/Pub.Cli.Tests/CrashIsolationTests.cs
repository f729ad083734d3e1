using Pub.Compiler;
using Pub.Syntax;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>An exception inside pub while it works on one manuscript is a bug in pub; it stops that manuscript
/// only. The others, the site pages and the manifest are still written, and the exit code says "internal error"
/// only once all of that is done.</summary>
public sealed class CrashIsolationTests : IDisposable
{
    private readonly TestProject _project = new TestProject().AddPaper("op-001-a", 1).AddPaper("op-002-b", 2).AddPaper("op-003-c", 3);

    public void Dispose() => _project.Dispose();

    /// <summary>The project on disk, except that reading one file throws, as a bug would.</summary>
    private sealed class ThrowingWorld(IWorld inner, string throwsOn) : IWorld
    {
        public string Root => inner.Root;

        public DateTimeOffset Now => inner.Now;

        public bool FileExists(string path) => inner.FileExists(path);

        public bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public bool HasEntries(string folder) => inner.HasEntries(folder);

        public byte[]? ReadBytes(string path) =>
            path == throwsOn ? throw new InvalidOperationException("a bug in reading " + path) : inner.ReadBytes(path);

        public IReadOnlyList<string> ListFiles(string folder) => inner.ListFiles(folder);

        public string? WriteAtomic(string path, ReadOnlySpan<byte> content) => inner.WriteAtomic(path, content);

        public string? Delete(string path) => inner.Delete(path);

        public string? Environment(string name) => inner.Environment(name);

        public bool IsOutside(string path) => inner.IsOutside(path);
    }

    [Theory]
    [InlineData("papers/op-001-a/figures/chart.png", "papers/op-001-a/paper.md")] // while rendering the first manuscript
    [InlineData("papers/op-003-c/figures/chart.png", "papers/op-003-c/paper.md")] // while rendering the last
    [InlineData("papers/op-001-a/paper.md", "papers/op-001-a/paper.md")] // while loading it
    public void OneManuscriptsCrashStopsOnlyThatManuscript(string throwsOn, string crashed)
    {
        var world = new ThrowingWorld(new FileSystemWorld(_project.Root), throwsOn);
        var result = PubCompiler.Build(world, new BuildOptions());
        var internalError = Assert.Single(result.Diagnostics, d => d.Code == Codes.InternalError.Id);
        Assert.Equal(crashed, internalError.FilePath);
        Assert.Equal(Severity.Error, internalError.Severity);
        Assert.Contains("System.InvalidOperationException: a bug in reading " + throwsOn, internalError.Message, StringComparison.Ordinal);
        Assert.Contains(internalError.HintList, h => h.Contains("bug in pub", StringComparison.Ordinal));
        Assert.Contains(internalError.HintList, h => h.StartsWith("thrown at Pub.", StringComparison.Ordinal));

        var number = crashed.Contains("op-001", StringComparison.Ordinal) ? "001" : "003";
        Assert.False(_project.Exists($"dist/op-{number}-en-ed1.html"));
        foreach (var other in new[] { "001", "002", "003" }.Where(n => n != number))
        {
            Assert.True(_project.Exists($"dist/op-{other}-en-ed1.html"));
            Assert.True(_project.Exists($"dist/op-{other}-en-ed1.pdf"));
        }
        foreach (var page in new[] { "index.html", "404.html", "feed.xml", "manifest.json" })
        {
            Assert.True(_project.Exists("dist/" + page), page);
        }
    }

    [Fact]
    public void AnInternalErrorExitsWith70AfterEverythingElse()
    {
        var diagnostics = new[]
        {
            new Diagnostic(Severity.Error, Codes.UnknownCitationKey.Id, "unknown key"),
            Diagnostic.Internal("papers/x/paper.md", new InvalidOperationException("boom")),
        };
        Assert.Equal(ExitCode.InternalError, CliSession.ExitFor(diagnostics, configurationFailed: false, strict: false));
        Assert.Equal(ExitCode.DocumentErrors, CliSession.ExitFor(diagnostics[..1], configurationFailed: false, strict: false));
    }
}
