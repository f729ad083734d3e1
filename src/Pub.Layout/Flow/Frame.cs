using Pub.Layout.Fonts;
using Pub.Layout.Text;

namespace Pub.Layout.Flow;

/// <summary>Where and how blocks are set: the indent from the text area's left edge, the measure, and the
/// text style in force (a block quote or a table cell narrows it; notes set it smaller).</summary>
internal sealed record Frame(double Indent, double Width, double Size, double Leading, FontRole Role, bool Italic, bool Bold, Alignment Alignment)
{
    /// <summary>Language of the text (BCP 47), for hyphenation.</summary>
    public string Language { get; init; } = "en";

    /// <summary>False where words must never be broken (headings).</summary>
    public bool Hyphenate { get; init; } = true;

    public double LineHeight => Size * Leading;

    public TextStyle Style => new(Role, Bold, Italic, Size, Language: Language, Hyphenate: Hyphenate);

    public Frame Narrow(double left, double right = 0) => this with { Indent = Indent + left, Width = Width - left - right };

    public Frame Sized(double scale) => this with { Size = Size * scale };
}
