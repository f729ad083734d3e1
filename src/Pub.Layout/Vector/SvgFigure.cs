using Pub.Layout.Paged;

namespace Pub.Layout.Vector;

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>Text as the SVG places it, before it is measured: the anchor point is (X, Y) under <see cref="Transform"/>.</summary>
public sealed record SvgText(string Text, double X, double Y, Affine Transform, double Size, bool Bold, bool Serif, TextAnchor Anchor, Colour Fill) : VectorMark
{
    /// <summary>Set where the text before it ends, in another style (a bold word inside a label); the text it continues
    /// and this one are anchored together.</summary>
    public bool Continues { get; init; }
}

/// <summary>What the SVG reader found wrong. <see cref="Refused"/> problems stop the figure (the file is unsafe or
/// unreadable); the others are parts of the drawing that are left out. <see cref="Line"/> is the line in the SVG
/// file, 0 when it is not known.</summary>
public sealed record SvgProblem(SvgProblemKind Kind, int Line, string Message)
{
    public bool Refused => Kind != SvgProblemKind.NotDrawn;
}

public enum SvgProblemKind
{
    /// <summary>Not well-formed XML, no &lt;svg&gt; root, or no size.</summary>
    Unreadable,
    /// <summary>A DOCTYPE or entity declaration.</summary>
    Doctype,
    /// <summary>Script, event handlers or embedded foreign content.</summary>
    Active,
    /// <summary>A reference to another file or a URL.</summary>
    External,
    /// <summary>Declared dimensions beyond what a page can hold, or more elements than pub draws.</summary>
    TooLarge,
    /// <summary>An element or feature pub does not draw.</summary>
    NotDrawn,
}

/// <summary>An SVG file read for drawing: its natural size in points, its marks with text not yet measured, and what
/// was found wrong; a figure with a refusing problem has no marks.</summary>
public sealed record SvgFigure(double Width, double Height, IReadOnlyList<VectorMark> Marks, IReadOnlyList<SvgProblem> Problems)
{
    public bool Drawable => !Problems.Any(p => p.Refused) && Width > 0 && Height > 0;
}
