using System.Globalization;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Flow;

internal sealed partial class BlockLayout
{
    /// <summary>
    /// Footnotes collected at the end of the paper (or chapter) under "Notes", each with its number hanging
    /// in the margin of the note text and a destination the reference links to.
    /// (Notes at the foot of their page come with the optimal line breaker.)
    /// </summary>
    public void Notes(IReadOnlyList<Note> notes, Frame frame)
    {
        if (notes.Count == 0)
            return;
        Space(Gap(frame));
        SectionTitle(Labels.Notes, frame);
        var noteFrame = frame.Sized(0.9);
        var style = noteFrame.Style;
        double gap = noteFrame.Size * 0.5;
        string widestMarker = notes.Max(n => n.Number).ToString(CultureInfo.InvariantCulture) + ".";
        double indent = Math.Max(noteFrame.Size * 1.5, measurer.Pieces(widestMarker, style).Sum(p => p.Width) + gap);
        var inner = noteFrame.Narrow(indent);
        foreach (var note in notes.OrderBy(n => n.Number))
        {
            Space(noteFrame.Size * 0.4);
            int before = _flow.Count;
            Blocks(note.Blocks, inner, noteFrame.Size * 0.4);
            var first = _flow.Skip(before).FirstOrDefault(b => b.FirstBaseline is not null);
            if (first is null)
            {
                first = LineBox(inner);
                Emit(first);
            }
            first.Items.Insert(0, new DestinationItem(NoteAnchors.Note(NoteScope, note.Number), noteFrame.Indent, 0));
            string marker = note.Number.ToString(CultureInfo.InvariantCulture) + ".";
            double x = inner.Indent - gap;
            foreach (var piece in measurer.Pieces(marker, style).Reverse())
            {
                x -= piece.Width;
                first.Items.Add(new TextRun(piece.Text, piece.Face.Id, piece.Size, x, first.FirstBaseline!.Value, piece.Width));
            }
        }
    }
}
