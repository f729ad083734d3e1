using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using Pub.Layout.Paged;
using Pub.Layout.Vector;

namespace Pub.Pdf;

/// <summary>
/// The XObjects a document's figures and logos become, made on first use and placed wherever the artwork appears:
/// an image for a PNG or JPEG, a form holding the imported page for a PDF, and a form drawn from the vector
/// drawing for an SVG. Vector artwork thus stays paths and text in the PDF, never pixels.
/// </summary>
internal sealed class ArtworkCache(PdfDocument pdf, PagedDocument document, Func<TextRun, XFont> font) : IDisposable
{
    private readonly Dictionary<string, XImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), XPdfForm> _pages = [];
    private readonly Dictionary<string, XForm> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<XImage, PdfObject> _objects = [];

    public bool Has(ImageItem item) => document.Drawings.ContainsKey(item.Path) || document.Images.ContainsKey(item.Path);

    /// <summary>The XObject an item shows: an image, a form holding an imported page, or a form drawn from a vector
    /// drawing.</summary>
    private XImage Artwork(ImageItem item) =>
        document.Drawings.TryGetValue(item.Path, out var drawing) ? Form(item.Path, drawing)
        : document.Images.TryGetValue(item.Path, out var bytes) ? IsPdf(bytes) ? Page(item.Path, item.Page, bytes) : Image(item.Path, bytes)
        : throw new InvalidOperationException($"artwork '{item.Path}' is not in the paged document");

    /// <summary>
    /// Places an item's artwork on a page: the XObject is named in the page's resources and drawn into the item's
    /// box, an image (a unit square) scaled to the box, a form scaled from its own size, an imported page moved by
    /// its media box's origin.
    /// </summary>
    public void Place(PdfPage page, PageContent content, ImageItem item)
    {
        var artwork = Artwork(item);
        if (!_objects.TryGetValue(artwork, out var xobject))
        {
            // PDFsharp makes the XObject the first time it draws the artwork.
            (xobject, _) = ScratchPage.Draw(pdf, "/XObject", gfx => gfx.DrawImage(artwork, 0, 0, 1, 1));
            _objects[artwork] = xobject;
        }
        double bottom = content.Up(item.Y + item.Height);
        switch (artwork, xobject)
        {
            case (XForm form, PdfFormXObject pdfForm) when form.PointWidth > 0 && form.PointHeight > 0:
                var (left, low) = form is XPdfForm { Page: { } imported } ? (imported.MediaBox.X1, imported.MediaBox.Y1) : (0, 0);
                content.Artwork(page.Resources.AddForm(pdfForm), item.Width / form.PointWidth, item.Height / form.PointHeight,
                    item.X - left, bottom - low, resetColours: form is XPdfForm);
                break;
            case (XForm, _):
                break;
            case (_, PdfImage image):
                content.Artwork(page.Resources.AddImage(image), item.Width, item.Height, item.X, bottom, resetColours: false);
                break;
            default:
                throw new InvalidOperationException($"artwork '{item.Path}' did not become an image or a form");
        }
    }

    private static bool IsPdf(byte[] bytes) => bytes.AsSpan().StartsWith("%PDF-"u8);

    private XImage Image(string path, byte[] bytes)
    {
        if (!_images.TryGetValue(path, out var image))
            _images[path] = image = XImage.FromStream(new MemoryStream(bytes, writable: false));
        return image;
    }

    private XPdfForm Page(string path, int page, byte[] bytes)
    {
        if (!_pages.TryGetValue((path, page), out var form))
        {
            form = XPdfForm.FromStream(new MemoryStream(bytes, writable: false));
            form.PageNumber = page;
            _pages[(path, page)] = form;
        }
        return form;
    }

    private XForm Form(string path, VectorDrawing drawing)
    {
        if (_forms.TryGetValue(path, out var form))
            return form;
        form = new XForm(pdf, XUnit.FromPoint(drawing.Width), XUnit.FromPoint(drawing.Height));
        using (var gfx = XGraphics.FromForm(form))
        {
            foreach (var mark in drawing.Marks)
            {
                if (mark is VectorPath shape)
                    DrawPath(gfx, shape);
                else if (mark is VectorText text)
                    PdfEditionWriter.DrawRun(gfx, text.Run, font(text.Run));
            }
        }
        _forms[path] = form;
        return form;
    }

    private static void DrawPath(XGraphics gfx, VectorPath path)
    {
        var outline = new XGraphicsPath { FillMode = path.EvenOdd ? XFillMode.Alternate : XFillMode.Winding };
        XPoint current = default;
        foreach (var step in path.Steps)
        {
            var to = new XPoint(step.P3.X, step.P3.Y);
            switch (step.Verb)
            {
                case PathVerb.MoveTo:
                    outline.StartFigure();
                    break;
                case PathVerb.LineTo:
                    outline.AddLine(current, to);
                    break;
                case PathVerb.CubicTo:
                    outline.AddBezier(current, new XPoint(step.P1.X, step.P1.Y), new XPoint(step.P2.X, step.P2.Y), to);
                    break;
                case PathVerb.Close:
                    outline.CloseFigure();
                    break;
            }
            if (step.Verb != PathVerb.Close)
                current = to;
        }
        var pen = path.Stroke is { } stroke && path.StrokeWidth > 0 ? new XPen(Colour(stroke, path.StrokeOpacity), path.StrokeWidth) : null;
        if (pen is not null && path.Dashes.Count > 0)
        {
            pen.DashStyle = XDashStyle.Custom;
            // XPen measures dashes in multiples of the line width.
            pen.DashPattern = [.. path.Dashes.Select(d => d / path.StrokeWidth)];
        }
        var brush = path.Fill is { } fill ? new XSolidBrush(Colour(fill, path.FillOpacity)) : null;
        if (pen is not null && brush is not null)
            gfx.DrawPath(pen, brush, outline);
        else if (brush is not null)
            gfx.DrawPath(brush, outline);
        else if (pen is not null)
            gfx.DrawPath(pen, outline);
    }

    /// <summary>A colour with its opacity; PDFsharp writes a translucent one through a graphics state (PDF/A-2 allows it).</summary>
    private static XColor Colour(Colour c, double opacity) =>
        opacity < 1 ? XColor.FromArgb((int)Math.Round(opacity * 255), c.R, c.G, c.B) : XColor.FromArgb(c.R, c.G, c.B);

    public void Dispose()
    {
        foreach (var image in _images.Values)
            image.Dispose();
        foreach (var page in _pages.Values)
            page.Dispose();
        foreach (var form in _forms.Values)
            form.Dispose();
    }
}
