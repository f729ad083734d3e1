// The inputs of the differential test against citeproc-js: the style matrix, the references (the
// sample series' bibliography plus the corpus written for the comparison) and the citation clusters,
// read from tests/fixtures/citeproc exactly as tests/citeproc-oracle/render.js reads them.
using System.Text.Json;
using Pub.Citations.Readers;
using Pub.Syntax;
using Pub.Testing;

namespace Pub.Citations.Tests.CiteprocParity;

internal sealed record StyleCase(string Style, IReadOnlyList<string> Locales);

internal sealed record ParityCorpus(
    IReadOnlyList<StyleCase> Matrix,
    IReadOnlyList<Reference> References,
    IReadOnlyList<CitationCluster> Clusters)
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "fixtures", "citeproc");

    public static ParityCorpus Load()
    {
        var matrix = new List<StyleCase>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "matrix.json"))))
        {
            foreach (var entry in doc.RootElement.GetProperty("styles").EnumerateArray())
            {
                matrix.Add(new StyleCase(
                    entry.GetProperty("style").GetString()!,
                    [.. entry.GetProperty("locales").EnumerateArray().Select(l => l.GetString()!)]));
            }
        }

        var samplePath = Path.Combine(RepoPaths.Root, "papers", "references.yaml");
        var sample = CslYamlReader.Read(new SourceText(samplePath, File.ReadAllText(samplePath)));
        var corpusPath = Path.Combine(Folder, "corpus", "references.json");
        var corpus = CslJsonReader.Read(new SourceText(corpusPath, File.ReadAllText(corpusPath)));
        var problems = sample.Diagnostics.Concat(corpus.Diagnostics).Where(d => d.Severity == Severity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the parity corpus does not read cleanly: " + string.Join("; ", problems.Select(d => d.Message)));
        }

        var clusters = new List<CitationCluster>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "corpus", "clusters.json"))))
        {
            var note = 0;
            foreach (var cluster in doc.RootElement.EnumerateArray())
            {
                note++;
                clusters.Add(new CitationCluster(
                    cluster.GetProperty("id").GetString()!,
                    [.. cluster.GetProperty("items").EnumerateArray().Select(ReadItem)],
                    note));
            }
        }
        return new ParityCorpus(matrix, [.. sample.References, .. corpus.References], clusters);
    }

    private static CitationItem ReadItem(JsonElement e)
    {
        string? Text(string name) => e.TryGetProperty(name, out var v) ? v.ToString() : null;
        bool Flag(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        return new CitationItem(Text("id")!)
        {
            Locator = Text("locator"),
            Label = Text("label"),
            Prefix = Text("prefix"),
            Suffix = Text("suffix"),
            SuppressAuthor = Flag("suppress-author"),
            AuthorOnly = Flag("author-only"),
        };
    }
}
