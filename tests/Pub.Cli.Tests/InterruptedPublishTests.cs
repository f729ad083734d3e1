using System.Diagnostics;
using System.Globalization;
using FileSystemWorld = Pub.Compiler.FileSystemWorld;
using Pub.Compiler.Publishing;
using Pub.Syntax;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>A publish that dies half-way changes neither the registry nor the manuscript, and the next
/// publish completes it; a lock left by a dead publish does not hold up the next one.</summary>
public sealed class InterruptedPublishTests
{
    /// <summary>The project on disk until a number of files have been written; the next write stops the
    /// publish as a crash would, with an exception nothing in pub catches.</summary>
    private sealed class CrashingWorld(IWorld inner, Func<string, int, bool> crashesBefore) : IWorld
    {
        public CrashingWorld(IWorld inner, int writesBeforeCrash)
            : this(inner, (_, count) => count >= writesBeforeCrash)
        {
        }

        private int _writes;

        public List<string> Written { get; } = [];

        public string Root => inner.Root;

        public DateTimeOffset Now => inner.Now;

        public bool FileExists(string path) => inner.FileExists(path);

        public bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public byte[]? ReadBytes(string path) => inner.ReadBytes(path);

        public IReadOnlyList<string> ListFiles(string folder) => inner.ListFiles(folder);

        public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
        {
            if (crashesBefore(path, _writes++))
            {
                throw new OperationCanceledException("the process was killed");
            }
            Written.Add(path);
            return inner.WriteAtomic(path, content);
        }

        public string? Delete(string path) => inner.Delete(path);

        public string? Environment(string name) => inner.Environment(name);

    public bool IsOutside(string path) => inner.IsOutside(path);

    public bool HasEntries(string folder) => inner.HasEntries(folder);
    }

    private static TestProject PublishedOneAndDraftedTwo()
    {
        var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(0, project.Run("publish", "papers/op-one").Exit);
        project.AddPaper("op-two", 2);
        project.Write("papers/op-two/paper.md", project.Read("papers/op-two/paper.md")
            .Replace("number: 2\n", "", StringComparison.Ordinal).Replace("status: final", "status: draft", StringComparison.Ordinal));
        return project;
    }

    private static string Host => System.Environment.MachineName.Replace(' ', '_');

    private static string DeadProcessLock()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "exit 0"]))!;
        process.WaitForExit();
        // The start time of a process that has ended cannot be read; any will do, its id names no process now.
        return string.Create(CultureInfo.InvariantCulture, $"{process.Id} {DateTime.UtcNow.Ticks} {Host}\n");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void APublishKilledWhileWritingOutputsLeavesRegistryAndManuscriptUnchangedAndARerunCompletesIt(int writesBeforeCrash)
    {
        using var project = PublishedOneAndDraftedTwo();
        var registry = File.ReadAllBytes(Path.Combine(project.Root, "papers/catalogue-op.yaml"));
        var manuscript = File.ReadAllBytes(Path.Combine(project.Root, "papers/op-two/paper.md"));
        var world = new CrashingWorld(new FileSystemWorld(project.Root), writesBeforeCrash);

        Assert.Throws<OperationCanceledException>(() => Publisher.Publish(world, new PublishRequest("papers/op-two", "next", null, "2025-01-01")));

        Assert.Equal(writesBeforeCrash, world.Written.Count);
        Assert.All(world.Written, path => Assert.StartsWith("dist/", path, StringComparison.Ordinal));
        Assert.Equal(registry, File.ReadAllBytes(Path.Combine(project.Root, "papers/catalogue-op.yaml")));
        Assert.Equal(manuscript, File.ReadAllBytes(Path.Combine(project.Root, "papers/op-two/paper.md")));

        // A killed process also leaves its lock behind.
        project.Write(".pub/publish.lock", DeadProcessLock());
        var (exit, _, error) = project.Run("publish", "papers/op-two", "--number", "next", "--date", "2025-01-01");
        Assert.True(exit == 0, error);
        Assert.Contains("info PUB1110", error, StringComparison.Ordinal);
        Assert.Contains("number: 2\n", project.Read("papers/op-two/paper.md"), StringComparison.Ordinal);
        Assert.Contains("path: \"papers/op-two/paper.md\"", project.Read("papers/catalogue-op.yaml"), StringComparison.Ordinal);
        Assert.True(project.Exists("dist/op-002-en-ed1.pdf"));
        Assert.False(project.Exists(".pub/publish.lock"));
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Root, ".pub"), "*.stale"));
    }

    [Fact]
    public void ALockWhoseProcessIdWasReusedIsStale()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        // This process's id, but a start time it does not have: the lock's owner ended and its id was reused.
        project.Write(".pub/publish.lock", string.Create(CultureInfo.InvariantCulture, $"{System.Environment.ProcessId} {new DateTime(2001, 1, 1).Ticks} {Host}\n"));
        var (exit, _, error) = project.Run("publish", "papers/op-one");
        Assert.True(exit == 0, error);
        Assert.Contains("PUB1110", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("older format")]
    [InlineData("other machine")]
    public void ALockOfARunningProcessOfUnknownFormatOrOfAnotherMachineIsWaitedFor(string kind)
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        using var self = Process.GetCurrentProcess();
        var owner = kind switch
        {
            "running" => string.Create(CultureInfo.InvariantCulture, $"{self.Id} {self.StartTime.ToUniversalTime().Ticks} {Host}\n"),
            "older format" => "1717171717\n",
            // A process id that names no process here may be running there.
            _ => string.Create(CultureInfo.InvariantCulture, $"{DeadProcessLock().Split(' ')[0]} {DateTime.UtcNow.Ticks} another-{Host}\n"),
        };
        project.Write(".pub/publish.lock", owner);
        var before = project.Snapshot(includeDist: true);

        var result = Publisher.Publish(new FileSystemWorld(project.Root), new PublishRequest("papers/op-one", null, null, null), TimeSpan.FromMilliseconds(300));

        Assert.Contains(result.Diagnostics, d => d.Code == "PUB1108");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PUB1110");
        Assert.Equal(before, project.Snapshot(includeDist: true));
    }

    [Fact]
    public void APublishKilledJustBeforeTheRegistryIsWrittenIsCompletedByARerun()
    {
        using var project = PublishedOneAndDraftedTwo();
        var registry = File.ReadAllBytes(Path.Combine(project.Root, "papers/catalogue-op.yaml"));
        var world = new CrashingWorld(new FileSystemWorld(project.Root), (path, _) => path == "papers/catalogue-op.yaml");

        Assert.Throws<OperationCanceledException>(() => Publisher.Publish(world, new PublishRequest("papers/op-two", "next", null, "2025-01-01")));

        // Everything but the registry was written: the manuscript carries its number, the registry does not know it yet.
        Assert.Equal("papers/op-two/paper.md", world.Written[^1]);
        Assert.Equal(registry, File.ReadAllBytes(Path.Combine(project.Root, "papers/catalogue-op.yaml")));
        Assert.Contains("number: 2\n", project.Read("papers/op-two/paper.md"), StringComparison.Ordinal);

        var (exit, _, error) = project.Run("publish", "papers/op-two", "--number", "next", "--date", "2025-01-01");
        Assert.True(exit == 0, error);
        var completed = project.Read("papers/catalogue-op.yaml");
        Assert.Contains("path: \"papers/op-two/paper.md\"", completed, StringComparison.Ordinal);
        Assert.Contains("- number: 2\n", completed, StringComparison.Ordinal);
    }
}
