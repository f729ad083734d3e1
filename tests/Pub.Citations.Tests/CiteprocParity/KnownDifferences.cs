// The list of strings in which pub knowingly differs from citeproc-js, each with its reason. A line is
//   <style> <locale> <kind> <id>  # reason
// where each of the four fields may be a glob ('*' matches any run of characters), kind is cite, bib or
// order, and id is a cluster id (cite), a reference id (bib) or '-' (order). A reason that begins with
// "[quotes]" explains only a difference in quotation marks: the two strings must be equal once every
// quotation mark is read as the same mark. The list can only shrink: a difference no line explains
// fails, and so does a line that explains no difference any more.
using System.Text;
using System.Text.RegularExpressions;
using Pub.Testing;

namespace Pub.Citations.Tests.CiteprocParity;

internal sealed record DifferenceKey(string Style, string Locale, string Kind, string Id)
{
    public override string ToString() => $"{Style} {Locale} {Kind} {Id}";
}

internal sealed record KnownDifference(int Line, string Pattern, string Reason, Regex[] Fields)
{
    private const string QuotesOnly = "[quotes]";

    public bool Matches(DifferenceKey key, string expected, string actual) =>
        Fields[0].IsMatch(key.Style) && Fields[1].IsMatch(key.Locale) && Fields[2].IsMatch(key.Kind) && Fields[3].IsMatch(key.Id)
        && (!Reason.StartsWith(QuotesOnly, StringComparison.Ordinal) || AnyQuote(expected) == AnyQuote(actual));

    /// <summary>Every quotation mark (with the no-break spaces French sets inside guillemets) as '"'.</summary>
    private static string AnyQuote(string text) =>
        Regex.Replace(text, "[\u201C\u201D\u201E\u2018\u2019\u201A\"]|«[\u00A0\u202F]?|[\u00A0\u202F]?»", "\"");
}

internal sealed class KnownDifferences
{
    private KnownDifferences(IReadOnlyList<KnownDifference> entries, IReadOnlyList<string> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public IReadOnlyList<KnownDifference> Entries { get; }

    /// <summary>Lines that cannot be used: a malformed pattern or a missing reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static KnownDifferences Parse(string text)
    {
        var entries = new List<KnownDifference>();
        var problems = new List<string>();
        foreach (var (line, pattern, reason) in ReasonedList.Read(text))
        {
            var fields = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
            {
                problems.Add($"line {line}: '{pattern}' must have four fields: style locale kind id");
                continue;
            }
            if (!ReasonedList.IsReason(reason))
            {
                problems.Add($"line {line}: '{pattern}' has no reason; write why pub differs (or fix it)");
                continue;
            }
            entries.Add(new KnownDifference(line, pattern, reason, [.. fields.Select(Glob)]));
        }
        return new KnownDifferences(entries, problems);
    }

    /// <summary>The first line that explains <paramref name="key"/>, if any.</summary>
    public KnownDifference? Explain(DifferenceKey key, string expected, string actual) => Entries.FirstOrDefault(e => e.Matches(key, expected, actual));

    /// <summary>The list as it should be for <paramref name="differences"/>: lines that still explain
    /// something are kept with their reasons, the rest dropped, and each unexplained difference added
    /// as its own line marked UNEXPLAINED (which the test refuses until someone writes the reason).</summary>
    public static string Rewrite(string text, IReadOnlyCollection<(DifferenceKey Key, string Expected, string Actual)> differences)
    {
        var parsed = Parse(text);
        var used = new HashSet<int>();
        var unexplained = new List<DifferenceKey>();
        foreach (var (key, expected, actual) in differences)
        {
            if (parsed.Explain(key, expected, actual) is { } entry)
            {
                used.Add(entry.Line);
            }
            else
            {
                unexplained.Add(key);
            }
        }
        var sb = new StringBuilder();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var isEntry = line.Length > 0 && !line.StartsWith('#');
            if (!isEntry || used.Contains(i + 1))
            {
                sb.Append(lines[i]).Append('\n');
            }
        }
        foreach (var key in unexplained.OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            sb.Append(key).Append("  # UNEXPLAINED\n");
        }
        return sb.ToString();
    }

    private static Regex Glob(string field) =>
        new("^" + Regex.Escape(field).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
