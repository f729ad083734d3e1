// Reads CSL-YAML bibliographies: the CSL-JSON item model written as YAML, either as a top-level list
// of items or as a map whose 'references' key holds that list (the Pandoc form). Parsed with
// YamlDotNet's representation model so every node keeps its line and column for diagnostics.
using Pub.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pub.Citations.Readers;

public static class CslYamlReader
{
    /// <summary>Reads every item of a CSL-YAML file. An item without an id or that is not a map is
    /// skipped (PUB0807); a value of the wrong shape is dropped from its item (PUB0808); the other
    /// items always load.</summary>
    public static (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText source)
    {
        var diagnostics = new List<Diagnostic>();
        var references = new List<Reference>();
        YamlStream stream;
        try
        {
            stream = YamlText.Load(source.Text);
        }
        catch (Exception error) when (error is YamlException or InvalidOperationException)
        {
            var explained = YamlSyntaxError.Explain(source.Text, error);
            diagnostics.Add(Diagnostic.Error(Codes.MalformedBibYaml, $"not valid YAML: {explained.Message}",
                source.SpanAt(explained.Line, explained.Column, 1), explained.Hint));
            return (references, diagnostics);
        }

        var reader = new CslYamlItems(source, diagnostics);
        var seen = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var document in stream.Documents)
        {
            foreach (var node in reader.Items(document.RootNode))
            {
                if (reader.Item(node) is not { } reference)
                {
                    continue;
                }
                if (seen.TryGetValue(reference.Id, out var first))
                {
                    diagnostics.Add(Diagnostic.Warning(Codes.DuplicateBibKey,
                        $"item id '{reference.Id}' is already used at line {first.Span?.Line}; this item is ignored", reference.Span));
                    continue;
                }
                seen[reference.Id] = reference;
                references.Add(reference);
            }
        }
        return (references, diagnostics);
    }

    internal static int Offset(SourceText source, Mark mark) =>
        source.Offset((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
