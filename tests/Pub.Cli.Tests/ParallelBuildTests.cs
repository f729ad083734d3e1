// `--jobs N` renders manuscripts on several threads; everything a build leaves behind must be the same as with
// `--jobs 1`: every file of dist/, the build cache, and the diagnostics in the same order. The progress lines
// carry times, which differ from run to run; the manuscripts they name and their order do not.
using System.Text.RegularExpressions;
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
        AssertSameBuild(one, two, "build");
    }

    [Fact]
    public void AGeneratedCorpusBuildsTheSameWithOneJobAndWithTwo()
    {
        using var one = new TestProject(withTemplates: false);
        using var two = new TestProject(withTemplates: false);
        foreach (var project in new[] { one, two })
        {
            CorpusWriter.Write(new CorpusOptions(
                Output: project.Root,
                Papers: 3,
                References: 300,
                Seed: 7,
                StyleFile: Path.Combine(RepoPaths.Root, "..", "shared", "csl", "styles", "chicago-author-date.csl"),
                Templates: Path.Combine(RepoPaths.Root, "templates")));
        }
        AssertSameBuild(one, two, "build");
    }

    [Fact]
    public void ACheckReportsTheSameWithOneJobAndWithTwo()
    {
        using var one = TestProject.CopyOfRepository();
        using var two = TestProject.CopyOfRepository();
        AssertSameBuild(one, two, "check");
    }

    [Fact]
    public void AFailingManuscriptAmongOthersFailsAloneWithTwoJobs()
    {
        using var one = new TestProject();
        using var two = new TestProject();
        foreach (var project in new[] { one, two })
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
        var (exit, error) = AssertSameBuild(one, two, "build");

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
    public void FailFastWithTwoJobsStopsWhereOneJobStops()
    {
        using var one = new TestProject();
        using var two = new TestProject();
        foreach (var project in new[] { one, two })
        {
            project.AddPaper("op-001-a", 1);
            project.AddPaper("op-002-b", 2, body: "An unknown key [@nobody-2010].");
            project.AddPaper("op-003-c", 3);
            project.AddPaper("op-004-d", 4);
        }
        var (exit, error) = AssertSameBuild(one, two, "build", "--fail-fast");

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
    public void ABuildAboutToRenderSeveralManuscriptsAtOnceSaysSoOnceBeforeItWritesAnything()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-a", 1);
        project.AddPaper("op-002-b", 2);
        var told = new List<bool>();
        int Build(params string[] args) =>
            PubCli.Run(args, TextWriter.Null, TextWriter.Null, project.Root, () => told.Add(Directory.Exists(Path.Combine(project.Root, "dist"))));

        Assert.Equal(0, Build("build", "--jobs", "2"));
        // Told once, and the output folder did not exist yet.
        Assert.Equal([false], told);
        Assert.True(project.Exists("dist/op-002-en-ed1.pdf"));

        Assert.Equal(0, Build("build", "--jobs", "1", "--force"));
        Assert.Equal(0, Build("build", "papers/op-001-a", "--jobs", "2", "--force"));
        Assert.Equal(0, Build("check", "--jobs", "2"));
        Assert.Single(told);
    }

    [Theory]
    [InlineData(null, true, "/usr/local/bin/pub", true)]
    [InlineData(null, true, "/home/editor/.dotnet/tools/pub", true)]
    [InlineData("1", true, "/usr/local/bin/pub", false)]
    [InlineData("0", true, "/usr/local/bin/pub", false)]
    [InlineData(null, true, "/usr/bin/dotnet", false)]
    [InlineData(null, true, "/usr/lib/dotnet/testhost", false)]
    [InlineData(null, false, "/usr/local/bin/pub", false)]
    [InlineData(null, true, null, false)]
    public void OnlyPubItselfOnLinuxRestartsWithTheServerCollectorAndOnlyWhenNobodyChoseOne(string? variable, bool linux, string? path, bool restarts)
    {
        Assert.Equal(restarts, CollectorChoice.ShouldRestart(variable, linux, path));
    }

    [Fact]
    public void TheRestartedPubRunsTheServerCollectorSetUpForParallelWorkUnlessSomebodyChose()
    {
        var chosen = CollectorChoice.RestartEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/editor" });
        Assert.Equal(["HOME=/home/editor", "DOTNET_gcServer=1", "DOTNET_GCgen0size=4000000", "DOTNET_GCDynamicAdaptationMode=0", "DOTNET_gcConcurrent=0"], chosen);

        var kept = CollectorChoice.RestartEnvironment(new Dictionary<string, string> { ["DOTNET_gcConcurrent"] = "1", ["DOTNET_GCgen0size"] = "4000000" });
        Assert.Equal(["DOTNET_gcConcurrent=1", "DOTNET_GCgen0size=4000000", "DOTNET_gcServer=1", "DOTNET_GCDynamicAdaptationMode=0"], kept);
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

    /// <summary>Builds one project with --jobs 1 and the other, a copy of it, with --jobs 2, and asserts that they
    /// end the same: exit code, standard output, standard error but for the times of the progress lines, and every
    /// file of the project (dist/ and the build cache included).</summary>
    private static (int Exit, string Error) AssertSameBuild(TestProject one, TestProject two, params string[] command)
    {
        var sequential = one.Run([.. command, "--jobs", "1"]);
        var parallel = two.Run([.. command, "--jobs", "2"]);

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
        return (parallel.Exit, parallel.Error);
    }

    private static string WithoutTimes(string error) => TestProject.ProgressTime().Replace(error, "");

    private static List<string> ProgressLines(string error) =>
        [.. error.Split('\n').Where(l => TestProject.ProgressTime().IsMatch(l)).Select(l => TestProject.ProgressTime().Replace(l, ""))];
}
