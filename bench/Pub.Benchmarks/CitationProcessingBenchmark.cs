using System.Globalization;
using BenchmarkDotNet.Attributes;
using Pub.Citations;

namespace Pub.Benchmarks;

/// <summary>
/// The CSL processor on its own, at the scale of a large handbook (issue 3): 1,000 clusters, one in each of
/// notes 1..1000, in the house note style with positions computed (first, subsequent, ibid., ibid. with
/// locator) and disambiguation, and a 2,000-entry bibliography. One operation creates the processor and
/// processes every cluster, as the citation pass does for each manuscript.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class CitationProcessingBenchmark
{
    public const int ClusterCount = 1000;
    public const int ReferenceCount = 2000;

    private static readonly string[] Families = ["Novak", "Ivanova", "Schmidt", "Moreau", "Kowalski", "Petrov", "Horvat", "Lindqvist"];

    private CitationSetupData _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        var series = SampleSeries.Load();
        var references = Synthesise(series.References, ReferenceCount);
        _data = new CitationSetupData(series.Style, LocaleSet.Builtin, references, Clusters(series.References, references, ClusterCount));
        var check = Run();
        if (check.Citations.Count != ClusterCount || check.Bibliography?.Entries.Count != ReferenceCount)
        {
            throw new InvalidOperationException($"expected {ClusterCount} citations and {ReferenceCount} entries, got "
                + $"{check.Citations.Count} and {check.Bibliography?.Entries.Count}");
        }
    }

    [Benchmark(Description = "1,000 note citations + 2,000-entry bibliography")]
    public CslResult Run() =>
        CslProcessor.Create(_data.Style, _data.Locales, _data.References)
            .Process(_data.Clusters, new ProcessOptions { BibliographyOnlyRegistered = false });

    /// <summary>
    /// The real entries first, then variants of them until there are <paramref name="count"/>: some keep the
    /// author and title and change only the year, some keep the author and year with a new title (both make
    /// the short subsequent notes ambiguous), and some change the authors.
    /// </summary>
    internal static List<Reference> Synthesise(IReadOnlyList<Reference> real, int count)
    {
        var result = new List<Reference>(real);
        for (var i = 0; result.Count < count; i++)
        {
            var source = real[i % real.Count];
            var variant = i / real.Count + 1;
            var variables = new Dictionary<string, string>(source.Variables, StringComparer.Ordinal);
            var title = source.Variables.GetValueOrDefault("title") ?? source.Id;
            var names = new Dictionary<string, IReadOnlyList<Name>>(source.Names, StringComparer.Ordinal);
            var dates = new Dictionary<string, DateValue>(source.Dates, StringComparer.Ordinal);
            var year = source.Dates.GetValueOrDefault("issued")?.Parts.FirstOrDefault()?.FirstOrDefault() ?? 2015;
            switch (i % 3)
            {
                case 0:
                    year += variant;
                    break;
                case 1:
                    variables["title"] = $"{title}: Follow-up Study {variant.ToString(CultureInfo.InvariantCulture)}";
                    variables.Remove("title-short");
                    break;
                default:
                    variables["title"] = $"{title} ({variant.ToString(CultureInfo.InvariantCulture)})";
                    variables.Remove("title-short");
                    names["author"] = [new Name { Family = Families[i % Families.Length], Given = variant % 2 == 0 ? "Anna" : "Mark" }];
                    year -= variant % 5;
                    break;
            }
            dates["issued"] = new DateValue { Parts = [[year]] };
            result.Add(source with
            {
                Id = $"{source.Id}-v{variant.ToString(CultureInfo.InvariantCulture)}",
                Variables = variables,
                Names = names,
                Dates = dates,
            });
        }
        return result;
    }

    /// <summary>
    /// Cluster n sits in note n. Keys of the shared bibliography come in a shuffled order (fixed seed), with
    /// immediate repeats for ibid., a page locator in every third cite, and every tenth cluster citing a
    /// second, synthesised work as well.
    /// </summary>
    internal static List<CitationCluster> Clusters(IReadOnlyList<Reference> real, IReadOnlyList<Reference> all, int count)
    {
        var random = new Random(20241);
        var order = real.Select(r => r.Id).ToArray();
        var clusters = new List<CitationCluster>(count);
        string? previous = null;
        for (var n = 1; n <= count; n++)
        {
            if ((n - 1) % order.Length == 0)
            {
                random.Shuffle(order);
            }
            var key = previous is not null && n % 5 == 0 ? previous : order[(n - 1) % order.Length];
            var items = new List<CitationItem>
            {
                new(key) { Locator = n % 3 == 0 ? (n % 400 + 1).ToString(CultureInfo.InvariantCulture) : null },
            };
            if (n % 10 == 0)
            {
                items.Add(new CitationItem(all[real.Count + random.Next(all.Count - real.Count)].Id));
            }
            clusters.Add(new CitationCluster("c" + n.ToString(CultureInfo.InvariantCulture), items, NoteNumber: n));
            previous = key;
        }
        return clusters;
    }

    private sealed record CitationSetupData(Style Style, LocaleSet Locales, IReadOnlyList<Reference> References, IReadOnlyList<CitationCluster> Clusters);
}
