using Xunit;

namespace Pub.Cli.Tests;

public sealed class PublishTests
{
    private static TestProject Draft(TestProject project, string folder, string language = "en", string extra = "")
    {
        project.AddPaper(folder, 1, language: language, extraFrontMatter: extra);
        var path = $"papers/{folder}/paper.md";
        project.Write(path, project.Read(path).Replace("number: 1\n", "", StringComparison.Ordinal).Replace("status: final", "status: draft", StringComparison.Ordinal));
        return project;
    }

    private static void AssertRefused(TestProject project, string code, params string[] args)
    {
        var before = project.Snapshot(includeDist: true);
        var (exit, _, error) = project.Run(["publish", .. args]);
        Assert.Equal(1, exit);
        Assert.Contains(code, error, StringComparison.Ordinal);
        Assert.Equal(before, project.Snapshot(includeDist: true));
    }

    [Fact]
    public void PublishNumbersStampsWritesAndRecords()
    {
        using var project = Draft(new TestProject(), "op-new");
        var (exit, _, error) = project.Run("publish", "papers/op-new", "--date", "2024-06-01");
        Assert.True(exit == 0, error);
        var text = project.Read("papers/op-new/paper.md");
        Assert.Contains("number: 1\n", text, StringComparison.Ordinal);
        Assert.Contains("edition: 1\n", text, StringComparison.Ordinal);
        Assert.Contains("date: 2024-06-01\n", text, StringComparison.Ordinal);
        Assert.Contains("status: final\n", text, StringComparison.Ordinal);
        Assert.Contains("title: \"A Test Paper\"", text, StringComparison.Ordinal);
        Assert.True(project.Exists("dist/op-001-en-ed1.pdf"));
        var registry = project.Read("papers/catalogue-op.yaml");
        Assert.Contains("path: \"papers/op-new/paper.md\"", registry, StringComparison.Ordinal);
        Assert.Contains("name: \"op-001-en-ed1.pdf\"", registry, StringComparison.Ordinal);
        Assert.Matches("sha256: \"[0-9a-f]{64}\"", registry);
        var manifest = project.Read("dist/manifest.json");
        Assert.Contains("\"path\": \"op-001-en-ed1.html\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"assets/", manifest, StringComparison.Ordinal);
        Assert.False(project.Exists(".pub/publish.lock"));

        var (listExit, list, _) = project.Run("list");
        Assert.Equal(0, listExit);
        Assert.Contains("ed1 2024-06-01", list, StringComparison.Ordinal);

        // Publishing identical content again is not a change.
        Assert.Equal(0, project.Run("publish", "papers/op-new").Exit);
    }

    [Fact]
    public void ARefusedPublishReportsPositionsInTheManuscriptAsItIsOnDisk()
    {
        // A draft without number, edition and date: publishing adds three lines to its front matter, and the
        // warning it finds in the stamped text must still name the line the file has.
        using var project = Draft(new TestProject(), "op-new");
        var word = "X" + new string('x', 120);
        var path = "papers/op-new/paper.md";
        project.Write(path, project.Read(path).Replace("A quotation.", "A quotation with " + word + " in it.", StringComparison.Ordinal));
        var lines = project.Read(path).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(word, StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf(word, StringComparison.Ordinal) + 1;
        var before = project.Snapshot(includeDist: true);

        var (exit, _, error) = project.Run("publish", "papers/op-new", "--date", "2024-06-01");

        Assert.Equal(3, exit);
        Assert.Contains($"papers/op-new/paper.md({line},{column}): warning PUB0904", error, StringComparison.Ordinal);
        Assert.Contains($" {line} | > A quotation with Xxxx", error, StringComparison.Ordinal);
        Assert.Equal(before, project.Snapshot(includeDist: true));
    }

    /// <summary>Path → SHA-256 of every file in the output folder.</summary>
    private static SortedDictionary<string, string> Dist(TestProject project) =>
        new(project.Snapshot(includeDist: true).Where(f => f.Key.StartsWith("dist/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    private static Dictionary<string, DateTime> WriteTimes(TestProject project) =>
        Directory.EnumerateFiles(project.Dist, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    [Fact]
    public void PublishLeavesTheOutputFolderAsAFullBuildOfThePublishedStateWouldMakeIt()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(0, project.Run("publish", "papers/op-one").Exit);
        Draft(project, "op-new");
        project.Write("dist/CNAME", "papers.example.org\n");
        var (exit, _, error) = project.Run("build");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(": warning PUB", error, StringComparison.Ordinal);
        Assert.True(project.Exists("dist/op-draft-new-en-ed1.pdf"));
        Assert.Contains("\"path\": \"op-draft-new-en-ed1.pdf\"", project.Read("dist/manifest.json"), StringComparison.Ordinal);

        (exit, _, error) = project.Run("publish", "papers/op-new", "--date", "2024-06-01");
        Assert.True(exit == 0, error);
        Assert.Contains("6 removed", error, StringComparison.Ordinal);

        // What was seen: the index and feed did not list the new number, the draft's files stayed and were in
        // the manifest. Now dist/ is what a full build of the same state makes in an empty folder.
        Assert.Contains("op-002-en-ed1.html", project.Read("dist/index.html"), StringComparison.Ordinal);
        Assert.Contains("op-002-en-ed1.html", project.Read("dist/feed.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(project.Dist, "*", SearchOption.AllDirectories), f => f.Contains("draft", StringComparison.Ordinal));
        Assert.DoesNotContain("draft", project.Read("dist/manifest.json"), StringComparison.Ordinal);
        using (var fresh = new TestProject())
        {
            foreach (var (file, _) in project.Snapshot(includeDist: false))
            {
                fresh.Write(file, File.ReadAllBytes(Path.Combine(project.Root, file)));
            }
            (exit, _, error) = fresh.Run("build");
            Assert.True(exit == 0, error);
            // A file put in the output folder by hand is neither pub's to delete nor to list.
            var published = Dist(project);
            Assert.True(published.Remove("dist/CNAME"));
            Assert.Equal(Dist(fresh), published);
        }
        Assert.DoesNotContain("CNAME", project.Read("dist/manifest.json"), StringComparison.Ordinal);

        // Publishing the same content again rewrites nothing.
        var before = WriteTimes(project);
        var snapshot = project.Snapshot(includeDist: true);
        Thread.Sleep(20);
        (exit, _, error) = project.Run("publish", "papers/op-new");
        Assert.True(exit == 0, error);
        Assert.Contains("number 2, 0 files written", error, StringComparison.Ordinal);
        Assert.Equal(before, WriteTimes(project));
        Assert.Equal(snapshot.Where(f => !f.Key.StartsWith(".pub/", StringComparison.Ordinal)), project.Snapshot(includeDist: true).Where(f => !f.Key.StartsWith(".pub/", StringComparison.Ordinal)));

        // The manuscript on disk is the stamped one now: a warning in it, from a build or a refused new edition,
        // points at its line there.
        var path = "papers/op-new/paper.md";
        var word = "X" + new string('x', 120);
        project.Write(path, project.Read(path).Replace("A quotation.", "A quotation with " + word + " in it.", StringComparison.Ordinal));
        var line = Array.FindIndex(project.Read(path).Split('\n'), l => l.Contains(word, StringComparison.Ordinal)) + 1;
        (exit, _, error) = project.Run("publish", "papers/op-new", "--edition", "2");
        Assert.Equal(3, exit);
        Assert.Contains($"papers/op-new/paper.md({line},20): warning PUB0904", error, StringComparison.Ordinal);
        (exit, _, error) = project.Run("build");
        Assert.Equal(0, exit);
        Assert.Contains($"papers/op-new/paper.md({line},20): warning PUB0904", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftBuiltOnItsOwnLeavesNoFileBehindOncePublished()
    {
        using var project = Draft(new TestProject(), "op-new");
        var (exit, _, error) = project.Run("build", "papers/op-new", "--format", "pdf");
        Assert.True(exit == 0, error);
        Assert.True(project.Exists("dist/op-draft-new-en-ed1.pdf"));

        (exit, _, error) = project.Run("publish", "papers/op-new");
        Assert.True(exit == 0, error);
        Assert.False(project.Exists("dist/op-draft-new-en-ed1.pdf"));
        Assert.True(project.Exists("dist/op-001-en-ed1.pdf"));
    }

    [Fact]
    public void AWarningInAnotherManuscriptIsReportedButAnErrorRefusesBecauseTheSiteCouldNotBeBuilt()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1, body: "A quotation with X" + new string('x', 120) + " in it.");
        Draft(project, "op-new");
        var (exit, _, error) = project.Run("publish", "papers/op-new", "--date", "2024-06-01");
        Assert.True(exit == 0, error);
        Assert.Contains("papers/op-one/paper.md", error, StringComparison.Ordinal);
        Assert.Contains("warning PUB0904", error, StringComparison.Ordinal);

        project.Write("papers/op-one/paper.md", project.Read("papers/op-one/paper.md").Replace("A paragraph", "A paragraph [@nobody-2020]", StringComparison.Ordinal));
        Draft(project, "op-third");
        AssertRefused(project, "papers/op-one/paper.md", "papers/op-third");
    }

    [Fact]
    public void ANumberOfAnotherPaperIsRefused()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(0, project.Run("publish", "papers/op-one").Exit);
        Draft(project, "op-two");
        AssertRefused(project, "PUB1105", "papers/op-two", "--number", "1");
    }

    [Fact]
    public void ChangedContentNeedsANewEdition()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(0, project.Run("publish", "papers/op-one").Exit);
        project.Write("papers/op-one/paper.md", project.Read("papers/op-one/paper.md").Replace("A quotation.", "A revised quotation.", StringComparison.Ordinal));
        AssertRefused(project, "PUB1106", "papers/op-one");

        var (exit, _, error) = project.Run("publish", "papers/op-one", "--edition", "2", "--date", "2025-01-15");
        Assert.True(exit == 0, error);
        Assert.True(project.Exists("dist/op-001-en-ed1.pdf"));
        Assert.True(project.Exists("dist/op-001-en-ed2.pdf"));
        // No longer built, but published: kept and listed.
        Assert.Contains("\"path\": \"op-001-en-ed1.pdf\"", project.Read("dist/manifest.json"), StringComparison.Ordinal);
        var registry = project.Read("papers/catalogue-op.yaml");
        Assert.Contains("- edition: 1", registry, StringComparison.Ordinal);
        Assert.Contains("- edition: 2", registry, StringComparison.Ordinal);
        Assert.Contains("date: \"2025-01-15\"", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingIsbnIsRefusedWhenTheSeriesRequiresOne()
    {
        using var project = new TestProject(TestProject.Config.Replace("    number-format:", "    isbn-required: true\n    number-format:", StringComparison.Ordinal));
        project.AddPaper("op-one", 1);
        AssertRefused(project, "PUB1104", "papers/op-one");
    }

    [Fact]
    public void AWrongCheckDigitIsRefused()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1, extraFrontMatter: "isbn: \"978-92-9234-613-4\"");
        AssertRefused(project, "PUB1101", "papers/op-one");
    }

    [Fact]
    public void AMalformedDoiIsRefused()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1, extraFrontMatter: "doi: \"10.12/op 1\"");
        AssertRefused(project, "DOI", "papers/op-one");
    }

    [Fact]
    public void AMalformedRequestIsAUsageError()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(2, project.Run("publish", "papers/op-one", "--date", "2024-13-01").Exit);
        Assert.Equal(2, project.Run("publish", "papers/op-one", "--number", "zero").Exit);
        Assert.False(project.Exists("papers/catalogue-op.yaml"));
    }

    [Fact]
    public void TwoConcurrentPublishesNeverTakeTheSameNumber()
    {
        using var project = new TestProject();
        Draft(project, "op-a");
        Draft(project, "op-b");
        var exits = new int[2];
        var threads = new[] { "op-a", "op-b" }.Select((folder, i) => new Thread(() => exits[i] = project.Run("publish", $"papers/{folder}", "--number", "next").Exit)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal([0, 0], exits);
        var numbers = new[] { "op-a", "op-b" }.Select(f => project.Read($"papers/{f}/paper.md").Contains("number: 1\n", StringComparison.Ordinal) ? 1 : 2).Order().ToList();
        Assert.Equal([1, 2], numbers);
        Assert.True(project.Exists("dist/op-001-en-ed1.pdf") && project.Exists("dist/op-002-en-ed1.pdf"));
    }

    [Fact]
    public void ATranslationSharesTheNumber()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        Assert.Equal(0, project.Run("publish", "papers/op-one").Exit);
        project.AddPaper("op-one-de", 1, title: "Ein Testpapier", language: "de");
        var (exit, _, error) = project.Run("publish", "papers/op-one-de");
        Assert.True(exit == 0, error);
        Assert.True(project.Exists("dist/op-001-de-ed1.pdf"));
        var registry = project.Read("papers/catalogue-op.yaml");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(registry, "- number: "));
        Assert.Contains("language: \"de\"", registry, StringComparison.Ordinal);
        Assert.Contains("language: \"en\"", registry, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedRegistryIsReportedAtItsPosition()
    {
        using var project = new TestProject();
        project.AddPaper("op-one", 1);
        project.Write("papers/catalogue-op.yaml", "series: \"op\"\nnumbers:\n  - number: zero\n    title: \"x\"\n");
        AssertRefused(project, "papers/catalogue-op.yaml(3,13): error PUB1107", "papers/op-one");
    }

    [Fact]
    public void TheSampleSeriesPublishesItsSecondEditionAndNumbersANewPaperAfterTheOthers()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("publish", "papers/op-002-child-trafficking");
        Assert.True(exit == 0, error);
        Assert.True(project.Exists("dist/op-002-en-ed2.pdf"));
        var registry = project.Read("papers/catalogue-op.yaml");
        Assert.Contains("- edition: 1", registry, StringComparison.Ordinal);
        Assert.Contains("- edition: 2", registry, StringComparison.Ordinal);
        Assert.Contains("date: \"2025-03-14\"", registry, StringComparison.Ordinal);
        Assert.Contains("isbn: \"978-92-9234-616-4\"", registry, StringComparison.Ordinal);

        // Number 2 is the registry's, 3 is a manuscript's: a new paper takes 4.
        Draft(project, "op-new");
        AssertRefused(project, "PUB1105", "papers/op-new", "--number", "2");
        (exit, _, error) = project.Run("publish", "papers/op-new", "--number", "next", "--date", "2025-06-01");
        Assert.True(exit == 0, error);
        Assert.Contains("number: 4\n", project.Read("papers/op-new/paper.md"), StringComparison.Ordinal);
    }
}
