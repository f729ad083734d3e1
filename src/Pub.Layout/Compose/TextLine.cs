using Pub.Layout.Paged;
using Pub.Layout.Text;

namespace Pub.Layout.Compose;

/// <summary>A single unbroken line of text (running heads, folios), placed and aligned inside a width.</summary>
internal static class TextLine
{
    public static List<PageItem> Set(TextMeasurer measurer, string text, TextStyle style, double x, double baseline, double width, Alignment alignment)
    {
        var pieces = measurer.Pieces(text, style).ToList();
        double total = pieces.Sum(p => p.Width);
        double at = alignment switch
        {
            Alignment.Right => x + width - total,
            Alignment.Center => x + (width - total) / 2,
            _ => x,
        };
        var items = new List<PageItem>();
        foreach (var piece in pieces)
        {
            items.Add(piece.ToRun(at, baseline, style.Colour));
            at += piece.Width;
        }
        return items;
    }
}
