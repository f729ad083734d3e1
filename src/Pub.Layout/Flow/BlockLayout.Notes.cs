using System.Globalization;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Flow;

internal sealed partial class BlockLayout
{
    /// <summary>Footnote galleys by the name of their reference's anchor in the text: the paginator looks for
    /// these anchors in each box it places and sets the note at the foot of the same page.</summary>
    public Dictionary<string, List<FlowBox>> Footnotes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Sets each footnote, smaller than the text, into its own galley: its number hangs in the margin of
    /// the note text, its first line carries the destination the reference links to. Where the notes go
    /// is distribution's business (<see cref="Paginator"/>).
    /// </summary>
    public void Notes(IReadOnlyList<Note> notes, Frame frame)
    {
        if (notes.Count == 0)
            return;
        var noteFrame = NoteFrame(frame);
        var style = noteFrame.Style;
        double gap = noteFrame.Size * 0.5;
        string widestMarker = notes.Max(n => n.Number).ToString(CultureInfo.InvariantCulture) + ".";
        double indent = Math.Max(noteFrame.Size * 1.5, measurer.Pieces(widestMarker, style).Sum(p => p.Width) + gap);
        var inner = noteFrame.Narrow(indent);
        foreach (var note in notes.OrderBy(n => n.Number))
        {
            var saved = _source;
            _source = note.Span;
            int element = Structure.Open(StructureRole.Note, follows: Structure.ReferenceOf(NoteAnchors.Reference(NoteScope, note.Number)));
            var lines = Aside(() => Blocks(note.Blocks, inner, noteFrame.Size * 0.35));
            Structure.Close();
            _source = saved;
            var first = lines.FirstOrDefault(b => b.FirstBaseline is not null);
            if (first is null)
            {
                first = LineBox(inner);
                lines.Insert(0, first);
            }
            first.Items.Insert(0, new DestinationItem(NoteAnchors.Note(NoteScope, note.Number), noteFrame.Indent, 0));
            string marker = note.Number.ToString(CultureInfo.InvariantCulture) + ".";
            double x = inner.Indent - gap;
            foreach (var piece in measurer.Pieces(marker, style).Reverse())
            {
                x -= piece.Width;
                first.Items.Insert(0, piece.ToRun(x, first.FirstBaseline!.Value) with { Tag = element });
            }
            // Space between notes; the first note on a page drops it.
            lines[0].SpaceBefore = noteFrame.Size * 0.35;
            Footnotes[NoteAnchors.Reference(NoteScope, note.Number)] = lines;
        }
    }

    /// <summary>Notes are set at 85% of the text size, a little more tightly.</summary>
    public static Frame NoteFrame(Frame frame) => frame.Sized(0.85) with { Leading = 1.3, Indent = 0 };
}
