using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Pub.Layout.Vector;

/// <summary>
/// Reads a parsed SVG in two passes. The first checks every element and attribute for what makes a file unsafe
/// and collects the ids that &lt;use&gt; may name; the second lowers the drawable elements to marks in points, with
/// each element's transform and inherited style applied. A &lt;use&gt; draws the element it names in place, as
/// charting tools write repeated markers and glyphs; chains are followed a few levels deep, never in a circle, and
/// everything drawn is counted, so that a small file cannot expand into millions of marks.
/// </summary>
internal sealed class SvgReading
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XLinkNamespace = "http://www.w3.org/1999/xlink";
    private const int MaxUseDepth = 8;

    /// <summary>Elements drawn, each expansion of a &lt;use&gt; counted again.</summary>
    private const int MaxDrawn = 2 * SvgReader.MaxElements;

    private static readonly XName Svg = XName.Get("svg", SvgNamespace);

    private readonly List<VectorMark> _marks = [];
    private readonly List<SvgProblem> _problems = [];
    private readonly HashSet<string> _notDrawn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XElement> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<XElement> _using = [];
    private readonly SvgStyleSheet _sheet = new();
    private int _line;
    private int _drawn;
    private bool _stopped;
    private TextPiece? _text;

    /// <summary>Text in one style at one place; <see cref="Continues"/> when it follows the piece before it on the
    /// same line (a bold word inside a label).</summary>
    private sealed record TextPiece(double X, double Y, SvgStyle Style, Affine Transform, StringBuilder Content, bool Continues = false);

    /// <summary>Whether the text flushed last ended in white space, which belongs between it and a continuing piece.</summary>
    private bool _spaceBefore;

    public SvgFigure Run(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name != Svg)
        {
            _line = root is null ? 0 : LineOf(root);
            return Refused(SvgProblemKind.Unreadable, "has no <svg> root element in the SVG namespace (xmlns=\"http://www.w3.org/2000/svg\")");
        }
        _line = LineOf(root);
        if (Size(root) is not { } size)
            return new SvgFigure(0, 0, [], [.. _problems]);
        Check(root);
        if (!_problems.Any(p => p.Refused))
        {
            var style = SvgStyle.Initial.With(Attribute(root), NotDrawn, Sheet(root));
            DrawChildren(root, style, size.Root, 0);
        }
        return _problems.Any(p => p.Refused)
            ? new SvgFigure(size.Width, size.Height, [], [.. _problems])
            : new SvgFigure(size.Width, size.Height, [.. _marks], [.. _problems]);
    }

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static Func<string, string?> Attribute(XElement element) => name => element.Attribute(name)?.Value;

    private IEnumerable<(string Name, string Value)>? Sheet(XElement element) => _sheet.IsEmpty ? null : _sheet.For(element);

    private SvgFigure Refused(SvgProblemKind kind, string message)
    {
        _problems.Add(new SvgProblem(kind, _line, message));
        return new SvgFigure(0, 0, [], [.. _problems]);
    }

    private void Problem(SvgProblemKind kind, string message)
    {
        // A hostile file can repeat one problem thousands of times; the first few say what there is to say.
        if (_problems.Count < 20)
            _problems.Add(new SvgProblem(kind, _line, message));
    }

    private void NotDrawn(string what)
    {
        if (_notDrawn.Add(what))
            Problem(SvgProblemKind.NotDrawn, what);
    }

    /// <summary>The natural size in points and the map from the root's user space into it. With a viewBox, the
    /// box is fitted into the declared size keeping its proportions and centred (SVG's default, xMidYMid meet).</summary>
    private (double Width, double Height, Affine Root)? Size(XElement root)
    {
        double? width = SvgReader.Length(Percentless(root.Attribute("width")?.Value));
        double? height = SvgReader.Length(Percentless(root.Attribute("height")?.Value));
        var box = root.Attribute("viewBox")?.Value is { } viewBox ? SvgGeometry.Numbers(viewBox) : [];
        bool hasBox = box.Count == 4 && box[2] > 0 && box[3] > 0;
        if (hasBox)
        {
            double aspect = box[3] / box[2];
            (width, height) = (width, height) switch
            {
                (null, null) => (box[2] * 0.75, box[3] * 0.75),
                ({ } w, null) => (w, w * aspect),
                (null, { } h) => (h / aspect, h),
                _ => (width, height),
            };
        }
        if (width is not { } wide || height is not { } high || wide <= 0 || high <= 0)
        {
            Problem(SvgProblemKind.Unreadable, "states no usable size: give the <svg> element a viewBox, or a width and a height");
            return null;
        }
        if (wide > SvgReader.MaxSide || high > SvgReader.MaxSide)
        {
            Problem(SvgProblemKind.TooLarge, FormattableString.Invariant(
                $"declares {wide / 0.75:0.#} × {high / 0.75:0.#} pixels ({wide / 72:0.#} × {high / 72:0.#} inches); pub draws figures of at most {SvgReader.MaxSide / 72:0} inches a side"));
            return null;
        }
        if (!hasBox)
            return (wide, high, new Affine(0.75, 0, 0, 0.75, 0, 0));
        double scale = Math.Min(wide / box[2], high / box[3]);
        double dx = (wide - box[2] * scale) / 2 - box[0] * scale, dy = (high - box[3] * scale) / 2 - box[1] * scale;
        return (wide, high, new Affine(scale, 0, 0, scale, dx, dy));
    }

    private static string? Percentless(string? length) => length is not null && length.Trim().EndsWith('%') ? null : length;

    /// <summary>The safety pass, over every element whether drawn or not; it also collects the ids.</summary>
    private void Check(XElement root)
    {
        var pending = new Stack<(XElement Element, int Depth)>();
        pending.Push((root, 0));
        int elements = 0;
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            _line = LineOf(element);
            if (++elements > SvgReader.MaxElements)
            {
                Problem(SvgProblemKind.TooLarge, $"has more than {SvgReader.MaxElements:N0} elements, more than pub draws in a figure");
                return;
            }
            if (depth > SvgReader.MaxDepth)
            {
                Problem(SvgProblemKind.TooLarge, $"nests elements deeper than {SvgReader.MaxDepth} levels");
                return;
            }
            CheckElement(element);
            if (element.Attribute("id")?.Value is { Length: > 0 } id)
                _ids.TryAdd(id, element);
            foreach (var child in element.Elements().Reverse())
                pending.Push((child, depth + 1));
        }
    }

    private void CheckElement(XElement element)
    {
        string name = element.Name.LocalName;
        bool svg = element.Name.NamespaceName == SvgNamespace;
        if (name is "script" or "foreignObject" || !svg && name is "iframe" or "object" or "embed")
            Problem(SvgProblemKind.Active, $"contains <{name}>, which pub does not run or embed");
        if (svg && name == "style")
        {
            string css = element.Value;
            if (css.Contains("@import", StringComparison.OrdinalIgnoreCase) || ExternalUrl(css))
                Problem(SvgProblemKind.External, "has a style sheet that loads another file or a URL");
            else if (!_sheet.Add(css))
                NotDrawn("style sheet rules other than element, class and id selectors");
        }
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
                continue;
            string local = attribute.Name.LocalName, value = attribute.Value.Trim();
            string shown = attribute.Name.NamespaceName == XLinkNamespace ? "xlink:" + local : local;
            if (local.StartsWith("on", StringComparison.OrdinalIgnoreCase) && local.Length > 2)
                Problem(SvgProblemKind.Active, $"has an event handler ({local}), which pub does not run");
            else if (local == "href" && value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                NotDrawn("embedded pictures (href=\"data:…\")");
            else if (local == "href" && !value.StartsWith('#'))
                Problem(SvgProblemKind.External, $"refers to '{Shorten(value)}' ({shown}); pub reads nothing outside the SVG file itself");
            else if (ExternalUrl(value))
                Problem(SvgProblemKind.External, $"refers to another file or a URL in its {local} attribute");
        }
    }

    private static bool ExternalUrl(string text)
    {
        int at = 0;
        while ((at = text.IndexOf("url(", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += 4;
            var target = text[at..].TrimStart(' ', '\'', '"');
            if (!target.StartsWith('#'))
                return true;
        }
        return false;
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..57] + "..." : value;

    private void DrawChildren(XElement parent, SvgStyle style, Affine transform, int useDepth)
    {
        foreach (var child in parent.Elements())
        {
            if (_stopped)
                return;
            Draw(child, style, transform, useDepth);
        }
    }

    private void Draw(XElement element, SvgStyle parentStyle, Affine parentTransform, int useDepth)
    {
        if (++_drawn > MaxDrawn)
        {
            _line = LineOf(element);
            Problem(SvgProblemKind.TooLarge, $"draws more than {MaxDrawn:N0} elements, counting each <use> again");
            _stopped = true;
            return;
        }
        if (element.Name.NamespaceName != SvgNamespace)
            return;
        _line = LineOf(element);
        string name = element.Name.LocalName;
        if (name is "title" or "desc" or "metadata" or "defs" or "symbol" or "style" or "script" or "foreignObject")
            return;
        if (name is "clipPath" or "mask" or "pattern" or "marker" or "filter" or "linearGradient" or "radialGradient")
        {
            NotDrawn($"<{name}> elements");
            return;
        }
        if (element.Attribute("clip-path") is not null || element.Attribute("mask") is not null || element.Attribute("filter") is not null)
            NotDrawn("clip paths, masks or filters");
        var style = parentStyle.With(Attribute(element), NotDrawn, Sheet(element));
        var transform = parentTransform.Then(SvgGeometry.Transform(element.Attribute("transform")?.Value));
        switch (name)
        {
            case "g" or "a" or "switch":
                DrawChildren(element, style, transform, useDepth);
                break;
            case "svg":
                DrawChildren(element, style, transform.Then(Offset(element)), useDepth);
                break;
            case "use":
                Use(element, style, transform.Then(Offset(element)), useDepth);
                break;
            case "text":
                Text(element, style, transform);
                break;
            default:
                if (Shape(element, name) is { } steps)
                    Paint(steps, style, transform);
                else
                    NotDrawn($"<{name}> elements");
                break;
        }
    }

    private static Affine Offset(XElement element) =>
        new(1, 0, 0, 1, SvgReader.Number(element.Attribute("x")?.Value), SvgReader.Number(element.Attribute("y")?.Value));

    /// <summary>A &lt;use&gt; draws what it names where it stands: a symbol's content, or the element itself.</summary>
    private void Use(XElement use, SvgStyle style, Affine transform, int useDepth)
    {
        string? href = (use.Attribute("href") ?? use.Attribute(XName.Get("href", XLinkNamespace)))?.Value.Trim();
        if (href is null || !href.StartsWith('#') || !_ids.TryGetValue(href[1..], out var target))
        {
            NotDrawn("<use> of an element the file does not have");
            return;
        }
        if (useDepth >= MaxUseDepth || !_using.Add(target))
        {
            NotDrawn($"<use> chains deeper than {MaxUseDepth} or in a circle");
            return;
        }
        if (target.Name == XName.Get("symbol", SvgNamespace))
            DrawChildren(target, style.With(Attribute(target), NotDrawn, Sheet(target)), transform, useDepth + 1);
        else
            Draw(target, style, transform, useDepth + 1);
        _using.Remove(target);
    }

    private static List<PathStep>? Shape(XElement element, string name)
    {
        double A(string attribute) => SvgReader.Number(element.Attribute(attribute)?.Value);
        switch (name)
        {
            case "path":
                return SvgGeometry.PathData(element.Attribute("d")?.Value ?? "");
            case "rect":
                double w = A("width"), h = A("height");
                return w > 0 && h > 0 ? Polygon([new(A("x"), A("y")), new(A("x") + w, A("y")), new(A("x") + w, A("y") + h), new(A("x"), A("y") + h)], close: true) : [];
            case "line":
                return Polygon([new(A("x1"), A("y1")), new(A("x2"), A("y2"))], close: false);
            case "polyline" or "polygon":
                var n = SvgGeometry.Numbers(element.Attribute("points")?.Value ?? "");
                return Polygon([.. Enumerable.Range(0, n.Count / 2).Select(i => new VectorPoint(n[2 * i], n[2 * i + 1]))], close: name == "polygon");
            case "circle":
                return Ellipse(A("cx"), A("cy"), A("r"), A("r"));
            case "ellipse":
                return Ellipse(A("cx"), A("cy"), A("rx"), A("ry"));
            default:
                return null;
        }
    }

    private static List<PathStep> Polygon(IReadOnlyList<VectorPoint> points, bool close)
    {
        var steps = points.Select((p, i) => new PathStep(i == 0 ? PathVerb.MoveTo : PathVerb.LineTo, default, default, p)).ToList();
        if (close && steps.Count > 0)
            steps.Add(new PathStep(PathVerb.Close, default, default, default));
        return steps;
    }

    private static List<PathStep> Ellipse(double cx, double cy, double rx, double ry)
    {
        var steps = new List<PathStep>();
        if (rx <= 0 || ry <= 0)
            return steps;
        var start = new VectorPoint(cx + rx, cy);
        steps.Add(new PathStep(PathVerb.MoveTo, default, default, start));
        var half = new VectorPoint(cx - rx, cy);
        SvgGeometry.Arc(steps, start, rx, ry, 0, false, true, half);
        SvgGeometry.Arc(steps, half, rx, ry, 0, false, true, start);
        steps.Add(new PathStep(PathVerb.Close, default, default, default));
        return steps;
    }

    private void Paint(List<PathStep> steps, SvgStyle style, Affine transform)
    {
        if (style.Hidden || steps.Count == 0 || style.Fill is null && style.Stroke is null)
            return;
        var placed = steps.Select(s => s with { P1 = Map(transform, s.P1), P2 = Map(transform, s.P2), P3 = Map(transform, s.P3) }).ToList();
        double scale = transform.Scale;
        if (!placed.All(s => InRange(s.P1) && InRange(s.P2) && InRange(s.P3)) || !(style.StrokeWidth * scale < Far))
        {
            NotDrawn("shapes with coordinates or stroke widths beyond any page");
            return;
        }
        _marks.Add(new VectorPath(placed, style.Fill, style.Stroke, style.StrokeWidth * scale, style.EvenOdd, [.. style.Dashes.Select(d => d * scale)])
        {
            FillOpacity = style.FillOpacity * style.Opacity,
            StrokeOpacity = style.StrokeOpacity * style.Opacity,
        });
    }

    private static VectorPoint Map(Affine transform, VectorPoint p) => transform.Apply(p.X, p.Y);

    /// <summary>Points this far from the figure (a hundred times the largest figure) are a mistake or an attack;
    /// PDF readers handle no coordinates near the limits of their numbers.</summary>
    private const double Far = 100 * SvgReader.MaxSide;

    private static bool InRange(VectorPoint p) => Math.Abs(p.X) < Far && Math.Abs(p.Y) < Far;

    /// <summary>A text element starts a piece at its position; a tspan with a position of its own starts another
    /// (a second line of a label, say), one without continues the piece it is in.</summary>
    private void Text(XElement text, SvgStyle style, Affine transform)
    {
        _text = new TextPiece(SvgReader.Number(text.Attribute("x")?.Value),
            SvgReader.Number(text.Attribute("y")?.Value) + Offset(text.Attribute("dy")?.Value, style.FontSize), style, transform, new StringBuilder());
        _spaceBefore = false;
        TextContent(text);
        Flush();
        _text = null;
    }

    private void TextContent(XElement element)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText content)
                _text!.Content.Append(content.Value);
            else if (node is XElement span && span.Name.NamespaceName == SvgNamespace && span.Name.LocalName is "tspan" or "a")
            {
                var current = _text!;
                var style = current.Style.With(Attribute(span), NotDrawn, Sheet(span));
                string? x = span.Attribute("x")?.Value, y = span.Attribute("y")?.Value;
                double dy = Offset(span.Attribute("dy")?.Value, style.FontSize);
                if (x is not null || y is not null || dy != 0)
                {
                    Flush();
                    _text = new TextPiece(x is null ? current.X : SvgReader.Number(x), (y is null ? current.Y : SvgReader.Number(y)) + dy,
                        style, current.Transform, new StringBuilder());
                }
                else if (Looks(style) != Looks(current.Style))
                {
                    Flush();
                    _text = current with { Style = style, Content = new StringBuilder(), Continues = true };
                }
                TextContent(span);
                // What follows the span in its parent is set in the parent's style again, after the span.
                if (_text is { } inner && Looks(inner.Style) != Looks(current.Style))
                {
                    Flush();
                    _text = current with { Content = new StringBuilder(), Continues = true };
                }
            }
        }
    }

    private static double Offset(string? value, double fontSize) =>
        value is null ? 0 : value.Trim().EndsWith("em", StringComparison.Ordinal) ? SvgReader.Number(value.Trim()[..^2]) * fontSize : SvgReader.Number(value);

    private static (Paged.Colour?, double, bool, bool) Looks(SvgStyle style) => (style.Fill, style.FontSize, style.Bold, style.Serif);

    /// <summary>The piece as a mark, its white space collapsed as SVG does: runs become one space, and the text of a
    /// line has none at its ends. A continuing piece keeps one space before it when either side had one.</summary>
    private void Flush()
    {
        if (_text is not { } piece)
            return;
        string raw = piece.Content.ToString();
        string content = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        bool leading = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
        if (content.Length > 0 && piece.Continues && (_spaceBefore || leading))
            content = " " + content;
        var anchor = piece.Transform.Apply(piece.X, piece.Y);
        double size = piece.Style.FontSize * piece.Transform.Scale;
        if (content.Length > 0 && (!InRange(anchor) || !(size < SvgReader.MaxSide)))
        {
            NotDrawn("text placed or sized beyond any page");
            content = "";
        }
        if (content.Length > 0 && !piece.Style.Hidden && piece.Style.Fill is { } fill)
        {
            _marks.Add(new SvgText(content, piece.X, piece.Y, piece.Transform, piece.Style.FontSize, piece.Style.Bold, piece.Style.Serif, piece.Style.Anchor, fill)
            {
                Continues = piece.Continues,
            });
            _spaceBefore = raw.Length > 0 && char.IsWhiteSpace(raw[^1]);
        }
        else if (raw.Length > 0)
            _spaceBefore |= raw.Any(char.IsWhiteSpace);
        piece.Content.Clear();
    }
}
