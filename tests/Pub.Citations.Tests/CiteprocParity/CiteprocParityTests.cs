// Differential test against citeproc-js, the processor inside Zotero and Mendeley: the corpus of
// tests/fixtures/citeproc is rendered with pub in every style and locale of matrix.json and each
// string (every citation, every bibliography entry, and the bibliography's order) is compared with
// what citeproc-js printed for the same document (tests/citeproc-oracle/render.js wrote expected/).
// Differences must be explained one by one in known-differences.txt; the test prints the share of
// identical strings per style and in total, and writes every difference to citeproc-differences.txt
// beside the test assembly.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.CiteprocParity;

public sealed partial class CiteprocParityTests
{
    [Fact]
    public void PubRendersWhatCiteprocJsRenders()
    {
        var csl = SharedData.CslFolder();
        var corpus = ParityCorpus.Load();
        var locales = LocaleSet.FromFolders(Path.Combine(csl, "locales"));
        var outcomes = new ConcurrentBag<(DifferenceKey Key, string Expected, string Actual)>();
        Parallel.ForEach(corpus.Matrix, styleCase =>
        {
            var expected = Expected(styleCase.Style);
            var style = LoadStyle(csl, styleCase.Style);
            foreach (var locale in styleCase.Locales)
            {
                var want = expected.GetProperty("locales").GetProperty(locale);
                var got = Render(style, locales, locale, corpus);
                foreach (var (kind, id, expectedText, actualText) in Compare(want, got))
                {
                    outcomes.Add((new DifferenceKey(styleCase.Style, locale, kind, id), expectedText, actualText));
                }
            }
        });

        var all = outcomes.OrderBy(o => o.Key.ToString(), StringComparer.Ordinal).ToList();
        var differences = all.Where(o => o.Expected != o.Actual).ToList();
        var report = Report(all);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "citeproc-parity.txt"), report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "citeproc-differences.txt"), DifferenceListing(differences));

        var listPath = Path.Combine(ParityCorpus.Folder, "known-differences.txt");
        var listText = File.Exists(listPath) ? File.ReadAllText(listPath) : string.Empty;
        if (Environment.GetEnvironmentVariable("PUB_UPDATE_GOLDEN") == "1")
        {
            var rewritten = KnownDifferences.Rewrite(listText, differences);
            if (rewritten != listText.Replace("\r\n", "\n", StringComparison.Ordinal))
            {
                File.WriteAllText(listPath, rewritten, new UTF8Encoding(false));
                Assert.Fail("known-differences.txt was rewritten; give each new line its reason (or fix the difference) and run again without PUB_UPDATE_GOLDEN");
            }
        }

        var known = KnownDifferences.Parse(listText);
        var failures = new List<string>(known.Problems);
        var explained = new HashSet<int>();
        foreach (var (key, expectedText, actualText) in differences)
        {
            if (known.Explain(key, expectedText, actualText) is { } entry)
            {
                explained.Add(entry.Line);
            }
            else
            {
                failures.Add($"{key}: pub differs from citeproc-js\n    citeproc-js: {expectedText}\n    pub:         {actualText}");
            }
        }
        var reasons = Reasons(differences, known);
        TestContext.Current.TestOutputHelper?.WriteLine(reasons);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "citeproc-parity.txt"), reasons);
        failures.AddRange(known.Entries.Where(e => !explained.Contains(e.Line))
            .Select(e => $"line {e.Line}: '{e.Pattern}' explains no difference any more; remove it"));
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) with known-differences.txt:\n" + string.Join("\n", failures.Take(60)));
    }

    private static JsonElement Expected(string style)
    {
        var path = Path.Combine(ParityCorpus.Folder, "expected", style + ".json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    private static Style LoadStyle(string csl, string name)
    {
        var styles = Path.Combine(csl, "styles");
        var direct = Path.Combine(styles, name + ".csl");
        var path = File.Exists(direct) ? direct : Path.Combine(styles, "dependent", name + ".csl");
        var bag = new DiagnosticBag();
        return StyleResolver.Load(path, bag, styles)
            ?? throw new InvalidOperationException($"style {name} did not load: " + string.Join("; ", bag.Items.Select(d => d.Message)));
    }

    private static CslResult Render(Style style, LocaleSet locales, string locale, ParityCorpus corpus)
    {
        var cited = corpus.Clusters.SelectMany(c => c.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var processor = CslProcessor.Create(style, locales, corpus.References, locale);
        return processor.Process(corpus.Clusters, new ProcessOptions
        {
            Uncited = [.. corpus.References.Select(r => r.Id).Where(id => !cited.Contains(id))],
        });
    }

    private static IEnumerable<(string Kind, string Id, string Expected, string Actual)> Compare(JsonElement want, CslResult got)
    {
        var citations = got.Citations.ToDictionary(c => c.Id, c => c.Text.ToHtml(), StringComparer.Ordinal);
        foreach (var cite in want.GetProperty("citations").EnumerateObject())
        {
            yield return ("cite", cite.Name, cite.Value.GetString()!, citations.GetValueOrDefault(cite.Name, "<missing>"));
        }
        var entries = got.Bibliography?.Entries.ToDictionary(e => e.Id, e => EntryContent(e.Text.ToHtml()), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in want.GetProperty("bibliography").EnumerateObject())
        {
            yield return ("bib", entry.Name, entry.Value.GetString()!, entries.GetValueOrDefault(entry.Name, "<missing>"));
        }
        var order = string.Join(" ", want.GetProperty("order").EnumerateArray().Select(e => e.GetString()));
        var actualOrder = string.Join(" ", got.Bibliography?.Entries.Select(e => e.Id) ?? []);
        yield return ("order", "-", order, actualOrder);
    }

    /// <summary>An entry as render.js stores citeproc-js's: no whitespace between block tags.</summary>
    private static string EntryContent(string html) => BetweenBlocks().Replace(html, "><").Trim();

    [GeneratedRegex(@">\s*\n\s*<")]
    private static partial Regex BetweenBlocks();

    private static string Report(IReadOnlyList<(DifferenceKey Key, string Expected, string Actual)> all)
    {
        var sb = new StringBuilder("style                                                  identical / strings\n");
        foreach (var group in all.GroupBy(o => o.Key.Style).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var same = group.Count(o => o.Expected == o.Actual);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{group.Key,-54} {same,6} / {group.Count(),-6} {100.0 * same / group.Count(),6:F2}%");
        }
        foreach (var group in all.GroupBy(o => o.Key.Locale).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var same = group.Count(o => o.Expected == o.Actual);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{"locale " + group.Key,-54} {same,6} / {group.Count(),-6} {100.0 * same / group.Count(),6:F2}%");
        }
        var identical = all.Count(o => o.Expected == o.Actual);
        var pairs = all.Select(o => (o.Key.Style, o.Key.Locale)).Distinct().Count();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"TOTAL ({all.Select(o => o.Key.Style).Distinct().Count()} styles, {pairs} style/locale pairs) {identical,6} / {all.Count,-6} {100.0 * identical / all.Count,6:F2}%");
        return sb.ToString();
    }

    /// <summary>The differing strings per locale, deliberate (a reason that is not "open:") or open, and
    /// the deliberate ones by reason (its first words).</summary>
    private static string Reasons(IReadOnlyList<(DifferenceKey Key, string Expected, string Actual)> differences, KnownDifferences known)
    {
        var classified = differences
            .Select(d => (d.Key.Locale, Reason: known.Explain(d.Key, d.Expected, d.Actual)?.Reason ?? "open: unexplained"))
            .ToList();
        static bool IsOpen(string reason) => reason.StartsWith("open:", StringComparison.Ordinal);
        var sb = new StringBuilder("\nlocale   differing   deliberate   open\n");
        foreach (var group in classified.GroupBy(c => c.Locale).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var open = group.Count(c => IsOpen(c.Reason));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{group.Key,-8} {group.Count(),9} {group.Count() - open,12} {open,6}");
        }
        var allOpen = classified.Count(c => IsOpen(c.Reason));
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"all",-8} {classified.Count,9} {classified.Count - allOpen,12} {allOpen,6}");
        sb.AppendLine("deliberate, by reason:");
        foreach (var group in classified.Where(c => !IsOpen(c.Reason))
                     .GroupBy(c => string.Join(' ', c.Reason.Split(' ').Take(8)))
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{group.Count(),6}  {group.Key} …");
        }
        return sb.ToString();
    }

    private static string DifferenceListing(IEnumerable<(DifferenceKey Key, string Expected, string Actual)> differences)
    {
        var sb = new StringBuilder();
        foreach (var (key, expected, actual) in differences)
        {
            sb.Append(key).Append('\n').Append("  citeproc-js: ").Append(expected).Append('\n').Append("  pub:         ").Append(actual).Append('\n');
        }
        return sb.ToString();
    }
}
