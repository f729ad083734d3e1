using Pub.Layout.Paged;
using Pub.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;

namespace Pub.Layout.Tests;

/// <summary>The table of contents, the outline and internal links agree with where things really are.</summary>
public sealed class NavigationTests
{
    private static readonly LayoutSettings Settings = SampleDocuments.Settings();
    private static readonly Lazy<PagedDocument> Paper = new(() => Typesetter.Layout(SampleDocuments.Paper(), Settings, TestFonts.Set));

    private static Page PageOf(PagedDocument paged, string destination) =>
        paged.Pages.Single(p => p.Items.OfType<DestinationItem>().Any(d => d.Name == destination));

    [Fact]
    public void Contents_page_numbers_equal_the_pages_the_headings_stand_on()
    {
        var paged = Paper.Value;
        var contents = paged.Pages[1];
        Assert.Contains(contents.Items.OfType<TextRun>(), r => r.Text == "Contents");
        double right = Settings.Margins.Outer + Settings.TextWidth; // page 2 is a left-hand page
        var listed = paged.Outline.Where(o => o.Level <= 2).ToList();
        Assert.True(listed.Count >= 3);
        foreach (var entry in listed)
        {
            Assert.NotNull(entry.Destination);
            var link = Assert.Single(contents.Items.OfType<LinkItem>(), l => l.Destination == entry.Destination && l.Y + l.Height > 0
                && contents.Items.OfType<TextRun>().Any(r => Math.Abs(r.X + r.Width - right) < 0.01 && r.Baseline > l.Y && r.Baseline < l.Y + l.Height));
            var number = contents.Items.OfType<TextRun>().Single(r => Math.Abs(r.X + r.Width - right) < 0.01 && r.Baseline > link.Y && r.Baseline < link.Y + link.Height);
            int real = PageOf(paged, entry.Destination!).Number;
            Assert.Equal(real.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            Assert.Equal(real, paged.Pages[entry.PageIndex].Number);
        }
        Assert.DoesNotContain(paged.Diagnostics, d => d.Code == Pub.Syntax.Codes.UnstablePageNumbers.Id);
    }

    [Fact]
    public void Every_internal_link_has_a_destination()
    {
        var paged = Paper.Value;
        var names = paged.Pages.SelectMany(p => p.Items.OfType<DestinationItem>()).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var links = paged.Pages.SelectMany(p => p.Items.OfType<LinkItem>()).Where(l => l.Destination is not null).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.Contains(l.Destination!, names));
    }

    [Fact]
    public void Outline_bookmarks_and_contents_links_read_back_from_the_pdf()
    {
        var paged = Paper.Value;
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged));
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var nodes = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        foreach (var entry in paged.Outline)
        {
            var node = Assert.Single(nodes, n => n.Title == entry.Title && n.Level == entry.Level - 1);
            Assert.Equal(PageOf(paged, entry.Destination!).Number, node.PageNumber);
        }
        var contentsLinks = pdf.GetPage(2).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(paged.Pages[1].Items.OfType<LinkItem>().Count(), contentsLinks.Count);
        Assert.Contains("Contents", pdf.GetPage(2).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_converges_in_few_passes_and_rebuilds_identically()
    {
        var again = Typesetter.Layout(SampleDocuments.Paper(), Settings, TestFonts.Set);
        Assert.Equal(Paper.Value.Dump(), again.Dump());
        Assert.Equal(PdfEditionWriter.Write(Paper.Value), PdfEditionWriter.Write(again));
    }
}
