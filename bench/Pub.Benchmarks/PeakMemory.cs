using System.Diagnostics;
using System.Globalization;

namespace Pub.Benchmarks;

/// <summary>
/// <c>peak-memory</c>: lays out and writes the 300-page document once in a fresh process and prints the
/// process's peak working set. BenchmarkDotNet reports allocated bytes, not how much memory the process
/// held at its height, which is what decides whether a build fits a small CI machine.
/// </summary>
internal static class PeakMemory
{
    public const string Command = "peak-memory";

    public static int Run()
    {
        var series = SampleSeries.Load();
        var input = LayoutBenchmark.Prepare(series, LayoutBenchmark.ThreeHundredPages(series));
        var watch = Stopwatch.StartNew();
        var paged = LayoutBenchmark.Layout(input);
        var pdf = Pub.Pdf.PdfEditionWriter.Write(paged);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"300-page document: {paged.Pages.Count} pages, {pdf.Length / 1024} KiB PDF, one run {watch.ElapsedMilliseconds} ms, "
            + $"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB"));
        // Reported after the peak is read, so that it does not count towards it: the size of the
        // 30-page manuscript the other benchmarks use.
        var thirty = LayoutBenchmark.Prepare(series, ManuscriptCitationBenchmark.ThirtyPages(series));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"30-page document: {LayoutBenchmark.Layout(thirty).Pages.Count} pages, {SampleSeries.CitationCount(thirty.Item1)} citations"));
        return 0;
    }
}
