using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Pub.Pdf;

/// <summary>
/// A page of the document that is never added to its page tree: PDFsharp draws on it only so that a face or a piece
/// of artwork becomes an object of the document (a font with the glyphs drawn, an image, a form), which the pages
/// written by <see cref="PageContent"/> then name in their resources. Nothing refers to the page itself, and PDFsharp
/// leaves unreachable objects out when it saves.
/// </summary>
internal static class ScratchPage
{
    /// <summary>Draws on a new scratch page and returns the one resource of a kind ("/Font", "/XObject") the drawing
    /// added to it, and the page's content as PDFsharp wrote it (uncompressed).</summary>
    public static (PdfObject Resource, byte[] Content) Draw(PdfDocument pdf, string kind, Action<XGraphics> draw)
    {
        var page = new PdfPage(pdf);
        using (var gfx = XGraphics.FromPdfPage(page))
            draw(gfx);
        var resources = page.Resources.Elements.GetDictionary(kind);
        if (resources is null || resources.Elements.Count != 1 || resources.Elements.GetReference(resources.Elements.Keys.Single())?.Value is not PdfObject resource)
            throw new InvalidOperationException($"drawing on a scratch page did not add exactly one {kind} resource");
        var content = page.Contents.Elements.Count == 1 && page.Contents.Elements.GetDictionary(0)?.Stream is { } stream ? stream.Value : [];
        return (resource, content);
    }
}
