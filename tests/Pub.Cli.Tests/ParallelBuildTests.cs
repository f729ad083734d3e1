// `--jobs N` renders manuscripts in render workers (pub started again, a heap each) or, where none can be started,
// on several threads; everything a build leaves behind must be the same as with `--jobs 1`: every file of dist/,
// the build cache, and the diagnostics in the same order. The progress lines carry times, which differ from run to
// run; the manuscripts they name and their order do not.
using System.IO.Pipes;
using System.Text.RegularExpressions;
using Pub.Compiler;
using Pub.Corpus;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class ParallelBuildTests
{
    [Fact]
    public void TheSampleSeriesBuildsTheSameWithOneJobAndWithTwo()
    {
        using var one = TestProject.CopyOfRepository();
        using var two = TestProject.CopyOfRepository();
        using var three = TestProject.CopyOfRepository();
        AssertSameBuild([one, two, three], "build");
    }

    [Fact]
    public void AGeneratedCorpusBuildsTheSameWithOneJobAndWithTwo()
    {
        using var one = new TestProject(withTemplates: false);
        using var two = new TestProject(withTemplates: false);
        using var three = new TestProject(withTemplates: false);
        foreach (var project in new[] { one, two, three })
        {
            CorpusWriter.Write(new CorpusOptions(
                Output: project.Root,
                Papers: 3,
                References: 300,
                Seed: 7,
                StyleFile: Path.Combine(RepoPaths.Root, "..", "shared", "csl", "styles", "chicago-author-date.csl"),
                Templates: Path.Combine(RepoPaths.Root, "templates")));
        }
        AssertSameBuild([one, two, three], "build");
    }

    [Fact]
    public void ACheckReportsTheSameWithOneJobAndWithTwo()
    {
        using var one = TestProject.CopyOfRepository();
        using var two = TestProject.CopyOfRepository();
        using var three = TestProject.CopyOfRepository();
        AssertSameBuild([one, two, three], "check");
    }

    [Fact]
    public void AFailingManuscriptAmongOthersFailsAloneWithTwoJobs()
    {
        using var one = new TestProject();
        using var two = new TestProject();
        using var three = new TestProject();
        foreach (var project in new[] { one, two, three })
        {
            project.Write("papers/references.yaml", """
                - id: gallagher-2010
                  type: book
                  title: The International Law of Human Trafficking
                  author: [{family: Gallagher, given: Anne T.}]
                  issued: {date-parts: [[2010]]}
                """);
            project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.yaml", body: "Fine [@gallagher-2010].");
            project.AddPaper("op-002-b", 2, extraFrontMatter: "bibliography: ../references.yaml", body: "A typo [@galagher-2010].");
            project.AddPaper("op-003-c", 3, extraFrontMatter: "bibliography: ../references.yaml", body: "Fine again [@gallagher-2010].");
            project.AddPaper("op-004-d", 4);
        }
        var (exit, error) = AssertSameBuild([one, two, three], "build");

        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-b/paper\.md\(\d+,\d+\): error PUB0201: unknown citation key 'galagher-2010'", error);
        Assert.Contains("pub: 3 manuscript(s) built, 1 failed", error, StringComparison.Ordinal);
        Assert.Equal(
            ["built papers/op-001-a/paper.md (2 editions)", "failed papers/op-002-b/paper.md", "built papers/op-003-c/paper.md (2 editions)", "built papers/op-004-d/paper.md (2 editions)"],
            ProgressLines(error));
        Assert.False(two.Exists("dist/op-002-en-ed2.html") || two.Exists("dist/op-002-en-ed1.html") || two.Exists("dist/op-002-en-ed1.pdf"));
        foreach (var number in new[] { 1, 3, 4 })
        {
            Assert.True(two.Exists($"dist/op-{number:000}-en-ed1.html"));
            Assert.True(two.Exists($"dist/op-{number:000}-en-ed1.pdf"));
        }
    }

    [Fact]
    public void ATranslationWhoseTextHasAnErrorIsLinkedByNoEditionWithTwoJobs()
    {
        // A render worker reads only the front matter of the manuscripts it is not asked to render; an error in a
        // translation's text (quotes nested too deep) still keeps the other languages from linking it, as with one job.
        using var one = new TestProject();
        using var two = new TestProject();
        using var three = new TestProject();
        foreach (var project in new[] { one, two, three })
        {
            for (var number = 1; number <= 4; number++)
            {
                project.AddPaper($"op-{number:000}-en", number, title: $"Paper {number}");
                project.AddPaper($"op-{number:000}-fr", number, title: $"Document {number}", language: "fr",
                    body: number == 4 ? "" : new string('>', 200) + " trop profond\n");
            }
        }
        var (exit, error) = AssertSameBuild([one, two, three], "build");

        Assert.Equal(1, exit);
        Assert.Equal(3, Regex.Count(error, "error PUB[0-9]+: quotes nested deeper than"));
        for (var number = 1; number <= 4; number++)
        {
            var page = three.Read($"dist/op-{number:000}-en-ed1.html");
            Assert.Equal(number == 4, page.Contains($"op-{number:000}-fr-ed1.html", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FailFastWithTwoJobsStopsWhereOneJobStops()
    {
        using var one = new TestProject();
        using var two = new TestProject();
        using var three = new TestProject();
        foreach (var project in new[] { one, two, three })
        {
            project.AddPaper("op-001-a", 1);
            project.AddPaper("op-002-b", 2, body: "An unknown key [@nobody-2010].");
            project.AddPaper("op-003-c", 3);
            project.AddPaper("op-004-d", 4);
        }
        // The second manuscript fails before it is rendered, so whether the worker answered before the build stopped
        // depends on which manuscript it was given first.
        var (exit, error) = AssertSameBuild([one, two, three], workerRenders: false, "build", "--fail-fast");

        Assert.Equal(1, exit);
        Assert.Equal(["built papers/op-001-a/paper.md (2 editions)", "failed papers/op-002-b/paper.md"], ProgressLines(error));
        Assert.False(two.Exists("dist/op-003-en-ed1.html"));
    }

    [Fact]
    public void EveryManuscriptBuiltHasOneProgressLineWithItsTimeAndAnUnchangedOneNone()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build", "--jobs", "2");

        Assert.True(exit == 0, error);
        var manuscripts = Directory.EnumerateFiles(Path.Combine(project.Root, "papers"), "paper.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(manuscripts.Select(m => $"built {m} (2 editions)"), ProgressLines(error));
        Assert.All(error.Split('\n').Where(l => l.StartsWith("built ", StringComparison.Ordinal)), line => Assert.Matches(@" in \d+\.\d s$", line));
        Assert.DoesNotContain('\u001b', error);
        // The summary line stays the last line.
        Assert.StartsWith("pub: 5 manuscript(s) built", error.TrimEnd('\n').Split('\n')[^1], StringComparison.Ordinal);

        var (again, _, againError) = project.Run("build", "--jobs", "2");
        Assert.True(again == 0, againError);
        Assert.Empty(ProgressLines(againError));
    }

    [Fact]
    public void EachWarningIsPrintedOnceWithTwoJobs()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-a", 1, extraFrontMatter: "langauge: en");
        project.AddPaper("op-002-b", 2, extraFrontMatter: "keywrods: [a]");
        var (exit, _, error) = project.Run("build", "--jobs", "2");

        Assert.True(exit == 0, error);
        Assert.Single(Regex.Matches(error, "warning PUB0104: unknown front-matter field 'langauge'"));
        Assert.Single(Regex.Matches(error, "warning PUB0104: unknown front-matter field 'keywrods'"));
    }

    [Fact]
    public void ABuildStartsItsRenderWorkersBeforeItWritesAnythingAndOnlyWhenItRendersSeveralManuscriptsAtOnce()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-a", 1);
        project.AddPaper("op-002-b", 2);
        var workers = new PipeWorkers(project.Root);
        var started = new List<bool>();
        int Build(params string[] args) => TestProject.RunIn(project.Root, args, () =>
        {
            started.Add(Directory.Exists(Path.Combine(project.Root, "dist")));
            return workers.Start();
        }).Exit;

        Assert.Equal(0, Build("build", "--jobs", "2"));
        // One worker for two jobs, started when the output folder did not exist yet.
        Assert.Equal([false], started);
        Assert.True(project.Exists("dist/op-002-en-ed1.pdf"));

        // Nothing to render in parallel: one job, one manuscript, or nothing changed; and HTML alone, which renders
        // quickly and on little memory, renders on threads.
        Assert.Equal(0, Build("build", "--format", "html", "--jobs", "2", "--force"));
        Assert.Equal(0, Build("build", "--jobs", "1", "--force"));
        Assert.Equal(0, Build("build", "papers/op-001-a", "--jobs", "2", "--force"));
        Assert.Equal(0, Build("build", "--jobs", "2"));
        Assert.Single(started);

        // At most one worker per manuscript but the one rendered here.
        Assert.Equal(0, Build("check", "--jobs", "4"));
        Assert.Equal([false, true], started);
    }

    [Fact]
    public void AWorkerStartsWithASmallerYoungGenerationUnlessSomebodyChoseOne()
    {
        var chosen = new Dictionary<string, string?> { ["HOME"] = "/home/editor" };
        RenderWorkerProcess.SetUp(chosen);
        Assert.Equal(new Dictionary<string, string?> { ["HOME"] = "/home/editor", ["DOTNET_GCgen0size"] = "4000000" }, chosen);

        var kept = new Dictionary<string, string?> { ["DOTNET_GCgen0size"] = "10000000" };
        RenderWorkerProcess.SetUp(kept);
        Assert.Equal("10000000", Assert.Single(kept).Value);
    }

    [Fact]
    public void MoreJobsThanManuscriptsOrThanTheMachineCanRunAreFine()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-a", 1);
        project.AddPaper("op-002-b", 2);
        var (exit, _, error) = project.Run("build", "--jobs", "600");
        Assert.True(exit == 0, error);
        Assert.True(project.Exists("dist/op-002-en-ed1.pdf"));
    }

    [Fact]
    public void JobsMustBeOneOrMore()
    {
        using var project = new TestProject();
        var (exit, _, error) = project.Run("build", "--jobs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--jobs takes a number of 1 or more", error, StringComparison.Ordinal);
    }

    /// <summary>Builds the first project with --jobs 1, the second, a copy of it, with --jobs 2 on threads, and the third
    /// with --jobs 2 and a render worker (on a thread of this process, over pipes, as a process would be), and asserts
    /// that they end the same: exit code, standard output, standard error but for the times of the progress lines,
    /// and every file of the project (dist/ and the build cache included).</summary>
    private static (int Exit, string Error) AssertSameBuild(TestProject[] projects, params string[] command) => AssertSameBuild(projects, true, command);

    /// <param name="workerRenders">Whether the worker must have rendered a manuscript: not so when the build may stop
    /// before the worker's first answer (--fail-fast).</param>
    private static (int Exit, string Error) AssertSameBuild(TestProject[] projects, bool workerRenders, params string[] command)
    {
        var workers = new PipeWorkers(projects[2].Root);
        var sequential = projects[0].Run([.. command, "--jobs", "1"]);
        var threads = projects[1].Run([.. command, "--jobs", "2"]);
        var worker = TestProject.RunIn(projects[2].Root, [.. command, "--jobs", "2"], workers.Start);

        Assert.True(workers.Replied > 0 || !workerRenders, "the render worker rendered nothing");
        foreach (var (parallel, project) in new[] { (threads, projects[1]), (worker, projects[2]) })
        {
            AssertSame(projects[0], sequential, project, parallel);
        }
        return (worker.Exit, worker.Error);
    }

    private static void AssertSame(TestProject one, (int Exit, string Output, string Error) sequential, TestProject two, (int Exit, string Output, string Error) parallel)
    {
        Assert.Equal(sequential.Exit, parallel.Exit);
        Assert.Equal(sequential.Output, parallel.Output);
        Assert.Equal(WithoutTimes(sequential.Error), WithoutTimes(parallel.Error));
        Assert.NotEmpty(ProgressLines(parallel.Error));
        var first = one.Snapshot(includeDist: true);
        var second = two.Snapshot(includeDist: true);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, digest) in first)
        {
            Assert.True(digest == second[path], $"{path} differs between --jobs 1 and --jobs 2");
        }
    }

    [Fact]
    public void AWorkerThatEndsOrAnswersWhatCannotBeReadLeavesItsManuscriptsToTheBuild()
    {
        using var one = TestProject.CopyOfRepository();
        var sequential = one.Run("build", "--jobs", "1");
        // A worker that ends before it answers, one that answers a frame too short for what it says, and one whose
        // answer breaks off in the middle of its files.
        Func<string, Func<RenderWorker?>>[] broken =
        [
            _ => () => new RenderWorker(new MemoryStream(), new MemoryStream(), () => { }),
            _ => () => new RenderWorker(new MemoryStream(), new MemoryStream([9, 0, 0, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7]), () => { }),
            root => new PipeWorkers(root) { BreakAfter = 40_000 }.Start,
        ];
        foreach (var start in broken)
        {
            using var two = TestProject.CopyOfRepository();
            var parallel = TestProject.RunIn(two.Root, ["build", "--jobs", "3"], start(two.Root));
            AssertSame(one, sequential, two, parallel);
        }
    }

    [Fact]
    public void ABuildStartsPubAgainAsItsRenderWorkerAndBuildsTheSame()
    {
        using var one = TestProject.CopyOfRepository();
        using var two = TestProject.CopyOfRepository();
        // The pub next to the tests: the JIT-compiled executable, started as a process of its own.
        var pub = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pub.exe" : "pub");
        var started = 0;
        long replied = 0;
        RenderWorker? Start()
        {
            started++;
            return RenderWorkerProcess.Start([pub], two.Root) is { } worker
                ? new RenderWorker(worker.Requests, new CountingStream(worker.Replies, n => Interlocked.Add(ref replied, n)), worker.Dispose)
                : null;
        }
        var sequential = one.Run("build", "--jobs", "1");
        var parallel = TestProject.RunIn(two.Root, ["build", "--jobs", "2"], Start);

        Assert.Equal(1, started);
        Assert.True(Interlocked.Read(ref replied) > 10_000, "the worker process rendered nothing");
        AssertSame(one, sequential, two, parallel);
    }

    private static string WithoutTimes(string error) => TestProject.ProgressTime().Replace(error, "");

    private static List<string> ProgressLines(string error) =>
        [.. error.Split('\n').Where(l => TestProject.ProgressTime().IsMatch(l)).Select(l => TestProject.ProgressTime().Replace(l, ""))];

    /// <summary>Render workers on threads of the test, over anonymous pipes, as <c>pub render-worker</c> serves over its
    /// standard streams; <see cref="Replied"/> counts the bytes they answered.</summary>
    private sealed class PipeWorkers(string root)
    {
        private long _replied;

        public long Replied => Interlocked.Read(ref _replied);

        /// <summary>When set, the build's end of the replies fails with an I/O error after this many bytes, as
        /// when the worker's process ends in the middle of a reply.</summary>
        public long? BreakAfter { get; init; }

        public RenderWorker? Start()
        {
            var requests = new AnonymousPipeServerStream(PipeDirection.Out);
            var requestsIn = new AnonymousPipeClientStream(PipeDirection.In, requests.ClientSafePipeHandle);
            var replies = new AnonymousPipeServerStream(PipeDirection.In);
            var repliesOut = new AnonymousPipeClientStream(PipeDirection.Out, replies.ClientSafePipeHandle);
            var serving = Task.Run(() =>
            {
                try
                {
                    PubCompiler.ServeRenders(new FileSystemWorld(root), requestsIn, repliesOut);
                }
                catch (IOException)
                {
                    // The build stopped listening.
                }
            });
            Stream read = new CountingStream(replies, n => Interlocked.Add(ref _replied, n), BreakAfter);
            return new RenderWorker(requests, read, () =>
            {
                requests.Dispose();
                replies.Dispose();
                serving.Wait();
            });
        }
    }

    /// <summary>Reads through to another stream, telling how many bytes each read gave; with a limit, fails as a
    /// broken pipe does once that many bytes were read.</summary>
    private sealed class CountingStream(Stream inner, Action<int> counted, long? breakAfter = null) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, Limit(count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer[..Limit(buffer.Length)], cancellationToken).ConfigureAwait(false));

        private int Limit(int count)
        {
            if (breakAfter is { } limit && _read >= limit)
            {
                throw new IOException("broken pipe");
            }
            return breakAfter is { } l ? (int)Math.Min(count, l - _read) : count;
        }

        private int Counted(int n)
        {
            _read += n;
            counted(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
