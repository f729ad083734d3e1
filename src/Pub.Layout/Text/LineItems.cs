using Pub.Layout.Fonts;

namespace Pub.Layout.Text;

/// <summary>Text in one face, size and style, measured: the unit a run is drawn from.</summary>
internal sealed record Piece(string Text, FontFace Face, double Size, double Width, TextStyle Style);

/// <summary>
/// The box–glue–penalty model of a paragraph (Knuth and Plass): boxes are unbreakable (a word with its
/// punctuation and note marks), glue is a stretchable space where a line may break, penalties are other
/// break points. The greedy breaker used today and an optimal one later read the same items.
/// </summary>
internal abstract record LineItem;

internal sealed record Box(IReadOnlyList<Piece> Pieces, IReadOnlyList<string> Anchors) : LineItem
{
    public double Width { get; } = Pieces.Sum(p => p.Width);
}

/// <summary>An inter-word space; <see cref="Space"/> is how it is drawn when the line does not break there.</summary>
internal sealed record Glue(double Width, double Stretch, double Shrink, Piece Space) : LineItem;

/// <summary>A break point; <see cref="double.NegativeInfinity"/> forces a break.</summary>
internal sealed record Penalty(double Cost) : LineItem
{
    public static Penalty Forced { get; } = new(double.NegativeInfinity);

    public bool IsForced => double.IsNegativeInfinity(Cost);
}
