using BenchmarkDotNet.Attributes;
using Pub.Model;
using Pub.Resolve;

namespace Pub.Benchmarks;

/// <summary>
/// What citations add to resolving a manuscript (issue 4): a 29-page paper with 148 citations, made of
/// two copies of the body of Occasional Paper No. 1, resolved with and without a citation setup. The
/// difference of the two medians is the cost of the citation pass (without a setup each cite renders
/// as its key).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class ManuscriptCitationBenchmark
{
    private Document _document = null!;
    private CitationSetup _citations = null!;
    private SampleSeries _series = null!;

    [GlobalSetup]
    public void Setup()
    {
        _series = SampleSeries.Load();
        _document = ThirtyPages(_series);
        _citations = _series.Citations();
        var context = _series.Context(_citations);
        Resolver.Resolve(_document, context);
        if (context.Diagnostics.Items.FirstOrDefault(d => d.Severity == Pub.Syntax.Severity.Error) is { } error)
        {
            throw new InvalidOperationException("the benchmark manuscript does not resolve: " + error.Message);
        }
    }

    /// <summary>Two copies of the body of Occasional Paper No. 1 under its front matter.</summary>
    internal static Document ThirtyPages(SampleSeries series) =>
        series.LongManuscript(SampleSeries.LabourPaper, [SampleSeries.LabourPaper], copies: 2);

    [Benchmark(Baseline = true, Description = "resolve, no citation setup")]
    public Document WithoutCitations() => _series.Resolve(_document, null);

    [Benchmark(Description = "resolve with citations")]
    public Document WithCitations() => _series.Resolve(_document, _citations);
}
