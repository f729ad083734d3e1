using System.Globalization;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Resolve;

/// <summary>
/// Collects labels (ids of headings, figures and tables) and resolves <c>@sec-x</c>, <c>@fig-x</c> and
/// <c>@tbl-x</c> to "Section 2.1", "Figure 3" or "Table 1" in the manuscript's language.
/// In a handbook each chapter is its own scope, because contributors label independently: chapter 2's
/// ids become "ch2-…" so that they stay unique on one page, and a reference finds its target in its own
/// chapter first, then in the handbook's own text, then in the one other chapter that has the label.
/// After this pass a cross-reference's label is its target's final id.
/// </summary>
public sealed class CrossReferencePass : IDocumentPass
{
    private sealed record Target(string Id, string Text, SourceSpan? Span);

    public Document Run(Document document, ResolveContext context)
    {
        var terms = Terms.For(document.Meta.Language);
        var scopes = new List<Document> { document with { Chapters = [] } };
        scopes.AddRange(document.Chapters);
        var tables = scopes.Select((scope, index) => Collect(scope, index == 0 ? "" : "ch" + index.ToString(CultureInfo.InvariantCulture) + "-", terms, context)).ToList();

        Target? Find(string label, int scope)
        {
            if (tables[scope].TryGetValue(label, out var own))
            {
                return own;
            }
            if (tables[0].TryGetValue(label, out var front))
            {
                return front;
            }
            var others = tables.Where(t => t.ContainsKey(label)).Select(t => t[label]).ToList();
            return others.Count == 1 ? others[0] : tables.SelectMany(t => t.Values).FirstOrDefault(t => t.Id == label);
        }

        var resolved = scopes.Select((scope, index) =>
            new Resolver(label => Find(label, index), tables[index], tables.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal).ToList(), context).Rewrite(scope)).ToList();
        return resolved[0] with { Chapters = resolved.Skip(1).ToList() };
    }

    private static Dictionary<string, Target> Collect(Document scope, string idPrefix, Terms terms, ResolveContext context)
    {
        var labels = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var block in Walk.Blocks(scope.Blocks.Concat(scope.Notes.SelectMany(n => n.Blocks))))
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
            labels[id] = new Target(idPrefix + id, text, block.Span);
        }
        return labels;
    }

    private sealed class Resolver(Func<string, Target?> find, Dictionary<string, Target> own, IReadOnlyList<string> allLabels, ResolveContext context) : Rewriter
    {
        protected override Block RewriteBlock(Block block) => block switch
        {
            Heading h when h.Attributes.Id is { } id && own.TryGetValue(id, out var t) => h with { Attributes = h.Attributes with { Id = t.Id } },
            Figure f when f.Attributes.Id is { } id && own.TryGetValue(id, out var t) => f with { Attributes = f.Attributes with { Id = t.Id } },
            Table tb when tb.Attributes.Id is { } id && own.TryGetValue(id, out var t) => tb with { Attributes = tb.Attributes with { Id = t.Id } },
            _ => block,
        };

        protected override Inline RewriteInline(Inline inline)
        {
            if (inline is not CrossRef reference)
            {
                return inline;
            }
            if (find(reference.Label) is { } target)
            {
                return reference with { Label = target.Id, Resolved = [new Text(target.Text)] };
            }
            var guess = Suggestions.Closest(reference.Label, allLabels);
            context.Diagnostics.Add(Diagnostic.Error(Codes.UnknownReference, $"no heading, figure or table is labelled '{reference.Label}'", reference.Span,
                guess is null ? "label a heading with {#sec-name}, a figure or a table caption with {#fig-name} or {#tbl-name}" : $"did you mean '{guess}'?"));
            return reference;
        }
    }
}
