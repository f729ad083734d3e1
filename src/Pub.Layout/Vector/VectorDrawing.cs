using System.Globalization;
using Pub.Layout.Paged;

namespace Pub.Layout.Vector;

/// <summary>An affine map of the plane, as SVG and PDF write it: x' = a·x + c·y + e, y' = b·x + d·y + f.</summary>
public readonly record struct Affine(double A, double B, double C, double D, double E, double F)
{
    public static Affine Identity { get; } = new(1, 0, 0, 1, 0, 0);

    /// <summary>This map applied after <paramref name="inner"/>: (this ∘ inner)(p) = this(inner(p)).</summary>
    public Affine Then(Affine inner) => new(
        A * inner.A + C * inner.B, B * inner.A + D * inner.B,
        A * inner.C + C * inner.D, B * inner.C + D * inner.D,
        A * inner.E + C * inner.F + E, B * inner.E + D * inner.F + F);

    public VectorPoint Apply(double x, double y) => new(A * x + C * y + E, B * x + D * y + F);

    /// <summary>How much the map enlarges lengths on average (the square root of the area factor): stroke widths
    /// and font sizes scale by it.</summary>
    public double Scale => Math.Sqrt(Math.Abs(A * D - B * C));
}

public readonly record struct VectorPoint(double X, double Y);

public enum PathVerb
{
    MoveTo,
    LineTo,
    CubicTo,
    Close,
}

/// <summary>One step of a path. A cubic uses all three points (two controls, then the end); a move or line only
/// <see cref="P3"/>; a close none.</summary>
public readonly record struct PathStep(PathVerb Verb, VectorPoint P1, VectorPoint P2, VectorPoint P3);

/// <summary>Something drawn in a vector figure, in paint order.</summary>
public abstract record VectorMark;

/// <summary>A filled and/or stroked outline, in the drawing's coordinates (points, y down).</summary>
public sealed record VectorPath(IReadOnlyList<PathStep> Steps, Colour? Fill, Colour? Stroke, double StrokeWidth, bool EvenOdd,
    IReadOnlyList<double> Dashes) : VectorMark
{
    /// <summary>From 0 (invisible) to 1 (opaque).</summary>
    public double FillOpacity { get; init; } = 1;

    public double StrokeOpacity { get; init; } = 1;

    internal string DumpLine() => string.Create(CultureInfo.InvariantCulture,
        $"path steps={Steps.Count} fill={(Fill?.ToString() ?? "none")} stroke={(Stroke?.ToString() ?? "none")} w={StrokeWidth:0.00}{(EvenOdd ? " evenodd" : "")}{(FillOpacity < 1 ? $" fill-opacity={FillOpacity:0.00}" : "")}{(StrokeOpacity < 1 ? $" stroke-opacity={StrokeOpacity:0.00}" : "")}");
}

/// <summary>Text of a vector figure, set in the edition's own faces so that it keeps its glyphs and can be searched
/// and copied.</summary>
public sealed record VectorText(TextRun Run) : VectorMark;

/// <summary>A vector figure ready to draw: its natural size in points and its marks in paint order. The PDF
/// writer draws it once into a form and places the form wherever the figure appears.</summary>
public sealed record VectorDrawing(double Width, double Height, IReadOnlyList<VectorMark> Marks)
{
    internal IEnumerable<string> DumpLines() =>
        Marks.Select(m => m switch
        {
            VectorPath p => p.DumpLine(),
            VectorText t => t.Run.DumpLine(),
            _ => m.ToString() ?? "",
        });
}
