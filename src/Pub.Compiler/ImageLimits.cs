using Pub.Layout.Images;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// The largest image pub sets, judged from the image's header before any pixel is decoded: a PNG of a few
/// hundred kilobytes can declare 20,000 × 20,000 pixels and take gigabytes to decode. The limit is far above
/// what print needs (an A4 page at 300 dpi is 8.7 megapixels).
/// </summary>
internal static class ImageLimits
{
    public const long MaxPixels = 50_000_000;

    public static IEnumerable<Diagnostic> Check(Document document, Func<string, byte[]?> readBytes)
    {
        var figures = new[] { document }.Concat(document.Chapters)
            .SelectMany(d => Walk.Blocks(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Figure>();
        foreach (var figure in figures)
        {
            if (figure.ResolvedPath is not { } path || readBytes(path) is not { } bytes || ImageHeader.Read(bytes) is not { } header)
            {
                continue;
            }
            var pixels = (long)header.PixelWidth * header.PixelHeight;
            if (pixels > MaxPixels)
            {
                yield return Diagnostic.Error(Codes.ImageTooLarge,
                    $"image '{figure.Path}' is {header.PixelWidth} × {header.PixelHeight} pixels ({pixels / 1_000_000.0:0.#} megapixels); pub sets images of at most {MaxPixels / 1_000_000} megapixels",
                    figure.Span, "scale it down: 300 pixels per inch at the printed size is enough for print (a figure as wide as an A4 page needs about 2,500 pixels across)");
            }
        }
    }
}
