using System.Globalization;
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

    /// <summary>Height the footnote area adds above its first note: space, the rule, space.</summary>
    public static double NoteSeparator(LayoutSettings settings) => settings.FontSize * 1.6;

    public double LeftMargin(int number) => number % 2 == 0 ? settings.Margins.Outer : settings.Margins.Inner;

    public Page Compose(int number, PageFill fill, List<OutlineEntry> outline)
    {
        var items = new List<PageItem>();
        double left = LeftMargin(number), top = settings.Margins.Top, width = settings.TextWidth;
        bool leftPage = number % 2 == 0;

        if (!fill.OpensChapter)
        {
            string head = leftPage
                ? string.Join(" \u00B7 ", new[] { settings.SeriesTitle, settings.NumberLabel }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : fill.RunningTitle ?? "";
            if (head.Length > 0)
            {
                var style = new TextStyle(FontRole.Heading, false, false, 8.5, Colour: Muted);
                double baseline = top - 26;
                items.AddRange(TextLine.Set(measurer, head, style, left, baseline, width, leftPage ? Alignment.Left : Alignment.Right));
                items.Add(new RuleItem(left, baseline + 6, left + width, baseline + 6, 0.4, Muted));
            }
        }

        var folio = new TextStyle(FontRole.Heading, false, false, 9);
        items.AddRange(TextLine.Set(measurer, number.ToString(CultureInfo.InvariantCulture), folio,
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
        return new Page(number, settings.PageWidth, settings.PageHeight, items);
    }

    public void AddDraftStamp(List<PageItem> items)
    {
        if (!settings.Draft || string.IsNullOrWhiteSpace(settings.DraftStamp))
            return;
        var style = new TextStyle(FontRole.Heading, true, false, 9, Colour: DraftColour);
        items.AddRange(TextLine.Set(measurer, settings.DraftStamp, style, 0, 30, settings.PageWidth, Alignment.Center));
    }
}
