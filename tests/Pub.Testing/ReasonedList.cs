// Lists kept beside the tests in which every entry carries the reason it is there ("key  # reason"):
// the CSL suite's known failures and the known differences from citeproc-js. One reader for both, and
// one rule for what counts as a reason.
namespace Pub.Testing;

/// <summary>One entry of a reasoned list, with its one-based line.</summary>
public sealed record ReasonedLine(int Line, string Key, string Reason);

public static class ReasonedList
{
    /// <summary>Words that stand in for a reason without giving one.</summary>
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "todo", "tbd", "fixme", "xxx", "?", "...", "…", "reason", "fail", "fails", "failing", "failure", "broken",
        "differs", "output differs", "wrong", "unknown", "unexplained", "n/a", "-",
    };

    /// <summary>The entries of the list; blank lines and lines starting with # are comments, and the
    /// reason is what follows the first # of an entry (empty when there is none).</summary>
    public static IReadOnlyList<ReasonedLine> Read(string text)
    {
        var entries = new List<ReasonedLine>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            entries.Add(new ReasonedLine(
                i + 1,
                (hash >= 0 ? line[..hash] : line).Trim(),
                hash >= 0 ? line[(hash + 1)..].Trim() : string.Empty));
        }
        return entries;
    }

    /// <summary>Whether <paramref name="reason"/> says something: not empty, not a placeholder word, not
    /// opening with TODO, FIXME, TBD, XXX or UNEXPLAINED.</summary>
    public static bool IsReason(string reason)
    {
        var words = reason.Split([' ', ':', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0
            && !Placeholders.Contains(reason.TrimEnd('.', '!'))
            && !(words[0].ToUpperInvariant() is "TODO" or "FIXME" or "TBD" or "XXX" or "UNEXPLAINED");
    }
}
