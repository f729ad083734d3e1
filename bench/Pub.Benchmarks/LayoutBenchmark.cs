using BenchmarkDotNet.Attributes;
using Pub.Layout;
using Pub.Layout.Paged;
using Pub.Model;
using Pub.Pdf;

namespace Pub.Benchmarks;

/// <summary>
/// The PDF edition (issue 5): <c>Typesetter.Layout</c> then <c>PdfEditionWriter.Write</c> on resolved
/// documents of ~30 pages (the manuscript of the citation benchmark) and ~300 pages (the English papers'
/// bodies in turn). Allocated bytes come from the memory diagnoser; the process's peak working set for
/// the 300-page case is measured by <c>peak-memory</c> in a process of its own.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class LayoutBenchmark
{
    private (Document Document, LayoutSettings Settings) _thirty;
    private (Document Document, LayoutSettings Settings) _threeHundred;
    private SampleSeries _series = null!;

    [GlobalSetup]
    public void Setup()
    {
        _series = SampleSeries.Load();
        _thirty = Prepare(_series, ManuscriptCitationBenchmark.ThirtyPages(_series));
        _threeHundred = Prepare(_series, ThreeHundredPages(_series));
    }

    [Benchmark(Description = "layout + PDF, 30 pages")]
    public byte[] ThirtyPages() => Write(_thirty);

    [Benchmark(Description = "layout + PDF, 300 pages")]
    public byte[] ThreeHundredPages() => Write(_threeHundred);

    /// <summary>The bodies of the three English occasional papers in turn, under the front matter of
    /// paper No. 1, until the document sets to about 300 pages.</summary>
    internal static Document ThreeHundredPages(SampleSeries series) =>
        series.LongManuscript(SampleSeries.LabourPaper,
            [SampleSeries.LabourPaper, "papers/op-002-child-trafficking/paper.md", "papers/op-003-domestic-servitude/paper.md"],
            copies: ThreeHundredPageCopies);

    internal const int ThreeHundredPageCopies = 30;

    internal static (Document, LayoutSettings) Prepare(SampleSeries series, Document document)
    {
        var resolved = series.Resolve(document, series.Citations());
        return (resolved, series.LayoutSettings(resolved));
    }

    internal static PagedDocument Layout((Document Document, LayoutSettings Settings) input) =>
        Typesetter.Layout(input.Document, input.Settings, SampleSeries.Load().Fonts);

    private static byte[] Write((Document Document, LayoutSettings Settings) input) => PdfEditionWriter.Write(Layout(input));
}
