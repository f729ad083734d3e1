// Page ranges: "123-9" style values in page and locator variables. A part is a range only when both
// numbers carry the same prefix ("N110-N115", "110-115"); the range delimiter is the locale's
// page-range-delimiter term; page-range-format abbreviates or expands the second number
// (expanded, minimal, minimal-two, chicago = chicago-15, chicago-16). "\-" is a literal hyphen.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations;

internal static partial class PageRange
{
    [GeneratedRegex(@"^((?:.*\D)?)(\d+)\s*[-–—]+\s*((?:.*\D)?)(\d+)$")]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"^([ivxlcdmIVXLCDM]+)\s*[-–]\s*([ivxlcdmIVXLCDM]+)$")]
    private static partial Regex RomanRange();

    [GeneratedRegex(@"(\s*,\s*|\s*&\s*)")]
    private static partial Regex ListSeparator();

    public static string Format(string value, PageRangeFormat? format, ResolvedLocale locale)
    {
        var delimiter = locale.Term("page-range-delimiter") ?? "–";
        var parts = ListSeparator().Split(value);
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0 || trimmed is "," or "&")
            {
                sb.Append(trimmed == "," ? ", " : trimmed == "&" ? " " + Numbers.Ampersand(locale) + " " : part);
                continue;
            }
            if (trimmed.Contains("\\-", StringComparison.Ordinal))
            {
                sb.Append(trimmed.Replace("\\-", "-", StringComparison.Ordinal));
                continue;
            }
            var roman = RomanRange().Match(trimmed);
            if (roman.Success)
            {
                sb.Append(roman.Groups[1].Value).Append(delimiter).Append(roman.Groups[2].Value);
                continue;
            }
            var m = RangeRegex().Match(trimmed);
            if (!m.Success)
            {
                sb.Append(trimmed);
                continue;
            }
            var prefix = m.Groups[1].Value;
            var first = m.Groups[2].Value;
            var prefix2 = m.Groups[3].Value;
            var second = m.Groups[4].Value;
            if (prefix != prefix2)
            {
                sb.Append(prefix).Append(first).Append('-').Append(prefix2).Append(second);
                continue;
            }
            sb.Append(prefix).Append(first).Append(delimiter);
            if (format is not { } f)
            {
                sb.Append(prefix2).Append(second);
                continue;
            }
            var formatted = Second(first, second, f);
            sb.Append(f == PageRangeFormat.Expanded ? prefix + formatted : formatted);
        }
        return sb.ToString();
    }

    private static string Second(string first, string second, PageRangeFormat format)
    {
        // Expand an abbreviated second number first ("321-8" → 328).
        var full = second.Length < first.Length ? first[..(first.Length - second.Length)] + second : second;
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || !long.TryParse(full, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b <= a)
        {
            return second;
        }
        return format switch
        {
            PageRangeFormat.Minimal => Minimal(first, full, 1),
            PageRangeFormat.MinimalTwo => Minimal(first, full, 2),
            PageRangeFormat.Chicago16 => Chicago(first, full, a, sixteen: true),
            PageRangeFormat.Chicago or PageRangeFormat.Chicago15 => Chicago(first, full, a, sixteen: false),
            _ => full,
        };
    }

    private static string Minimal(string first, string full, int keep)
    {
        if (first.Length != full.Length)
        {
            return full;
        }
        var i = 0;
        while (i < first.Length && first[i] == full[i])
        {
            i++;
        }
        var changed = full.Length - i;
        var take = Math.Min(full.Length, Math.Max(changed, keep));
        return full[^take..];
    }

    private static string Chicago(string first, string full, long a, bool sixteen)
    {
        if (a < 100 || a % 100 == 0)
        {
            return full;
        }
        if (a % 100 < 10)
        {
            return Minimal(first, full, 1);
        }
        if (!sixteen && first.Length == 4 && full.Length == 4)
        {
            var m = Minimal(first, full, 2);
            return m.Length >= 3 ? full : m;
        }
        return Minimal(first, full, 2);
    }
}
