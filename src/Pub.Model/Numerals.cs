using System.Globalization;
using System.Text;

namespace Pub.Model;

/// <summary>Roman numerals, as page numbers of the front matter, part numbers and CSL's roman forms write them.</summary>
public static class Numerals
{
    /// <summary>i, ii, iii, iv … in lowercase; numbers outside 1–3999 fall back to arabic.</summary>
    public static string Roman(int number)
    {
        if (number is < 1 or > 3999)
            return number.ToString(CultureInfo.InvariantCulture);
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] digits = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
        var text = new StringBuilder();
        for (int k = 0; k < values.Length; k++)
        {
            for (; number >= values[k]; number -= values[k])
                text.Append(digits[k]);
        }
        return text.ToString();
    }
}
