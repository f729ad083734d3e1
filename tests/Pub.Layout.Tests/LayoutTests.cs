using Pub.Layout.Paged;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Layout.Tests;

public sealed class LayoutTests
{
    private static readonly LayoutSettings Settings = SampleDocuments.Settings();
    private static readonly Lazy<PagedDocument> Paper = new(() => Typesetter.Layout(SampleDocuments.Paper(), Settings, TestFonts.Set));

    private static double LeftMargin(Page page) => page.Number % 2 == 0 ? Settings.Margins.Outer : Settings.Margins.Inner;

    [Fact]
    public void No_text_runs_outside_the_margins()
    {
        foreach (var page in Paper.Value.Pages)
        {
            double left = LeftMargin(page), right = left + Settings.TextWidth;
            foreach (var run in page.Items.OfType<TextRun>())
            {
                Assert.True(run.X >= left - 0.01 && run.X + run.Width <= right + 0.01,
                    $"page {page.Number}: '{run.Text}' spans {run.X:0.00}..{run.X + run.Width:0.00}, text area {left:0.00}..{right:0.00}");
                Assert.InRange(run.Baseline, 0, page.Height);
            }
        }
    }

    [Fact]
    public void Body_text_stays_between_the_top_and_bottom_margins()
    {
        foreach (var page in Paper.Value.Pages.Skip(1))
        {
            foreach (var run in page.Items.OfType<TextRun>().Where(r => r.FaceId.StartsWith("SourceSerif4", StringComparison.Ordinal)))
                Assert.InRange(run.Baseline, Settings.Margins.Top, page.Height - Settings.Margins.Bottom);
        }
    }

    [Fact]
    public void Every_page_but_the_cover_has_its_number_in_the_foot()
    {
        var pages = Paper.Value.Pages;
        Assert.True(pages.Count >= 3);
        Assert.DoesNotContain(pages[0].Items.OfType<TextRun>(), r => r.Text == "1" && r.Baseline > pages[0].Height - Settings.Margins.Bottom + 1);
        foreach (var page in pages.Skip(1).Where(p => p.Items.Count > 0))
            Assert.Contains(page.Items.OfType<TextRun>(), r => r.Text == page.Label && r.Baseline > page.Height - Settings.Margins.Bottom);
    }

    [Fact]
    public void Front_matter_is_numbered_in_roman_and_the_body_from_1_on_a_right_hand_page()
    {
        var paged = Paper.Value;
        var labels = paged.Pages.Select(p => p.Label).ToList();
        int body = labels.IndexOf("1");
        Assert.True(body >= 2);
        Assert.Equal(1, paged.Pages[body].Number % 2);
        Assert.Equal(new[] { "i", "ii", "iii", "iv", "v" }[..body], labels[..body]);
        for (int i = body; i < labels.Count; i++)
            Assert.Equal((i - body + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), labels[i]);
        Assert.Equal([new PageNumberRange(0, PageNumberStyle.LowerRoman), new PageNumberRange(body, PageNumberStyle.Arabic)], paged.Numbering);
        Assert.Equal("mcmxcix", PageNumbering.Roman(1999));
        Assert.Equal("xiv", PageNumbering.Roman(14));
    }

    [Fact]
    public void Running_heads_alternate_and_the_cover_has_none()
    {
        var pages = Paper.Value.Pages;
        Assert.DoesNotContain(pages[0].Items.OfType<TextRun>(), r => r.Text.Contains("Identifying Victims in Mixed Migration", StringComparison.Ordinal));
        Assert.Contains(pages[1].Items.OfType<TextRun>(), r => r.Baseline < Settings.Margins.Top && r.Text.Contains("Occasional Paper No. 1", StringComparison.Ordinal));
        Assert.Contains(pages[2].Items.OfType<TextRun>(), r => r.Baseline < Settings.Margins.Top && r.Text == "Identifying Victims in Mixed Migration");
    }

    [Fact]
    public void The_figure_fits_the_text_width_and_keeps_its_aspect_ratio()
    {
        var (page, image) = Paper.Value.Pages.SelectMany(p => p.Items.OfType<ImageItem>().Select(i => (p, i))).Single();
        Assert.Equal(SampleDocuments.FigurePath, image.Path);
        Assert.True(image.Width <= Settings.TextWidth + 0.01);
        Assert.Equal(2.0, image.Width / image.Height, 2);
        Assert.True(image.X >= LeftMargin(page) - 0.01);
        Assert.True(image.Y >= Settings.Margins.Top - 0.01 && image.Y + image.Height <= page.Height - Settings.Margins.Bottom + 0.01);
        Assert.Contains(page.Items.OfType<TextRun>(), r => r.Text.StartsWith("Figure 1:", StringComparison.Ordinal) && r.Baseline > image.Y + image.Height);
    }

    [Fact]
    public void Lines_of_a_justified_paragraph_end_at_the_right_margin_and_the_last_is_ragged()
    {
        var filler = string.Concat(Enumerable.Repeat("Referral stops at the border of the agency that first meets the person concerned, and screening depends on individual officers. ", 6));
        var doc = new Document("p.md", new Metadata { Title = "T" }, [new Paragraph([new Pub.Model.Text(filler.Trim())])], []);
        var paged = Typesetter.Layout(doc, Settings, TestFonts.Set);
        var page = SampleDocuments.Body(paged)[0];
        double right = LeftMargin(page) + Settings.TextWidth;
        var lines = page.Items.OfType<TextRun>()
            .Where(r => r.Baseline > Settings.Margins.Top && r.Baseline < page.Height - Settings.Margins.Bottom)
            .GroupBy(r => Math.Round(r.Baseline, 2))
            .OrderBy(g => g.Key)
            .Select(g => g.Max(r => r.X + r.Width))
            .ToList();
        Assert.True(lines.Count >= 4);
        foreach (var end in lines.SkipLast(1))
            Assert.Equal(right, end, 1);
        Assert.True(lines[^1] < right - 5);
    }

    [Fact]
    public void A_word_wider_than_the_measure_is_cut_not_left_overfull()
    {
        var word = "https://example.org/" + new string('x', 200);
        var doc = new Document("p.md", new Metadata { Title = "T" }, [new Paragraph([new Pub.Model.Text("See " + word + " now.")])], []);
        var page = SampleDocuments.Body(Typesetter.Layout(doc, Settings, TestFonts.Set))[0];
        double right = LeftMargin(page) + Settings.TextWidth;
        var body = page.Items.OfType<TextRun>().Where(r => r.Baseline > Settings.Margins.Top && r.Baseline < page.Height - Settings.Margins.Bottom).ToList();
        Assert.All(body, r => Assert.True(r.X + r.Width <= right + 0.01));
        Assert.Equal("See" + word + "now.", string.Concat(body.Select(r => r.Text.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Headings_are_numbered_bookmarked_and_never_last_on_a_page()
    {
        var paged = Paper.Value;
        var titles = paged.Outline.Select(o => (o.Level, o.Title)).ToList();
        Assert.Contains((1, "1 Introduction"), titles);
        Assert.Contains((2, "1.1 Terms used in this paper"), titles);
        foreach (var entry in paged.Outline)
        {
            var page = paged.Pages[entry.PageIndex];
            Assert.Contains(page.Items.OfType<TextRun>(), r => r.FaceId.StartsWith("SourceSerif4", StringComparison.Ordinal) && r.Baseline > entry.Y + 20);
        }
    }

    [Fact]
    public void Links_destinations_and_note_references_are_placed()
    {
        var items = Paper.Value.Pages.SelectMany(p => p.Items).ToList();
        Assert.Contains(items.OfType<LinkItem>(), l => l.Url == "https://www.osce.org/cthb");
        Assert.Contains(items.OfType<LinkItem>(), l => l.Destination == "tbl-cases");
        Assert.Contains(items.OfType<LinkItem>(), l => l.Destination == "note-1");
        var destinations = items.OfType<DestinationItem>().Select(d => d.Name).ToList();
        Assert.Subset(destinations.ToHashSet(), new HashSet<string> { "sec-intro", "tbl-cases", "fig-cases", "note-1", "noteref-1", "refs" });
        // The note number is set as a superscript: smaller, above the baseline of its line.
        var mark = items.OfType<TextRun>().First(r => r.Text.Trim() == "1" && r.Size < Settings.FontSize && r.Baseline < Settings.PageHeight - Settings.Margins.Bottom);
        Assert.True(mark.Size < 8);
    }

    [Fact]
    public void Table_caption_stands_above_and_header_is_bold()
    {
        var page = SampleDocuments.Body(Paper.Value).First(p => p.Items.OfType<TextRun>().Any(r => r.Text.StartsWith("Table 1:", StringComparison.Ordinal)));
        var caption = page.Items.OfType<TextRun>().First(r => r.Text.StartsWith("Table 1:", StringComparison.Ordinal));
        var header = page.Items.OfType<TextRun>().First(r => r.Text == "Country");
        Assert.True(caption.Baseline < header.Baseline);
        Assert.Contains("Bold", header.FaceId, StringComparison.Ordinal);
        var remarks = page.Items.OfType<TextRun>().First(r => r.Text == "Remarks");
        var identified = page.Items.OfType<TextRun>().First(r => r.Text == "Identified");
        Assert.True(remarks.X > identified.X);
    }

    [Fact]
    public void Metadata_is_taken_from_the_front_matter()
    {
        var m = Paper.Value.Metadata;
        Assert.Equal("Identifying Victims of Trafficking in Mixed Migration Flows", m.Title);
        Assert.Equal(["Anna Kovalenko", "Martin Lindqvist"], m.Authors);
        Assert.Equal("This paper examines how states identify victims of trafficking among people moving in mixed migration flows.", m.Subject);
        Assert.Equal(new DateTime(2025, 3, 12, 0, 0, 0, DateTimeKind.Utc), m.Created);
        Assert.Equal("en", m.Language);
    }

    [Fact]
    public void The_dump_is_stable()
    {
        var again = Typesetter.Layout(SampleDocuments.Paper(), Settings, TestFonts.Set);
        Assert.Equal(Paper.Value.Dump(), again.Dump());
        Assert.Contains("page 1 595.28x841.89", again.Dump(), StringComparison.Ordinal);
        Assert.Empty(again.Diagnostics);
    }

    [Fact]
    public void A_missing_image_and_a_missing_glyph_are_reported()
    {
        var doc = new Document("p.md", new Metadata { Title = "T" },
        [
            new Figure("x.png", [], null, Attributes.Empty, "1", "papers/x.png"),
            new Paragraph([new Pub.Model.Text("\u4E2D")]),
        ], []);
        var paged = Typesetter.Layout(doc, Settings, TestFonts.Set);
        Assert.Contains(paged.Diagnostics, d => d.Code == Codes.MissingImageData.Id);
        Assert.Contains(paged.Diagnostics, d => d.Code == Codes.MissingGlyph.Id && d.Message.Contains("U+4E2D", StringComparison.Ordinal));
        Assert.Contains(SampleDocuments.Body(paged)[0].Items, i => i is RectItem);
    }

    [Fact]
    public void Handbook_chapters_open_new_pages_without_running_heads()
    {
        var paged = Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true), TestFonts.Set);
        var chapters = paged.Outline.Where(o => o.Title is "Screening at Borders" or "Referral in Practice").ToList();
        Assert.Equal(2, chapters.Count);
        Assert.NotEqual(chapters[0].PageIndex, chapters[1].PageIndex);
        foreach (var chapter in chapters)
        {
            var page = paged.Pages[chapter.PageIndex];
            Assert.DoesNotContain(page.Items.OfType<RuleItem>(), r => r.Y1 < Settings.Margins.Top);
            Assert.Contains(page.Items.OfType<TextRun>(), r => r.Text == "DRAFT");
        }
        Assert.Contains(paged.Outline, o => o.Level == 2 && o.Title == "1.1 Background");
        var destinations = paged.Pages.SelectMany(p => p.Items).OfType<DestinationItem>().Select(d => d.Name).ToList();
        Assert.Contains("ch1-note-1", destinations);
        Assert.Contains("ch2-note-1", destinations);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_every_page()
    {
        TableCell Cell(string text) => new([new Paragraph([new Pub.Model.Text(text)])]);
        var rows = Enumerable.Range(1, 90).Select(i => new TableRow([Cell("Row " + i), Cell("Value")])).ToList();
        var table = new Table([ColumnAlignment.Left, ColumnAlignment.Right], null, [new TableRow([Cell("Country"), Cell("Cases")])], rows, [], Attributes.Empty);
        var paged = Typesetter.Layout(new Document("p.md", new Metadata { Title = "T" }, [table], []), Settings, TestFonts.Set);
        var body = SampleDocuments.Body(paged);
        Assert.True(body.Count >= 2);
        Assert.All(body, page => Assert.Single(page.Items.OfType<TextRun>(), r => r.Text == "Country"));
    }

    [Fact]
    public void Labels_follow_the_document_language()
    {
        var meta = new Metadata { Title = "Т", Language = "ru", Abstract = [new Paragraph([new Pub.Model.Text("Текст."), new NoteRef("a", 1)])], Date = new PublicationDate(2025, 3, 12) };
        var doc = new Document("p.md", meta, [], [new Note("a", [new Paragraph([new Pub.Model.Text("Примечание.")])], 1)]);
        var texts = Typesetter.Layout(doc, Settings, TestFonts.Set).Pages.SelectMany(p => p.Items).OfType<TextRun>().Select(r => r.Text).ToList();
        Assert.Contains("Аннотация", texts);
        Assert.Contains("Примечание.", texts);
        Assert.Contains("12 марта 2025\u00A0г.", texts);
    }
}
