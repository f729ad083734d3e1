using Pub.Layout.Paged;
using Pub.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

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
            string real = PageOf(paged, entry.Destination!).Label;
            Assert.Equal(real, number.Text);
            Assert.Equal(real, paged.Pages[entry.PageIndex].Label);
        }
        Assert.DoesNotContain(paged.Diagnostics, d => d.Code == Pub.Syntax.Codes.UnstablePageNumbers.Id);
    }

    [Fact]
    public void Lists_of_figures_and_tables_give_the_pages_the_floats_stand_on()
    {
        var paged = Paper.Value;
        var contents = paged.Pages[1];
        double right = Settings.Margins.Outer + Settings.TextWidth;
        var runs = contents.Items.OfType<TextRun>().ToList();
        Assert.Contains(runs, r => r.Text == "List of figures");
        Assert.Contains(runs, r => r.Text == "List of tables");
        foreach (var (label, prefix) in new[] { ("fig-cases", "Figure 1:"), ("tbl-cases", "Table 1:") })
        {
            var entry = runs.Single(r => r.Text.StartsWith(prefix, StringComparison.Ordinal));
            var link = contents.Items.OfType<LinkItem>().Single(l => l.Destination == label);
            var number = runs.Single(r => Math.Abs(r.X + r.Width - right) < 0.01 && r.Baseline > link.Y && r.Baseline < link.Y + link.Height);
            Assert.Equal(PageOf(paged, label).Label, number.Text);
            Assert.True(entry.Baseline <= number.Baseline);
            Assert.Matches("^[0-9]+$", number.Text);
        }
    }

    [Fact]
    public void Page_labels_read_back_from_the_pdf()
    {
        var paged = Paper.Value;
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(NameToken.Create("PageLabels"), out DictionaryToken labels));
        Assert.True(labels.TryGet(NameToken.Create("Nums"), out ArrayToken nums));
        var ranges = new List<(int Index, string Style)>();
        for (int i = 0; i + 1 < nums.Length; i += 2)
        {
            var style = (DictionaryToken)nums[i + 1];
            Assert.True(style.TryGet(NameToken.Create("S"), out NameToken s));
            ranges.Add(((int)((NumericToken)nums[i]).Int, s.Data));
        }
        int body = paged.Pages.ToList().FindIndex(p => p.Label == "1");
        Assert.Equal([(0, "r"), (body, "D")], ranges);
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
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
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
        Assert.Equal(PdfEditionWriter.Write(Paper.Value, TestContext.Current.CancellationToken), PdfEditionWriter.Write(again, TestContext.Current.CancellationToken));
    }
}
