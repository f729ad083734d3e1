using PdfSharp.Drawing;

namespace Pub.Pdf;

/// <summary>A PDF used as a figure (a map, a chart exported from a spreadsheet or a statistics package).</summary>
public static class PdfFigure
{
    public static bool Is(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>The size of each page in points, as the writer will place it; null when the file cannot be imported
    /// (damaged, or encrypted).</summary>
    public static IReadOnlyList<(double Width, double Height)>? PageSizes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var form = XPdfForm.FromStream(new MemoryStream(bytes, writable: false));
            var sizes = new List<(double, double)>();
            for (int page = 1; page <= form.PageCount; page++)
            {
                form.PageNumber = page;
                sizes.Add((form.PointWidth, form.PointHeight));
            }
            return sizes.All(s => s.Item1 > 0 && s.Item2 > 0) ? sizes : null;
        }
#pragma warning disable CA1031 // PDFsharp reports a damaged or encrypted file with several exception types; each means "cannot be imported".
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
