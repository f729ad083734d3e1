using Pub.Layout.Compose;
using Pub.Layout.Paged;
using Pub.Model;
using Pub.Pdf;
using Pub.Syntax;
using UglyToad.PdfPig;

namespace Pub.Layout.Tests;

/// <summary>The cover and the imprint set from page markup, as the templates in templates/pdf write it.</summary>
public sealed class FrontMatterTests
{
    private const string Cover = """
        .series Occasional Papers on Trafficking in Human Beings
        .number Occasional Paper No. 1
        .rule 2
        .space 110
        .title Identifying Victims of Trafficking
        .subtitle Practice and Gaps
        .author Anna Kovalenko
        .affiliation University of Vienna
        .fill
        .rule
        .publisher Office of the Special Representative · 2025
        """;

    private const string Imprint = """
        .fill
        .text **Identifying Victims of Trafficking**. Practice and Gaps
        .text Second edition, 12 March 2025
        .text First published 2 May 2023
        .text ISBN 978-92-9234-613-3

        A paragraph of its own, set in the style text,
        continued on a second line.
        .heading Suggested citation
        .citation Kovalenko, Anna. *Identifying Victims of Trafficking*. Vienna: OSCE, 2025. <https://doi.org/10.1234/op.1>
        """;

    private static SourceText TemplateText(string text) => new("templates/pdf/cover.txt", text);

    private static LayoutSettings Settings(string cover, string? imprint = Imprint)
    {
        var source = TemplateText(cover);
        return SampleDocuments.Settings() with
        {
            CoverTemplate = new PageTemplate(cover, offset => source.Span(Math.Min(offset, cover.Length - 1), 1)),
            ImprintTemplate = imprint is null ? null : new PageTemplate(imprint, _ => null),
        };
    }

    [Fact]
    public void Cover_and_imprint_read_back_from_the_pdf()
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), Settings(Cover), TestFonts.Set);
        Assert.DoesNotContain(paged.Diagnostics, d => d.Severity == Severity.Error);
        using var pdf = PdfDocument.Open(PdfEditionWriter.Write(paged, TestContext.Current.CancellationToken));
        string cover = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Occasional Paper No. 1", cover, StringComparison.Ordinal);
        Assert.Contains("Identifying Victims of Trafficking Practice and Gaps Anna Kovalenko University of Vienna", cover, StringComparison.Ordinal);
        string imprint = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("Second edition, 12 March 2025 First published 2 May 2023 ISBN 978-92-9234-613-3", imprint, StringComparison.Ordinal);
        Assert.Contains("A paragraph of its own, set in the style text, continued on a second line.", imprint, StringComparison.Ordinal);
        Assert.Contains("Suggested citation Kovalenko, Anna. Identifying Victims of Trafficking. Vienna: OSCE, 2025.", imprint, StringComparison.Ordinal);
        // The body opens on page 3, numbered 1; cover and imprint carry no folio.
        Assert.Equal(["i", "ii"], paged.Pages.Take(2).Select(p => p.Label));
        Assert.DoesNotContain(pdf.GetPage(2).GetWords(), w => w.Text == "ii");
    }

    [Fact]
    public void Template_pages_are_part_of_the_logical_structure()
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), Settings(Cover), TestFonts.Set);
        var cover = paged.Pages[0].Items.OfType<TextRun>().ToList();
        StructureRole RoleOf(string start) => paged.Structure[cover.First(r => r.Text.StartsWith(start, StringComparison.Ordinal)).Tag - 1].Role;
        Assert.Equal(StructureRole.H1, RoleOf("Identifying"));
        Assert.Equal(StructureRole.P, RoleOf("Anna"));
        Assert.Equal(StructureRole.P, RoleOf("Occasional"));
        // Each block is an element of its own, under the document.
        var title = cover.First(r => r.Text.StartsWith("Identifying", StringComparison.Ordinal)).Tag;
        var author = cover.First(r => r.Text.StartsWith("Anna", StringComparison.Ordinal)).Tag;
        Assert.NotEqual(title, author);
        Assert.Equal(1, paged.Structure[title - 1].Parent);
    }

    [Fact]
    public void Page_markup_sets_styles_and_what_follows_fill_stands_at_the_foot()
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), Settings(Cover), TestFonts.Set);
        var cover = paged.Pages[0].Items.OfType<TextRun>().ToList();
        var title = cover.First(r => r.Text.StartsWith("Identifying", StringComparison.Ordinal));
        var citationTitle = paged.Pages[1].Items.OfType<TextRun>().First(r => r.Text.Contains("Identifying Victims of Trafficking.", StringComparison.Ordinal) || r.Text == "Identifying Victims of Trafficking");
        Assert.Equal(26, title.Size);
        Assert.Contains("Bold", title.FaceId, StringComparison.Ordinal);
        var publisher = cover.Single(r => r.Text.StartsWith("Office of the Special Representative", StringComparison.Ordinal));
        Assert.True(publisher.Baseline > paged.Pages[0].Height - 100);
        Assert.True(title.Baseline > 78 + 110);
        // On the imprint the run-in title is bold and the citation's title italic.
        Assert.Contains(paged.Pages[1].Items.OfType<TextRun>(), r => r.Text.StartsWith("Identifying", StringComparison.Ordinal) && r.FaceId.Contains("Bold", StringComparison.Ordinal));
        Assert.Contains(paged.Pages[1].Items.OfType<TextRun>(), r => r.FaceId.Contains("Italic", StringComparison.Ordinal));
        Assert.Contains(paged.Pages[1].Items.OfType<LinkItem>(), l => l.Url == "https://doi.org/10.1234/op.1");
        Assert.NotNull(citationTitle);
    }

    [Fact]
    public void An_unknown_style_is_an_error_at_the_template_position_that_wrote_it()
    {
        var cover = ".series S\n.titel Wrong\n.space lots\n";
        var paged = Typesetter.Layout(SampleDocuments.Paper(), Settings(cover, imprint: null), TestFonts.Set);
        var errors = paged.Diagnostics.Where(d => d.Code == Codes.PageMarkup.Id).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("unknown page markup style '.titel'", errors[0].Message);
        Assert.Equal(("templates/pdf/cover.txt", 2, 1), (errors[0].FilePath, errors[0].Span!.Value.Line, errors[0].Span!.Value.Column));
        Assert.Contains(".title", errors[0].Hints![0], StringComparison.Ordinal);
        Assert.Equal(3, errors[1].Span!.Value.Line);
        Assert.All(errors, e => Assert.Equal(Severity.Error, e.Severity));
    }

    [Fact]
    public void The_logo_is_placed_and_content_taller_than_the_page_is_reported()
    {
        var settings = Settings(".logo " + SampleDocuments.FigurePath + "\n.logo\n.title T", imprint: ".space 700\n.text One\n.fill\n.text Two");
        var paged = Typesetter.Layout(SampleDocuments.Paper(), settings, TestFonts.Set);
        var logo = Assert.Single(paged.Pages[0].Items.OfType<ImageItem>());
        Assert.Equal((36.0, 72.0), (logo.Height, logo.Width));
        Assert.Equal(settings.Margins.Top, logo.Y, 2);
        var overflow = Assert.Single(paged.Diagnostics, d => d.Code == Codes.PageTemplateOverflow.Id);
        Assert.Equal(Severity.Warning, overflow.Severity);
        Assert.DoesNotContain(paged.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Inline_markup_escapes_emphasis_bold_and_links()
    {
        var inlines = PageMarkup.Inlines(@"a \*b\* *c* **d** <https://x.org/a> <not a link>");
        Assert.Equal(
            [
                new Pub.Model.Text("a *b* "), new Emphasis([new Pub.Model.Text("c")]), new Pub.Model.Text(" "),
                new Strong([new Pub.Model.Text("d")]), new Pub.Model.Text(" "),
                new Link("https://x.org/a", null, [new Pub.Model.Text("https://x.org/a")]), new Pub.Model.Text(" <not a link>"),
            ],
            inlines, new InlineComparer());
    }

    private sealed class InlineComparer : IEqualityComparer<Inline>
    {
        public bool Equals(Inline? x, Inline? y) => ModelDump.Inlines([x!]) == ModelDump.Inlines([y!]);

        public int GetHashCode(Inline obj) => 0;
    }
}
