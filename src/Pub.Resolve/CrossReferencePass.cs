using Pub.Model;
using Pub.Syntax;

namespace Pub.Resolve;

/// <summary>
/// Collects labels (ids of headings, figures and tables) and resolves <c>@sec-x</c>, <c>@fig-x</c> and
/// <c>@tbl-x</c> to "Section 2.1", "Figure 3" or "Table 1" in the manuscript's language. In a handbook,
/// labels are shared by all chapters, so a chapter may refer to another.
/// </summary>
public sealed class CrossReferencePass : IDocumentPass
{
    public Document Run(Document document, ResolveContext context)
    {
        var terms = Terms.For(document.Meta.Language);
        var labels = new Dictionary<string, (string Text, SourceSpan? Span)>(StringComparer.Ordinal);
        foreach (var doc in new[] { document }.Concat(document.Chapters))
        {
            foreach (var block in Walk.Blocks(doc.Blocks.Concat(doc.Notes.SelectMany(n => n.Blocks))))
            {
                var (id, text) = block switch
                {
                    Heading h when h.Attributes.Id is { } hid => (hid, h.Number is null ? Walk.PlainText(h.Content) : $"{terms.Section} {h.Number}"),
                    Figure f when f.Attributes.Id is { } fid => (fid, $"{terms.Figure} {f.Number}"),
                    Table t when t.Attributes.Id is { } tid => (tid, $"{terms.Table} {t.Number}"),
                    _ => (null, null),
                };
                if (id is null || text is null)
                {
                    continue;
                }
                if (labels.TryGetValue(id, out var first))
                {
                    context.Diagnostics.Add(Diagnostic.Error(Codes.DuplicateLabel, $"label '{id}' is defined twice", block.Span,
                        first.Span is { } at ? $"first defined at {at}" : "give each heading, figure and table its own id"));
                    continue;
                }
                labels[id] = (text, block.Span);
            }
        }
        var resolver = new Resolver(labels, context);
        return resolver.Rewrite(document);
    }

    private sealed class Resolver(Dictionary<string, (string Text, SourceSpan? Span)> labels, ResolveContext context) : Rewriter
    {
        protected override Inline RewriteInline(Inline inline)
        {
            if (inline is not CrossRef reference)
            {
                return inline;
            }
            if (labels.TryGetValue(reference.Label, out var target))
            {
                return reference with { Resolved = [new Text(target.Text)] };
            }
            var guess = Suggestions.Closest(reference.Label, labels.Keys);
            context.Diagnostics.Add(Diagnostic.Error(Codes.UnknownReference, $"no heading, figure or table is labelled '{reference.Label}'", reference.Span,
                guess is null ? "label a heading with {#sec-name}, a figure or a table caption with {#fig-name} or {#tbl-name}" : $"did you mean '{guess}'?"));
            return reference;
        }
    }
}
