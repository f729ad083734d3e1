using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Pub.Acceptance;

/// <summary>Every page of the sample series is valid HTML by the Nu Html Checker (the W3C validator's
/// engine), run once over all pages.</summary>
public sealed class ValidatorTests(SampleSite site)
{
    [Fact]
    public void Every_page_passes_the_Nu_Html_Checker_with_no_error()
    {
        site.RequireBuilt();
        AcceptanceTools.RequireValidator();

        var files = site.Pages.Select(p => Path.Combine(site.Dist, p)).ToList();
        var (exit, report) = RunValidator(files);

        using var json = JsonDocument.Parse(report);
        var errors = json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(Describe)
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} validator error(s):\n" + string.Join("\n", errors));
        Assert.Equal(0, exit);
    }

    private static (int Exit, string Report) RunValidator(IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo(AcceptanceTools.Java!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-Xss4m", "-jar", AcceptanceTools.VnuJar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the Nu Html Checker did not finish within five minutes");
        }
        // vnu writes its JSON report to standard error.
        var report = stderr.Result.Trim();
        Assert.True(report.StartsWith('{'), "the Nu Html Checker printed no JSON report:\n" + stdout.Result + report);
        return (process.ExitCode, report);
    }

    private static string Describe(JsonElement message)
    {
        var url = message.TryGetProperty("url", out var u) ? Path.GetFileName(u.GetString() ?? "") : "";
        var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
        var extract = message.TryGetProperty("extract", out var e) ? e.GetString()?.Replace('\n', ' ') : null;
        return $"  {url}({line}): {message.GetProperty("message").GetString()}" + (extract is null ? "" : $"\n      {extract}");
    }
}
