// Runs every fixture of the official CSL test suite (read from ../shared at run time), prints a
// per-category pass table and checks the results against known-failures.txt (see KnownFailureList),
// so the list can only shrink.
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

        var listPath = Path.Combine(repoRoot!, "tests", "Pub.Citations.Conformance", KnownFailureList.FileName);
        var list = KnownFailureList.Parse(File.Exists(listPath) ? File.ReadAllText(listPath) : string.Empty);
        var passed = results.ToDictionary(r => r.Key, r => r.Value.Pass, StringComparer.Ordinal);
        var problems = string.Join("\n", list.Check(passed));
        if (list.Differs(passed) && Environment.GetEnvironmentVariable("PUB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(listPath, list.Updated(passed), new UTF8Encoding(false));
            Assert.Fail($"{KnownFailureList.FileName} was rewritten; review the change, give each new entry its reason, and run again without PUB_UPDATE_GOLDEN\n{problems}");
        }
        Assert.True(problems.Length == 0, problems);
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
