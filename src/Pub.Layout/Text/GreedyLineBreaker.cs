namespace Pub.Layout.Text;

/// <summary>A line chosen by the breaker: items [Start, End) and how much its glue is stretched (ratio &gt; 0)
/// or shrunk (ratio &lt; 0). <see cref="Justify"/> is false for the last line of a paragraph and before a forced break.</summary>
/// <summary>
/// Break lines, the last resort: the greedy (first-fit) method, used when no set of breaks keeps every
/// line within tolerance even at the loosest setting (a word wider than the measure, say). Each line takes as many words as fit, counting on the glue
/// shrinking by at most its shrinkability; the line then breaks at the last space that fit. A word wider than
/// the measure is cut between characters so that its head fills the line it starts on, so no line is ever
/// overfull.
/// </summary>
internal static class GreedyLineBreaker
{
    /// <param name="widthOf">The measure of line n (0-based): a hanging indent makes later lines narrower.</param>
    public static List<BrokenLine> Break(List<LineItem> items, Func<int, double> widthOf) => BreakReportingCut(items, widthOf).Lines;

    /// <summary>As <see cref="Break"/>, and the first word that had to be cut (null when none was).</summary>
    public static (List<BrokenLine> Lines, string? CutWord) BreakReportingCut(List<LineItem> items, Func<int, double> widthOf)
    {
        string? cutWord = null;
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
                        // The first box of a line that cannot be cut goes on it whatever its width: the measure can be
                        // narrower than one character (a table of sixty columns), and sending it on would loop.
                        if (!hasBox && (natural + b.Width <= width + 0.001 || !Cuttable(b)) || natural + b.Width - shrink <= width + 0.001)
                        {
                            natural += b.Width;
                            hasBox = true;
                            break;
                        }
                        double room = width - natural;
                        if (b.Width > width && Cuttable(b) && (room >= MinimumCut(b) || lastBreak < 0))
                        {
                            // Wider than any line: cut it so that its head fills this one.
                            cutWord ??= string.Concat(b.Pieces.Select(p => p.Text));
                            var (head, tail) = Cut(b, room);
                            items[j] = head;
                            items.Insert(j + 1, tail);
                            n++;
                            natural += head.Width;
                            lines.Add(new BrokenLine(i, j + 1, Ratio(width, natural, stretch, shrink), true));
                            i = j + 1;
                        }
                        else if (lastBreak >= 0)
                        {
                            lines.Add(new BrokenLine(i, lastBreak, Ratio(width, breakNatural, breakStretch, breakShrink), true));
                            i = lastBreak + 1;
                        }
                        else
                        {
                            lines.Add(new BrokenLine(i, j, 0, false));
                            i = j;
                        }
                        emitted = true;
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
        return (lines, cutWord);
    }

    private static double Ratio(double width, double natural, double stretch, double shrink)
    {
        if (natural < width)
            return stretch > 0 ? (width - natural) / stretch : 0;
        return shrink > 0 ? Math.Max(-1, (width - natural) / shrink) : 0;
    }

    /// <summary>A box can be cut when it holds two characters or more; the head and the tail each keep one.</summary>
    private static bool Cuttable(Box box) => box.Pieces.Sum(p => p.Text.EnumerateRunes().Take(2).Count()) >= 2;

    /// <summary>Cutting a word leaves at least a few characters on the line; less room than this sends it to the next.</summary>
    private static double MinimumCut(Box box) => box.Pieces.Count == 0 ? 0 : box.Pieces[0].Size * 2;

    /// <summary>Splits a <see cref="Cuttable"/> box so that the head is at most <paramref name="room"/> wide (but holds at
    /// least one character, and leaves one for the tail), preferring to cut after a slash, hyphen, dot or similar in a URL or path.</summary>
    private static (Box Head, Box Tail) Cut(Box box, double room)
    {
        // Characters are measured only until the line is full (and one more, which does not fit), not to the
        // end of a word that may fill hundreds of lines.
        var runes = new List<(int Piece, int Offset, double Width, bool After)>();
        double measured = 0;
        for (int p = 0; p < box.Pieces.Count && measured <= room; p++)
        {
            var piece = box.Pieces[p];
            int offset = 0, previous = -1;
            long units = 0;
            double before = 0;
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                offset += rune.Utf16SequenceLength;
                // Each character's share of the width, kerning with the one before it included, added up as
                // Measure adds them: measuring every prefix again made a word of 20,000 characters take minutes.
                units += piece.Face.Advance(rune.Value) + (previous >= 0 ? piece.Face.Kerning(previous, rune.Value) : 0);
                previous = rune.Value;
                double upTo = units * piece.Size / piece.Face.UnitsPerEm;
                runes.Add((p, offset, upTo - before, rune.Value is '/' or '-' or '.' or '_' or '?' or '&' or '=' or '#'));
                before = upTo;
                measured += runes[^1].Width;
                if (measured > room)
                    break;
            }
        }
        if (runes.Count == 0)
            return (box, new Box([], []));
        int fit = 0;
        double used = 0;
        while (fit < runes.Count - 1 && used + runes[fit].Width <= room)
            used += runes[fit++].Width;
        fit = Math.Max(1, fit);
        for (int k = fit - 1; k >= fit / 2 && k > 0; k--)
        {
            if (runes[k].After)
            {
                fit = k + 1;
                break;
            }
        }
        var (splitPiece, splitOffset, _, _) = runes[fit - 1];
        var head = new List<Piece>();
        var tail = new List<Piece>();
        for (int p = 0; p < box.Pieces.Count; p++)
        {
            var piece = box.Pieces[p];
            if (p < splitPiece)
                head.Add(piece);
            else if (p > splitPiece)
                tail.Add(piece);
            else
            {
                head.Add(Cut(piece, piece.Text[..splitOffset]));
                if (splitOffset < piece.Text.Length)
                    tail.Add(Cut(piece, piece.Text[splitOffset..]));
            }
        }
        return (new Box(head, box.Anchors), new Box(tail, []));
    }

    private static Piece Cut(Piece piece, string text) => piece with { Text = text, Width = piece.Face.Measure(text, piece.Size) };
}
