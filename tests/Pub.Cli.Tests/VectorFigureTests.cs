using static Pub.Cli.Tests.PdfTools;
// Vector figures end to end: an SVG chart and a PDF page built into both editions and read back with poppler and
// qpdf (independent of pub's writer), hostile SVGs refused at the figure, and rebuilds that give the same bytes.
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class VectorFigureTests : IDisposable
{
    private readonly TestProject _project = new TestProject().AddPaper("op-001-good", 1);

    public void Dispose() => _project.Dispose();

    /// <summary>A bar chart with labels no other part of the test paper uses, so finding them in the PDF's text
    /// means they came from the SVG.</summary>
    private const string Chart = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">
          <rect x="40" y="60" width="120" height="120" fill="#1f5f8b"/>
          <rect x="220" y="100" width="120" height="80" fill="#b8643a"/>
          <g font-family="sans-serif" font-size="14" text-anchor="middle">
            <text x="100" y="196">Quokkas</text>
            <text x="280" y="196">Zanzibar</text>
          </g>
          <text transform="translate(16 120) rotate(-90)" font-size="12" text-anchor="middle">Wombat count</text>
        </svg>
        """;

    private TestProject WithChart() =>
        _project.AddPaper("op-002-chart", 2, body: "![Counts by place.](figures/bars.svg){#fig-bars alt=\"Bar chart: Quokkas 60, Zanzibar 40\"}")
            .Write("papers/op-002-chart/figures/bars.svg", Chart);

    [Fact]
    public void An_svg_chart_is_vector_paths_in_the_pdf_with_its_labels_as_text_inside_the_figure()
    {
        WithChart();
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        string pdf = Path.Combine(_project.Dist, "op-002-en-ed1.pdf");

        // The only raster image is the test paper's own 2 × 2 PNG: the chart is no image.
        var images = Tool("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        var only = Assert.Single(images);
        Assert.Matches(@"^\s*\d+\s+\d+\s+image\s+2\s+2\s", only);

        var text = Tool("pdftotext", pdf, "-");
        Assert.Contains("Quokkas", text, StringComparison.Ordinal);
        Assert.Contains("Zanzibar", text, StringComparison.Ordinal);
        Assert.Contains("Wombat count", text, StringComparison.Ordinal);

        // The labels belong to the Figure element (which carries the alternative text), not to the body's paragraphs.
        var structure = Tool("pdfinfo", "-struct-text", pdf);
        var lines = structure.Split('\n');
        Assert.Contains(Enumerable.Range(0, lines.Length - 1), i => lines[i].Trim() == "Figure" && lines[i + 1].Contains("Quokkas", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(structure, "Quokkas"));
        var alts = Objects(pdf).Where(o => Name(o, "/S") == "/Figure").Select(o => o.TryGetProperty("/Alt", out var alt) ? alt.GetString() : null).ToList();
        Assert.Contains("u:Bar chart: Quokkas 60, Zanzibar 40", alts);

        // The chart is a form XObject drawn once, holding paths and text.
        Assert.Contains(Objects(pdf), o => Name(o, "/Subtype") == "/Form");
    }

    [Fact]
    public void The_html_edition_shows_the_svg_file_itself_with_its_alternative_text()
    {
        WithChart();
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var html = _project.Read("dist/op-002-en-ed1.html");
        Assert.Contains("<img src=\"op-002-en-ed1-files/figures/bars.svg\" alt=\"Bar chart: Quokkas 60, Zanzibar 40\">", html, StringComparison.Ordinal);
        Assert.Equal(Chart.Replace("\r\n", "\n", StringComparison.Ordinal), _project.Read("dist/op-002-en-ed1-files/figures/bars.svg"));
    }

    /// <summary>A PDF of two pages of different sizes, the second 300 × 150 points with a filled ellipse; made once, as
    /// PDFsharp gives each file it saves a new id.</summary>
    private static byte[] TwoPagePdf() => TwoPages.Value;

    private static readonly Lazy<byte[]> TwoPages = new(MakeTwoPagePdf);

    private static byte[] MakeTwoPagePdf()
    {
        using var document = new PdfDocument();
        foreach (var (width, height) in new[] { (200.0, 200.0), (300.0, 150.0) })
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(width);
            page.Height = XUnit.FromPoint(height);
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawEllipse(XBrushes.DarkGreen, 10, 10, width - 20, height - 20);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    [Fact]
    public void A_pdf_figure_is_a_form_in_the_pdf_and_a_picture_of_its_page_in_html()
    {
        _project.AddPaper("op-002-map", 2, body: "![A map.](figures/map.pdf){#fig-map page=2 alt=\"A green oval\"}")
            .Write("papers/op-002-map/figures/map.pdf", TwoPagePdf());
        var (exit, _, error) = _project.Run("build");
        Assert.True(exit == 0, error);
        string pdf = Path.Combine(_project.Dist, "op-002-en-ed1.pdf");
        // The second page's box: a form of 300 × 150 points.
        var forms = Objects(pdf).Where(o => Name(o, "/Subtype") == "/Form").ToList();
        Assert.Contains(forms, f => f.TryGetProperty("/BBox", out var box) && string.Join(' ', box.EnumerateArray().Select(n => n.GetRawText())) == "0 0 300 150");
        Assert.Single(Tool("pdfimages", "-list", pdf).Split('\n').Skip(2), l => l.Trim().Length > 0);

        var html = _project.Read("dist/op-002-en-ed1.html");
        Assert.Contains("<img src=\"op-002-en-ed1-files/figures/map-page2.png\" alt=\"A green oval\">", html, StringComparison.Ordinal);
        var png = File.ReadAllBytes(Path.Combine(_project.Dist, "op-002-en-ed1-files/figures/map-page2.png"));
        var header = Pub.Layout.Images.ImageHeader.Read(png);
        Assert.NotNull(header);
        // 300 × 150 points at 150 pixels per inch.
        Assert.Equal((625, 313), (header.PixelWidth, header.PixelHeight));
        Assert.False(_project.Exists("dist/op-002-en-ed1-files/figures/map.pdf"));
    }

    [Fact]
    public void A_pdf_figure_page_that_does_not_exist_is_reported_at_the_figure()
    {
        _project.AddPaper("op-002-map", 2, body: "![A map.](figures/map.pdf){page=3 alt=\"A map\"}")
            .Write("papers/op-002-map/figures/map.pdf", TwoPagePdf());
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-map/paper\.md\(\d+,1\): error PUB0337: PDF figure 'figures/map\.pdf' has 2 pages; page '3' does not exist", error);
    }

    [Fact]
    public void A_damaged_pdf_figure_is_reported_at_the_figure()
    {
        _project.AddPaper("op-002-map", 2, body: "![A map.](figures/map.pdf){alt=\"A map\"}")
            .Write("papers/op-002-map/figures/map.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a PDF body\n%%EOF\n"));
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-map/paper\.md\(\d+,1\): error PUB0336: PDF figure 'figures/map\.pdf' cannot be read: it is damaged or encrypted", error);
        Assert.False(_project.Exists("dist/op-002-en-ed1.pdf"));
    }

    [Fact]
    public void A_figure_that_is_no_picture_pub_shows_is_refused_whatever_its_name()
    {
        _project.AddPaper("op-002-odd", 2, body: "![Not a PDF.](figures/map.pdf){alt=\"x\"}\n\n![A PDF named PNG.](figures/map.png){alt=\"y\"}")
            .Write("papers/op-002-odd/figures/map.pdf", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>")
            .Write("papers/op-002-odd/figures/map.png", TwoPagePdf());
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-odd/paper\.md\(\d+,1\): error PUB0305: image 'figures/map\.pdf' is not named \.svg, which an SVG file must be", error);
        Assert.Matches(@"papers/op-002-odd/paper\.md\(\d+,1\): error PUB0305: image 'figures/map\.png' is a PDF file without the \.pdf extension", error);
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        {
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><text>&secret;</text></svg>",
            "PUB0331", "declares a DOCTYPE or entities, which pub does not read (line 2 of the SVG)"
        },
        {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n  <image xlink:href=\"../../../outside.png\" width=\"10\" height=\"10\"/>\n</svg>",
            "PUB0333", "refers to '../../../outside.png' (xlink:href); pub reads nothing outside the SVG file itself (line 2 of the SVG)"
        },
        {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n\n  <script>fetch('https://example.org/')</script>\n</svg>",
            "PUB0332", "contains <script>, which pub does not run or embed (line 3 of the SVG)"
        },
        {
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"1000000\"><rect width=\"10\" height=\"10\"/></svg>",
            "PUB0334", "declares 1000000 × 1000000 pixels (10416.7 × 10416.7 inches); pub draws figures of at most 200 inches a side (line 1 of the SVG)"
        },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_svg_stops_its_manuscript_with_the_figure_position_and_the_svg_line(string svg, string code, string message)
    {
        _project.AddPaper("op-002-evil", 2, body: "Before.\n\n![Evil.](figures/evil.svg){alt=\"x\"}")
            .Write("papers/op-002-evil/figures/evil.svg", svg);
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches($@"papers/op-002-evil/paper\.md\(\d+,1\): error {code}: SVG figure 'figures/evil\.svg' {System.Text.RegularExpressions.Regex.Escape(message)}", error);
        Assert.False(_project.Exists("dist/op-002-en-ed1.pdf"));
        Assert.False(_project.Exists("dist/op-002-en-ed1.html"));
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"));
    }

    [Fact]
    public void An_svg_logo_is_drawn_on_the_cover_as_vector_and_a_hostile_one_is_refused_at_pub_yaml()
    {
        const string config = "publisher:\n  name: \"Test Publisher\"\n  logo: templates/logo.svg\nseries:\n  - id: op\n    title: \"Occasional Papers on Testing\"\n"
            + "    number-format: \"Occasional Paper No. {number}\"\n    file-pattern: \"op-{number:000}-{lang}-ed{edition}\"\nlanguage: en\n";
        _project.Write("pub.yaml", config).Write("templates/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 50\"><circle cx=\"25\" cy=\"25\" r=\"20\" fill=\"#1f4e79\"/><text x=\"55\" y=\"32\">Numbat Press</text></svg>");
        var (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.True(exit == 0, error);
        string pdf = Path.Combine(_project.Dist, "op-001-en-ed1.pdf");
        Assert.Contains("Numbat Press", Tool("pdftotext", "-f", "1", "-l", "1", pdf, "-"), StringComparison.Ordinal);
        Assert.Single(Tool("pdfimages", "-list", pdf).Split('\n').Skip(2), l => l.Trim().Length > 0);

        _project.Write("templates/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 50\">\n<script>alert(1)</script></svg>");
        (exit, _, error) = _project.Run("build", "--format", "pdf");
        Assert.Equal(2, exit);
        Assert.Contains("pub.yaml(3,9): error PUB0332: logo 'templates/logo.svg' contains <script>, which pub does not run or embed (line 2 of the SVG)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilding_vector_figures_gives_the_same_bytes()
    {
        var outputs = new List<SortedDictionary<string, string>>();
        for (int i = 0; i < 2; i++)
        {
            using var project = new TestProject().AddPaper("op-002-chart", 2, body:
                "![Counts.](figures/bars.svg){alt=\"Bars\"}\n\n![A map.](figures/map.pdf){page=2 alt=\"A green oval\"}");
            project.Write("papers/op-002-chart/figures/bars.svg", Chart).Write("papers/op-002-chart/figures/map.pdf", TwoPagePdf());
            var (exit, _, error) = project.Run("build");
            Assert.True(exit == 0, error);
            outputs.Add(project.Snapshot(includeDist: true));
        }
        Assert.Contains(outputs[0].Keys, k => k.EndsWith("op-002-en-ed1.pdf", StringComparison.Ordinal));
        Assert.Contains(outputs[0].Keys, k => k.EndsWith("map-page2.png", StringComparison.Ordinal));
        Assert.Equal(outputs[0].Where(o => o.Key.StartsWith("dist", StringComparison.Ordinal)), outputs[1].Where(o => o.Key.StartsWith("dist", StringComparison.Ordinal)));
    }

    private static int CountOf(string text, string word) => (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;

    private static string? Name(JsonElement o, string key) => o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Every dictionary object in the file (a stream's dictionary included), as qpdf parses it.</summary>
    private static List<JsonElement> Objects(string pdf)
    {
        using var json = JsonDocument.Parse(Tool("qpdf", "--json", pdf));
        var objects = new List<JsonElement>();
        foreach (var entry in json.RootElement.GetProperty("qpdf")[1].EnumerateObject())
        {
            if (entry.Value.TryGetProperty("value", out var value))
                objects.Add(value.Clone());
            else if (entry.Value.TryGetProperty("stream", out var stream) && stream.TryGetProperty("dict", out var dict))
                objects.Add(dict.Clone());
        }
        return objects;
    }

}
