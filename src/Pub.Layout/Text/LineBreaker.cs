namespace Pub.Layout.Text;

/// <summary>A line chosen by the breaker: items [Start, End) and how much its glue is stretched (ratio &gt; 0)
/// or shrunk (ratio &lt; 0). <see cref="Justify"/> is false for the last line of a paragraph and before a forced
/// break; <see cref="Hyphen"/> is drawn at the end of a line broken at a hyphenation point.</summary>
internal sealed record BrokenLine(int Start, int End, double Ratio, bool Justify, Piece? Hyphen = null);

/// <summary>How well a paragraph could be set.</summary>
internal enum BreakQuality
{
    /// <summary>Every line within tolerance, if need be with the emergency stretch.</summary>
    Good,
    /// <summary>Set, but some line is looser than the emergency stretch allows (spaces well over twice their width).</summary>
    Loose,
    /// <summary>A word wider than the measure had to be cut between two characters: the one true failure.</summary>
    Cut,
}

/// <summary>How a paragraph was broken: its lines, how well, and the badness of its loosest line (with the glue it
/// really has, not counting the emergency stretch); <see cref="CutWord"/> is the first word cut because it is wider
/// than the measure.</summary>
internal sealed record BreakResult(List<BrokenLine> Lines, BreakQuality Quality, double WorstBadness, string? CutWord = null);

/// <summary>
/// Break lines: Knuth and Plass's optimal method. Every legal break (glue after a box, a penalty) is a
/// candidate; a line between two candidates has a badness, 100·|r|³ for an adjustment ratio r (how much of
/// its glue's stretch or shrink it uses), and is feasible when r ≥ −1 (glue never shrinks past its limit)
/// and its badness is within the tolerance. Each feasible line costs demerits, (line penalty + badness)²
/// plus the break's penalty squared, plus extra for two hyphenated lines in a row, for a hyphen on the
/// last full line, and for a very loose line next to a tight one (fitness classes: tight, decent, loose,
/// very loose). The breaker walks the items once, keeping for each candidate the cheapest way to reach it
/// ("active nodes"); a node drops out when the text since it no longer fits on one line. The cheapest
/// chain to the end of the paragraph wins: unlike first-fit it will loosen an early line to avoid a
/// terrible one later.
///
/// Passes, as TeX makes them: without hyphenation at a strict tolerance (most paragraphs end here); with
/// hyphenation points; then, for justified text, TeX's emergency pass: every line is given extra stretch
/// (\emergencystretch, three ems) when its badness is judged, so that among lines that are all too loose the
/// breaker still tells a little too loose from far too loose and spreads the looseness evenly, instead of
/// giving up. The lines are then set with the glue they really have. Only if even that finds nothing within
/// tolerance does a last pass accept any looseness, and only a word wider than the measure is cut (first-fit).
/// Ragged lines (left, right, centred) are set at natural width with a fixed amount of room at their end; they
/// are feasible whenever they fit, and the same demerits make their ends even.
/// </summary>
internal static class LineBreaker
{
    private const double Pretolerance = 100;
    private const double Tolerance = 200;
    /// <summary>The emergency stretch in ems of the text's size (TeX users commonly choose 1.5 to 3 em).</summary>
    public const double EmergencyStretchEms = 3;
    /// <summary>A set line counts as loose (reported, at most as information) beyond this badness with its real
    /// glue: spaces stretched to about two and a half times their stretchability.</summary>
    private const double LooseBadness = 1600;
    private const double LinePenalty = 10;
    private const double DoubleHyphenDemerits = 10000;
    private const double FinalHyphenDemerits = 5000;
    private const double AdjacentDemerits = 10000;
    /// <summary>A third hyphenated line in a row is allowed only when nothing else fits.</summary>
    private const double TripleHyphenDemerits = 1_000_000;

    /// <param name="firstWidth">Measure of the first line.</param>
    /// <param name="restWidth">Measure of every later line (narrower under a hanging indent).</param>
    /// <param name="raggedStretch">For ragged text, the room a line may leave at its end before it counts as bad
    /// (0 for justified text).</param>
    /// <param name="emergencyStretch">For justified text, the extra stretch each line is judged with in the
    /// emergency pass (points).</param>
    public static BreakResult Break(List<LineItem> items, double firstWidth, double restWidth, double raggedStretch = 0,
        double emergencyStretch = 0)
    {
        if (items.Count == 0)
            return new([], BreakQuality.Good, 0);
        bool ragged = raggedStretch > 0;
        var paragraph = new Paragraph(items, firstWidth, restWidth, raggedStretch);
        if (!ragged && paragraph.Run(Pretolerance, hyphenate: false) is { } first)
            return new(first, BreakQuality.Good, paragraph.WorstBadness);
        if (paragraph.Run(ragged ? double.PositiveInfinity : Tolerance, hyphenate: true) is { } second)
            return new(second, BreakQuality.Good, paragraph.WorstBadness);
        if (!ragged && emergencyStretch > 0 && paragraph.Run(Tolerance, hyphenate: true, emergencyStretch) is { } emergency)
            return new(emergency, paragraph.WorstBadness > LooseBadness ? BreakQuality.Loose : BreakQuality.Good, paragraph.WorstBadness);
        if (!ragged && paragraph.Run(double.PositiveInfinity, hyphenate: true, emergencyStretch) is { } loose)
            return new(loose, paragraph.WorstBadness > LooseBadness ? BreakQuality.Loose : BreakQuality.Good, paragraph.WorstBadness);
        var (lines, cut) = GreedyLineBreaker.BreakReportingCut(items, n => n == 0 ? firstWidth : restWidth);
        return new(lines, cut is null ? BreakQuality.Loose : BreakQuality.Cut, double.PositiveInfinity, cut);
    }

    private sealed class Node(int position, int line, int fitness, int hyphens, double demerits, Node? previous,
        double width, double stretch, double shrink, double ratio, double badness)
    {
        /// <summary>Index of the break item (−1 for the paragraph's start).</summary>
        public int Position { get; } = position;
        /// <summary>Lines set before this break.</summary>
        public int Line { get; } = line;
        public int Fitness { get; } = fitness;
        /// <summary>Hyphenated lines in a row ending at this break.</summary>
        public int Hyphens { get; } = hyphens;
        public double Demerits { get; } = demerits;
        public Node? Previous { get; } = previous;
        /// <summary>Sums of the items from the start up to where the next line begins (after discarded glue).</summary>
        public double Width { get; } = width;
        public double Stretch { get; } = stretch;
        public double Shrink { get; } = shrink;
        /// <summary>Adjustment ratio and badness of the line ending here.</summary>
        public double Ratio { get; } = ratio;
        public double Badness { get; } = badness;
    }

    private sealed class Paragraph
    {
        private readonly List<LineItem> _items;
        private readonly double _first, _rest, _ragged;
        // Prefix sums: _width[i] is the total width of items [0, i).
        private readonly double[] _width, _stretch, _shrink;

        public Paragraph(List<LineItem> items, double first, double rest, double ragged)
        {
            _items = items;
            _first = first;
            _rest = rest;
            _ragged = ragged;
            int n = items.Count;
            _width = new double[n + 1];
            _stretch = new double[n + 1];
            _shrink = new double[n + 1];
            for (int i = 0; i < n; i++)
            {
                var (w, y, z) = items[i] switch
                {
                    Box b => (b.Width, 0.0, 0.0),
                    Glue g => ragged > 0 ? (g.Width, 0.0, 0.0) : (g.Width, g.Stretch, g.Shrink),
                    _ => (0.0, 0.0, 0.0),
                };
                _width[i + 1] = _width[i] + w;
                _stretch[i + 1] = _stretch[i] + y;
                _shrink[i + 1] = _shrink[i] + z;
            }
        }

        public double WorstBadness { get; private set; }

        /// <param name="background">Extra stretch every line but the last is judged with (the emergency stretch).</param>
        public List<BrokenLine>? Run(double tolerance, bool hyphenate, double background = 0)
        {
            var active = new List<Node> { new(-1, 0, 1, 0, 0, null, 0, 0, 0, 0, 0) };
            int n = _items.Count;
            var best = new Dictionary<(int Fitness, int LineClass, int Hyphens), (Node From, double Demerits, double Ratio, double Badness)>();
            var ordered = new List<KeyValuePair<(int Fitness, int LineClass, int Hyphens), (Node From, double Demerits, double Ratio, double Badness)>>();
            // The paragraph ends with an implicit forced break after its last item.
            for (int i = 0; i <= n; i++)
            {
                double cost;
                bool flagged = false;
                double breakWidth = 0;
                if (i == n)
                    cost = double.NegativeInfinity;
                else if (_items[i] is Glue && i > 0 && _items[i - 1] is Box)
                    cost = 0;
                else if (_items[i] is Penalty p && (hyphenate || p.Hyphen is null || p.IsForced))
                {
                    cost = p.Cost;
                    flagged = p.Flagged;
                    breakWidth = p.Width;
                }
                else
                    continue;
                bool forced = double.IsNegativeInfinity(cost);

                best.Clear();
                for (int a = active.Count - 1; a >= 0; a--)
                {
                    var node = active[a];
                    double measure = node.Line == 0 ? _first : _rest;
                    double natural = _width[i] - node.Width + breakWidth;
                    double ratio;
                    double judged = double.NaN;
                    if (natural < measure)
                    {
                        double stretch = _ragged > 0 ? _ragged : _stretch[i] - node.Stretch;
                        // The last line and a line before a forced break end with infinitely stretchable space.
                        ratio = forced ? 0 : stretch > 0 ? (measure - natural) / stretch : double.PositiveInfinity;
                        judged = forced ? 0 : stretch + background > 0 ? (measure - natural) / (stretch + background) : double.PositiveInfinity;
                    }
                    else if (natural > measure)
                    {
                        double shrink = _shrink[i] - node.Shrink;
                        ratio = shrink > 0 ? (measure - natural) / shrink : double.NegativeInfinity;
                    }
                    else
                        ratio = 0;
                    if (double.IsNaN(judged))
                        judged = ratio;

                    if (ratio < -1 || forced)
                        active.RemoveAt(a);
                    if (ratio < -1)
                        continue;
                    double badness = Badness(judged);
                    if (_ragged > 0 && !forced)
                        badness = Math.Min(badness, 1000); // a short ragged line is never infeasible
                    if (badness > tolerance)
                        continue;

                    double demerits = (LinePenalty + badness) * (LinePenalty + badness);
                    if (cost > 0)
                        demerits += cost * cost;
                    else if (!forced && cost < 0)
                        demerits -= cost * cost;
                    int hyphens = flagged ? node.Hyphens + 1 : 0;
                    if (flagged && node.Hyphens > 0)
                        demerits += DoubleHyphenDemerits;
                    if (hyphens >= 3)
                        demerits += TripleHyphenDemerits;
                    if (i == n && node.Hyphens > 0)
                        demerits += FinalHyphenDemerits;
                    int fitness = judged < -0.5 ? 0 : judged <= 0.5 ? 1 : judged <= 1 ? 2 : 3;
                    if (Math.Abs(fitness - node.Fitness) > 1)
                        demerits += AdjacentDemerits;
                    demerits += node.Demerits;

                    var key = (fitness, Math.Min(node.Line + 1, 1), Math.Min(hyphens, 3));
                    if (!best.TryGetValue(key, out var current) || demerits < current.Demerits)
                        best[key] = (node, demerits, ratio, Badness(ratio));
                }

                if (best.Count > 0)
                {
                    var (w, y, z) = AfterBreak(i);
                    // The new nodes by demerits, equal ones in the order they were found (a stable insertion sort:
                    // there are a few at most).
                    ordered.Clear();
                    foreach (var candidate in best)
                    {
                        int at = ordered.Count;
                        while (at > 0 && ordered[at - 1].Value.Demerits > candidate.Value.Demerits)
                            at--;
                        ordered.Insert(at, candidate);
                    }
                    foreach (var ((fitness, _, hyphens), (from, demerits, ratio, badness)) in ordered)
                        active.Add(new Node(i, from.Line + 1, fitness, hyphens, demerits, from, w, y, z, ratio, badness));
                }
                if (active.Count == 0)
                    return null;
            }

            var end = active.Where(a => a.Position == n).MinBy(a => a.Demerits);
            return end is null ? null : Lines(end);
        }

        /// <summary>TeX's badness, 100 |r|³ capped, multiplied out: the same on every machine, where the C library's
        /// pow may round differently, and without its cost (over a third of line breaking went to pow).</summary>
        private static double Badness(double ratio)
        {
            double r = Math.Abs(ratio);
            return Math.Min(100 * (r * r * r), 100_000);
        }

        /// <summary>Sums where the line after a break at <paramref name="i"/> starts: glue and penalties after a break vanish.</summary>
        private (double, double, double) AfterBreak(int i)
        {
            int j = i;
            if (j < _items.Count && _items[j] is Penalty { IsForced: false } or Glue)
                j++;
            while (j < _items.Count && _items[j] is Glue or Penalty { IsForced: false })
                j++;
            return (_width[j], _stretch[j], _shrink[j]);
        }

        private List<BrokenLine> Lines(Node end)
        {
            var chain = new List<Node>();
            for (var node = end; node.Previous is not null; node = node.Previous)
                chain.Add(node);
            chain.Reverse();
            var lines = new List<BrokenLine>(chain.Count);
            int start = 0;
            WorstBadness = 0;
            foreach (var node in chain)
            {
                while (start < node.Position && _items[start] is Glue or Penalty { IsForced: false })
                    start++;
                int position = node.Position;
                bool last = position == _items.Count || _items[position] is Penalty { IsForced: true };
                var hyphen = position < _items.Count && _items[position] is Penalty p ? p.Hyphen : null;
                lines.Add(new BrokenLine(start, position, last ? Math.Min(0, node.Ratio) : node.Ratio, !last && _ragged == 0, hyphen));
                if (!last)
                    WorstBadness = Math.Max(WorstBadness, node.Badness);
                start = position + 1;
            }
            return lines;
        }
    }
}
