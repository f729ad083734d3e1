// known-failures.txt: the CSL test-suite fixtures that fail today, one per line as
// "fixture-name  # reason". It behaves like a golden file: a run compares it with the results and
// fails on any difference (a new failure, a listed fixture that passes, a listed fixture that no
// longer exists) and on any entry without a written reason. With PUB_UPDATE_GOLDEN=1 a run that
// would change the list rewrites it and still fails, so that no change is accepted unread.
using System.Globalization;
using System.Text;
using Pub.Testing;

namespace Pub.Citations.Conformance;

/// <summary>One listed fixture, with the one-based line it is on.</summary>
internal sealed record KnownFailure(string Name, string Reason, int Line);

internal sealed class KnownFailureList
{
    public const string FileName = "known-failures.txt";

    private const string Header =
        "# CSL test-suite fixtures that fail today, one per line: name  # reason.\n" +
        "# The conformance test fails when a fixture not listed here fails, when a listed one passes or no longer\n" +
        "# exists, and when an entry has no reason. PUB_UPDATE_GOLDEN=1 rewrites the list (and still fails).\n";

    private readonly List<string> _formatProblems;

    private KnownFailureList(IReadOnlyDictionary<string, KnownFailure> entries, List<string> formatProblems)
    {
        Entries = entries;
        _formatProblems = formatProblems;
    }

    public IReadOnlyDictionary<string, KnownFailure> Entries { get; }

    /// <summary>Reads the list; blank lines and lines starting with # are comments.</summary>
    public static KnownFailureList Parse(string text)
    {
        var entries = new Dictionary<string, KnownFailure>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (number, name, reason) in ReasonedList.Read(text))
        {
            if (entries.TryGetValue(name, out var first))
            {
                problems.Add(At(number, $"'{name}' is listed twice (first on line {first.Line.ToString(CultureInfo.InvariantCulture)})"));
                continue;
            }
            if (!ReasonedList.IsReason(reason))
            {
                problems.Add(At(number, reason.Length == 0
                    ? $"'{name}' has no reason; write '{name}  # why pub's output differs'"
                    : $"'{name}' has the placeholder reason '{reason}'; write why pub's output differs"));
            }
            entries[name] = new KnownFailure(name, reason, number);
        }
        return new KnownFailureList(entries, problems);
    }

    /// <summary>Every way the list disagrees with a run (fixture name → passed), and every entry
    /// without a reason; empty when the list is right.</summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, bool> results)
    {
        var problems = new List<string>(_formatProblems);
        foreach (var name in results.Where(r => !r.Value && !Entries.ContainsKey(r.Key)).Select(r => r.Key).Order(StringComparer.Ordinal))
        {
            problems.Add($"{FileName}: '{name}' fails but is not listed; fix it, or list it with the reason it fails");
        }
        foreach (var entry in Entries.Values.OrderBy(e => e.Line))
        {
            if (!results.TryGetValue(entry.Name, out var passed))
            {
                problems.Add(At(entry.Line, $"'{entry.Name}' is not a fixture of the suite; remove it"));
            }
            else if (passed)
            {
                problems.Add(At(entry.Line, $"'{entry.Name}' now passes; remove it from the list"));
            }
        }
        return problems;
    }

    /// <summary>The list as a run says it should be: the failing fixtures, in order, each with its
    /// listed reason; a new failure gets an empty reason, which the next run reports until someone
    /// writes one.</summary>
    public string Updated(IReadOnlyDictionary<string, bool> results)
    {
        var text = new StringBuilder(Header);
        foreach (var name in results.Where(r => !r.Value).Select(r => r.Key).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append("  #");
            if (Entries.TryGetValue(name, out var entry) && entry.Reason.Length > 0)
            {
                text.Append(' ').Append(entry.Reason);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Whether a run's failures are other fixtures than the listed ones.</summary>
    public bool Differs(IReadOnlyDictionary<string, bool> results)
    {
        var failing = results.Where(r => !r.Value).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return !failing.SetEquals(Entries.Keys);
    }

    private static string At(int line, string message) => $"{FileName} line {line.ToString(CultureInfo.InvariantCulture)}: {message}";
}
