using System.Globalization;
using System.Text;

namespace Pub.Layout.Paged;

/// <summary>How a range of pages is numbered: lowercase roman for the front matter, arabic for the body.</summary>
public enum PageNumberStyle
{
    LowerRoman,
    Arabic,
}

/// <summary>From page index <see cref="PageIndex"/> on (0-based), pages are numbered in <see cref="Style"/>
/// starting at <see cref="Start"/>; the PDF writer turns these ranges into the document's page labels so that a
/// viewer shows the numbers printed on the pages.</summary>
public sealed record PageNumberRange(int PageIndex, PageNumberStyle Style, int Start = 1)
{
    /// <summary>The number printed on the page <paramref name="offset"/> pages into the range.</summary>
    public string Format(int offset) => PageNumbering.Format(Style, Start + offset);
}

public static class PageNumbering
{
    public static string Format(PageNumberStyle style, int number) =>
        style == PageNumberStyle.LowerRoman ? Roman(number) : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>i, ii, iii, iv … in lowercase; numbers outside 1–3999 fall back to arabic.</summary>
    public static string Roman(int number) => Pub.Model.Numerals.Roman(number);
}
