using System.Text;
using System.Text.Json;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>What <c>pub cite</c> is asked to render.</summary>
public sealed record CiteRequest(
    string Style,
    string References,
    string? Citations = null,
    string? Locale = null,
    string? Locales = null,
    string Format = "html",
    bool NoBibliography = false)
{
    /// <summary>The nearest style name in the project when <see cref="Style"/> names no file, for the hint.</summary>
    public string? StyleSuggestion { get; init; }

    /// <summary>Folders a dependent style's parent is looked for in after its own (a project's style folders).</summary>
    public IReadOnlyList<string> StyleFolders { get; init; } = [];
}

/// <summary>
/// <c>pub cite</c>: renders citation clusters and a bibliography with any CSL style, for editors checking
/// a style and for tooling. Clusters are processed in order; for a note style cluster i sits in note i+1.
/// The result is JSON: <c>{"citations": [...], "bibliography": [...]}</c>, each string HTML (as citeproc-js
/// writes it) or plain text.
/// </summary>
internal static class CiteRunner
{
    public static (string? Output, IReadOnlyList<Diagnostic> Diagnostics) Run(IWorld world, CiteRequest request)
    {
        var diagnostics = new DiagnosticBag();
        SourceText? Read(string path) =>
            world.ReadBytes(path) is { } bytes && TextDecoding.Decode(bytes, out _) is { } text ? new SourceText(path, text) : null;

        var style = world.FileExists(request.Style)
            ? StyleResolver.Load(request.Style, Read, diagnostics, request.StyleFolders)
            : null;
        if (!world.FileExists(request.Style))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingStyle.Id, $"style file '{request.Style}' does not exist", Path: request.Style,
                Hints: request.StyleSuggestion is { } guess ? [$"did you mean '{guess}'?", "run 'pub styles' to list the styles of the project"] : null));
        }
        IReadOnlyList<Reference> references = [];
        if (Read(request.References) is { } source)
        {
            var (found, problems) = BibliographyFile.Read(source);
            references = found;
            diagnostics.AddRange(problems);
        }
        else
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingBibliography.Id, $"references file '{request.References}' does not exist or is not UTF-8 text", Path: request.References));
        }
        List<CitationCluster>? clusters = null;
        if (request.Citations is { } citationsPath)
        {
            clusters = Read(citationsPath) is { } citations ? ParseClusters(citations, diagnostics) : null;
            if (clusters is null && !diagnostics.HasErrors)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.PathNotFound.Id, $"citations file '{citationsPath}' does not exist", Path: citationsPath));
            }
        }
        if (style is null || diagnostics.HasErrors)
        {
            return (null, diagnostics.Items);
        }

        var locales = new LocaleSet(tag =>
            request.Locales is { } folder && Read(folder.TrimEnd('/') + "/locales-" + tag + ".xml") is { } file ? file : BuiltinLocales.Load(tag));
        var processor = CslProcessor.Create(style, locales, references, request.Locale);
        var result = processor.Process(clusters ?? [], new ProcessOptions
        {
            BibliographyOnlyRegistered = clusters is not null,
        });
        diagnostics.AddRange(result.Diagnostics);
        diagnostics.AddRange(locales.Diagnostics);

        var html = !string.Equals(request.Format, "text", StringComparison.Ordinal);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("citations");
            foreach (var cluster in result.Citations)
            {
                writer.WriteStringValue(html ? cluster.Text.ToHtml() : cluster.Text.ToPlainText());
            }
            writer.WriteEndArray();
            if (!request.NoBibliography)
            {
                writer.WriteStartArray("bibliography");
                foreach (var entry in result.Bibliography?.Entries ?? [])
                {
                    writer.WriteStringValue(html ? "<div class=\"csl-entry\">" + entry.Text.ToHtml() + "</div>" : entry.Text.ToPlainText());
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return (Encoding.UTF8.GetString(stream.ToArray()) + "\n", diagnostics.Items);
    }

    /// <summary>A JSON array of clusters, each an array of cites
    /// <c>{"id", "locator", "label", "prefix", "suffix", "suppress-author", "author-only"}</c>.</summary>
    private static List<CitationCluster>? ParseClusters(SourceText source, DiagnosticBag diagnostics)
    {
        if (!JsonSource.TryParse(source, Codes.InvalidCitations, "the citations file", out var root, out var syntaxError))
        {
            diagnostics.Add(syntaxError);
            return null;
        }
        if (root is not JsonArray clusterList)
        {
            diagnostics.Add(Diagnostic.Error(Codes.InvalidCitations, "the citations file must be an array of clusters", source.Span(root.Offset, 1), "write [[{\"id\": \"key\"}], …]"));
            return null;
        }
        var clusters = new List<CitationCluster>();
        var index = 0;
        foreach (var clusterValue in clusterList.Items)
        {
            index++;
            if (clusterValue is not JsonArray cites)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidCitations, $"cluster {index} is not an array of cites", source.Span(clusterValue.Offset, 1)));
                continue;
            }
            var items = new List<CitationItem>();
            foreach (var cite in cites.Items)
            {
                if (cite is not JsonObject citeObject || citeObject["id"] is not JsonString id)
                {
                    diagnostics.Add(Diagnostic.Error(Codes.InvalidCitations, $"a cite in cluster {index} has no \"id\" string", source.Span(cite.Offset, 1)));
                    continue;
                }
                items.Add(new CitationItem(id.Value)
                {
                    Locator = Text(citeObject, "locator"),
                    Label = Text(citeObject, "label"),
                    Prefix = Text(citeObject, "prefix"),
                    Suffix = Text(citeObject, "suffix"),
                    SuppressAuthor = Flag(citeObject, "suppress-author"),
                    AuthorOnly = Flag(citeObject, "author-only"),
                });
            }
            clusters.Add(new CitationCluster("c" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), items, index));
        }
        return clusters;
    }

    private static string? Text(JsonObject cite, string name) => cite[name] switch
    {
        JsonString text => text.Value,
        JsonNumber number => number.Raw,
        _ => null,
    };

    private static bool Flag(JsonObject cite, string name) => cite[name] is JsonBool { Value: true };
}
