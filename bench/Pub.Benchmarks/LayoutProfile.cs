using System.Diagnostics;
using System.Globalization;

namespace Pub.Benchmarks;

/// <summary>
/// <c>layout-profile</c>: a quick Stopwatch split of the 30-page PDF build into layout and writing (medians
/// of 15 runs after 5 warm-ups), for finding hot spots between BenchmarkDotNet runs.
/// </summary>
internal static class LayoutProfile
{
    public const string Command = "layout-profile";

    public static int Run()
    {
        var series = SampleSeries.Load();
        var input = LayoutBenchmark.Prepare(series, ManuscriptCitationBenchmark.ThirtyPages(series));
        var layout = new List<double>();
        var write = new List<double>();
        int pages = 0;
        for (int i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var paged = LayoutBenchmark.Layout(input);
            double a = watch.Elapsed.TotalMilliseconds;
            Pub.Pdf.PdfEditionWriter.Write(paged);
            double b = watch.Elapsed.TotalMilliseconds - a;
            pages = paged.Pages.Count;
            if (i >= 5)
            {
                layout.Add(a);
                write.Add(b);
            }
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} pages: layout {Median(layout):0.0} ms, write {Median(write):0.0} ms (medians of {layout.Count})"));
        return 0;
    }
}
