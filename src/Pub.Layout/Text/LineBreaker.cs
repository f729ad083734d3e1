namespace Pub.Layout.Text;

/// <summary>A line chosen by the breaker: items [Start, End) and how much its glue is stretched (ratio &gt; 0)
/// or shrunk (ratio &lt; 0). <see cref="Justify"/> is false for the last line of a paragraph and before a forced break.</summary>
internal sealed record BrokenLine(int Start, int End, double Ratio, bool Justify);

/// <summary>
/// Break lines: the greedy (first-fit) method. Each line takes as many words as fit, counting on the glue
/// shrinking by at most its shrinkability; the line then breaks at the last space that fit. A word wider than
/// the measure is cut between characters first, so no line is ever overfull.
/// This is the seam where an optimal (Knuth–Plass) breaker will plug in: same items in, same lines out.
/// </summary>
internal static class LineBreaker
{
    /// <param name="widthOf">The measure of line n (0-based): a hanging indent makes later lines narrower.</param>
    public static List<BrokenLine> Break(List<LineItem> items, Func<int, double> widthOf)
    {
        SplitWideBoxes(items, Math.Min(widthOf(0), widthOf(1)));
        var lines = new List<BrokenLine>();
        int i = 0, n = items.Count;
        while (i < n)
        {
            while (i < n && items[i] is Glue)
                i++;
            if (i >= n)
                break;
            double width = widthOf(lines.Count);
            double natural = 0, stretch = 0, shrink = 0;
            int lastBreak = -1;
            double breakNatural = 0, breakStretch = 0, breakShrink = 0;
            bool hasBox = false;
            int j = i;
            bool emitted = false;
            for (; j < n; j++)
            {
                switch (items[j])
                {
                    case Glue g:
                        lastBreak = j;
                        (breakNatural, breakStretch, breakShrink) = (natural, stretch, shrink);
                        natural += g.Width;
                        stretch += g.Stretch;
                        shrink += g.Shrink;
                        break;
                    case Box b:
                        if (hasBox && natural + b.Width - shrink > width + 0.001 && lastBreak >= 0)
                        {
                            lines.Add(new BrokenLine(i, lastBreak, Ratio(width, breakNatural, breakStretch, breakShrink), true));
                            i = lastBreak + 1;
                            emitted = true;
                        }
                        else
                        {
                            natural += b.Width;
                            hasBox = true;
                        }
                        break;
                    case Penalty p when p.IsForced:
                        lines.Add(new BrokenLine(i, j, 0, false));
                        i = j + 1;
                        emitted = true;
                        break;
                }
                if (emitted)
                    break;
            }
            if (!emitted)
            {
                lines.Add(new BrokenLine(i, n, natural > width ? Ratio(width, natural, stretch, shrink) : 0, false));
                i = n;
            }
        }
        return lines;
    }

    private static double Ratio(double width, double natural, double stretch, double shrink)
    {
        if (natural < width)
            return stretch > 0 ? (width - natural) / stretch : 0;
        return shrink > 0 ? Math.Max(-1, (width - natural) / shrink) : 0;
    }

    /// <summary>Cuts every box wider than the measure into pieces that fit, between characters.</summary>
    private static void SplitWideBoxes(List<LineItem> items, double width)
    {
        for (int k = 0; k < items.Count; k++)
        {
            if (items[k] is not Box box || box.Width <= width)
                continue;
            var parts = new List<LineItem>();
            var current = new List<Piece>();
            double used = 0;
            foreach (var piece in box.Pieces)
            {
                var text = new System.Text.StringBuilder();
                foreach (var rune in piece.Text.EnumerateRunes())
                {
                    double w = piece.Face.Measure(rune.ToString(), piece.Size);
                    if (used + w > width && (used > 0 || text.Length > 0))
                    {
                        if (text.Length > 0)
                            current.Add(Cut(piece, text.ToString()));
                        parts.Add(new Box([.. current], parts.Count == 0 ? box.Anchors : []));
                        parts.Add(Penalty.Forced);
                        current.Clear();
                        text.Clear();
                        used = 0;
                    }
                    text.Append(rune.ToString());
                    used += w;
                }
                if (text.Length > 0)
                    current.Add(Cut(piece, text.ToString()));
            }
            parts.Add(new Box([.. current], parts.Count == 0 ? box.Anchors : []));
            // A forced break inside the word would make the line before it ragged; that is right for a cut word.
            items.RemoveAt(k);
            items.InsertRange(k, parts);
            k += parts.Count - 1;
        }
    }

    private static Piece Cut(Piece piece, string text) => piece with { Text = text, Width = piece.Face.Measure(text, piece.Size) };
}
