using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>Readers of PDF files that are not pub (poppler-utils, qpdf), run as processes.</summary>
internal static class PdfTools
{
    /// <summary>What the tool printed; CI installs poppler-utils and qpdf (.ci/run), so a missing tool fails there
    /// and skips elsewhere, with the reason.</summary>
    public static string Tool(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            if (Qpdf.InCi)
            {
                Assert.Fail($"{name} is missing in CI (apt-get install poppler-utils qpdf)");
            }
            Assert.Skip($"{name} is not installed (apt-get install poppler-utils qpdf)");
            throw;
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
            return output;
        }
    }
}
