// Pub.Markdown: reads a manuscript (YAML front matter + Markdown) into the document model.
// Markdig is an implementation detail of this project: its types never appear in the public API.
using Pub.Model;
using Pub.Syntax;

namespace Pub.Markdown;

public sealed record ParseResult(Document? Document, IReadOnlyList<Diagnostic> Diagnostics);

public static class ManuscriptParser
{
    /// <summary>Parses one manuscript file. <paramref name="kind"/> says what the caller expects
    /// (a handbook chapter has fewer required fields). The document is null only when the front
    /// matter cannot be read at all.</summary>
    /// <param name="body">False to read the front matter alone: the document's metadata is the same, its text is
    /// left empty, and only what the front matter holds is reported.</param>
    public static ParseResult Parse(SourceText source, ManuscriptKind kind = ManuscriptKind.Paper, bool body = true)
    {
        var diagnostics = new DiagnosticBag();
        if (source.Text.Trim().Length == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.EmptyFile.Id, "the manuscript is empty", source.Span(0, 0), ["a manuscript starts with front matter ('---', fields, '---') followed by the text"]));
            return new ParseResult(null, diagnostics.Items);
        }
        var front = FrontMatterSplitter.Split(source, diagnostics);
        if (front is null)
        {
            return new ParseResult(null, diagnostics.Items);
        }
        if (!body)
        {
            // The document keeps its source for the spans of its fields: the front matter alone, not the text.
            source = new SourceText(source.Path, source.Text[..front.BodyStart]);
        }
        var language = "en";
        if (front.Root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("language"), out var lang) && lang is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } l })
        {
            language = l;
        }
        var reader = new MetadataReader(source, diagnostics, front.FirstLine, text => ParseFragment(text, language));
        var meta = reader.Read(front.Root, kind, source.Span(0, Math.Min(3, source.Text.Length)));
        if (!body)
        {
            return new ParseResult(new Document(source.Path, meta, [], []) { FieldSpans = reader.Spans, FieldValueSpans = reader.ValueSpans, Source = source },
                diagnostics.Items);
        }

        // Blank the front matter rather than cutting it off, so Markdig's offsets are file offsets.
        var blanked = string.Create(source.Text.Length, (source.Text, front.BodyStart), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.Text[i];
                span[i] = i < state.BodyStart && c != '\n' ? ' ' : c;
            }
        });
        var markdown = Markdig.Markdown.Parse(blanked, PubMarkdownPipeline.Instance);
        var lowering = new Lowering(source, meta.Language);
        var blocks = lowering.Blocks(markdown);
        diagnostics.AddRange(lowering.Diagnostics);
        var document = new Document(source.Path, meta, blocks, lowering.Notes)
        {
            FieldSpans = reader.Spans,
            FieldValueSpans = reader.ValueSpans,
            Source = source,
        };
        return new ParseResult(document, diagnostics.Items);
    }

    /// <summary>The citation style and bibliography files a manuscript's front matter names, as written, read
    /// without the rest of the manuscript: a build starts loading them while the manuscripts are parsed. Nothing
    /// when the front matter cannot be read (its parse reports why).</summary>
    public static (string? Csl, IReadOnlyList<string> Bibliography) CitationFields(SourceText source)
    {
        if (FrontMatterSplitter.Split(source, new DiagnosticBag()) is not { } front)
        {
            return (null, []);
        }
        static YamlDotNet.RepresentationModel.YamlNode? Field(FrontMatterBlock front, string key) =>
            front.Root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var node) ? node : null;
        var csl = Field(front, "csl") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
        IReadOnlyList<string> bibliography = Field(front, "bibliography") switch
        {
            YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } one } => [one],
            YamlDotNet.RepresentationModel.YamlSequenceNode list => [.. list.Children.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
                .Select(n => n.Value).OfType<string>().Where(v => v.Length > 0)],
            _ => [],
        };
        return (csl, bibliography);
    }

    /// <summary>Parses Markdown without front matter or positions (abstracts and other field values).</summary>
    public static IReadOnlyList<Block> ParseFragment(string markdown, string language = "en")
    {
        var tree = Markdig.Markdown.Parse(markdown, PubMarkdownPipeline.Instance);
        return new Lowering(null, language).Blocks(tree);
    }
}
