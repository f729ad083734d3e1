// Dates written as text: BibLaTeX's date fields and CSL-YAML's plain date strings both use the
// ISO 8601 / EDTF level-1 subset below, so both readers share this parser.
using System.Globalization;

namespace Pub.Citations.Readers;

/// <summary>
/// Reads "2010", "2010-01", "2010-01-07", ranges "2010-01/2011", seasons "2010-21" (21–24 are
/// spring to winter), and the qualifiers "~" (circa) and "?" / "%" (uncertain, read as circa).
/// An open end ("2010/..", "2010/") leaves a single date: CSL has no open range.
/// </summary>
internal static class EdtfDate
{
    public static DateValue? Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }
        var circa = false;
        var sides = t.Split('/');
        if (sides.Length > 2)
        {
            return null;
        }
        var parts = new List<IReadOnlyList<int>>();
        int? season = null;
        foreach (var rawSide in sides)
        {
            var side = rawSide.Trim();
            if (side is "" or "..")
            {
                if (sides.Length == 2)
                {
                    continue;
                }
                return null;
            }
            while (side.Length > 0 && side[^1] is '~' or '?' or '%')
            {
                circa = true;
                side = side[..^1];
            }
            var date = ParseOne(side, out var sideSeason);
            if (date is null)
            {
                return null;
            }
            season ??= sideSeason;
            parts.Add(date);
        }
        if (parts.Count == 0)
        {
            return null;
        }
        return new DateValue { Parts = parts, Circa = circa, Season = season };
    }

    private static int[]? ParseOne(string side, out int? season)
    {
        season = null;
        var negative = side.StartsWith('-');
        var pieces = (negative ? side[1..] : side).Split('-');
        if (pieces.Length > 3 || pieces[0].Length == 0)
        {
            return null;
        }
        var numbers = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length == 0 || pieces[i].Length > (i == 0 ? 6 : 2)
                || !int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }
        if (negative)
        {
            numbers[0] = -numbers[0];
        }
        if (numbers.Length >= 2)
        {
            if (numbers.Length == 2 && numbers[1] is >= 21 and <= 24)
            {
                season = numbers[1] - 20;
                return [numbers[0]];
            }
            if (numbers[1] is < 1 or > 12)
            {
                return null;
            }
        }
        if (numbers.Length == 3 && (numbers[2] < 1 || numbers[2] > DateTime.DaysInMonth(Math.Clamp(numbers[0], 1, 9999), numbers[1])))
        {
            return null;
        }
        return numbers;
    }
}
