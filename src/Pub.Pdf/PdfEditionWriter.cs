// Pub.Pdf: serialises a PagedDocument with PDFsharp. It decides nothing about layout; it draws what it is
// given, then adds what a PDF needs beyond the marks on the page: embedded font subsets, links and named
// destinations, bookmarks, the Info dictionary, XMP metadata and the document language, all deterministic
// (the same PagedDocument gives the same bytes, on any machine, at any time).
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;

namespace Pub.Pdf;

public static class PdfEditionWriter
{
    /// <summary>Producer string written into Info and XMP: fixed, so that bytes do not depend on the library build.</summary>
    public const string Producer = "pub (PDFsharp 6.2.4)";

    /// <summary>The tagged PDF of a laid-out document. <paramref name="cancel"/> (the preview's next save) is
    /// looked at before each page and before the file is put together, and ends the writing with
    /// <see cref="OperationCanceledException"/>.</summary>
    public static byte[] Write(PagedDocument document, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        EditionFontResolver.Install();
        var families = document.Faces.ToDictionary(f => f.Id, f => EditionFontResolver.Instance.Register(f.Id, f.Data), StringComparer.Ordinal);
        var faces = document.Faces.ToDictionary(f => f.Id, f => f.Face, StringComparer.Ordinal);

        using var pdf = new PdfDocument();
        // Nothing is compressed while drawing: marked content is put into the page streams afterwards, and the
        // final pass compresses every stream itself (see FileFinisher).
        pdf.Options.CompressContentStreams = false;
        pdf.Options.NoCompression = true;
        pdf.PageLayout = PdfPageLayout.SinglePage;
        var tags = new TaggedContent(document);
        var fonts = new Dictionary<(string, double), XFont>();
        using var artwork = new ArtworkCache(pdf, document, run => Font(run, families, fonts));
        var pages = new List<PdfPage>();
        // A drawn page's stream is finished (placeholders replaced, then compressed) on another thread while the next
        // pages are drawn: nothing else touches it until the document is put together. The pages are finished one
        // after the other, in a chain: one core draws, one finishes, and finishing never takes the drawing's core.
        var deflated = new DeflatedStreams();
        var finishing = Task.CompletedTask;
        try
        {
            for (int p = 0; p < document.Pages.Count; p++)
            {
                cancel.ThrowIfCancellationRequested();
                var (page, streams) = DrawPage(pdf, p, document, families, faces, fonts, artwork, tags);
                pages.Add(page);
                if (streams.Count > 0)
                    finishing = finishing.ContinueWith(before => { before.GetAwaiter().GetResult(); FinishPage(streams, deflated); }, TaskScheduler.Default);
            }
        }
        catch
        {
            // Drawing stopped: nothing is left working on the document about to be disposed.
            ((IAsyncResult)finishing).AsyncWaitHandle.WaitOne();
            throw;
        }
        // A failure in finishing a page is thrown as it was.
        finishing.GetAwaiter().GetResult();
        cancel.ThrowIfCancellationRequested();
        var destinations = AddDestinations(pdf, document);
        AddLinks(pages, document, destinations, tags);
        Outline.Add(pdf, pages, document.Outline);
        PageLabels.Add(pdf, document.Numbering);
        Metadata.Apply(pdf, document);
        tags.Write(pdf, pages);
        return Metadata.SaveDeterministic(pdf, document, deflated);
    }

    /// <summary>A drawn page's streams: placeholders replaced, then compressed for the final pass.</summary>
    private static void FinishPage(List<PdfDictionary.PdfStream> streams, DeflatedStreams deflated)
    {
        foreach (var stream in streams)
        {
            TaggedContent.ReplacePlaceholders(stream);
            deflated.Add(stream.Value);
        }
    }

    /// <returns>The page and its content streams, none when the page is blank.</returns>
    private static (PdfPage Page, List<PdfDictionary.PdfStream> Streams) DrawPage(PdfDocument pdf, int index, PagedDocument document,
        Dictionary<string, string> families, Dictionary<string, FontFace?> faces, Dictionary<(string, double), XFont> fonts, ArtworkCache artwork,
        TaggedContent tags)
    {
        var page = document.Pages[index];
        var pdfPage = pdf.AddPage();
        pdfPage.Width = XUnit.FromPoint(page.Width);
        pdfPage.Height = XUnit.FromPoint(page.Height);
        // A blank page gets no content stream.
        if (page.Items.Count == 0)
            return (pdfPage, []);
        using (var gfx = XGraphics.FromPdfPage(pdfPage))
        {
            // Neighbouring items of one element on one line (the words of a justified line) share one
            // marked-content sequence; a new line opens a new one, so that each text object holds one line.
            int? open = null;
            double line = double.NaN;
            for (int k = 0; k < page.Items.Count; k++)
            {
                var item = page.Items[k];
                if (item is LinkItem or DestinationItem || item is ImageItem i && !artwork.Has(i))
                    continue;
                int tag = tags.Sequence(item.Tag);
                double baseline = item is TextRun run ? run.Baseline : double.NaN;
                bool newLine = !double.IsNaN(baseline) && baseline != line;
                line = baseline;
                if (open != tag || newLine)
                {
                    if (open is not null)
                        TaggedContent.End(gfx);
                    tags.Begin(gfx, index, tag);
                    open = tag;
                }
                if (item is TextRun && Words(page.Items, k, tags, faces) is ({ Count: > 1 } words, var end))
                {
                    item = Shown(words);
                    k = end;
                }
                Draw(gfx, item, families, faces, fonts, artwork);
            }
            if (open is not null)
                TaggedContent.End(gfx);
        }
        return (pdfPage, TaggedContent.Streams(pdfPage));
    }

    /// <summary>
    /// The run at <paramref name="start"/> and the runs after it that one string can show: the words of a line in one
    /// face, size and colour within one marked-content sequence, left to right, each after a run that ends with its
    /// space or clear of it by at least a tenth of an em (where a space is put between them). Link and destination
    /// items between them draw nothing and are passed over.
    /// </summary>
    private static (List<TextRun> Words, int End) Words(IReadOnlyList<PageItem> items, int start, TaggedContent tags, Dictionary<string, FontFace?> faces)
    {
        var first = (TextRun)items[start];
        var words = new List<TextRun>(1) { first };
        int end = start;
        if (first.Rotation != 0 || faces.GetValueOrDefault(first.FaceId) is null)
            return (words, end);
        int tag = tags.Sequence(first.Tag);
        for (int k = start + 1; k < items.Count; k++)
        {
            if (items[k] is LinkItem or DestinationItem)
                continue;
            var last = words[^1];
            if (items[k] is not TextRun next || next.FaceId != first.FaceId || next.Size != first.Size || next.Colour != first.Colour
                || next.Rotation != 0 || next.Baseline != first.Baseline || tags.Sequence(next.Tag) != tag
                || next.X <= last.X || !(last.Text.EndsWith(' ') || next.X - (last.X + last.Width) >= first.Size / 10)
                || next.Text.Length == 0)
                break;
            words.Add(next);
            end = k;
        }
        return (words, end);
    }

    /// <summary>
    /// Words of one line as one run: their texts with a space between (their own where they end with one), each word
    /// placed where layout put it (a kern at its first glyph, which the TJ array turns into the distance from where
    /// the space would leave it) and its own kerns kept. One string a line instead of one a word: a justified line is
    /// one text-showing operator, and the PDF is drawn with far fewer of them.
    /// </summary>
    private static TextRun Shown(List<TextRun> words)
    {
        var first = words[0];
        int length = 0, count = 0;
        foreach (var word in words)
        {
            length += word.Text.Length + 1;
            count += word.Kerns.Count + 1;
        }
        var text = new StringBuilder(first.Text, length);
        var kerns = new List<KernAt>(count);
        kerns.AddRange(first.Kerns);
        for (int w = 1; w < words.Count; w++)
        {
            var word = words[w];
            if (!words[w - 1].Text.EndsWith(' '))
                text.Append(' ');
            int at = text.Length;
            double offset = word.X - first.X;
            kerns.Add(new KernAt(at, offset));
            foreach (var kern in word.Kerns)
                kerns.Add(new KernAt(at + kern.Index, offset + kern.Offset));
            text.Append(word.Text);
        }
        var last = words[^1];
        return first with { Text = text.ToString(), Width = last.X + last.Width - first.X, Kerns = kerns };
    }

    private static void Draw(XGraphics gfx, PageItem item, Dictionary<string, string> families,
        Dictionary<string, FontFace?> faces, Dictionary<(string, double), XFont> fonts, ArtworkCache artwork)
    {
        switch (item)
        {
            case TextRun run:
                DrawRun(gfx, run, Font(run, families, fonts), faces.GetValueOrDefault(run.FaceId));
                break;
            case RuleItem rule:
                gfx.DrawLine(new XPen(Colour(rule.Colour), rule.Thickness), rule.X1, rule.Y1, rule.X2, rule.Y2);
                break;
            case RectItem rect:
                gfx.DrawRectangle(new XSolidBrush(Colour(rect.Fill)), rect.X, rect.Y, rect.Width, rect.Height);
                break;
            case ImageItem image:
                artwork.Draw(gfx, image);
                break;
        }
    }

    /// <param name="face">The face layout measured the run with; without it (text in a form XObject, whose stream is
    /// not rewritten) a kerned run is drawn in pieces.</param>
    internal static void DrawRun(XGraphics gfx, TextRun run, XFont font, FontFace? face = null)
    {
        if (run.Rotation != 0)
        {
            // XGraphics turns clockwise for positive angles (its y axis points down).
            var state = gfx.Save();
            gfx.RotateAtTransform(-run.Rotation, new XPoint(run.X, run.Baseline));
            DrawText(gfx, run, font, face);
            gfx.Restore(state);
        }
        else
            DrawText(gfx, run, font, face);
    }

    /// <summary>
    /// PDFsharp sets text by the plain advance widths, so a kerned run is drawn after a placeholder that turns its
    /// string into a TJ array placing each kerned glyph where layout's kerning puts it (see <see cref="KernedText"/>),
    /// or, without the face, in pieces placed there: either way the run ends exactly where layout measured it, and
    /// justified lines stay flush. A rotated run (the draft watermark) is drawn in its rotated frame, where it runs
    /// along x all the same.
    /// </summary>
    private static void DrawText(XGraphics gfx, TextRun run, XFont font, FontFace? face)
    {
        var brush = run.Colour is null ? XBrushes.Black : new XSolidBrush(Colour(run.Colour));
        if (run.Kerns.Count == 0 || face is not null)
        {
            if (run.Kerns.Count > 0)
                gfx.WriteComment(KernedText.Comment(run, face!));
            gfx.DrawString(run.Text, font, brush, run.X, run.Baseline, XStringFormats.BaseLineLeft);
            return;
        }
        int from = 0;
        double offset = 0;
        foreach (var kern in run.Kerns.Append(new KernAt(run.Text.Length, 0)))
        {
            if (kern.Index > from)
                gfx.DrawString(run.Text[from..kern.Index], font, brush, run.X + offset, run.Baseline, XStringFormats.BaseLineLeft);
            from = kern.Index;
            offset = kern.Offset;
        }
    }

    private static XFont Font(TextRun run, Dictionary<string, string> families, Dictionary<(string, double), XFont> fonts)
    {
        if (!fonts.TryGetValue((run.FaceId, run.Size), out var font))
        {
            if (!families.TryGetValue(run.FaceId, out var family))
                throw new InvalidOperationException($"text run uses face '{run.FaceId}' that the paged document does not carry");
            font = new XFont(family, run.Size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            fonts[(run.FaceId, run.Size)] = font;
        }
        return font;
    }

    private static XColor Colour(Colour? colour) => colour is { } c ? XColor.FromArgb(c.R, c.G, c.B) : XColors.Black;

    /// <summary>Named destinations, the first of each name winning (a label is unique; a repeat is a document error
    /// reported earlier).</summary>
    private static HashSet<string> AddDestinations(PdfDocument pdf, PagedDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < document.Pages.Count; p++)
        {
            var page = document.Pages[p];
            foreach (var dest in page.Items.OfType<DestinationItem>())
            {
                if (!names.Add(dest.Name))
                    continue;
                double top = page.Height - Math.Max(0, dest.Y - 12);
                pdf.AddNamedDestination(dest.Name, p + 1, PdfNamedDestinationParameters.CreatePosition(null, top, null));
            }
        }
        return names;
    }

    /// <summary>The text a link covers on its line (a citation, a note number, a contents entry): what a screen
    /// reader says for the link.</summary>
    private static string LinkedText(Page page, LinkItem link)
    {
        var text = new StringBuilder();
        double end = double.NaN;
        foreach (var run in page.Items.OfType<TextRun>())
        {
            // A run belongs to the link when its middle lies in the link's area. Artifacts (the dot leaders of a
            // contents line) are not part of what the link says.
            double x = run.X + run.Width / 2, y = run.Baseline - run.Size * 0.35;
            if (run.Tag == 0 || x < link.X || x > link.X + link.Width || y < link.Y || y > link.Y + link.Height)
                continue;
            if (!double.IsNaN(end) && run.X > end + 1)
                text.Append(' ');
            text.Append(run.Text);
            end = run.X + run.Width;
        }
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AddLinks(List<PdfPage> pages, PagedDocument document, HashSet<string> destinations, TaggedContent tags)
    {
        for (int p = 0; p < document.Pages.Count; p++)
        {
            var page = document.Pages[p];
            foreach (var link in page.Items.OfType<LinkItem>())
            {
                // Annotations live in PDF user space: origin at the bottom left.
                var rect = new PdfRectangle(new XRect(link.X, page.Height - link.Y - link.Height, link.Width, link.Height));
                PdfLinkAnnotation? annotation = null;
                string description = "";
                if (link.Url is { } url)
                    (annotation, description) = (pages[p].AddWebLink(rect, url), url);
                else if (link.Destination is { } name && destinations.Contains(name))
                    (annotation, description) = (pages[p].AddDocumentLink(rect, name), LinkedText(page, link) is { Length: > 0 } text ? text : "Go to " + name);
                if (annotation is null)
                    continue;
                // PDF/A: printable annotations; PDF/UA: a description and a place in the structure tree.
                annotation.Elements.SetInteger("/F", 4);
                annotation.Elements["/Contents"] = new PdfString(description, description.All(c => c < 128) ? PdfStringEncoding.PDFDocEncoding : PdfStringEncoding.Unicode);
                tags.Annotation(p, annotation, link.Tag);
            }
        }
    }
}
