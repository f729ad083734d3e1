// Drives the processor the way the reference runner drives citeproc-js: register every INPUT item
// (unless CITATIONS replays a document), then render CITATION-ITEMS clusters, a CITATIONS replay,
// one cluster of all items, or the bibliography.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pub.Syntax;

namespace Pub.Citations.Conformance;

internal static class FixtureRunner
{
    public static string Run(Fixture fixture, LocaleSet locales)
    {
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText(fixture.Name + ".csl", fixture["CSL"] ?? string.Empty), bag)
            ?? throw new InvalidOperationException("style did not parse: " + string.Join("; ", bag.Items.Select(d => d.Message)));
        var input = CslJsonReader.Read(new SourceText(fixture.Name + ".json", fixture["INPUT"] ?? "[]"));
        var processor = CslProcessor.Create(style, locales, input.References);
        var allIds = input.References.Select(r => r.Id).ToList();
        var mode = (fixture["MODE"] ?? "citation").Trim();

        if (fixture["BIBENTRIES"] is { } bibEntries)
        {
            using var doc = JsonDocument.Parse(bibEntries);
            var last = doc.RootElement.EnumerateArray().LastOrDefault();
            if (last.ValueKind == JsonValueKind.Array)
            {
                allIds = [.. last.EnumerateArray().Select(e => e.ToString())];
            }
        }

        if (fixture["CITATIONS"] is { } citations)
        {
            var (lines, finalResult) = Replay(processor, citations);
            return mode.StartsWith("bibliography", StringComparison.Ordinal) ? finalResult.Bibliography?.ToHtml() ?? string.Empty : lines;
        }

        var clusters = new List<CitationCluster>();
        if (fixture["CITATION-ITEMS"] is { } items)
        {
            using var doc = JsonDocument.Parse(items);
            var n = 0;
            foreach (var cluster in doc.RootElement.EnumerateArray())
            {
                clusters.Add(new CitationCluster("C" + (n++).ToString(CultureInfo.InvariantCulture), [.. cluster.EnumerateArray().Select(ReadCite)]));
            }
        }
        var options = new ProcessOptions { ComputePositions = false, Register = allIds };
        if (mode.StartsWith("bibliography", StringComparison.Ordinal))
        {
            var result = processor.Process(clusters, options);
            return result.Bibliography?.ToHtml() ?? string.Empty;
        }
        if (clusters.Count == 0)
        {
            var order = processor.Process([], options).RegistryOrder;
            clusters.Add(new CitationCluster("C0", [.. order.Select(id => new CitationItem(id))]));
        }
        var output = processor.Process(clusters, options);
        return string.Join("\n", output.Citations.Select(c => c.Text.ToHtml()));
    }

    private static (string Lines, CslResult Final) Replay(CslProcessor processor, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var byId = new Dictionary<string, CitationCluster>(StringComparer.Ordinal);
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        List<CitationCluster> order = [];
        CslResult? result = null;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in doc.RootElement.EnumerateArray())
        {
            var citation = call[0];
            var id = citation.GetProperty("citationID").ToString();
            var note = 0;
            if (citation.TryGetProperty("properties", out var props) && props.TryGetProperty("noteIndex", out var ni))
            {
                note = ni.GetInt32();
            }
            var cites = citation.GetProperty("citationItems").EnumerateArray().Select(ReadCite).ToList();
            byId[id] = new CitationCluster(id, cites, note);
            order = [];
            foreach (var pre in call[1].EnumerateArray())
            {
                order.Add(Existing(byId, pre));
            }
            order.Add(byId[id]);
            foreach (var post in call[2].EnumerateArray())
            {
                order.Add(Existing(byId, post));
            }
            result = processor.Process(order, new ProcessOptions());
            changed.Clear();
            for (var i = 0; i < order.Count; i++)
            {
                var html = result.Citations[i].Text.ToHtml();
                var cid = order[i].Id;
                if (cid == id || !previous.TryGetValue(cid, out var old) || old != html)
                {
                    changed.Add(cid);
                }
                previous[cid] = html;
            }
        }
        var sb = new StringBuilder();
        for (var i = 0; i < order.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }
            sb.Append(changed.Contains(order[i].Id) ? ">>" : "..").Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append("] ")
              .Append(result!.Citations[i].Text.ToHtml());
        }
        return (sb.ToString(), result!);
    }

    private static CitationCluster Existing(Dictionary<string, CitationCluster> byId, JsonElement pair)
    {
        var id = pair[0].ToString();
        var note = pair[1].ValueKind == JsonValueKind.Number ? pair[1].GetInt32() : 0;
        var cluster = byId.TryGetValue(id, out var c) ? c : new CitationCluster(id, []);
        cluster = cluster with { NoteNumber = note };
        byId[id] = cluster;
        return cluster;
    }

    private static CitationItem ReadCite(JsonElement e)
    {
        string? Str(string name) => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;
        bool Bool(string name) => e.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true") || (v.ValueKind == JsonValueKind.Number && v.GetInt32() != 0));
        int? Int(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32()
            : e.TryGetProperty(name, out var s) && s.ValueKind == JsonValueKind.String && int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        return new CitationItem(Str("id") ?? string.Empty)
        {
            Locator = Str("locator"),
            Label = Str("label"),
            Prefix = Str("prefix"),
            Suffix = Str("suffix"),
            SuppressAuthor = Bool("suppress-author"),
            AuthorOnly = Bool("author-only"),
            Position = Int("position"),
            NearNote = e.TryGetProperty("near-note", out _) ? Bool("near-note") : null,
            FirstReferenceNoteNumber = Int("first-reference-note-number"),
        };
    }
}
