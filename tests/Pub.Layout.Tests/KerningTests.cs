using System.Globalization;
using Pub.Layout.Paged;
using Pub.Model;
using Pub.Pdf;
using UglyToad.PdfPig;

namespace Pub.Layout.Tests;

/// <summary>Pair kerning from the fonts' GPOS tables: measured, kept by line breaking and drawn where it was measured.</summary>
public sealed class KerningTests
{
    private static Fonts.FontFace Serif => TestFonts.Set.Resolve(Fonts.FontRole.Text, false, false);

    [Theory]
    [InlineData("AV")]
    [InlineData("To")]
    [InlineData("Ty")]
    public void A_known_pair_measures_narrower_than_its_advances(string pair)
    {
        var face = Serif;
        Assert.True(face.HasKerning);
        int kern = face.Kerning(pair[0], pair[1]);
        Assert.True(kern < 0, $"{pair}: kerning {kern}");
        double plain = (face.Advance(pair[0]) + face.Advance(pair[1])) * 10.0 / face.UnitsPerEm;
        Assert.Equal(plain + kern * 10.0 / face.UnitsPerEm, face.Measure(pair, 10), 6);
        Assert.True(face.Measure(pair, 10) < plain);
        var at = Assert.Single(face.Kerns(pair, 10));
        Assert.Equal(1, at.Index);
        Assert.Equal((face.Advance(pair[0]) + kern) * 10.0 / face.UnitsPerEm, at.Offset, 6);
    }

    [Fact]
    public void Unkerned_text_has_no_adjustments()
    {
        Assert.Empty(Serif.Kerns("mm", 10));
        Assert.Equal(0, Serif.Kerning('m', 'm'));
    }

    private static PagedDocument Laid(string text) => Typesetter.Layout(
        new Document("k.md", new Metadata { Title = "Kerning", Language = "en" }, [new Paragraph([new Pub.Model.Text(text)])], []),
        SampleDocuments.Settings(), TestFonts.Set);

    [Fact]
    public void The_dump_shows_where_a_run_is_kerned()
    {
        var paged = Laid("AVAST Today");
        var run = paged.Pages.SelectMany(p => p.Items).OfType<TextRun>().First(r => r.Text.StartsWith("AVAST", StringComparison.Ordinal));
        Assert.NotEmpty(run.Kerns);
        // Words are kerned inside, never across the space between them.
        double words = run.Text.Split(' ').Sum(w => Serif.Measure(w, run.Size)) + run.Text.Count(c => c == ' ') * Serif.Measure(" ", run.Size);
        Assert.Equal(words, run.Width, 6);
        Assert.Contains(" kern 1@", paged.Dump(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_draws_the_kerned_pair_closer()
    {
        var paged = Laid("To be kerned: AVAST Today.");
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
        // The body opens on a right-hand page after the cover.
        var letters = pdf.GetPages().First(p => p.Text.Contains("kerned", StringComparison.Ordinal)).Letters;
        int t = letters.ToList().FindIndex(l => l.Value == "T" && l.FontSize > 9);
        var (first, second) = (letters[t], letters[t + 1]);
        Assert.Equal("o", second.Value);
        double drawn = second.StartBaseLine.X - first.StartBaseLine.X;
        double plain = Serif.Advance('T') * first.FontSize / Serif.UnitsPerEm;
        double kerned = Serif.Measure("To", first.FontSize) - Serif.Advance('o') * first.FontSize / Serif.UnitsPerEm;
        Assert.True(drawn < plain - 0.1, string.Create(CultureInfo.InvariantCulture, $"T to o: {drawn:0.000}, unkerned {plain:0.000}"));
        Assert.Equal(kerned, drawn, 2);
    }

    [Fact]
    public void Every_glyph_of_a_kerned_run_is_drawn_where_layout_put_it_by_one_operator()
    {
        var paged = Laid("AVAST Today: WAVY Tokyo, Yves, P.V. Taylor.");
        var page = paged.Pages.First(p => p.Items.OfType<TextRun>().Any(r => r.Text.StartsWith("AVAST", StringComparison.Ordinal)));
        var run = page.Items.OfType<TextRun>().First(r => r.Text.StartsWith("AVAST", StringComparison.Ordinal));
        Assert.True(run.Kerns.Count >= 4, $"{run.Kerns.Count} kerns");
        // Where layout puts each character: after the last kern before it, by the plain advances.
        var expected = new List<double>();
        double start = 0;
        int from = 0;
        foreach (var kern in run.Kerns.Append(new KernAt(run.Text.Length, 0)))
        {
            for (int i = from; i < kern.Index; i++)
                expected.Add(run.X + start + run.Text[from..i].Sum(c => Serif.Advance(c)) * run.Size / Serif.UnitsPerEm);
            (from, start) = (kern.Index, kern.Offset);
        }

        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
        var pdfPage = pdf.GetPage(paged.Pages.ToList().IndexOf(page) + 1);
        var letters = pdfPage.Letters.ToList();
        int first = letters.FindIndex(l => l.Value == "A" && Math.Abs(l.StartBaseLine.X - run.X) < 0.01);
        Assert.True(first >= 0, "the run's first letter is not where layout put it");
        for (int i = 0; i < run.Text.Length; i++)
        {
            Assert.Equal(run.Text[i].ToString(), letters[first + i].Value);
            Assert.True(Math.Abs(letters[first + i].StartBaseLine.X - expected[i]) < 0.01,
                string.Create(CultureInfo.InvariantCulture, $"'{run.Text[i]}' ({i}) at {letters[first + i].StartBaseLine.X:0.000}, layout {expected[i]:0.000}"));
        }
        // One TJ array per kerned run, not a string per piece.
        Assert.Contains(pdfPage.Operations, o => o.Operator == "TJ");
    }

    [Fact]
    public void Justified_lines_stay_flush_with_kerning()
    {
        var settings = SampleDocuments.Settings();
        var paged = Typesetter.Layout(SampleDocuments.Paper(), settings, TestFonts.Set);
        int kerned = 0, flush = 0;
        foreach (var page in paged.Pages.Skip(2))
        {
            double left = page.Number % 2 == 0 ? settings.Margins.Outer : settings.Margins.Inner;
            double right = left + settings.TextWidth;
            foreach (var line in page.Items.OfType<TextRun>().Where(r => r.FaceId == Serif.Id && r.Size == settings.FontSize).GroupBy(r => r.Baseline))
            {
                kerned += line.Count(r => r.Kerns.Count > 0);
                double end = line.Max(r => r.X + r.Width - (r.Text.EndsWith(' ') ? Serif.Measure(" ", r.Size) : 0));
                if (Math.Abs(end - right) < 0.01)
                    flush++;
                Assert.True(end <= right + 0.01, $"page {page.Number}: a line ends at {end:0.00}, past {right:0.00}");
            }
        }
        Assert.True(kerned > 10, $"only {kerned} kerned runs");
        Assert.True(flush > 20, $"only {flush} flush lines");
    }
}
