using Pub.Model;

namespace Pub.Resolve;

/// <summary>The order in which footnotes are first referenced: a note's own references count where the
/// note is. Both the citation pass (which needs note numbers for "ibid.") and the footnote pass use it,
/// so the numbers they see are the same.</summary>
internal static class NoteOrder
{
    public static Dictionary<string, int> Compute(Document document)
    {
        var notes = document.Notes.GroupBy(n => n.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(IEnumerable<Block> blocks)
        {
            foreach (var inline in Walk.AllInlines(blocks))
            {
                if (inline is NoteRef reference && !order.ContainsKey(reference.Label) && notes.TryGetValue(reference.Label, out var note))
                {
                    order[reference.Label] = order.Count + 1;
                    Visit(note.Blocks);
                }
            }
        }
        Visit(document.Blocks);
        return order;
    }
}
