// Runs every fixture of the official CSL test suite (read from ../shared at run time), prints a
// per-category pass table and fails on any change against known-failures.txt: a new failure, or a
// listed fixture that now passes (remove it from the list, so the list only shrinks).
// PUB_UPDATE_KNOWN_FAILURES=1 rewrites the list from the current results.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Xunit;

namespace Pub.Citations.Conformance;

public sealed class ConformanceTests
{
    [Fact]
    public void CslTestSuite()
    {
        var repoRoot = RepoRoot();
        var suite = repoRoot is null ? null : Path.Combine(Path.GetDirectoryName(repoRoot)!, "shared", "csl", "test-suite");
        if (suite is null || !Directory.Exists(suite))
        {
            var message = "CSL test suite not found (expected ../shared/csl/test-suite beside the repository root)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Skip(message);
            return;
        }
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(suite))!;
        var locales = LocaleSet.FromFolders(Path.Combine(shared, "csl", "locales"), Path.Combine(suite, "extra-locales"));
        var files = Directory.GetFiles(Path.Combine(suite, "processor-tests", "humans"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var results = new ConcurrentDictionary<string, (string Category, bool Pass, string Detail)>(StringComparer.Ordinal);
        Parallel.ForEach(files, file =>
        {
            var fixture = Fixture.Load(file);
            var expected = (fixture["RESULT"] ?? string.Empty).TrimEnd();
            string actual;
            try
            {
                var task = Task.Run(() => FixtureRunner.Run(fixture, locales));
                actual = task.Wait(TimeSpan.FromSeconds(10)) ? task.Result.TrimEnd() : "<timeout>";
            }
            catch (AggregateException ex)
            {
                actual = "<exception> " + ex.InnerException;
            }
            var pass = string.Equals(expected, actual, StringComparison.Ordinal);
            results[fixture.Name] = (fixture.Category, pass, pass ? string.Empty : $"--- expected\n{expected}\n--- actual\n{actual}\n");
        });

        var report = new StringBuilder();
        report.AppendLine("category          pass / total");
        foreach (var g in results.GroupBy(r => r.Value.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pass = g.Count(r => r.Value.Pass);
            report.AppendLine(CultureInfo.InvariantCulture, $"{g.Key,-16} {pass,5} / {g.Count(),-5} {100.0 * pass / g.Count(),6:F1}%");
        }
        var total = results.Count(r => r.Value.Pass);
        report.AppendLine(CultureInfo.InvariantCulture, $"{"TOTAL",-16} {total,5} / {results.Count,-5} {100.0 * total / results.Count,6:F1}%");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Console.WriteLine(report.ToString());

        var details = new StringBuilder();
        foreach (var (name, r) in results.Where(r => !r.Value.Pass).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            details.Append("=== ").AppendLine(name).AppendLine(r.Detail);
        }
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-failures.txt"), details.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-table.txt"), report.ToString());

        var listPath = Path.Combine(repoRoot!, "tests", "Pub.Citations.Conformance", "known-failures.txt");
        var known = KnownFailures.Read(listPath);
        var failing = results.Where(r => !r.Value.Pass).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("PUB_UPDATE_KNOWN_FAILURES") == "1")
        {
            KnownFailures.Write(listPath, failing, known);
            return;
        }
        var unexpected = failing.Where(f => !known.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        var nowPassing = known.Keys.Where(k => !failing.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var problems = new StringBuilder();
        if (unexpected.Count > 0)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{unexpected.Count} fixture(s) fail that are not in known-failures.txt:");
            foreach (var u in unexpected)
            {
                problems.AppendLine("  " + u);
            }
        }
        if (nowPassing.Count > 0)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{nowPassing.Count} fixture(s) in known-failures.txt now pass; remove them from the list:");
            foreach (var p in nowPassing)
            {
                problems.AppendLine("  " + p);
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static string? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            {
                return dir.FullName;
            }
            dir = dir.Parent;
        }
        return null;
    }
}

internal static class KnownFailures
{
    /// <summary>Reads "fixture-name  # reason" lines; blank lines and lines starting with # are ignored.</summary>
    public static Dictionary<string, string> Read(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return map;
        }
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var name = (hash >= 0 ? line[..hash] : line).Trim();
            var reason = hash >= 0 ? line[(hash + 1)..].Trim() : string.Empty;
            map[name] = reason;
        }
        return map;
    }

    public static void Write(string path, IEnumerable<string> failing, Dictionary<string, string> previous)
    {
        var sb = new StringBuilder();
        sb.Append("# CSL test-suite fixtures that fail today, one per line: name  # reason.\n");
        sb.Append("# The conformance test fails when a fixture not listed here fails, and when a listed one passes.\n");
        foreach (var f in failing.Order(StringComparer.Ordinal))
        {
            var reason = previous.TryGetValue(f, out var r) && r.Length > 0 ? r : Reason(f);
            sb.Append(f).Append("  # ").Append(reason).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }

    private static string Reason(string name) => name[..name.IndexOf('_', StringComparison.Ordinal)] switch
    {
        "disambiguate" => "disambiguation output differs",
        "collapse" => "collapsing output differs",
        "sort" => "sort order differs",
        "position" => "position handling differs",
        "name" or "nameattr" or "nameorder" => "name formatting differs",
        "date" => "date formatting differs",
        "flipflop" or "quotes" or "punctuation" or "affix" => "punctuation/quote handling differs",
        "textcase" => "text-case handling differs",
        _ => "output differs",
    };
}
