using Pub.Layout.Flow;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Compose;

/// <summary>
/// The title page: series and number at the head under an accent rule, the title and subtitle in the
/// heading face a third of the way down, then authors with their affiliations and the date; the publisher
/// and year stand at the foot. It carries no running head and no folio.
/// </summary>
internal sealed class CoverPage(BlockLayout layout, TextMeasurer measurer, LayoutSettings settings, PageComposer composer)
{
    public static readonly Colour Accent = new(0x1F, 0x3A, 0x6E);
    private static readonly Colour Grey = new(0x44, 0x44, 0x44);

    public Page Compose(Metadata meta)
    {
        var items = new List<PageItem>();
        double left = composer.LeftMargin(1), width = settings.TextWidth, top = settings.Margins.Top;
        var frame = new Frame(0, width, 11, 1.3, FontRole.Heading, false, false, Alignment.Left);

        if (!string.IsNullOrWhiteSpace(settings.SeriesTitle))
            items.AddRange(TextLine.Set(measurer, settings.SeriesTitle, frame.Style with { Colour = Accent }, left, top, width, Alignment.Left));
        if (!string.IsNullOrWhiteSpace(settings.NumberLabel))
            items.AddRange(TextLine.Set(measurer, settings.NumberLabel, frame.Style with { Bold = true, Colour = Accent }, left, top + 16, width, Alignment.Left));
        items.Add(new RuleItem(left, top + 28, left + width, top + 28, 2, Accent));

        double y = settings.PageHeight * 0.27;
        y = Block(items, meta.Title, frame with { Size = 26, Leading = 1.15, Bold = true }, left, y);
        if (!string.IsNullOrWhiteSpace(meta.Subtitle))
            y = Block(items, meta.Subtitle, frame with { Size = 15, Leading = 1.25 }, left, y + 10, Grey);

        y += 36;
        var textFrame = frame with { Role = FontRole.Text, Size = 12, Leading = 1.3 };
        bool edited = meta.Authors.Count == 0 && meta.Editors.Count > 0;
        if (edited)
            y = Block(items, meta.Editors.Count == 1 ? layout.Labels.Editor : layout.Labels.Editors, textFrame with { Size = 10, Italic = true }, left, y, Grey) + 4;
        foreach (var person in edited ? meta.Editors : meta.Authors)
        {
            y = Block(items, person.Name, textFrame, left, y);
            if (!string.IsNullOrWhiteSpace(person.Affiliation))
                y = Block(items, person.Affiliation, textFrame with { Size = 10, Italic = true }, left, y, Grey);
            y += 8;
        }
        if (meta.Date is { } date)
            Block(items, layout.Labels.FormatDate(date), textFrame with { Size = 11 }, left, y + 10);

        string foot = string.Join(" \u00B7 ", new[] { settings.Publisher, (settings.Year ?? meta.Date?.Year)?.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        double footY = settings.PageHeight - settings.Margins.Bottom;
        items.Add(new RuleItem(left, footY - 14, left + width, footY - 14, 0.5, Accent));
        if (foot.Length > 0)
            items.AddRange(TextLine.Set(measurer, foot, frame.Style with { Size = 10 }, left, footY, width, Alignment.Left));
        composer.AddDraftStamp(items);
        return new Page(1, settings.PageWidth, settings.PageHeight, items);
    }

    /// <summary>Sets a short text with the paragraph machinery at (left, y) and returns the y below it.</summary>
    private double Block(List<PageItem> items, string text, Frame frame, double left, double y, Colour? colour = null)
    {
        var style = frame.Style with { Colour = colour };
        var boxes = layout.Aside(() => layout.Structure.Within(StructureRole.P, () => layout.SetText([new TextSpan(text, style)], frame)));
        foreach (var box in boxes)
        {
            foreach (var item in box.Items)
                items.Add(item.Translate(left, y));
            y += box.Height;
        }
        return y;
    }
}
