using System.Globalization;

namespace Pub.Layout.Vector;

/// <summary>
/// SVG's geometry syntax: numbers as path data and transform lists write them (signs and dots separate numbers
/// without spaces: "1-2.5.5" is 1, -2.5, 0.5), transform lists, and path data lowered to moves, lines and cubics.
/// </summary>
internal static class SvgGeometry
{
    /// <summary>The numbers in <paramref name="text"/>, up to the first thing that is not one.</summary>
    public static List<double> Numbers(string text) => [.. new NumberScanner(text, 0).All()];

    public static Affine Transform(string? value)
    {
        var result = Affine.Identity;
        if (string.IsNullOrWhiteSpace(value))
            return result;
        int at = 0;
        while (at < value.Length)
        {
            int open = value.IndexOf('(', at);
            if (open < 0)
                break;
            int close = value.IndexOf(')', open);
            if (close < 0)
                break;
            string name = value[at..open].Trim(' ', ',', '\t', '\n', '\r');
            var n = Numbers(value[(open + 1)..close]);
            double Arg(int i, double fallback = 0) => i < n.Count ? n[i] : fallback;
            var step = name switch
            {
                "matrix" when n.Count == 6 => new Affine(n[0], n[1], n[2], n[3], n[4], n[5]),
                "translate" => new Affine(1, 0, 0, 1, Arg(0), Arg(1)),
                "scale" => new Affine(Arg(0, 1), 0, 0, Arg(1, Arg(0, 1)), 0, 0),
                "rotate" => Rotation(Arg(0), Arg(1), Arg(2)),
                "skewX" => new Affine(1, 0, Math.Tan(Arg(0) * Math.PI / 180), 1, 0, 0),
                "skewY" => new Affine(1, Math.Tan(Arg(0) * Math.PI / 180), 0, 1, 0, 0),
                _ => Affine.Identity,
            };
            result = result.Then(step);
            at = close + 1;
        }
        return result;
    }

    private static Affine Rotation(double degrees, double cx, double cy)
    {
        double r = degrees * Math.PI / 180, cos = Math.Cos(r), sin = Math.Sin(r);
        var about = new Affine(1, 0, 0, 1, cx, cy);
        return about.Then(new Affine(cos, sin, -sin, cos, 0, 0)).Then(new Affine(1, 0, 0, 1, -cx, -cy));
    }

    /// <summary>Path data in the element's own coordinates, as absolute moves, lines and cubics. Quadratics are raised
    /// to cubics and arcs approximated by cubics of at most 90° each. Reading stops at the first error, keeping what
    /// came before it, as SVG renderers do.</summary>
    public static List<PathStep> PathData(string data)
    {
        var steps = new List<PathStep>();
        var scan = new NumberScanner(data, 0);
        VectorPoint current = default, start = default, lastControl = default;
        char previous = ' ';
        char command = ' ';
        while (true)
        {
            scan.SkipSeparators();
            if (scan.AtEnd)
                break;
            if (char.IsLetter(scan.Peek))
                command = scan.Take();
            else if (command == ' ' || command is 'Z' or 'z')
                break;
            bool relative = char.IsLower(command);
            double ox = relative ? current.X : 0, oy = relative ? current.Y : 0;
            VectorPoint P(double x, double y) => new(ox + x, oy + y);
            switch (char.ToUpperInvariant(command))
            {
                case 'Z':
                    steps.Add(new PathStep(PathVerb.Close, default, default, default));
                    current = start;
                    break;
                case 'M':
                    if (!scan.Pair(out var mx, out var my))
                        return steps;
                    current = start = P(mx, my);
                    steps.Add(new PathStep(PathVerb.MoveTo, default, default, current));
                    // Further pairs after a move are lines.
                    command = relative ? 'l' : 'L';
                    break;
                case 'L':
                    if (!scan.Pair(out var lx, out var ly))
                        return steps;
                    current = Line(steps, P(lx, ly));
                    break;
                case 'H':
                    if (!scan.Next(out var hx))
                        return steps;
                    current = Line(steps, new VectorPoint(ox + hx, current.Y));
                    break;
                case 'V':
                    if (!scan.Next(out var vy))
                        return steps;
                    current = Line(steps, new VectorPoint(current.X, oy + vy));
                    break;
                case 'C':
                    if (!scan.Pair(out var c1x, out var c1y) || !scan.Pair(out var c2x, out var c2y) || !scan.Pair(out var cx, out var cy))
                        return steps;
                    lastControl = P(c2x, c2y);
                    current = Cubic(steps, P(c1x, c1y), lastControl, P(cx, cy));
                    break;
                case 'S':
                    if (!scan.Pair(out var s2x, out var s2y) || !scan.Pair(out var sx, out var sy))
                        return steps;
                    var reflected = previous is 'C' or 'S' ? Reflect(lastControl, current) : current;
                    lastControl = P(s2x, s2y);
                    current = Cubic(steps, reflected, lastControl, P(sx, sy));
                    break;
                case 'Q':
                    if (!scan.Pair(out var qx1, out var qy1) || !scan.Pair(out var qx, out var qy))
                        return steps;
                    lastControl = P(qx1, qy1);
                    current = Quadratic(steps, current, lastControl, P(qx, qy));
                    break;
                case 'T':
                    if (!scan.Pair(out var tx, out var ty))
                        return steps;
                    lastControl = previous is 'Q' or 'T' ? Reflect(lastControl, current) : current;
                    current = Quadratic(steps, current, lastControl, P(tx, ty));
                    break;
                case 'A':
                    if (!scan.Next(out var rx) || !scan.Next(out var ry) || !scan.Next(out var angle)
                        || !scan.Flag(out var large) || !scan.Flag(out var sweep) || !scan.Pair(out var ax, out var ay))
                        return steps;
                    var end = P(ax, ay);
                    Arc(steps, current, rx, ry, angle, large, sweep, end);
                    current = end;
                    break;
                default:
                    return steps;
            }
            previous = char.ToUpperInvariant(command);
            if (steps.Count > SvgReader.MaxElements * 10)
                break;
        }
        return steps;
    }

    private static VectorPoint Reflect(VectorPoint control, VectorPoint about) => new(2 * about.X - control.X, 2 * about.Y - control.Y);

    private static VectorPoint Line(List<PathStep> steps, VectorPoint to)
    {
        steps.Add(new PathStep(PathVerb.LineTo, default, default, to));
        return to;
    }

    private static VectorPoint Cubic(List<PathStep> steps, VectorPoint c1, VectorPoint c2, VectorPoint to)
    {
        steps.Add(new PathStep(PathVerb.CubicTo, c1, c2, to));
        return to;
    }

    /// <summary>A quadratic is the cubic whose controls lie two thirds of the way from each end to its control.</summary>
    private static VectorPoint Quadratic(List<PathStep> steps, VectorPoint from, VectorPoint control, VectorPoint to) =>
        Cubic(steps,
            new VectorPoint(from.X + 2.0 / 3 * (control.X - from.X), from.Y + 2.0 / 3 * (control.Y - from.Y)),
            new VectorPoint(to.X + 2.0 / 3 * (control.X - to.X), to.Y + 2.0 / 3 * (control.Y - to.Y)),
            to);

    /// <summary>
    /// An elliptical arc from its endpoints (SVG's notation) to cubics: find the centre and the start and sweep
    /// angles on the unit circle of the ellipse's frame (SVG 1.1, appendix F.6.5, radii enlarged when too small to
    /// reach), then cut the sweep into pieces of at most 90°, each drawn by the cubic with controls at distance
    /// 4/3·tan(θ/4) along the tangents — within 0.03 % of the circle.
    /// </summary>
    public static void Arc(List<PathStep> steps, VectorPoint from, double rx, double ry, double degrees, bool large, bool sweep, VectorPoint to)
    {
        rx = Math.Abs(rx);
        ry = Math.Abs(ry);
        if (rx == 0 || ry == 0 || from == to)
        {
            if (from != to)
                Line(steps, to);
            return;
        }
        double phi = degrees * Math.PI / 180, cos = Math.Cos(phi), sin = Math.Sin(phi);
        double dx = (from.X - to.X) / 2, dy = (from.Y - to.Y) / 2;
        double x1 = cos * dx + sin * dy, y1 = -sin * dx + cos * dy;
        double reach = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry);
        if (reach > 1)
        {
            rx *= Math.Sqrt(reach);
            ry *= Math.Sqrt(reach);
        }
        double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
        double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
        double factor = Math.Sqrt(Math.Max(0, num / den)) * (large == sweep ? -1 : 1);
        double cx1 = factor * rx * y1 / ry, cy1 = -factor * ry * x1 / rx;
        double cx = cos * cx1 - sin * cy1 + (from.X + to.X) / 2, cy = sin * cx1 + cos * cy1 + (from.Y + to.Y) / 2;
        double start = Math.Atan2((y1 - cy1) / ry, (x1 - cx1) / rx);
        double end = Math.Atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx);
        double delta = end - start;
        if (sweep && delta < 0)
            delta += 2 * Math.PI;
        else if (!sweep && delta > 0)
            delta -= 2 * Math.PI;
        int pieces = Math.Max(1, (int)Math.Ceiling(Math.Abs(delta) / (Math.PI / 2) - 1e-9));
        double step = delta / pieces, k = 4.0 / 3 * Math.Tan(step / 4);
        VectorPoint OnEllipse(double t, double ux, double uy) =>
            new(cx + cos * rx * ux - sin * ry * uy, cy + sin * rx * ux + cos * ry * uy);
        for (int i = 0; i < pieces; i++)
        {
            double a = start + i * step, b = a + step;
            var c1 = OnEllipse(a, Math.Cos(a) - k * Math.Sin(a), Math.Sin(a) + k * Math.Cos(a));
            var c2 = OnEllipse(b, Math.Cos(b) + k * Math.Sin(b), Math.Sin(b) - k * Math.Cos(b));
            var p = i == pieces - 1 ? to : OnEllipse(b, Math.Cos(b), Math.Sin(b));
            Cubic(steps, c1, c2, p);
        }
    }

    /// <summary>Reads numbers the way path data writes them.</summary>
    private sealed class NumberScanner(string text, int at)
    {
        private int _at = at;

        public bool AtEnd => _at >= text.Length;

        public char Peek => text[_at];

        public char Take() => text[_at++];

        public void SkipSeparators()
        {
            while (_at < text.Length && (char.IsWhiteSpace(text[_at]) || text[_at] == ','))
                _at++;
        }

        public IEnumerable<double> All()
        {
            while (Next(out var n))
                yield return n;
        }

        public bool Pair(out double x, out double y)
        {
            y = 0;
            return Next(out x) && Next(out y);
        }

        /// <summary>An arc flag: one digit, 0 or 1, which may run straight into the next number ("a5 5 0 01 10 10").</summary>
        public bool Flag(out bool flag)
        {
            SkipSeparators();
            flag = false;
            if (AtEnd || text[_at] is not ('0' or '1'))
                return false;
            flag = text[_at++] == '1';
            return true;
        }

        public bool Next(out double value)
        {
            SkipSeparators();
            value = 0;
            int begin = _at;
            if (_at < text.Length && text[_at] is '+' or '-')
                _at++;
            bool digits = false, dot = false;
            while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.' && !dot))
            {
                dot |= text[_at] == '.';
                digits |= char.IsAsciiDigit(text[_at]);
                _at++;
            }
            if (digits && _at < text.Length && text[_at] is 'e' or 'E')
            {
                int mark = _at++;
                if (_at < text.Length && text[_at] is '+' or '-')
                    _at++;
                if (_at < text.Length && char.IsAsciiDigit(text[_at]))
                {
                    while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                        _at++;
                }
                else
                    _at = mark;
            }
            if (!digits || !double.TryParse(text.AsSpan(begin, _at - begin), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                _at = begin;
                return false;
            }
            return true;
        }
    }
}
