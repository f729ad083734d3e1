// Raw date strings ("1965-06-01", "1965/1970", "June 1965", "2001-03-04/2001-05") → DateValue.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pub.Citations;

public static partial class DateParsing
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    [GeneratedRegex(@"^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")]
    private static partial Regex IsoRegex();

    public static DateValue FromRaw(string raw)
    {
        var text = raw.Trim();
        var halves = text.Split('/');
        if (halves.Length == 2 && ParseOne(halves[0]) is { } a && ParseOne(halves[1]) is { } b)
        {
            return new DateValue { Parts = [a, b], Raw = raw };
        }
        var range = Regex.Match(text, @"^(\d{4})\s*[-–]\s*(\d{4})$");
        if (range.Success)
        {
            return new DateValue { Parts = [[int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture)], [int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture)]], Raw = raw };
        }
        if (ParseOne(text) is { } one)
        {
            return new DateValue { Parts = [one], Raw = raw };
        }
        // Words: "June 1965", "1 June 1965", "Spring 2000".
        int? year = null, month = null, day = null, season = null;
        foreach (var tok in Regex.Split(text, @"[\s,.]+").Where(t => t.Length > 0))
        {
            var lower = tok.ToLowerInvariant();
            var mi = Array.FindIndex(Months, m => lower.StartsWith(m, StringComparison.Ordinal));
            var si = Array.FindIndex(Seasons, s => lower == s);
            if (mi >= 0)
            {
                month = mi + 1;
            }
            else if (si >= 0)
            {
                season = si + 1;
            }
            else if (int.TryParse(tok, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                if (n > 31 || tok.Length >= 3)
                {
                    year = n;
                }
                else
                {
                    day = n;
                }
            }
            else
            {
                return new DateValue { Literal = raw, Raw = raw };
            }
        }
        if (year is null)
        {
            return new DateValue { Literal = raw, Raw = raw };
        }
        var parts = new List<int> { year.Value };
        if (month is not null)
        {
            parts.Add(month.Value);
            if (day is not null)
            {
                parts.Add(day.Value);
            }
        }
        return new DateValue { Parts = [parts], Season = season, Raw = raw };
    }

    private static List<int>? ParseOne(string s)
    {
        var m = IsoRegex().Match(s.Trim());
        if (!m.Success)
        {
            return null;
        }
        var list = new List<int> { int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) };
        if (m.Groups[2].Success)
        {
            list.Add(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        if (m.Groups[3].Success)
        {
            list.Add(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
        }
        return list;
    }
}
