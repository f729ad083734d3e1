using Pub.Layout.Fonts;
using Pub.Layout.Paged;
using Pub.Layout.Text;

namespace Pub.Layout.Flow;

/// <summary>One line of the table of contents: a heading and the number of the page it stands on.</summary>
internal sealed record ContentsEntry(int Level, string Title, string? Destination, string Page)
{
    /// <summary>The authors under a chapter's title (an edited volume's contents).</summary>
    public string? Byline { get; init; }
}

/// <summary>A numbered figure or table, for the lists after the contents: its title as the list shows it
/// ("Figure 2: Caption") and the destination at it.</summary>
internal sealed record ListedFloat(bool IsTable, string Title, string Destination);

internal sealed partial class BlockLayout
{
    /// <summary>Numbered figures and tables in document order, for the lists after the contents.</summary>
    public List<ListedFloat> Floats { get; } = [];

    /// <summary>
    /// The table of contents (or a list of figures or tables): each entry's title (indented by level, wrapping
    /// under itself), dot leaders on a fixed grid so that they line up, and the page number flush right. The
    /// whole entry links to its heading. The title stays out of the outline: the outline and the table hold
    /// the same headings. The contents open a page; the lists follow them.
    /// </summary>
    public void Contents(IReadOnlyList<ContentsEntry> entries, Frame frame, string heading, bool newPage = true, bool boldTopLevel = true)
    {
        var titleFrame = frame with { Size = 15, Leading = 1.2, Role = FontRole.Heading, Bold = true, Alignment = Alignment.Left, Hyphenate = false };
        Space(newPage ? 0 : 28);
        Structure.Open(StructureRole.H1);
        var title = SetText([new TextSpan(heading, titleFrame.Style)], titleFrame);
        Structure.Close();
        title[0].PageBreakBefore = newPage;
        foreach (var box in title)
            box.KeepWithNext = true;
        _pendingSpace = 9;

        var numberStyle = frame.Style with { Hyphenate = false };
        double numberColumn = frame.Size * 3;
        double step = frame.Size * 0.45;
        var dot = measurer.Pieces(".", numberStyle).First();
        Structure.Open(StructureRole.TOC);
        foreach (var entry in entries)
        {
            // An entry is a TOCI holding one Link: its title, its page number and the link area. The dot leaders are decoration.
            Structure.Open(StructureRole.TOCI);
            int link = Structure.Add(StructureRole.Link, Structure.Current);
            double indent = (entry.Level - 1) * frame.Size * 1.6;
            Space(entry.Level == 1 && boldTopLevel ? frame.Size * 0.6 : frame.Size * 0.2);
            var entryFrame = frame.Narrow(indent, numberColumn) with { Alignment = Alignment.Left, Hyphenate = false, Bold = boldTopLevel && entry.Level == 1 };
            var lines = SetText([new TextSpan(entry.Title, entryFrame.Style with { Tag = link })], entryFrame, hang: frame.Size * 1.6);
            if (lines.Count == 0)
            {
                Structure.Close();
                continue;
            }
            foreach (var box in lines.SkipLast(1))
                box.KeepWithNext = true;
            var last = lines[^1];
            double baseline = last.FirstBaseline!.Value;
            string number = entry.Page;
            var pieces = measurer.Pieces(number, numberStyle).ToList();
            double right = frame.Indent + frame.Width;
            double x = right - pieces.Sum(p => p.Width);
            foreach (var piece in pieces)
            {
                last.Items.Add(piece.ToRun(x, baseline) with { Tag = link });
                x += piece.Width;
            }
            double end = last.Items.OfType<TextRun>().Where(r => r.X < right - numberColumn + 0.01).Select(r => r.X + r.Width).DefaultIfEmpty(entryFrame.Indent).Max();
            double limit = right - pieces.Sum(p => p.Width) - step;
            for (double d = Math.Ceiling((end + step) / step) * step; d + dot.Width <= limit; d += step)
                last.Items.Add(new TextRun(".", dot.Face.Id, dot.Size, d, baseline, dot.Width));
            if (entry.Destination is { } destination)
            {
                foreach (var line in lines)
                    line.Items.Add(new LinkItem(frame.Indent + indent, 0, frame.Width - indent, line.Height, null, destination) { Tag = link });
            }
            if (entry.Byline is { } byline)
            {
                // The chapter's authors, under its title and kept with it: part of the same entry.
                last.KeepWithNext = true;
                var bylineFrame = frame.Narrow(indent, numberColumn) with { Alignment = Alignment.Left, Hyphenate = false, Italic = true };
                Structure.Open(StructureRole.P);
                SetText([new TextSpan(byline, bylineFrame.Style)], bylineFrame, hang: frame.Size * 1.6);
                Structure.Close();
            }
            Structure.Close();
        }
        Structure.Close();
        _pendingSpace = 0;
    }
}
