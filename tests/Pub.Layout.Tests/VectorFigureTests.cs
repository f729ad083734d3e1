using System.Text;
using Pub.Layout.Paged;
using Pub.Layout.Vector;
using Pub.Model;
using Xunit;

namespace Pub.Layout.Tests;

/// <summary>SVG figures: what the reader draws and refuses, and how layout sizes and sets them.</summary>
public sealed class VectorFigureTests
{
    private static SvgFigure Read(string svg) => SvgReader.Read(Encoding.UTF8.GetBytes(svg));

    /// <summary>An SVG whose user unit is one point, so coordinates come out as written.</summary>
    private static string InPoints(string body, int width = 100, int height = 50) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}pt\" height=\"{height}pt\">{body}</svg>";

    private static VectorPath OnlyPath(SvgFigure figure) => Assert.IsType<VectorPath>(Assert.Single(figure.Marks));

    [Fact]
    public void The_natural_size_comes_from_the_viewbox_in_css_pixels_or_from_width_and_height()
    {
        var fromBox = Read("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\"/>");
        Assert.Equal((300.0, 150.0), (fromBox.Width, fromBox.Height));
        var inMillimetres = Read("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\" width=\"127mm\"/>");
        Assert.Equal(360, inMillimetres.Width, 6);
        Assert.Equal(180, inMillimetres.Height, 6);
        var noSize = Read("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>");
        Assert.False(noSize.Drawable);
        Assert.Equal(SvgProblemKind.Unreadable, Assert.Single(noSize.Problems).Kind);
    }

    [Fact]
    public void Relative_path_commands_become_absolute_moves_and_lines()
    {
        var path = OnlyPath(Read(InPoints("<path d=\"M10 10 h20 v20 l-20 0z\" fill=\"#ff0000\"/>")));
        Assert.Equal([PathVerb.MoveTo, PathVerb.LineTo, PathVerb.LineTo, PathVerb.LineTo, PathVerb.Close], path.Steps.Select(s => s.Verb));
        Assert.Equal([new VectorPoint(10, 10), new VectorPoint(30, 10), new VectorPoint(30, 30), new VectorPoint(10, 30)],
            path.Steps.Take(4).Select(s => s.P3));
        Assert.Equal(new Colour(255, 0, 0), path.Fill);
        Assert.Null(path.Stroke);
    }

    [Fact]
    public void Numbers_run_together_as_path_data_allows()
    {
        var path = OnlyPath(Read(InPoints("<path d=\"M1-2.5.5 3\"/>")));
        Assert.Equal([new VectorPoint(1, -2.5), new VectorPoint(0.5, 3)], path.Steps.Select(s => s.P3));
    }

    [Fact]
    public void A_quarter_arc_is_one_cubic_that_stays_on_the_circle()
    {
        var path = OnlyPath(Read(InPoints("<path d=\"M10 0 A10 10 0 0 1 0 10\" fill=\"none\" stroke=\"black\"/>")));
        var cubic = Assert.Single(path.Steps, s => s.Verb == PathVerb.CubicTo);
        Assert.Equal(new VectorPoint(0, 10), cubic.P3);
        // The cubic's midpoint, from its four points; the circle is centred at the origin (sweep 1 turns from +x to +y).
        double mx = (10 + 3 * cubic.P1.X + 3 * cubic.P2.X + 0) / 8, my = (0 + 3 * cubic.P1.Y + 3 * cubic.P2.Y + 10) / 8;
        Assert.Equal(10, Math.Sqrt(mx * mx + my * my), 2);
    }

    [Fact]
    public void Group_transforms_apply_to_points_and_stroke_widths()
    {
        var path = OnlyPath(Read(InPoints("<g transform=\"translate(10 20) scale(2)\"><rect x=\"1\" y=\"1\" width=\"2\" height=\"2\" fill=\"none\" stroke=\"blue\" stroke-width=\"0.5\"/></g>")));
        Assert.Equal(new VectorPoint(12, 22), path.Steps[0].P3);
        Assert.Equal(new VectorPoint(16, 26), path.Steps[2].P3);
        Assert.Equal(1, path.StrokeWidth, 9);
        Assert.Equal(new Colour(0, 0, 255), path.Stroke);
    }

    [Fact]
    public void Opacity_of_a_group_reaches_the_fill_and_stroke_of_what_it_holds()
    {
        var path = OnlyPath(Read(InPoints("<g opacity=\"0.5\"><rect width=\"5\" height=\"5\" fill-opacity=\"0.5\" stroke=\"black\"/></g>")));
        Assert.Equal(0.25, path.FillOpacity, 9);
        Assert.Equal(0.5, path.StrokeOpacity, 9);
    }

    [Fact]
    public void Text_keeps_its_string_anchor_weight_and_transform()
    {
        var figure = Read(InPoints("<g font-size=\"12\" font-weight=\"bold\"><text x=\"5\" y=\"10\" text-anchor=\"middle\">Alpha <tspan>beta</tspan></text></g>"
            + "<text transform=\"rotate(-90)\" x=\"-20\" y=\"8\">Axis</text>"));
        var texts = figure.Marks.OfType<SvgText>().ToList();
        Assert.Equal(["Alpha beta", "Axis"], texts.Select(t => t.Text));
        Assert.True(texts[0].Bold);
        Assert.Equal(TextAnchor.Middle, texts[0].Anchor);
        Assert.Equal(12, texts[0].Size);
        // rotate(-90) maps (x, y) to (y, -x): the anchor (-20, 8) lands at (8, 20).
        var anchor = texts[1].Transform.Apply(texts[1].X, texts[1].Y);
        Assert.Equal(8, anchor.X, 9);
        Assert.Equal(20, anchor.Y, 9);
    }

    public static TheoryData<string, SvgProblemKind, int> Hostile => new()
    {
        { "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><text>&x;</text></svg>", SvgProblemKind.Doctype, 2 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<script>alert(1)</script>\n</svg>", SvgProblemKind.Active, 2 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" onload=\"alert(1)\"/>", SvgProblemKind.Active, 1 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n\n<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p></foreignObject></svg>", SvgProblemKind.Active, 3 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n<image xlink:href=\"../../secret.png\" width=\"10\" height=\"10\"/></svg>", SvgProblemKind.External, 2 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<a href=\"https://example.org/\"><rect width=\"5\" height=\"5\"/></a></svg>", SvgProblemKind.External, 2 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\" height=\"5\" style=\"fill: url(https://example.org/p.svg#g)\"/></svg>", SvgProblemKind.External, 1 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><style>@import url(https://example.org/a.css);</style></svg>", SvgProblemKind.External, 1 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"1000000\"/>", SvgProblemKind.TooLarge, 1 },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"5\"", SvgProblemKind.Unreadable, 1 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_svg_is_refused_with_the_line_of_the_problem(string svg, SvgProblemKind kind, int line)
    {
        var figure = Read(svg);
        Assert.False(figure.Drawable);
        Assert.Empty(figure.Marks);
        var problem = Assert.Single(figure.Problems, p => p.Refused);
        Assert.Equal(kind, problem.Kind);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void Paints_and_elements_pub_does_not_draw_are_left_out_without_refusing_the_figure()
    {
        var figure = Read(InPoints("<defs><linearGradient id=\"g\"/></defs><rect width=\"5\" height=\"5\" fill=\"url(#g)\" stroke=\"black\"/><use href=\"#nothing\"/>"));
        Assert.True(figure.Drawable);
        Assert.All(figure.Problems, p => Assert.Equal(SvgProblemKind.NotDrawn, p.Kind));
        Assert.Contains(figure.Problems, p => p.Message.Contains("<use>", StringComparison.Ordinal));
        Assert.Null(OnlyPath(figure).Fill);
    }

    [Fact]
    public void Shapes_and_text_beyond_any_page_are_left_out()
    {
        var figure = Read(InPoints("<rect width=\"5\" height=\"5\" transform=\"scale(1e300) scale(1e300)\"/><path d=\"M0 0 L1e9 0\" stroke=\"black\"/>"
            + "<text font-size=\"1e30\">Huge</text><rect width=\"5\" height=\"5\"/>"));
        Assert.True(figure.Drawable);
        Assert.Equal(2, figure.Problems.Count);
        var kept = OnlyPath(figure);
        Assert.Equal(new VectorPoint(5, 5), kept.Steps[2].P3);
    }

    [Fact]
    public void Style_sheet_rules_apply_by_specificity_between_attributes_and_the_style_attribute()
    {
        var figure = Read(InPoints("<style>/* chart */ .bar { fill: #ff0000 } rect.bar.big { fill: #00ff00; stroke: black } g > rect { fill: blue }"
            + " #label { font-weight: bold } @media print { .bar { fill: #000 } }</style>"
            + "<g><rect class=\"bar\" fill=\"#0000ff\" width=\"1\" height=\"1\"/><rect class=\"big bar\" width=\"1\" height=\"1\"/>"
            + "<rect class=\"bar\" style=\"fill: #ffffff\" width=\"1\" height=\"1\"/></g><text id=\"label\">Bold</text>"));
        var paths = figure.Marks.OfType<VectorPath>().ToList();
        Assert.Equal([new Colour(255, 0, 0), new Colour(0, 255, 0), new Colour(255, 255, 255)], paths.Select(p => p.Fill!.Value));
        Assert.Equal(Colour.Black, paths[1].Stroke);
        Assert.True(figure.Marks.OfType<SvgText>().Single().Bold);
        // The descendant rule and the rule inside @media are left out, with one note.
        Assert.Contains(figure.Problems, p => p.Kind == SvgProblemKind.NotDrawn && p.Message.Contains("selectors", StringComparison.Ordinal));
    }

    [Fact]
    public void Use_draws_the_element_or_symbol_it_names_where_it_stands()
    {
        var figure = Read(InPoints("<defs><circle id=\"dot\" r=\"2\"/><symbol id=\"tick\"><line x2=\"4\" stroke=\"black\"/></symbol></defs>"
            + "<use href=\"#dot\" x=\"10\" y=\"20\" fill=\"red\"/><use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"#dot\" transform=\"translate(30 5)\"/>"
            + "<use href=\"#tick\" x=\"50\" y=\"40\"/>"));
        Assert.Empty(figure.Problems);
        var paths = figure.Marks.Cast<VectorPath>().ToList();
        Assert.Equal(3, paths.Count);
        // A circle starts at its rightmost point.
        Assert.Equal(new VectorPoint(12, 20), paths[0].Steps[0].P3);
        Assert.Equal(new Colour(255, 0, 0), paths[0].Fill);
        Assert.Equal(new VectorPoint(32, 5), paths[1].Steps[0].P3);
        Assert.Equal(Colour.Black, paths[1].Fill);
        Assert.Equal([new VectorPoint(50, 40), new VectorPoint(54, 40)], paths[2].Steps.Select(p => p.P3));
    }

    [Fact]
    public void Use_in_a_circle_is_left_out_and_use_that_multiplies_past_the_limit_refuses_the_figure()
    {
        var circle = Read(InPoints("<g id=\"a\"><use href=\"#b\"/></g><g id=\"b\"><use href=\"#a\"/><rect width=\"1\" height=\"1\"/></g>"));
        Assert.True(circle.Drawable);
        Assert.Contains(circle.Problems, p => p.Message.Contains("circle", StringComparison.Ordinal));

        // Each level uses the one below ten times: eight levels would draw 10^8 rectangles from a file of 2 kB.
        var levels = new StringBuilder("<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>");
        for (int level = 1; level <= 8; level++)
            levels.Append(System.Globalization.CultureInfo.InvariantCulture, $"<g id=\"l{level}\">").Append(string.Concat(Enumerable.Repeat($"<use href=\"#l{level - 1}\"/>", 10))).Append("</g>");
        levels.Append("</defs><use href=\"#l8\"/>");
        var bomb = Read(InPoints(levels.ToString()));
        Assert.False(bomb.Drawable);
        Assert.Equal(SvgProblemKind.TooLarge, Assert.Single(bomb.Problems, p => p.Refused).Kind);
    }

    private const string ChartPath = "papers/op-001/figures/chart.svg";

    private static PagedDocument LayOut(string svg, Attributes attributes)
    {
        var document = new Document("papers/op-001/paper.md", new Metadata { Title = "T" },
            [new Figure("figures/chart.svg", [new Pub.Model.Text("A chart")], "Bars for Alpha and Beta", attributes, "1", ChartPath)], []);
        var settings = SampleDocuments.Settings() with { Images = new Dictionary<string, byte[]> { [ChartPath] = Encoding.UTF8.GetBytes(svg) } };
        return Typesetter.Layout(document, settings, TestFonts.Set);
    }

    private static ImageItem Placed(PagedDocument paged) => paged.Pages.SelectMany(p => p.Items).OfType<ImageItem>().Single();

    private const string SmallChart = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\">"
        + "<rect x=\"10\" y=\"50\" width=\"100\" height=\"140\" fill=\"#1f5f8b\"/>"
        + "<text x=\"60\" y=\"40\" font-size=\"16\" text-anchor=\"middle\">Alpha</text>"
        + "<text transform=\"translate(390 100) rotate(-90)\" font-size=\"16\">Beta</text>"
        + "<text x=\"200\" y=\"190\" font-size=\"16\" text-anchor=\"end\">Total: <tspan font-weight=\"bold\">42</tspan> cases</text></svg>";

    [Fact]
    public void A_vector_figure_narrower_than_the_measure_keeps_its_size_and_its_proportions()
    {
        var image = Placed(LayOut(SmallChart, Attributes.Empty));
        Assert.Equal(300, image.Width, 2);
        Assert.Equal(150, image.Height, 2);
    }

    [Fact]
    public void A_vector_figure_wider_than_the_measure_is_scaled_down_to_it()
    {
        var wide = SmallChart.Replace("viewBox=\"0 0 400 200\"", "viewBox=\"0 0 400 200\" width=\"1000pt\"", StringComparison.Ordinal);
        var settings = SampleDocuments.Settings();
        var image = Placed(LayOut(wide, Attributes.Empty));
        Assert.Equal(settings.TextWidth, image.Width, 2);
        Assert.Equal(settings.TextWidth / 2, image.Height, 2);
    }

    [Fact]
    public void A_vector_figure_taller_than_a_page_is_scaled_down_to_fit_with_its_caption()
    {
        var tall = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 1000\" width=\"300pt\"><rect width=\"100\" height=\"1000\"/></svg>";
        var settings = SampleDocuments.Settings();
        var paged = LayOut(tall, Attributes.Empty);
        var image = Placed(paged);
        Assert.True(image.Height < settings.TextHeight, $"{image.Height} is not below {settings.TextHeight}");
        Assert.Equal(10, image.Height / image.Width, 6);
        var page = paged.Pages.Single(p => p.Items.Contains(image));
        Assert.True(image.Y + image.Height <= page.Height - settings.Margins.Bottom + 0.01);
    }

    [Fact]
    public void A_width_attribute_in_per_cent_of_the_measure_sets_the_width()
    {
        var image = Placed(LayOut(SmallChart, new Attributes(null, [], [new("width", "50%")])));
        Assert.Equal(SampleDocuments.Settings().TextWidth / 2, image.Width, 2);
        Assert.Equal(image.Width / 2, image.Height, 2);
    }

    [Fact]
    public void The_drawing_sets_the_svg_text_in_the_edition_sans_anchored_and_turned_as_the_svg_says()
    {
        var paged = LayOut(SmallChart, Attributes.Empty);
        var drawing = paged.Drawings[ChartPath];
        var runs = drawing.Marks.OfType<VectorText>().Select(t => t.Run).ToList();
        var alpha = runs.Single(r => r.Text == "Alpha");
        var beta = runs.Single(r => r.Text == "Beta");
        // 16 CSS pixels are 12 points; the middle anchor centres the word on x = 60 px = 45 pt.
        Assert.Equal(12, alpha.Size, 6);
        Assert.Equal(45, alpha.X + alpha.Width / 2, 2);
        Assert.Equal(90, beta.Rotation, 6);
        Assert.Contains(paged.Faces, f => f.Id == alpha.FaceId && f.Family == "Source Sans 3");
        Assert.Single(drawing.Marks.OfType<VectorPath>());
        // A bold word inside a label follows the text before it, and the text after it follows it; the end anchor
        // puts the end of the whole line at x = 200 px = 150 pt.
        var total = runs.SkipWhile(r => r.Text != "Total:").ToList();
        Assert.Equal(["Total:", " 42", " cases"], total.Select(r => r.Text));
        Assert.True(paged.Faces.Single(f => f.Id == total[1].FaceId).Bold);
        Assert.False(paged.Faces.Single(f => f.Id == total[2].FaceId).Bold);
        Assert.Equal(total[0].X + total[0].Width, total[1].X, 6);
        Assert.Equal(total[1].X + total[1].Width, total[2].X, 6);
        Assert.Equal(150, total[2].X + total[2].Width, 2);
        Assert.Contains("drawing \"papers/op-001/figures/chart.svg\" 300.00x150.00", paged.Dump(), StringComparison.Ordinal);
    }
}
