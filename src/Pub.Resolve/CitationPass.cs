using Pub.Model;

namespace Pub.Resolve;

/// <summary>Renders citations through the compiler's citation renderer. Without one (a manuscript with no
/// bibliography), each citation shows its keys so that nothing is silently lost.</summary>
public sealed class CitationPass : IDocumentPass
{
    public Document Run(Document document, ResolveContext context)
    {
        if (context.Citations is { } renderer)
        {
            return renderer.Render(document, context.Diagnostics);
        }
        return new KeysAsText().Rewrite(document);
    }

    private sealed class KeysAsText : Rewriter
    {
        protected override Inline RewriteInline(Inline inline) => inline is Cite { Rendered: null } cite
            ? cite with { Rendered = [new Text("(" + string.Join("; ", cite.Items.Select(i => i.Key + (i.Locator is null ? "" : ", " + i.Locator))) + ")")] }
            : inline;
    }
}
