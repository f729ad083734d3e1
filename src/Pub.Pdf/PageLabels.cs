using PdfSharp.Pdf;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>The catalogue's /PageLabels number tree, so that a viewer shows the numbers printed on the pages
/// ("iii" in the front matter, "1" where the body begins) rather than counting from the cover.</summary>
internal static class PageLabels
{
    public static void Add(PdfDocument pdf, IReadOnlyList<PageNumberRange> ranges)
    {
        if (ranges.Count == 0)
            return;
        var nums = new PdfArray(pdf);
        foreach (var range in ranges.OrderBy(r => r.PageIndex))
        {
            var label = new PdfDictionary(pdf);
            label.Elements["/S"] = new PdfName(range.Style == PageNumberStyle.LowerRoman ? "/r" : "/D");
            if (range.Start != 1)
                label.Elements["/St"] = new PdfInteger(range.Start);
            nums.Elements.Add(new PdfInteger(range.PageIndex));
            nums.Elements.Add(label);
        }
        var tree = new PdfDictionary(pdf);
        tree.Elements["/Nums"] = nums;
        pdf.Internals.Catalog.Elements["/PageLabels"] = tree;
    }
}
