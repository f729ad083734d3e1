using Pub.Layout.Paged;

namespace Pub.Layout.Text;

internal enum Alignment
{
    Justify,
    Left,
    Center,
    Right,
}

/// <summary>
/// Compose one line: turns its items into text runs with the baseline at y = 0 and x = 0 at the start of
/// the measure. Neighbouring pieces in the same face, size and colour share a run, and inter-word spaces are
/// real space characters inside runs, so text extraction yields words in order. On a justified line each
/// word gets its own run, placed where the stretched glue puts it.
/// </summary>
internal static class LineComposer
{
    public static List<PageItem> Compose(List<LineItem> items, BrokenLine line, double width, Alignment alignment)
    {
        int start = line.Start, end = line.End;
        while (end > start && items[end - 1] is Glue)
            end--;
        bool justify = alignment == Alignment.Justify && line.Justify;
        double ratio = justify ? line.Ratio : Math.Min(0, line.Ratio);
        double natural = 0;
        for (int k = start; k < end; k++)
            natural += items[k] switch { Box b => b.Width, Glue g => g.Width + Adjust(g, ratio), _ => 0 };
        natural += line.Hyphen?.Width ?? 0;
        double x = alignment switch
        {
            Alignment.Center => Math.Max(0, (width - natural) / 2),
            Alignment.Right => Math.Max(0, width - natural),
            _ => 0,
        };

        var output = new List<PageItem>();
        var links = new List<LinkItem>();
        RunBuilder? run = null;

        void Flush()
        {
            if (run is not null)
                output.Add(run.ToRun());
            run = null;
        }

        for (int k = start; k < end; k++)
        {
            switch (items[k])
            {
                case Box box:
                    foreach (var anchor in box.Anchors)
                        output.Add(new DestinationItem(anchor, x, -box.Pieces.FirstOrDefault()?.Size ?? 0));
                    foreach (var piece in box.Pieces)
                    {
                        if (run is null || !run.Accepts(piece, x))
                        {
                            Flush();
                            run = new RunBuilder(piece, x);
                        }
                        else
                            run.Append(piece);
                        AddLink(links, piece.Style, x, piece.Width, piece.Size);
                        if (piece.Style.Underline)
                            output.Add(new RuleItem(x, piece.Size * 0.12, x + piece.Width, piece.Size * 0.12, 0.5, piece.Style.Colour));
                        x += piece.Width;
                    }
                    break;
                case Glue glue:
                    double advance = glue.Width + Adjust(glue, ratio);
                    if (run is not null)
                    {
                        bool sameFace = run.Face == glue.Space.Face && run.Size == glue.Space.Size;
                        run.Append(" ", sameFace ? glue.Width : run.Face.Measure(" ", run.Size));
                        if (!sameFace || Math.Abs(advance - glue.Width) > 0.001)
                            Flush();
                    }
                    if (glue.Space.Style.IsLink && k + 1 < end && items[k + 1] is Box next && next.Pieces.FirstOrDefault()?.Style is { IsLink: true } ns
                        && ns.Url == glue.Space.Style.Url && ns.Destination == glue.Space.Style.Destination)
                        AddLink(links, glue.Space.Style, x, advance, glue.Space.Size);
                    x += advance;
                    break;
            }
        }
        if (line.Hyphen is { } hyphen)
        {
            if (run is null || !run.Accepts(hyphen, x))
            {
                Flush();
                run = new RunBuilder(hyphen, x);
            }
            else
                run.Append(hyphen);
        }
        Flush();
        output.AddRange(links);
        return output;
    }

    private static double Adjust(Glue glue, double ratio) => ratio >= 0 ? ratio * glue.Stretch : ratio * glue.Shrink;

    /// <summary>Link areas of neighbouring pieces with the same target merge into one rectangle.</summary>
    private static void AddLink(List<LinkItem> links, TextStyle style, double x, double width, double size)
    {
        if (!style.IsLink)
            return;
        double top = -size * 0.85 - style.Rise, height = size * 1.1;
        if (links.Count > 0 && links[^1] is var last && last.Url == style.Url && last.Destination == style.Destination
            && last.Tag == style.Tag && Math.Abs(last.X + last.Width - x) < 0.01)
        {
            double y = Math.Min(last.Y, top), bottom = Math.Max(last.Y + last.Height, top + height);
            links[^1] = last with { Width = x + width - last.X, Y = y, Height = bottom - y };
            return;
        }
        links.Add(new LinkItem(x, top, width, height, style.Url, style.Destination) { Tag = style.Tag });
    }

    private sealed class RunBuilder(Piece first, double x)
    {
        private readonly System.Text.StringBuilder _text = new(first.Text);
        private readonly List<KernAt> _kerns = [.. first.Kerns];
        private double _width = first.Width;

        public Fonts.FontFace Face { get; } = first.Face;
        public double Size { get; } = first.Size;
        private double Rise { get; } = first.Style.Rise;
        private Colour? Colour { get; } = first.Style.Colour;
        private int Tag { get; } = first.Style.Tag;

        public bool Accepts(Piece piece, double at) =>
            piece.Face == Face && piece.Size == Size && piece.Style.Rise == Rise && piece.Style.Colour == Colour
            && piece.Style.Tag == Tag && Math.Abs(x + _width - at) < 0.001;

        public void Append(string text, double width)
        {
            _text.Append(text);
            _width += width;
        }

        /// <summary>Appends a piece with its own kerning; no pair is kerned across the join, as none was measured there.</summary>
        public void Append(Piece piece)
        {
            foreach (var kern in piece.Kerns)
                _kerns.Add(new KernAt(_text.Length + kern.Index, _width + kern.Offset));
            Append(piece.Text, piece.Width);
        }

        public TextRun ToRun() => new(_text.ToString(), Face.Id, Size, x, -Rise, _width, Colour) { Tag = Tag, Kerns = _kerns.Count > 0 ? [.. _kerns] : [] };
    }
}
