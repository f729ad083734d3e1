using System.Globalization;

namespace Pub.Layout.Paged;

/// <summary>An sRGB colour.</summary>
public readonly record struct Colour(byte R, byte G, byte B)
{
    public static Colour Black { get; } = new(0, 0, 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}

/// <summary>
/// Something placed on a page. Coordinates are points from the top-left corner of the page, y growing
/// downward (the convention of the PDF writer's drawing surface; it converts to PDF user space where needed).
/// </summary>
public abstract record PageItem
{
    /// <summary>The structure element this item's content belongs to (<see cref="StructureElement.Id"/>);
    /// 0 for an artifact.</summary>
    public int Tag { get; init; }

    /// <summary>The same item moved by (dx, dy).</summary>
    public abstract PageItem Translate(double dx, double dy);

    internal abstract string DumpLine();

    private protected static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private protected static string Q(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A kerned pair inside a run: the text from UTF-16 index <see cref="Index"/> on starts <see cref="Offset"/>
/// points after the run's start (instead of where the plain advances would put it).</summary>
public readonly record struct KernAt(int Index, double Offset);

/// <summary>A run of text in one face and size, drawn from (X, Baseline). <see cref="Width"/> is its measured
/// advance, kerning included. Spaces between words are real space characters inside runs.</summary>
public sealed record TextRun(string Text, string FaceId, double Size, double X, double Baseline, double Width, Colour? Colour = null) : PageItem
{
    /// <summary>Kerned pairs, in text order; the writer places the glyph at each index at its offset.</summary>
    public IReadOnlyList<KernAt> Kerns { get; init; } = [];

    /// <summary>Degrees counterclockwise about (X, Baseline); 0 for ordinary text (a draft watermark is set on the diagonal).</summary>
    public double Rotation { get; init; }

    public override PageItem Translate(double dx, double dy) => this with { X = X + dx, Baseline = Baseline + dy };

    internal override string DumpLine() =>
        $"text {F(X)} {F(Baseline)} w={F(Width)} {FaceId} {F(Size)}{(Colour is { } c ? " " + c : "")}{(Rotation != 0 ? " rot=" + F(Rotation) : "")} {Q(Text)}{(Kerns.Count > 0 ? " kern " + string.Join(",", Kerns.Select(k => k.Index.ToString(CultureInfo.InvariantCulture) + "@" + F(k.Offset))) : "")}";
}

/// <summary>A straight line of a given thickness.</summary>
public sealed record RuleItem(double X1, double Y1, double X2, double Y2, double Thickness, Colour? Colour = null) : PageItem
{
    public override PageItem Translate(double dx, double dy) => this with { X1 = X1 + dx, Y1 = Y1 + dy, X2 = X2 + dx, Y2 = Y2 + dy };

    internal override string DumpLine() => $"rule {F(X1)} {F(Y1)} {F(X2)} {F(Y2)} t={F(Thickness)}{(Colour is { } c ? " " + c : "")}";
}

/// <summary>A filled rectangle (a code block's background, say).</summary>
public sealed record RectItem(double X, double Y, double Width, double Height, Colour Fill) : PageItem
{
    public override PageItem Translate(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    internal override string DumpLine() => $"rect {F(X)} {F(Y)} {F(Width)} {F(Height)} {Fill}";
}

/// <summary>An image or vector figure, scaled into the rectangle; <see cref="Path"/> is the key of its bytes in
/// <see cref="PagedDocument.Images"/> (PNG, JPEG, or a PDF whose page <see cref="Page"/> is drawn) or of its drawing in
/// <see cref="PagedDocument.Drawings"/> (SVG).</summary>
public sealed record ImageItem(string Path, double X, double Y, double Width, double Height, string? AltText = null) : PageItem
{
    /// <summary>The page of a PDF figure, from 1.</summary>
    public int Page { get; init; } = 1;

    public override PageItem Translate(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    internal override string DumpLine() => $"image {F(X)} {F(Y)} {F(Width)} {F(Height)} {Q(Path)}{(Page != 1 ? " page=" + Page.ToString(CultureInfo.InvariantCulture) : "")}";
}

/// <summary>A clickable area: to a URL, or to a named destination in the document.</summary>
public sealed record LinkItem(double X, double Y, double Width, double Height, string? Url, string? Destination) : PageItem
{
    public override PageItem Translate(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    internal override string DumpLine() =>
        $"link {F(X)} {F(Y)} {F(Width)} {F(Height)} {(Url is not null ? "url " + Q(Url) : "dest " + Q(Destination ?? ""))}";
}

/// <summary>A named destination: a place links and cross-references can jump to.</summary>
public sealed record DestinationItem(string Name, double X, double Y) : PageItem
{
    public override PageItem Translate(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    internal override string DumpLine() => $"dest {F(X)} {F(Y)} {Q(Name)}";
}
