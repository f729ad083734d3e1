using System.Text;
using Pub.Layout.Paged;
using Pub.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;

namespace Pub.Layout.Tests;

public sealed class PdfWriterTests
{
    private static readonly Lazy<(PagedDocument Paged, byte[] Pdf)> Paper = new(() =>
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), SampleDocuments.Settings(), TestFonts.Set);
        return (paged, PdfEditionWriter.Write(paged));
    });

    [Fact]
    public void Pages_words_and_metadata_read_back()
    {
        var (paged, bytes) = Paper.Value;
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(paged.Pages.Count, pdf.NumberOfPages);
        Assert.Equal("Identifying Victims of Trafficking in Mixed Migration Flows", pdf.Information.Title);
        Assert.Equal("Anna Kovalenko, Martin Lindqvist", pdf.Information.Author);
        Assert.Equal("pub", pdf.Information.Creator);
        Assert.StartsWith("trafficking in human beings", pdf.Information.Keywords, StringComparison.Ordinal);

        Assert.Contains("Contents", pdf.GetPage(2).Text, StringComparison.Ordinal);
        string text = pdf.GetPage(3).Text;
        Assert.Contains("Trafficking in human beings is a crime that hides in plain sight.", text, StringComparison.Ordinal);
        Assert.Contains("Keywords: trafficking in human beings", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_font_is_embedded_as_a_subset()
    {
        var (paged, bytes) = Paper.Value;
        using var pdf = PdfDocument.Open(bytes);
        string raw = Encoding.Latin1.GetString(bytes);
        Assert.Equal(paged.Faces.Count, CountOf(raw, "/FontFile2"));
        foreach (var page in pdf.GetPages())
        {
            foreach (var letter in page.Letters)
                Assert.Matches("^[A-Z]{6}\\+", letter.FontName);
        }
    }

    [Fact]
    public void Links_and_bookmarks_are_written()
    {
        var (_, bytes) = Paper.Value;
        using var pdf = PdfDocument.Open(bytes);
        var annotations = pdf.GetPages().SelectMany(p => p.GetAnnotations()).Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.True(annotations.Count >= 4);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Contains("1 Introduction", titles);
        Assert.Contains("1.1 Terms used in this paper", titles);
        string raw = Encoding.Latin1.GetString(bytes);
        Assert.Contains("/Lang(en)", raw.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<dc:title>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_run_starts_where_layout_put_it_in_its_size_and_colour()
    {
        var (paged, bytes) = Paper.Value;
        using var pdf = PdfDocument.Open(bytes);
        int runs = 0, coloured = 0;
        for (int p = 0; p < paged.Pages.Count; p++)
        {
            var page = paged.Pages[p];
            var letters = pdf.GetPage(p + 1).Letters;
            foreach (var run in page.Items.OfType<TextRun>().Where(r => r.Text.Length > 0 && !char.IsWhiteSpace(r.Text[0]) && r.Rotation == 0))
            {
                // The run's first character, at the baseline layout gave it, in PDF space (y up).
                double y = page.Height - run.Baseline;
                var letter = letters.FirstOrDefault(l => Math.Abs(l.StartBaseLine.X - run.X) < 0.01 && Math.Abs(l.StartBaseLine.Y - y) < 0.01
                    && l.Value == run.Text[0].ToString());
                Assert.True(letter is not null, $"page {p + 1}: '{run.Text}' does not start at ({run.X:0.00}, {y:0.00})");
                Assert.Equal(run.Size, letter.FontSize, 3);
                var (r, g, b) = letter.Color.ToRGBValues();
                var expected = run.Colour ?? new Colour(0, 0, 0);
                Assert.Equal((expected.R / 255.0, expected.G / 255.0, expected.B / 255.0), (r, g, b), (e, a) => Math.Abs(e.Item1 - a.Item1) < 0.002
                    && Math.Abs(e.Item2 - a.Item2) < 0.002 && Math.Abs(e.Item3 - a.Item3) < 0.002);
                runs++;
                if (run.Colour is { } c && c != new Colour(0, 0, 0))
                    coloured++;
            }
        }
        Assert.True(runs > 500, $"only {runs} runs");
        Assert.True(coloured > 10, $"only {coloured} coloured runs");
    }

    [Fact]
    public void Every_link_inside_the_document_lands_on_the_page_of_its_target()
    {
        var (paged, bytes) = Paper.Value;
        using var pdf = PdfDocument.Open(bytes);
        var pageOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < paged.Pages.Count; p++)
        {
            foreach (var dest in paged.Pages[p].Items.OfType<DestinationItem>())
                pageOf.TryAdd(dest.Name, p + 1);
        }
        int links = 0;
        for (int p = 0; p < paged.Pages.Count; p++)
        {
            var annotations = pdf.GetPage(p + 1).GetAnnotations().Where(a => a.Action is GoToAction).ToList();
            var items = paged.Pages[p].Items.OfType<LinkItem>().Where(l => l.Destination is { } d && pageOf.ContainsKey(d)).ToList();
            Assert.Equal(items.Count, annotations.Count);
            foreach (var (item, annotation) in items.Zip(annotations))
            {
                Assert.Equal(pageOf[item.Destination!], ((GoToAction)annotation.Action!).Destination.PageNumber);
                links++;
            }
        }
        Assert.True(links > 10, $"only {links} links");
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        var (paged, first) = Paper.Value;
        var second = PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken);
        var relaid = PdfEditionWriter.Write(Typesetter.Layout(SampleDocuments.Paper(), SampleDocuments.Settings(), TestFonts.Set), TestContext.Current.CancellationToken);
        Assert.Equal(first, second);
        Assert.Equal(first, relaid);
        string raw = Encoding.Latin1.GetString(first);
        Assert.Contains("/CreationDate(D:20250312000000", raw.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Handbook_writes()
    {
        var paged = Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true), TestFonts.Set);
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
        Assert.Equal(paged.Pages.Count, pdf.NumberOfPages);
        Assert.Equal("Maria Petrova", pdf.Information.Author);
    }

    /// <summary>Writes the sample PDFs and dumps for a look when PUB_LAYOUT_SAMPLE_DIR names a folder.</summary>
    [Fact]
    public void Samples_can_be_written_for_inspection()
    {
        var dir = Environment.GetEnvironmentVariable("PUB_LAYOUT_SAMPLE_DIR");
        if (dir is null)
            return;
        var (paged, bytes) = Paper.Value;
        File.WriteAllBytes(Path.Combine(dir, "paper.pdf"), bytes);
        File.WriteAllText(Path.Combine(dir, "paper.layout.txt"), paged.Dump());
        var handbook = Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true), TestFonts.Set);
        File.WriteAllBytes(Path.Combine(dir, "handbook.pdf"), PdfEditionWriter.Write(handbook, TestContext.Current.CancellationToken));
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
