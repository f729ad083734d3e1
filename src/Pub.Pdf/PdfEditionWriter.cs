// Pub.Pdf: serialises a PagedDocument as a PDF. It decides nothing about layout; it writes the marks it is given
// into each page's content (PageContent), and with PDFsharp adds what a PDF needs beyond them: embedded font
// subsets, artwork, links and named destinations, bookmarks, the Info dictionary, XMP metadata and the document
// language, all deterministic (the same PagedDocument gives the same bytes, on any machine, at any time).
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
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

        using var pdf = new PdfDocument();
        // Nothing is compressed while the document is made: the final pass compresses every stream itself (see
        // FileFinisher), and takes the pages' content already compressed.
        pdf.Options.CompressContentStreams = false;
        pdf.Options.NoCompression = true;
        pdf.PageLayout = PdfPageLayout.SinglePage;
        var tags = new TaggedContent(document);
        var fonts = new Dictionary<(string, double), XFont>();
        var embedded = new EmbeddedFaces(pdf, document, id => Font(id, 10, families, fonts));
        using var artwork = new ArtworkCache(pdf, document, run => Font(run.FaceId, run.Size, families, fonts));
        var pages = new List<PdfPage>();
        // A page's content is compressed on another thread while the next pages are written, one page after the
        // other in a chain: one core writes, one compresses, and compressing never takes the writing's core.
        var deflated = new DeflatedStreams();
        var compressing = Task.CompletedTask;
        long contentBytes = 0;
        try
        {
            for (int p = 0; p < document.Pages.Count; p++)
            {
                cancel.ThrowIfCancellationRequested();
                var (page, content) = WritePage(pdf, p, document, embedded, artwork, tags);
                pages.Add(page);
                contentBytes += content?.Length ?? 0;
                if (content is not null)
                    compressing = compressing.ContinueWith(before => { before.GetAwaiter().GetResult(); deflated.Add(content); }, TaskScheduler.Default);
            }
            embedded.Embed();
            cancel.ThrowIfCancellationRequested();
            var destinations = AddDestinations(pdf, document, pages);
            AddLinks(pages, document, destinations, tags);
            Outline.Add(pdf, pages, document.Outline);
            PageLabels.Add(pdf, document.Numbering);
            Metadata.Apply(pdf, document);
            tags.Write(pdf, pages);
            // What PDFsharp writes is mostly the pages' content and the font subsets, uncompressed.
            long size = contentBytes + document.Faces.Sum(f => (long)f.Data.Length) / 4 + (256 << 10);
            // The pages still being compressed are waited for only by the final pass, which takes them: saving the
            // rest of the document goes on meanwhile. A failure in compressing a page is thrown as it was.
            return Metadata.SaveDeterministic(pdf, document, deflated, (int)Math.Min(size, int.MaxValue / 2),
                beforeFinishing: () => compressing.GetAwaiter().GetResult());
        }
        catch
        {
            // Writing stopped: nothing is left working on the document about to be disposed.
            ((IAsyncResult)compressing).AsyncWaitHandle.WaitOne();
            throw;
        }
    }

    /// <returns>The page and its content, none when the page is blank.</returns>
    private static (PdfPage Page, byte[]? Content) WritePage(PdfDocument pdf, int index, PagedDocument document, EmbeddedFaces faces,
        ArtworkCache artwork, TaggedContent tags)
    {
        var page = document.Pages[index];
        var pdfPage = pdf.AddPage();
        pdfPage.Width = XUnit.FromPoint(page.Width);
        pdfPage.Height = XUnit.FromPoint(page.Height);
        // A blank page gets no content stream.
        if (page.Items.Count == 0)
            return (pdfPage, null);
        var content = new PageContent(page.Height);
        // Neighbouring items of one element on one line (the words of a justified line) share one marked-content
        // sequence; a new line opens a new one, so that each text object holds one line.
        int? open = null;
        double line = double.NaN;
        for (int k = 0; k < page.Items.Count; k++)
        {
            var item = page.Items[k];
            if (item is LinkItem or DestinationItem || item is ImageItem i && !artwork.Has(i) || item is TextRun { Text.Length: 0 })
                continue;
            int tag = tags.Sequence(item.Tag);
            double baseline = item is TextRun run ? run.Baseline : double.NaN;
            bool newLine = !double.IsNaN(baseline) && baseline != line;
            line = baseline;
            if (open != tag || newLine)
            {
                if (open is not null)
                    content.EndMarked();
                tags.Begin(content, index, tag);
                open = tag;
            }
            if (item is TextRun && Words(page.Items, k, tags) is ({ Count: > 1 } words, var end))
            {
                item = Shown(words);
                k = end;
            }
            switch (item)
            {
                case TextRun text:
                    var (name, face, used) = faces.Use(pdfPage, text.FaceId);
                    content.Text(text, name, face, used);
                    break;
                case RuleItem rule:
                    content.Rule(rule);
                    break;
                case RectItem rect:
                    content.Rect(rect);
                    break;
                case ImageItem image:
                    artwork.Place(pdfPage, content, image);
                    break;
            }
        }
        if (open is not null)
            content.EndMarked();
        var bytes = content.ToArray();
        pdfPage.Contents.AppendContent().CreateStream(bytes);
        return (pdfPage, bytes);
    }

    /// <summary>
    /// The run at <paramref name="start"/> and the runs after it that one string can show: the words of a line in one
    /// face, size and colour within one marked-content sequence, left to right, each after a run that ends with its
    /// space or clear of it by at least a tenth of an em (where a space is put between them). Link and destination
    /// items between them draw nothing and are passed over.
    /// </summary>
    private static (List<TextRun> Words, int End) Words(IReadOnlyList<PageItem> items, int start, TaggedContent tags)
    {
        var first = (TextRun)items[start];
        var words = new List<TextRun>(1) { first };
        int end = start;
        if (first.Rotation != 0)
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

    /// <summary>A run of text in a form XObject (the text of a vector figure), through PDFsharp: it sets a string by
    /// the plain advance widths, so a kerned run is drawn in pieces, each placed where layout's kerning puts it. A
    /// rotated run is drawn in its rotated frame, where it runs along x all the same.</summary>
    internal static void DrawRun(XGraphics gfx, TextRun run, XFont font)
    {
        XGraphicsState? state = null;
        if (run.Rotation != 0)
        {
            // XGraphics turns clockwise for positive angles (its y axis points down).
            state = gfx.Save();
            gfx.RotateAtTransform(-run.Rotation, new XPoint(run.X, run.Baseline));
        }
        var brush = run.Colour is null ? XBrushes.Black : new XSolidBrush(Colour(run.Colour));
        int from = 0;
        double offset = 0;
        foreach (var kern in run.Kerns.Append(new KernAt(run.Text.Length, 0)))
        {
            if (kern.Index > from)
                gfx.DrawString(run.Text[from..kern.Index], font, brush, run.X + offset, run.Baseline, XStringFormats.BaseLineLeft);
            from = kern.Index;
            offset = kern.Offset;
        }
        if (state is not null)
            gfx.Restore(state);
    }

    private static XFont Font(string faceId, double size, Dictionary<string, string> families, Dictionary<(string, double), XFont> fonts)
    {
        if (!fonts.TryGetValue((faceId, size), out var font))
        {
            if (!families.TryGetValue(faceId, out var family))
                throw new InvalidOperationException($"text run uses face '{faceId}' that the paged document does not carry");
            font = new XFont(family, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            fonts[(faceId, size)] = font;
        }
        return font;
    }

    private static XColor Colour(Colour? colour) => colour is { } c ? XColor.FromArgb(c.R, c.G, c.B) : XColors.Black;

    /// <summary>
    /// Named destinations, the first of each name winning (a label is unique; a repeat is a document error reported
    /// earlier): one name tree in the catalog, its names in byte order, each naming a place on a page by reference
    /// (PDFsharp's own named destinations hold the page's object number as text, which saving changes when it leaves
    /// out objects nothing refers to).
    /// </summary>
    private static HashSet<string> AddDestinations(PdfDocument pdf, PagedDocument document, List<PdfPage> pages)
    {
        var places = new SortedDictionary<string, PdfArray>(StringComparer.Ordinal);
        for (int p = 0; p < document.Pages.Count; p++)
        {
            var page = document.Pages[p];
            foreach (var dest in page.Items.OfType<DestinationItem>())
            {
                if (places.ContainsKey(dest.Name))
                    continue;
                // Show a little above the target, left and zoom as they are.
                double top = page.Height - Math.Max(0, dest.Y - 12);
                places[dest.Name] = new PdfArray(pdf, pages[p].Reference!, new PdfName("/XYZ"), PdfNull.Value, new PdfReal(top), PdfNull.Value);
            }
        }
        if (places.Count > 0)
        {
            var names = new PdfArray(pdf);
            foreach (var (name, place) in places)
            {
                names.Elements.Add(new PdfString(name));
                names.Elements.Add(place);
            }
            var tree = new PdfDictionary(pdf);
            tree.Elements["/Names"] = names;
            pdf.Internals.AddObject(tree);
            var dictionary = new PdfDictionary(pdf);
            dictionary.Elements.SetReference("/Dests", tree);
            pdf.Internals.Catalog.Elements["/Names"] = dictionary;
        }
        return [.. places.Keys];
    }

    /// <summary>The text a link covers on its line (a citation, a note number, a contents entry): what a screen
    /// reader says for the link.</summary>
    /// <param name="runs">The page's runs that are not artifacts (the dot leaders of a contents line are not part
    /// of what a link says).</param>
    private static string LinkedText(List<TextRun> runs, LinkItem link)
    {
        var text = new StringBuilder();
        double end = double.NaN;
        foreach (var run in runs)
        {
            // A run belongs to the link when its middle lies in the link's area.
            double x = run.X + run.Width / 2, y = run.Baseline - run.Size * 0.35;
            if (x < link.X || x > link.X + link.Width || y < link.Y || y > link.Y + link.Height)
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
            List<TextRun>? runs = null;
            foreach (var link in page.Items.OfType<LinkItem>())
            {
                // Annotations live in PDF user space: origin at the bottom left.
                var rect = new PdfRectangle(new XRect(link.X, page.Height - link.Y - link.Height, link.Width, link.Height));
                PdfLinkAnnotation? annotation = null;
                string description = "";
                if (link.Url is { } url)
                    (annotation, description) = (pages[p].AddWebLink(rect, url), url);
                else if (link.Destination is { } name && destinations.Contains(name))
                    (annotation, description) = (pages[p].AddDocumentLink(rect, name), LinkedText(runs ??= [.. page.Items.OfType<TextRun>().Where(r => r.Tag != 0)], link) is { Length: > 0 } text ? text : "Go to " + name);
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
