using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// A manuscript names its citation style by path, by name or by id; a style that is not found is reported at
/// the value with the nearest name; `pub styles` lists what can be named; and an edition depends on the style
/// files its value was resolved to.
/// </summary>
public sealed class StyleNameTests : IDisposable
{
    private const string Cited = "As the indicators show [@ilo-2012].";

    /// <summary>The citation as an author-date style prints it in the running text (the link is the work's).</summary>
    private const string AuthorDate = "International Labour Organization 2012</a>)";

    private readonly TestProject _project = new(TestProject.Config + "\nstyles: [styles, more-styles]\n");

    public StyleNameTests()
    {
        _project.Write("papers/references.yaml", """
            references:
              - id: ilo-2012
                type: report
                author: [{literal: International Labour Organization}]
                title: ILO Indicators of Forced Labour
                publisher: ILO
                issued: {date-parts: [[2012]]}
            """);
        var authorDate = File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "csl", "pub-author-date.csl"));
        // An independent style in the first styles folder, under the name the official repository uses …
        _project.Write("styles/chicago-notes-bibliography.csl", File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "csl", "pub-note.csl"))
            .Replace("<title>PubPipeline house style: notes and bibliography</title>", "<title>Chicago-like notes</title>", StringComparison.Ordinal)
            .Replace("https://pubpipeline.example/styles/pub-note", "http://www.zotero.org/styles/chicago-notes-bibliography", StringComparison.Ordinal));
        // … and a dependent style in a subfolder of the second, whose parent is in the first.
        _project.Write("styles/house-author-date.csl", authorDate
            .Replace("https://pubpipeline.example/styles/pub-author-date", "http://www.zotero.org/styles/house-author-date", StringComparison.Ordinal));
        _project.Write("more-styles/dependent/journal-of-testing.csl", Dependent("journal-of-testing", "Journal of Testing", "house-author-date"));
    }

    public void Dispose() => _project.Dispose();

    /// <summary>A dependent style in the official repository's form, whose parent is named by id.</summary>
    internal static string Dependent(string name, string title, string parent) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
          <info>
            <title>{title}</title>
            <id>http://www.zotero.org/styles/{name}</id>
            <link href="http://www.zotero.org/styles/{name}" rel="self"/>
            <link href="http://www.zotero.org/styles/{parent}" rel="independent-parent"/>
            <category citation-format="author-date"/>
          </info>
        </style>
        """;

    private void Paper(string csl) =>
        _project.AddPaper("op-001-a", 1, extraFrontMatter: $"bibliography: ../references.yaml\ncsl: {csl}", body: Cited);

    private string BuiltHtml(string csl)
    {
        Paper(csl);
        var (exit, _, error) = _project.Run("build", "--force", "--format", "html");
        Assert.True(exit == 0, error);
        return _project.Read("dist/op-001-en-ed1.html");
    }

    [Theory]
    [InlineData("chicago-note-bibliography", "chicago-notes-bibliography")]
    [InlineData("pub-notes.csl", "pub-note")]
    [InlineData("Chicago-Notes-Bibliografy", "chicago-notes-bibliography")]
    [InlineData("http://www.zotero.org/styles/journal-of-testin", "journal-of-testing")]
    public void AMissingStyleIsReportedAtItsValueWithTheNearestName(string written, string suggested)
    {
        Paper(written);

        var (exit, _, error) = _project.Run("check");

        Assert.Equal(1, exit);
        var lines = error.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("error PUB0203", StringComparison.Ordinal));
        Assert.True(at >= 0, error);
        // The manuscript's 12th line is "csl: …": the position, the hints and the caret are the value's.
        Assert.Equal($"papers/op-001-a/paper.md(12,6): error PUB0203: citation style '{written}' was not found", lines[at]);
        Assert.Equal($"  hint: did you mean '{suggested}'?", lines[at + 1]);
        Assert.Contains("run 'pub styles' to list them", lines[at + 2], StringComparison.Ordinal);
        Assert.EndsWith($"| csl: {written}", lines[at + 3], StringComparison.Ordinal);
        Assert.EndsWith("|      " + new string('^', written.Length), lines[at + 4], StringComparison.Ordinal);
    }

    [Fact]
    public void AStyleIsNamedByPathByNameWithOrWithoutItsExtensionOrById()
    {
        var byPath = BuiltHtml("../../styles/chicago-notes-bibliography.csl");
        Assert.Contains("International Labour Organization, <em>ILO Indicators of Forced Labour</em>", byPath, StringComparison.Ordinal);

        Assert.Equal(byPath, BuiltHtml("chicago-notes-bibliography"));
        Assert.Equal(byPath, BuiltHtml("chicago-notes-bibliography.csl"));
        Assert.Equal(byPath, BuiltHtml("https://www.zotero.org/styles/chicago-notes-bibliography/"));

        // A dependent style found by name, in a subfolder of another styles folder, takes its parent's rules.
        var dependent = BuiltHtml("journal-of-testing");
        Assert.Contains(AuthorDate, dependent, StringComparison.Ordinal);
        Assert.Equal(dependent, BuiltHtml("http://www.zotero.org/styles/journal-of-testing"));
    }

    [Fact]
    public void AnExistingFileBesideTheManuscriptComesBeforeAStyleOfTheSameName()
    {
        var house = BuiltHtml("pub-note.csl");
        _project.Write("papers/op-001-a/pub-note.csl", File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "csl", "pub-author-date.csl")));
        var local = BuiltHtml("pub-note.csl");
        Assert.NotEqual(house, local);
        Assert.Contains(AuthorDate, local, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeriesStyleInPubYamlIsFoundByNameAndReportedAtItsValueWhenMissing()
    {
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "bibliography: ../references.yaml", body: Cited);
        _project.Write("pub.yaml", TestProject.Config + "\nstyles: [styles, more-styles]\ncitation-style: journal-of-testing\n");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.Contains(AuthorDate, _project.Read("dist/op-001-en-ed1.html"), StringComparison.Ordinal);

        _project.Write("pub.yaml", TestProject.Config + "\nstyles: [styles, more-styles]\ncitation-style: journal-of-tests\n");
        (exit, _, error) = _project.Run("check");
        Assert.Equal(1, exit);
        Assert.Contains("pub.yaml(11,17): error PUB0203: citation style 'journal-of-tests' was not found", error, StringComparison.Ordinal);
        Assert.Contains("hint: did you mean 'journal-of-testing'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PubStylesListsEveryStyleByNameWithClassTitleAndFile()
    {
        _project.Write("more-styles/orphan.csl", Dependent("orphan", "Orphan Journal", "nowhere"));
        _project.Write("more-styles/pub-note.csl", "<style>shadowed by the house style of the same name</style>");

        var (exit, output, error) = _project.Run("styles");

        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^NAME\s+CLASS\s+TITLE\s+FILE$", lines[0]);
        Assert.Equal(["chicago-notes-bibliography", "house-author-date", "journal-of-testing", "orphan", "pub-author-date", "pub-note"],
            lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Matches(@"^chicago-notes-bibliography\s+note\s+Chicago-like notes\s+styles/chicago-notes-bibliography\.csl$", lines[1]);
        Assert.Matches(@"^journal-of-testing\s+author-date\s+Journal of Testing\s+more-styles/dependent/journal-of-testing\.csl \(dependent on styles/house-author-date\.csl\)$", lines[3]);
        Assert.Contains("(dependent; parent 'http://www.zotero.org/styles/nowhere' not found)", lines[4], StringComparison.Ordinal);
        Assert.Matches(@"^pub-note\s+note\s+PubPipeline house style: notes and bibliography\s+templates/csl/pub-note\.csl$", lines[6]);

        var (jsonExit, json, _) = _project.Run("styles", "--diagnostics", "json");
        Assert.Equal(0, jsonExit);
        Assert.EndsWith("[]", json.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void PubCiteTakesAStyleNameInsideAProject()
    {
        var (exit, output, error) = _project.Run("cite", "--style", "journal-of-testing", "--references", "papers/references.yaml", "--format", "text");
        Assert.True(exit == 0, error);
        Assert.Contains("International Labour Organization. 2012.", output, StringComparison.Ordinal);

        (exit, _, error) = _project.Run("cite", "--style", "chicago-note-bibliography", "--references", "papers/references.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("error PUB0203", error, StringComparison.Ordinal);
        Assert.Contains("hint: did you mean 'chicago-notes-bibliography'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingStyleIsReportedEvenInAManuscriptThatCitesNothing()
    {
        _project.AddPaper("op-001-a", 1, extraFrontMatter: "csl: chicago-note-bibliography");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-001-a/paper\.md\(\d+,6\): error PUB0203: citation style 'chicago-note-bibliography' was not found", error);
        Assert.Contains("hint: did you mean 'chicago-notes-bibliography'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PubStylesWithABrokenPubYamlExitsWithTwo()
    {
        _project.Write("pub.yaml", TestProject.Config + "\nstyles: [no-such-folder]\n");
        var (exit, _, error) = _project.Run("styles");
        Assert.Equal(2, exit);
        Assert.Contains("pub.yaml(10,10): error PUB0504: folder 'no-such-folder' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditionIsRebuiltWhenTheParentOfItsDependentStyleChanges()
    {
        // The dependent style and its parent sit in a folder of papers/ that is neither the manuscript's
        // folder nor a styles folder: only the files the style was resolved to can tell the cache.
        _project.Write("papers/shared-styles/house-author-date.csl", File.ReadAllText(Path.Combine(_project.Root, "styles", "house-author-date.csl")));
        _project.Write("papers/shared-styles/journal.csl", Dependent("journal", "Journal", "house-author-date"));
        Paper("../shared-styles/journal.csl");
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.Contains("0 manuscript(s) built, 1 unchanged", _project.Run("build", "--format", "html").Error, StringComparison.Ordinal);

        var parent = Path.Combine(_project.Root, "papers", "shared-styles", "house-author-date.csl");
        File.WriteAllText(parent, File.ReadAllText(parent).Replace("<group delimiter=\" \">", "<group delimiter=\" / \">", StringComparison.Ordinal));
        (exit, _, error) = _project.Run("build", "--format", "html");

        Assert.True(exit == 0, error);
        Assert.Contains("1 manuscript(s) built", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenStyleFileFailsTheManuscriptAndWritesNothing()
    {
        _project.Write("styles/broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\"><info>");
        Paper("broken");

        var (exit, _, error) = _project.Run("build");

        Assert.Equal(1, exit);
        Assert.Contains("styles/broken.csl(", error, StringComparison.Ordinal);
        Assert.Contains("error PUB0701", error, StringComparison.Ordinal);
        Assert.False(_project.Exists("dist/op-001-en-ed1.html"), error);
        Assert.Equal(1, _project.Run("build").Exit);
    }
}
