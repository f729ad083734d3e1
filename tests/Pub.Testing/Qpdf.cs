using System.ComponentModel;
using System.Diagnostics;

namespace Pub.Testing;

/// <summary>Runs <c>qpdf --check</c> on a PDF file. CI installs qpdf (.ci/run); elsewhere it may be missing.</summary>
public static class Qpdf
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The exit code and everything qpdf printed, or null when qpdf is not installed.</summary>
    public static (int Exit, string Output)? Check(string path)
    {
        var start = new ProcessStartInfo("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }

    /// <summary>Asserts that qpdf accepts the file without a single warning.</summary>
    public static void AssertClean(string path, (int Exit, string Output) result)
    {
        Xunit.Assert.True(result.Exit == 0, $"qpdf --check {path} exited {result.Exit}:\n{result.Output}");
        Xunit.Assert.DoesNotContain("WARNING", result.Output, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.Contains("No syntax or stream encoding errors found", result.Output, StringComparison.Ordinal);
    }
}
