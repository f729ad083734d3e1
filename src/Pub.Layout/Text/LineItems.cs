using Pub.Layout.Fonts;

namespace Pub.Layout.Text;

/// <summary>Text in one face, size and style, measured (kerning within the text included): the unit a run is drawn from.</summary>
internal sealed record Piece(string Text, FontFace Face, double Size, double Width, TextStyle Style)
{
    /// <summary>The kerned pairs inside the text; derived from the text, so a piece cut or copied stays right.</summary>
    public IReadOnlyList<Paged.KernAt> Kerns => Face.Kerns(Text, Size);

    /// <summary>The piece drawn on its own at (x, baseline).</summary>
    public Paged.TextRun ToRun(double x, double baseline, Paged.Colour? colour = null) =>
        new(Text, Face.Id, Size, x, baseline, Width, colour) { Kerns = Kerns };
}

/// <summary>
/// The box–glue–penalty model of a paragraph (Knuth and Plass): boxes are unbreakable (a word with its
/// punctuation and note marks), glue is a stretchable space where a line may break, penalties are other
/// break points (hyphenation points, explicit hyphens, forced breaks).
/// </summary>
internal abstract record LineItem;

internal sealed record Box(IReadOnlyList<Piece> Pieces, IReadOnlyList<string> Anchors) : LineItem
{
    public double Width { get; } = Pieces.Sum(p => p.Width);
}

/// <summary>An inter-word space; <see cref="Space"/> is how it is drawn when the line does not break there.</summary>
internal sealed record Glue(double Width, double Stretch, double Shrink, Piece Space) : LineItem;

/// <summary>A break point; <see cref="double.NegativeInfinity"/> forces a break. A flagged penalty is a
/// hyphenation point (two in a row cost extra); <see cref="Hyphen"/> is the hyphen drawn at the end of the line
/// when it breaks here (none after an explicit hyphen or dash), <see cref="Width"/> its width.</summary>
internal sealed record Penalty(double Cost, double Width = 0, bool Flagged = false, Piece? Hyphen = null) : LineItem
{
    public static Penalty Forced { get; } = new(double.NegativeInfinity);

    public bool IsForced => double.IsNegativeInfinity(Cost);
}
