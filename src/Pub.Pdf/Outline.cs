using PdfSharp.Pdf;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>Bookmarks: outline entries nest by level; a level that skips (1 then 3) hangs under the nearest shallower entry.</summary>
internal static class Outline
{
    public static void Add(PdfDocument pdf, List<PdfPage> pages, IReadOnlyList<OutlineEntry> entries)
    {
        var stack = new List<(int Level, PdfOutline Node)>();
        foreach (var entry in entries)
        {
            while (stack.Count > 0 && stack[^1].Level >= entry.Level)
                stack.RemoveAt(stack.Count - 1);
            var collection = stack.Count == 0 ? pdf.Outlines : stack[^1].Node.Outlines;
            var page = pages[entry.PageIndex];
            var node = collection.Add(entry.Title, page, opened: entry.Level == 1);
            node.PageDestinationType = PdfPageDestinationType.Xyz;
            // Destinations are in PDF user space (origin bottom left); show a little above the heading.
            node.Top = page.Height.Point - Math.Max(0, entry.Y - 12);
            stack.Add((entry.Level, node));
        }
    }
}
