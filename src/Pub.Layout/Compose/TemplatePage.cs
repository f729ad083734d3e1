using System.Globalization;
using Pub.Layout.Flow;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Syntax;

namespace Pub.Layout.Compose;

/// <summary>
/// Sets a page from page markup (the cover and the imprint): the template chooses the words and their order, the
/// styles below decide how they look. Blocks stand one under the other from the top of the text area; what
/// follows <c>.fill</c> stands at the foot. The page carries no running head and no folio. Problems in the markup
/// are reported at the template position that wrote it.
/// </summary>
internal sealed class TemplatePage(BlockLayout layout, LayoutSettings settings, PageComposer composer, DiagnosticSink diagnostics)
{
    private static readonly Colour Grey = new(0x44, 0x44, 0x44);

    /// <summary>A block style: face, size, leading, colour, space above, hanging indent (in ems).</summary>
    private sealed record BlockStyle(FontRole Role, bool Bold, bool Italic, double Size, double Leading, Colour? Colour, double Before, double Hang = 0);

    private static readonly Dictionary<string, BlockStyle> Styles = new(StringComparer.Ordinal)
    {
        ["series"] = new(FontRole.Heading, false, false, 11, 1.3, CoverPage.Accent, 0),
        ["number"] = new(FontRole.Heading, true, false, 11, 1.3, CoverPage.Accent, 3),
        ["title"] = new(FontRole.Heading, true, false, 26, 1.15, null, 0),
        ["subtitle"] = new(FontRole.Heading, false, false, 15, 1.25, Grey, 10),
        ["role"] = new(FontRole.Text, false, true, 10, 1.3, Grey, 0),
        ["author"] = new(FontRole.Text, false, false, 12, 1.3, null, 8),
        ["affiliation"] = new(FontRole.Text, false, true, 10, 1.3, Grey, 0),
        ["date"] = new(FontRole.Text, false, false, 11, 1.3, null, 10),
        ["publisher"] = new(FontRole.Heading, false, false, 10, 1.3, null, 0),
        ["heading"] = new(FontRole.Heading, true, false, 9, 1.3, null, 12),
        ["text"] = new(FontRole.Text, false, false, 9, 1.35, null, 5),
        ["small"] = new(FontRole.Text, false, false, 8, 1.35, Grey, 5),
        ["citation"] = new(FontRole.Text, false, false, 9, 1.35, null, 3, Hang: 1.6),
    };

    public static IReadOnlyCollection<string> StyleNames => Styles.Keys;

    private const double LogoHeight = 36;

    public Page Compose(PageTemplate template, int number, string language)
    {
        var (blocks, problems) = PageMarkup.Parse(template.Markup, Styles.Keys);
        foreach (var (offset, message) in problems)
        {
            diagnostics.Add(Diagnostic.Error(Codes.PageMarkup, message, template.Locate(offset),
                "styles: " + string.Join(", ", Styles.Keys.Select(s => "." + s)) + "; directives: " + string.Join(", ", PageMarkup.Directives.Select(d => "." + d))));
        }

        double left = composer.LeftMargin(number), width = settings.TextWidth;
        var head = new List<(FlowBox Box, double Before)>();
        var foot = new List<(FlowBox Box, double Before)>();
        var current = head;
        foreach (var block in blocks)
        {
            switch (block.Name)
            {
                case "fill":
                    current = foot;
                    break;
                case "space":
                    if (double.TryParse(block.Argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && points is >= 0 and <= 800)
                        current.Add((new FlowBox { Height = points }, 0));
                    else
                        diagnostics.Add(Diagnostic.Error(Codes.PageMarkup, $"'.space' needs a number of points from 0 to 800, not '{block.Argument}'", template.Locate(block.Offset)));
                    break;
                case "rule":
                    double thickness = block.Argument.Length == 0 ? 0.5
                        : double.TryParse(block.Argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 10 ? t : -1;
                    if (thickness < 0)
                    {
                        diagnostics.Add(Diagnostic.Error(Codes.PageMarkup, $"'.rule' takes a thickness in points from 0 to 10, not '{block.Argument}'", template.Locate(block.Offset)));
                        break;
                    }
                    var rule = new FlowBox { Height = thickness + 6 };
                    rule.Items.Add(new RuleItem(0, 3 + thickness / 2, width, 3 + thickness / 2, thickness, CoverPage.Accent));
                    current.Add((rule, 4));
                    break;
                case "logo":
                    if (Logo(block, template) is { } logo)
                        current.Add((logo, 6));
                    break;
                default:
                    var style = Styles[block.Name];
                    var frame = new Frame(0, width, style.Size, style.Leading, style.Role, style.Italic, style.Bold, Alignment.Left)
                    {
                        Language = language,
                        Hyphenate = false,
                    };
                    var spans = layout.Collect(block.Content, frame.Style with { Colour = style.Colour });
                    // Each block is an element of the logical structure: the title a heading, the rest paragraphs.
                    var role = block.Name == "title" ? Paged.StructureRole.H1 : Paged.StructureRole.P;
                    List<FlowBox> lines = [];
                    layout.Structure.Within(role, () => lines = layout.Aside(() => layout.SetText(spans, frame, hang: style.Hang * style.Size)));
                    for (int i = 0; i < lines.Count; i++)
                        current.Add((lines[i], i == 0 ? style.Before : 0));
                    break;
            }
        }

        var items = new List<PageItem>();
        double top = settings.Margins.Top, bottom = settings.PageHeight - settings.Margins.Bottom;
        double y = Place(head, items, left, top);
        double footHeight = Height(foot);
        if (y > bottom + 0.01 || foot.Count > 0 && y + footHeight > bottom + 0.01)
        {
            diagnostics.Add(Diagnostic.Warning(Codes.PageTemplateOverflow,
                string.Create(CultureInfo.InvariantCulture, $"the page set from this template is {Math.Max(y, y + footHeight) - bottom:0} pt taller than its text area"),
                template.Locate(0), "shorten the texts or the spaces the template asks for"));
        }
        if (foot.Count > 0)
            Place(foot, items, left, Math.Max(y, bottom - footHeight));
        composer.AddDraftStamp(items);
        return new Page(number, settings.PageWidth, settings.PageHeight, items);
    }

    private static double Height(List<(FlowBox Box, double Before)> boxes) =>
        boxes.Select((b, i) => (i == 0 ? 0 : b.Before) + b.Box.Height).Sum();

    /// <summary>Places boxes from <paramref name="y"/> down, dropping the space above the first; returns the y below them.</summary>
    private static double Place(List<(FlowBox Box, double Before)> boxes, List<PageItem> items, double left, double y)
    {
        for (int i = 0; i < boxes.Count; i++)
        {
            var (box, before) = boxes[i];
            if (i > 0)
                y += before;
            foreach (var item in box.Items)
                items.Add(item.Translate(left, y));
            y += box.Height;
        }
        return y;
    }

    private FlowBox? Logo(MarkupBlock block, PageTemplate template)
    {
        string path = block.Argument;
        if (path.Length == 0)
            return null; // no logo configured: the template may write ".logo {{ publisher.logo }}" unconditionally
        if (layout.Artwork(path, 1) is not { } artwork)
        {
            diagnostics.Add(Diagnostic.Warning(Codes.MissingImageData, $"logo '{path}' is not a PNG, JPEG, SVG or PDF file that was supplied to layout; it is left out", template.Locate(block.Offset)));
            return null;
        }
        double height = LogoHeight, logoWidth = height * artwork.Width / artwork.Height;
        if (logoWidth > settings.TextWidth)
            (logoWidth, height) = (settings.TextWidth, settings.TextWidth * artwork.Height / artwork.Width);
        var box = new FlowBox { Height = height };
        box.Items.Add(new ImageItem(path, 0, 0, logoWidth, height, settings.Publisher));
        return box;
    }
}
