using Pub.Layout.Compose;
using Pub.Layout.Paged;
using Pub.Pdf;
using UglyToad.PdfPig;

namespace Pub.Layout.Tests;

/// <summary>A draft carries a diagonal light-grey watermark behind everything on every page, and its stamp in the
/// footer; both are artifacts, outside the document's text.</summary>
public sealed class DraftTests
{
    private static readonly Lazy<PagedDocument> Draft = new(() =>
        Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true) with { DraftStamp = "DRAFT · 2026-01-02 03:04 UTC" }, TestFonts.Set));

    [Fact]
    public void Every_page_has_the_watermark_first_and_the_stamp_in_the_footer()
    {
        var paged = Draft.Value;
        var settings = SampleDocuments.Settings(draft: true);
        double diagonal = Math.Atan2(settings.PageHeight, settings.PageWidth) * 180 / Math.PI;
        foreach (var page in paged.Pages)
        {
            var mark = Assert.IsType<TextRun>(page.Items[0]);
            Assert.Equal("DRAFT", mark.Text);
            Assert.Equal(diagonal, mark.Rotation, 3);
            Assert.Equal(PageComposer.WatermarkColour, mark.Colour);
            Assert.Equal(0, mark.Tag);
            var stamp = Assert.Single(page.Items.OfType<TextRun>(), r => r.Text.Contains("2026-01-02 03:04 UTC", StringComparison.Ordinal));
            Assert.True(stamp.Baseline > settings.PageHeight - settings.Margins.Bottom, "the stamp is not in the footer");
            Assert.Equal(0, stamp.Tag);
        }
    }

    [Fact]
    public void A_final_edition_has_no_watermark()
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), SampleDocuments.Settings(), TestFonts.Set);
        Assert.DoesNotContain(paged.Pages.SelectMany(p => p.Items).OfType<TextRun>(), r => r.Rotation != 0 || r.Text.Contains("DRAFT", StringComparison.Ordinal));
    }

    [Fact]
    public void The_watermark_is_drawn_as_an_artifact_across_the_page()
    {
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(Draft.Value, TestContext.Current.CancellationToken));
        var page = pdf.GetPage(2);
        var artifacts = page.GetMarkedContents().Where(m => m.IsArtifact).ToList();
        var letters = artifacts.SelectMany(m => m.Letters).Where(l => l.PointSize > 50).ToList();
        Assert.Equal("DRAFT", string.Concat(letters.Select(l => l.Value)));
        // Drawn on the rising diagonal: from the lower left towards the upper right (PDF's y grows upward).
        Assert.True(letters[^1].StartBaseLine.Y > letters[0].StartBaseLine.Y + 100);
        Assert.True(letters[^1].StartBaseLine.X > letters[0].StartBaseLine.X + 100);
        Assert.DoesNotContain(page.GetMarkedContents().Where(m => !m.IsArtifact).SelectMany(m => m.Letters), l => l.PointSize > 50);
    }
}
