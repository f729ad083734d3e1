using System.Text;
using System.Xml;
using Pub.Layout.Paged;

namespace Pub.Layout.Vector;

/// <summary>One pass over an SVG file: checks every element and attribute for what makes a file unsafe, and lowers
/// the drawable elements to marks in points, with each element's transform and inherited style applied.</summary>
internal sealed class SvgReading
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private readonly List<VectorMark> _marks = [];
    private readonly List<SvgProblem> _problems = [];
    private readonly HashSet<string> _notDrawn = new(StringComparer.Ordinal);
    private readonly Stack<(SvgStyle Style, Affine Transform)> _scopes = new();
    private IXmlLineInfo? _lines;
    private int _elements;
    private TextPiece? _text;
    private int _textDepth = -1;

    private sealed record TextPiece(double X, double Y, SvgStyle Style, Affine Transform, StringBuilder Content);

    public SvgFigure Run(XmlReader xml)
    {
        _lines = xml as IXmlLineInfo;
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "svg" || xml.NamespaceURI != SvgNamespace)
            return Refused(SvgProblemKind.Unreadable, "has no <svg> root element in the SVG namespace (xmlns=\"http://www.w3.org/2000/svg\")");
        if (Size(xml) is not { } size)
            return new SvgFigure(0, 0, [], [.. _problems]);
        CheckAttributes(xml);
        _scopes.Push((SvgStyle.Initial.With(xml.GetAttribute, NotDrawn), size.Root));
        int rootDepth = xml.Depth;
        if (!xml.IsEmptyElement)
            Walk(xml, rootDepth);
        return _problems.Any(p => p.Refused)
            ? new SvgFigure(size.Width, size.Height, [], [.. _problems])
            : new SvgFigure(size.Width, size.Height, [.. _marks], [.. _problems]);
    }

    private int Line => _lines?.LineNumber ?? 0;

    private SvgFigure Refused(SvgProblemKind kind, string message)
    {
        _problems.Add(new SvgProblem(kind, Line, message));
        return new SvgFigure(0, 0, [], [.. _problems]);
    }

    private void Problem(SvgProblemKind kind, string message)
    {
        // A hostile file can repeat one problem thousands of times; the first few say what there is to say.
        if (_problems.Count < 20)
            _problems.Add(new SvgProblem(kind, Line, message));
    }

    private void NotDrawn(string what)
    {
        if (_notDrawn.Add(what))
            Problem(SvgProblemKind.NotDrawn, what);
    }

    /// <summary>The natural size in points and the map from the root's user space into it. With a viewBox, the
    /// box is fitted into the declared size keeping its proportions and centred (SVG's default, xMidYMid meet).</summary>
    private (double Width, double Height, Affine Root)? Size(XmlReader xml)
    {
        double? width = SvgReader.Length(Percentless(xml.GetAttribute("width")));
        double? height = SvgReader.Length(Percentless(xml.GetAttribute("height")));
        var box = xml.GetAttribute("viewBox") is { } viewBox ? SvgGeometry.Numbers(viewBox) : [];
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

    private void Walk(XmlReader xml, int rootDepth)
    {
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    if (++_elements > SvgReader.MaxElements)
                    {
                        Problem(SvgProblemKind.TooLarge, $"has more than {SvgReader.MaxElements:N0} elements, more than pub draws in a figure");
                        return;
                    }
                    if (xml.Depth - rootDepth > SvgReader.MaxDepth)
                    {
                        Problem(SvgProblemKind.TooLarge, $"nests elements deeper than {SvgReader.MaxDepth} levels");
                        return;
                    }
                    Element(xml);
                    break;
                case XmlNodeType.EndElement:
                    if (xml.Depth == rootDepth)
                        return;
                    End(xml);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    _text?.Content.Append(xml.Value);
                    break;
            }
        }
    }

    private void Element(XmlReader xml)
    {
        CheckAttributes(xml);
        string name = xml.LocalName;
        bool svg = xml.NamespaceURI is SvgNamespace or "";
        if (name is "script" || name is "foreignObject" || !svg && name is "iframe" or "object" or "embed")
            Problem(SvgProblemKind.Active, $"contains <{name}>, which pub does not run or embed");
        if (name == "style" && svg)
        {
            CheckStyleSheet(xml);
            return;
        }
        var (parentStyle, parentTransform) = _scopes.Peek();
        var style = parentStyle.With(xml.GetAttribute, NotDrawn);
        var transform = parentTransform.Then(SvgGeometry.Transform(xml.GetAttribute("transform")));
        if (!svg || Skipped(name))
        {
            if (!svg || name is not ("title" or "desc" or "metadata" or "defs"))
                NotDrawnElement(name, svg);
            if (!xml.IsEmptyElement)
                SkipChecked(xml);
            return;
        }
        if (name == "svg")
            transform = transform.Then(new Affine(1, 0, 0, 1, SvgReader.Number(xml.GetAttribute("x")), SvgReader.Number(xml.GetAttribute("y"))));
        if (name is "text" or "tspan")
            TextStart(xml, name, style, transform);
        else if (Shape(xml, name) is { } steps)
            Paint(steps, style, transform);
        else if (name is not ("g" or "svg" or "a" or "switch"))
            NotDrawnElement(name, svg);
        if (!xml.IsEmptyElement)
            _scopes.Push((style, transform));
        else if (name == "text")
            TextEnd();
    }

    private void End(XmlReader xml)
    {
        if (_scopes.Count > 1)
            _scopes.Pop();
        if (xml.LocalName == "text" && xml.Depth == _textDepth)
            TextEnd();
    }

    private static bool Skipped(string name) =>
        name is "title" or "desc" or "metadata" or "defs" or "clipPath" or "mask" or "pattern" or "marker" or "symbol" or "filter"
            or "linearGradient" or "radialGradient" or "style" or "script" or "foreignObject" or "image" or "use";

    private void NotDrawnElement(string name, bool svg)
    {
        if (svg)
            NotDrawn($"<{name}> elements");
    }

    /// <summary>Steps past an element's content without drawing it, still checking what lies inside.</summary>
    private void SkipChecked(XmlReader xml)
    {
        int depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (++_elements > SvgReader.MaxElements)
            {
                Problem(SvgProblemKind.TooLarge, $"has more than {SvgReader.MaxElements:N0} elements, more than pub draws in a figure");
                return;
            }
            CheckAttributes(xml);
            if (xml.LocalName is "script" or "foreignObject")
                Problem(SvgProblemKind.Active, $"contains <{xml.LocalName}>, which pub does not run or embed");
        }
    }

    private void CheckStyleSheet(XmlReader xml)
    {
        if (xml.IsEmptyElement)
            return;
        // Read the sheet's text without leaving the element, so that SkipChecked ends at its end tag.
        int line = Line;
        var sheet = new StringBuilder();
        var inner = xml.ReadSubtree();
        while (inner.Read())
        {
            if (inner.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                sheet.Append(inner.Value);
        }
        string css = sheet.ToString();
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase) || ExternalUrl(css))
            _problems.Add(new SvgProblem(SvgProblemKind.External, line, "has a style sheet that loads another file or a URL"));
        NotDrawn("<style> sheets (use presentation attributes or style attributes)");
    }

    /// <summary>Every attribute of every element: event handlers run script; an href or url() that is not a fragment
    /// of this file reads another file or the network.</summary>
    private void CheckAttributes(XmlReader xml)
    {
        if (!xml.MoveToFirstAttribute())
            return;
        do
        {
            string name = xml.LocalName, value = xml.Value.Trim();
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && name.Length > 2 && xml.Prefix != "xmlns")
                Problem(SvgProblemKind.Active, $"has an event handler ({name}), which pub does not run");
            else if (name == "href" && value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                NotDrawn("embedded pictures (href=\"data:…\")");
            else if (name == "href" && !value.StartsWith('#'))
                Problem(SvgProblemKind.External, $"refers to '{Shorten(value)}' ({xml.Name}); pub reads nothing outside the SVG file itself");
            else if (ExternalUrl(value) && xml.Prefix != "xmlns" && name != "xmlns")
                Problem(SvgProblemKind.External, $"refers to another file or a URL in its {name} attribute");
        }
        while (xml.MoveToNextAttribute());
        xml.MoveToElement();
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

    private static List<PathStep>? Shape(XmlReader xml, string name)
    {
        double A(string attribute) => SvgReader.Number(xml.GetAttribute(attribute));
        switch (name)
        {
            case "path":
                return SvgGeometry.PathData(xml.GetAttribute("d") ?? "");
            case "rect":
                double w = A("width"), h = A("height");
                return w > 0 && h > 0 ? Polygon([new(A("x"), A("y")), new(A("x") + w, A("y")), new(A("x") + w, A("y") + h), new(A("x"), A("y") + h)], close: true) : [];
            case "line":
                return Polygon([new(A("x1"), A("y1")), new(A("x2"), A("y2"))], close: false);
            case "polyline" or "polygon":
                var n = SvgGeometry.Numbers(xml.GetAttribute("points") ?? "");
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
        if (style.Hidden || steps.Count == 0 || style.Fill is null && style.Stroke is null || _problems.Any(p => p.Refused))
            return;
        var placed = steps.Select(s => s with { P1 = Map(transform, s.P1), P2 = Map(transform, s.P2), P3 = Map(transform, s.P3) }).ToList();
        double scale = transform.Scale;
        _marks.Add(new VectorPath(placed, style.Fill, style.Stroke, style.StrokeWidth * scale, style.EvenOdd, [.. style.Dashes.Select(d => d * scale)]));
    }

    private static VectorPoint Map(Affine transform, VectorPoint p) => transform.Apply(p.X, p.Y);

    /// <summary>A text element starts a piece at its position; a tspan with a position of its own starts another
    /// (a second line of a label, say), one without continues the piece it is in.</summary>
    private void TextStart(XmlReader xml, string name, SvgStyle style, Affine transform)
    {
        string? x = xml.GetAttribute("x"), y = xml.GetAttribute("y");
        double dy = Offset(xml.GetAttribute("dy"), style.FontSize);
        if (name == "text")
        {
            TextEnd();
            _textDepth = xml.Depth;
            _text = new TextPiece(SvgReader.Number(x), SvgReader.Number(y) + dy, style, transform, new StringBuilder());
        }
        else if (_text is { } current && (x is not null || y is not null || dy != 0))
        {
            Flush();
            _text = new TextPiece(x is null ? current.X : SvgReader.Number(x), (y is null ? current.Y : SvgReader.Number(y)) + dy, style, current.Transform, new StringBuilder());
        }
    }

    private static double Offset(string? value, double fontSize) =>
        value is null ? 0 : value.Trim().EndsWith("em", StringComparison.Ordinal) ? SvgReader.Number(value.Trim()[..^2]) * fontSize : SvgReader.Number(value);

    private void TextEnd()
    {
        Flush();
        _text = null;
        _textDepth = -1;
    }

    private void Flush()
    {
        if (_text is not { } piece)
            return;
        string content = string.Join(' ', piece.Content.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (content.Length > 0 && !piece.Style.Hidden && piece.Style.Fill is { } fill && !_problems.Any(p => p.Refused))
            _marks.Add(new SvgText(content, piece.X, piece.Y, piece.Transform, piece.Style.FontSize, piece.Style.Bold, piece.Style.Serif, piece.Style.Anchor, fill));
        piece.Content.Clear();
    }
}
