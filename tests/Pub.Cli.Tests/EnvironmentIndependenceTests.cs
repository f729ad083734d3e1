using System.Diagnostics;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The same input builds to the same bytes whatever the machine's time zone, locale and working
/// folder: each build runs as its own process with its own environment.</summary>
public sealed class EnvironmentIndependenceTests
{
    private static void BuildInProcess(string workingDirectory, string timeZone, string locale)
    {
        var pub = Path.Combine(AppContext.BaseDirectory, "pub.dll");
        var start = new ProcessStartInfo("dotnet", [pub, "build"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TZ"] = timeZone;
        start.Environment["LANG"] = locale;
        start.Environment["LC_ALL"] = locale;
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "pub build did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
    }

    [Fact]
    public void TimeZoneLocaleAndFolderDoNotChangeTheOutput()
    {
        using var first = TestProject.CopyOfRepository();
        using var second = TestProject.CopyOfRepository();
        BuildInProcess(first.Root, "Pacific/Kiritimati", "ru_RU.UTF-8");
        BuildInProcess(Path.Combine(second.Root, "papers"), "America/Los_Angeles", "de_DE.UTF-8");
        var a = first.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList();
        var b = second.Snapshot(includeDist: true).Where(kv => kv.Key.StartsWith("dist/", StringComparison.Ordinal)).ToList();
        // 5 editions (HTML, PDF, .bib, .ris, .json), 3 contribution pages with their .bib, .ris and .json,
        // figures, the stylesheet, 12 fonts and 3 licences, the index, 404 page and feed, and the manifest.
        Assert.Equal(63, a.Count);
        Assert.Equal(a, b);
    }
}
