using System.Text.Json;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary><c>pub cite</c> over its JSON output, with the house note style and the series bibliography.</summary>
public sealed class CiteCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pub-tests", Guid.NewGuid().ToString("N"));

    public CiteCommandTests()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(RepoPaths.Root, "templates", "csl", "pub-note.csl"), Path.Combine(_folder, "note.csl"));
        File.WriteAllText(Path.Combine(_folder, "refs.yaml"), """
            references:
              - id: gallagher-2010
                type: book
                author: [{family: Gallagher, given: Anne T.}]
                title: The International Law of Human Trafficking
                publisher: Cambridge University Press
                publisher-place: Cambridge
                issued: {date-parts: [[2010]]}
              - id: allain-2013
                type: book
                author: [{family: Allain, given: Jean}]
                title: Slavery in International Law
                publisher: Martinus Nijhoff
                publisher-place: Leiden
                issued: {date-parts: [[2013]]}
            """);
        File.WriteAllText(Path.Combine(_folder, "clusters.json"), """
            [
              [{"id": "gallagher-2010", "locator": "12-15", "label": "page"}],
              [{"id": "gallagher-2010", "locator": "20"}],
              [{"id": "allain-2013", "prefix": "see"}],
              [{"id": "gallagher-2010", "locator": "30"}]
            ]
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private JsonElement Cite(params string[] args)
    {
        var (exit, output, error) = TestProject.RunIn(_folder, ["cite", "--style", "note.csl", "--references", "refs.yaml", .. args]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void NoteStyleGivesFullFirstCitationThenIbidThenShortForm()
    {
        var json = Cite("--citations", "clusters.json", "--format", "text");
        var citations = json.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(
        [
            "Anne T. Gallagher, The International Law of Human Trafficking (Cambridge: Cambridge University Press, 2010), pp. 12–15.",
            "Ibid., p. 20.",
            "see Jean Allain, Slavery in International Law (Leiden: Martinus Nijhoff, 2013).",
            "Gallagher, The International Law of Human Trafficking, p. 30.",
        ], citations);
        var bibliography = json.GetProperty("bibliography").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(
        [
            "Allain, Jean. Slavery in International Law. Leiden: Martinus Nijhoff, 2013.",
            "Gallagher, Anne T. The International Law of Human Trafficking. Cambridge: Cambridge University Press, 2010.",
        ], bibliography);
    }

    [Fact]
    public void PrintsWhatTheStyleRendersWithoutChangingItsCase()
    {
        // OSCOLA sets "ibid" in lower case even where it opens a note (its text-case="lowercase"); citeproc-js
        // prints "ibid 20." and "ibid." for these clusters, and pub cite prints the processor's text unchanged.
        if (RepoPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared not found beside the repository");
            return;
        }
        File.Copy(Path.Combine(shared, "csl", "styles", "oscola.csl"), Path.Combine(_folder, "oscola.csl"));
        File.WriteAllText(Path.Combine(_folder, "repeats.json"), """
            [[{"id": "gallagher-2010"}], [{"id": "gallagher-2010", "locator": "20"}], [{"id": "gallagher-2010", "locator": "20"}]]
            """);
        var (exit, output, error) = TestProject.RunIn(_folder, ["cite", "--style", "oscola.csl", "--references", "refs.yaml", "--citations", "repeats.json", "--format", "text", "--no-bibliography"]);
        Assert.True(exit == 0, error);
        var citations = JsonDocument.Parse(output).RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["Anne T Gallagher, The International Law of Human Trafficking (Cambridge University Press 2010).", "ibid 20.", "ibid."], citations);
    }

    [Fact]
    public void HtmlFormatMarksTitlesAndWrapsEntries()
    {
        var json = Cite("--citations", "clusters.json", "--no-bibliography");
        Assert.StartsWith("Anne T. Gallagher, <i>The International Law of Human Trafficking</i>", json.GetProperty("citations")[0].GetString());
        Assert.False(json.TryGetProperty("bibliography", out _));
    }

    [Fact]
    public void WithoutCitationsTheBibliographyListsEveryReference()
    {
        var json = Cite();
        Assert.Equal(0, json.GetProperty("citations").GetArrayLength());
        var entries = json.GetProperty("bibliography").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("<div class=\"csl-entry\">", e));
    }

    [Fact]
    public void RussianLocaleChangesTermsAndQuotes()
    {
        var json = Cite("--citations", "clusters.json", "--format", "text", "--locale", "ru-RU", "--no-bibliography");
        Assert.Equal("Там же, с. 20.", json.GetProperty("citations")[1].GetString());
    }

    [Fact]
    public void MalformedCitationsFileIsADiagnosticWithPosition()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "[[{\"id\": \"x\"}] {");
        var (exit, _, error) = TestProject.RunIn(_folder, "cite", "--style", "note.csl", "--references", "refs.yaml", "--citations", "bad.json");
        Assert.Equal(1, exit);
        Assert.Contains("bad.json(1,16): error PUB0204: the citations file is not valid JSON: expected ',' or ']' after an array element, found '{'", error);
    }

    [Fact]
    public void CiteWithoutIdIsReportedWhereItIsWritten()
    {
        File.WriteAllText(Path.Combine(_folder, "noid.json"), "[\n  [{\"id\": \"gallagher-2010\"}],\n  [{\"locator\": \"12\"}]\n]");
        var (exit, _, error) = TestProject.RunIn(_folder, "cite", "--style", "note.csl", "--references", "refs.yaml", "--citations", "noid.json");
        Assert.Equal(1, exit);
        Assert.Contains("noid.json(3,4): error PUB0204: a cite in cluster 2 has no \"id\" string", error);
    }

    [Fact]
    public void CommentsInTheCitationsFileAreNotJson()
    {
        File.WriteAllText(Path.Combine(_folder, "comment.json"), "[\n  // first note\n  [{\"id\": \"gallagher-2010\"}]\n]");
        var (exit, _, error) = TestProject.RunIn(_folder, "cite", "--style", "note.csl", "--references", "refs.yaml", "--citations", "comment.json");
        Assert.Equal(1, exit);
        Assert.Contains("comment.json(2,3): error PUB0204: the citations file is not valid JSON: expected a value or ']', found a comment (JSON has no comments)", error);
    }

    [Fact]
    public void MissingStyleIsADiagnostic()
    {
        var (exit, _, error) = TestProject.RunIn(_folder, "cite", "--style", "nowhere.csl", "--references", "refs.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("error PUB0203: style file", error);
    }
}
