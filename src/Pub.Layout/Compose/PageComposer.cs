using Pub.Layout.Fonts;
using Pub.Layout.Flow;
using Pub.Layout.Paged;
using Pub.Layout.Text;

namespace Pub.Layout.Compose;

/// <summary>
/// Compose: turns filled pages into final pages. Boxes move to absolute positions (odd pages are right-hand
/// pages, with the inner margin on the left); running heads and folios are added: series title and number on
/// left pages, the short title on right pages, nothing above a chapter opening; the page number at the outer
/// edge of the foot of every page but the cover; footnotes at the foot of the text area under a short rule.
/// </summary>
internal sealed class PageComposer(TextMeasurer measurer, LayoutSettings settings)
{
    public static readonly Colour Muted = new(0x55, 0x55, 0x55);
    public static readonly Colour DraftColour = new(0xB0, 0x00, 0x20);

    private readonly HashSet<FlowBox> _placed = [];

    /// <summary>Starts composing the pages of a layout pass afresh: a box the previous pass placed is not a
    /// repetition in this one.</summary>
    public void BeginPass() => _placed.Clear();

    /// <summary>Height the footnote area adds above its first note: space, the rule, space.</summary>
    public static double NoteSeparator(LayoutSettings settings) => settings.FontSize * 1.6;

    public double LeftMargin(int number) => number % 2 == 0 ? settings.Margins.Outer : settings.Margins.Inner;

    /// <param name="number">The physical page number: odd pages are right-hand pages.</param>
    /// <param name="folio">The number printed in the foot ("iii", "12").</param>
    public Page Compose(int number, string folio, PageFill fill, List<OutlineEntry> outline)
    {
        var items = new List<PageItem>();
        double left = LeftMargin(number), top = settings.Margins.Top, width = settings.TextWidth;
        bool leftPage = number % 2 == 0;
        if (fill.Blank)
        {
            AddDraftStamp(items);
            return new Page(number, settings.PageWidth, settings.PageHeight, items) { Label = folio };
        }

        if (!fill.OpensChapter)
        {
            string head = leftPage
                ? fill.RunningVerso ?? string.Join(" \u00B7 ", new[] { settings.SeriesTitle, settings.NumberLabel }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : fill.RunningTitle ?? "";
            if (head.Length > 0)
            {
                var style = new TextStyle(FontRole.Heading, false, false, 8.5, Colour: Muted);
                double baseline = top - 26;
                items.AddRange(TextLine.Set(measurer, head, style, left, baseline, width, leftPage ? Alignment.Left : Alignment.Right));
                items.Add(new RuleItem(left, baseline + 6, left + width, baseline + 6, 0.4, Muted));
            }
        }

        var folioStyle = new TextStyle(FontRole.Heading, false, false, 9);
        items.AddRange(TextLine.Set(measurer, folio, folioStyle,
            left, settings.PageHeight - settings.Margins.Bottom + 34, width, leftPage ? Alignment.Left : Alignment.Right));
        AddDraftStamp(items);

        foreach (var (box, y) in fill.Placed)
        {
            // A box placed a second time is a table's header repeated on a continuation page: an artifact.
            bool repeated = !_placed.Add(box);
            foreach (var item in box.Items)
                items.Add(repeated ? item.Translate(left, top + y) with { Tag = 0 } : item.Translate(left, top + y));
            foreach (var mark in box.Outline)
                outline.Add(new OutlineEntry(mark.Level, mark.Title, number - 1, top + y + mark.Y, mark.Destination));
        }
        if (fill.Notes.Count > 0)
        {
            // A short rule above the notes; a full-width one when the area opens with a note continued from the page before.
            double ruleY = top + fill.NotesTop + NoteSeparator(settings) * 0.35;
            double length = fill.NotesContinued ? width : Math.Min(width, 120);
            items.Add(new RuleItem(left, ruleY, left + length, ruleY, 0.5));
            foreach (var (box, y) in fill.Notes)
            {
                foreach (var item in box.Items)
                    items.Add(item.Translate(left, top + y));
            }
        }
        return new Page(number, settings.PageWidth, settings.PageHeight, items) { Label = folio };
    }

    public static readonly Colour WatermarkColour = new(0xE4, 0xE4, 0xE4);

    /// <summary>
    /// Marks a draft page: the watermark word in light grey along the page's diagonal, first among the items so
    /// that everything else is drawn over it, and the stamp (with the build time, when there is one) centred in
    /// the footer. Both are artifacts: they are not part of the document's text.
    /// </summary>
    public void AddDraftStamp(List<PageItem> items)
    {
        if (!settings.Draft)
            return;
        if (!string.IsNullOrWhiteSpace(settings.DraftWatermark))
            items.InsertRange(0, Watermark(settings.DraftWatermark));
        if (!string.IsNullOrWhiteSpace(settings.DraftStamp))
        {
            var style = new TextStyle(FontRole.Heading, true, false, 8.5, Colour: DraftColour);
            double baseline = settings.PageHeight - settings.Margins.Bottom + 34;
            items.AddRange(TextLine.Set(measurer, settings.DraftStamp, style, 0, baseline, settings.PageWidth, Alignment.Center));
        }
    }

    private List<PageItem> Watermark(string word)
    {
        double w = settings.PageWidth, h = settings.PageHeight;
        double angle = Math.Atan2(h, w);
        var style = new TextStyle(FontRole.Heading, true, false, 120, Colour: WatermarkColour);
        var pieces = measurer.Pieces(word, style).ToList();
        double length = pieces.Sum(p => p.Width);
        // Too long a word (another language's) shrinks to fit 80% of the diagonal.
        double diagonal = Math.Sqrt(w * w + h * h);
        double scale = Math.Min(1, diagonal * 0.8 / Math.Max(1, length));
        var face = measurer.Face(style);
        double capHeight = 120 * scale * face.CapHeight / face.UnitsPerEm;
        // y grows downward: along the text is (cos, −sin), the text's "up" is (−sin, −cos); centre the word on the page.
        double cos = Math.Cos(angle), sin = Math.Sin(angle);
        double x = w / 2 - length * scale / 2 * cos + capHeight / 2 * sin;
        double y = h / 2 + length * scale / 2 * sin + capHeight / 2 * cos;
        var items = new List<PageItem>();
        double at = 0;
        foreach (var piece in pieces)
        {
            items.Add(new TextRun(piece.Text, piece.Face.Id, piece.Size * scale, x + at * cos, y - at * sin, piece.Width * scale, WatermarkColour)
            {
                Rotation = angle * 180 / Math.PI,
                Kerns = [.. piece.Kerns.Select(k => k with { Offset = k.Offset * scale })],
            });
            at += piece.Width * scale;
        }
        return items;
    }
}
