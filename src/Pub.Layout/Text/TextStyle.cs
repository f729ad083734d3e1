using Pub.Layout.Fonts;
using Pub.Layout.Paged;

namespace Pub.Layout.Text;

/// <summary>How a stretch of inline text is set: the font role and style, size, baseline shift, colour and link,
/// its language (which hyphenation patterns apply), whether it may be hyphenated at all (not code, URLs, headings),
/// and the inline structure element (a link, a note reference) its text belongs to, 0 for the enclosing block.</summary>
internal sealed record TextStyle(
    FontRole Role,
    bool Bold,
    bool Italic,
    double Size,
    double Rise = 0,
    Colour? Colour = null,
    string? Url = null,
    string? Destination = null,
    bool SmallCaps = false,
    bool Underline = false,
    string? Language = null,
    bool Hyphenate = true,
    int Tag = 0)
{
    public bool IsLink => Url is not null || Destination is not null;
}

/// <summary>A stretch of text in one style, as collected from the inline tree.</summary>
internal abstract record Span;

internal sealed record TextSpan(string Text, TextStyle Style) : Span;

/// <summary>A forced line break.</summary>
internal sealed record BreakSpan : Span;

/// <summary>A named destination inside running text (a footnote reference's back-target).</summary>
internal sealed record AnchorSpan(string Name) : Span;
