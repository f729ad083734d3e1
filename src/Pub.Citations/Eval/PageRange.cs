// page-range-format: expanded, minimal, minimal-two, chicago (chicago-15 / chicago-16).
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations;

internal static partial class PageRange
{
    [GeneratedRegex(@"^([A-Za-z]*)(\d+)\s*[-–—]+\s*([A-Za-z]*)(\d+)$")]
    private static partial Regex RangeRegex();

    [GeneratedRegex(@"(\s*,\s*|\s*&\s*)")]
    private static partial Regex ListSeparator();

    public static string Format(string value, string? format, ResolvedLocale locale)
    {
        var delimiter = locale.Term("page-range-delimiter") ?? "–";
        if (format is null)
        {
            delimiter = "–";
        }
        var parts = ListSeparator().Split(value);
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            var m = RangeRegex().Match(part.Trim());
            if (!m.Success || (m.Groups[3].Value.Length > 0 && m.Groups[3].Value != m.Groups[1].Value))
            {
                sb.Append(part.Contains(',', StringComparison.Ordinal) ? ", " : part.Contains('&', StringComparison.Ordinal) ? " & " : part);
                continue;
            }
            var prefix = m.Groups[1].Value;
            var first = m.Groups[2].Value;
            var second = m.Groups[4].Value;
            sb.Append(prefix).Append(first).Append(delimiter).Append(m.Groups[3].Value.Length > 0 && format is null ? m.Groups[3].Value : string.Empty)
              .Append(format is null ? second : Second(first, second, format));
        }
        return sb.ToString();
    }

    private static string Second(string first, string second, string format)
    {
        // Expand an abbreviated second number first ("321-8" → 328).
        var full = second.Length < first.Length ? first[..(first.Length - second.Length)] + second : second;
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || !long.TryParse(full, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b <= a)
        {
            return second;
        }
        switch (format)
        {
            case "expanded":
                return full;
            case "minimal":
                return Minimal(first, full, 1);
            case "minimal-two":
                return Minimal(first, full, 2);
            case "chicago" or "chicago-16":
                return Chicago(first, full, a, sixteen: true);
            case "chicago-15":
                return Chicago(first, full, a, sixteen: false);
            default:
                return full;
        }
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
            if (m.Length >= 3)
            {
                return full;
            }
            return m;
        }
        return Minimal(first, full, 2);
    }
}
