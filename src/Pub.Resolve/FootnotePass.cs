using Pub.Model;
using Pub.Syntax;

namespace Pub.Resolve;

/// <summary>
/// Numbers footnotes in the order of their first reference (a note's own references count where the note
/// is), 1, 2, 3 … through a paper, afresh in each handbook chapter. Notes never referenced keep number 0
/// and are reported; writers leave them out.
/// </summary>
public sealed class FootnotePass : IDocumentPass
{
    public Document Run(Document document, ResolveContext context)
    {
        var numbered = Number(document with { Chapters = [] }, context);
        return numbered with { Chapters = [.. document.Chapters.Select(c => Number(c, context))] };
    }

    private static Document Number(Document document, ResolveContext context)
    {
        var order = NoteOrder.Compute(document);
        foreach (var unused in document.Notes.Where(n => !order.ContainsKey(n.Label)))
        {
            context.Diagnostics.Add(Diagnostic.Warning(Codes.UnusedNote, $"footnote [{unused.Label}] is never referenced", unused.Span,
                $"reference it in the text with [{unused.Label}] or delete it"));
        }
        var renumber = new NoteNumbers(order);
        var result = renumber.Rewrite(document);
        return result with
        {
            Notes = [.. result.Notes.Where(n => order.ContainsKey(n.Label)).Select(n => n with { Number = order[n.Label] }).OrderBy(n => n.Number)],
        };
    }

    private sealed class NoteNumbers(Dictionary<string, int> order) : Rewriter
    {
        protected override Inline RewriteInline(Inline inline) =>
            inline is NoteRef reference && order.TryGetValue(reference.Label, out var number) ? reference with { Number = number } : inline;

        /// <summary>Two note marks side by side are parted by a raised comma: "groups.²⁴,²⁵", not "groups.²⁴²⁵".</summary>
        protected override Block RewriteBlock(Block block) =>
            block is Paragraph paragraph && HasAdjacentMarks(paragraph.Content) ? paragraph with { Content = Parted(paragraph.Content) } : block;

        private static bool HasAdjacentMarks(IReadOnlyList<Inline> content)
        {
            for (var i = 0; i + 1 < content.Count; i++)
            {
                if (content[i] is NoteRef && content[i + 1] is NoteRef)
                {
                    return true;
                }
            }
            return false;
        }

        private static List<Inline> Parted(IReadOnlyList<Inline> content)
        {
            var parted = new List<Inline>(content.Count + 2);
            for (var i = 0; i < content.Count; i++)
            {
                if (i > 0 && content[i] is NoteRef && content[i - 1] is NoteRef)
                {
                    parted.Add(new Superscript([new Text(",")]));
                }
                parted.Add(content[i]);
            }
            return parted;
        }
    }
}
