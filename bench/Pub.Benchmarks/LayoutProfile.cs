using System.Diagnostics;
using System.Globalization;

namespace Pub.Benchmarks;

/// <summary>
/// <c>layout-profile</c>: a quick Stopwatch split of the 30-page PDF build into layout and writing (medians
/// of 15 runs after 5 warm-ups), for finding hot spots between BenchmarkDotNet runs. It also reports the
/// process's CPU time per run, which a busy shared machine disturbs less than wall-clock time, and the bytes each
/// step allocates (what the garbage collector then has to clear).
/// </summary>
internal static class LayoutProfile
{
    public const string Command = "layout-profile";

    /// <param name="long">The 300-page document instead of the 30-page one (fewer runs).</param>
    public static int Run(bool @long = false)
    {
        var series = SampleSeries.Load();
        var input = LayoutBenchmark.Prepare(series, @long ? LayoutBenchmark.ThreeHundredPages(series) : ManuscriptCitationBenchmark.ThirtyPages(series));
        var layout = new List<double>();
        var write = new List<double>();
        var cpu = new List<double>();
        long layoutBytes = 0, writeBytes = 0;
        using var process = Process.GetCurrentProcess();
        int pages = 0, links = 0, textRuns = 0;
        int runs = @long ? 5 : 20, warm = @long ? 2 : 5;
        for (int i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var paged = LayoutBenchmark.Layout(input);
            double a = watch.Elapsed.TotalMilliseconds;
            long laidOut = GC.GetAllocatedBytesForCurrentThread();
            Pub.Pdf.PdfEditionWriter.Write(paged);
            double b = watch.Elapsed.TotalMilliseconds - a;
            (layoutBytes, writeBytes) = (laidOut - allocated, GC.GetAllocatedBytesForCurrentThread() - laidOut);
            pages = paged.Pages.Count;
            links = paged.Pages.Sum(p => p.Items.Count(x => x is Pub.Layout.Paged.LinkItem));
            textRuns = paged.Pages.Sum(p => p.Items.Count(x => x is Pub.Layout.Paged.TextRun));
            process.Refresh();
            double used = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            if (i >= warm)
            {
                layout.Add(a);
                write.Add(b);
                cpu.Add(used);
            }
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} pages, {links} links, {textRuns} runs: layout {Median(layout):0.0} ms, write {Median(write):0.0} ms, CPU {Median(cpu):0.0} ms (medians of {layout.Count}); allocated: layout {layoutBytes / 1e6:0.0} MB, writing {writeBytes / 1e6:0.0} MB"));
        return 0;
    }
}
