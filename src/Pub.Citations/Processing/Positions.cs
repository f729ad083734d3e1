// Cite positions from document order and note numbers: first, subsequent, ibid, ibid-with-locator,
// plus near-note (a previous cite of the same item within near-note-distance notes) and the note
// number of the first reference.
namespace Pub.Citations;

internal static class Positions
{
    public sealed record Info(Position Position, bool NearNote, int? FirstNote);

    public static Info[][] Compute(IReadOnlyList<CitationCluster> clusters, int nearNoteDistance)
    {
        var result = new Info[clusters.Count][];
        var firstNote = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastNote = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            result[c] = new Info[cluster.Items.Count];
            for (var i = 0; i < cluster.Items.Count; i++)
            {
                var cite = cluster.Items[i];
                Position pos;
                if (!firstNote.ContainsKey(cite.Id))
                {
                    pos = Position.First;
                }
                else
                {
                    CitationItem? previous = null;
                    if (i > 0)
                    {
                        previous = cluster.Items[i - 1];
                    }
                    else if (PreviousCluster(clusters, c) is { } p && p.Items.Count == 1 && (p.NoteNumber == cluster.NoteNumber || SoleCiteOfItsNote(clusters, p)))
                    {
                        previous = p.Items[0];
                    }
                    if (previous is not null && previous.Id == cite.Id)
                    {
                        if (cite.Locator is null)
                        {
                            pos = previous.Locator is null ? Position.Ibid : Position.Subsequent;
                        }
                        else
                        {
                            pos = previous.Locator == cite.Locator && previous.Label == cite.Label ? Position.Ibid : Position.IbidWithLocator;
                        }
                    }
                    else
                    {
                        pos = Position.Subsequent;
                    }
                }
                var near = lastNote.TryGetValue(cite.Id, out var last) && cluster.NoteNumber - last <= nearNoteDistance && (cluster.NoteNumber > 0 || last == 0);
                result[c][i] = new Info(pos, near, firstNote.TryGetValue(cite.Id, out var fn) ? fn : null);
                if (!firstNote.ContainsKey(cite.Id))
                {
                    firstNote[cite.Id] = cluster.NoteNumber;
                }
                lastNote[cite.Id] = cluster.NoteNumber;
            }
        }
        return result;
    }

    /// <summary>The citation before this one in the same stream: running-text citations (note 0) and
    /// citations in notes are followed separately.</summary>
    private static CitationCluster? PreviousCluster(IReadOnlyList<CitationCluster> clusters, int index)
    {
        var inText = clusters[index].NoteNumber == 0;
        for (var i = index - 1; i >= 0; i--)
        {
            if ((clusters[i].NoteNumber == 0) == inText && clusters[i].Items.Count > 0)
            {
                return clusters[i];
            }
        }
        return null;
    }

    /// <summary>Ibid refers back to a note holding a single cite; a note with several citations is ambiguous.</summary>
    private static bool SoleCiteOfItsNote(IReadOnlyList<CitationCluster> clusters, CitationCluster cluster)
    {
        if (cluster.NoteNumber == 0)
        {
            return true;
        }
        return clusters.Where(c => c.NoteNumber == cluster.NoteNumber).Sum(c => c.Items.Count) == 1;
    }
}
