using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>`pub preview` as a process: SIGTERM (a service manager, a container stopping) and SIGINT (Ctrl+C)
/// end it within a second, with exit code 0, however many pages hold an event stream open and even while a
/// long PDF edition is being typeset.</summary>
public sealed partial class PreviewStopTests
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ASignalStopsThePreviewWithOpenEventStreamsDuringALongPdfBuild(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("sends POSIX signals with kill and reads /proc");
        }
        // A process started with SIGINT ignored (a background job of a script, as CI may run the tests) passes
        // that on, and the runtime keeps it ignored, as it should: Ctrl+C is not meant for background jobs. pub
        // is then started as a terminal would start it, with SIGINT at its default (env execs in place, so the
        // process id stays pub's).
        string[] command = [Path.Combine(AppContext.BaseDirectory, "pub.dll"), "preview", "papers/op-long"];
        var start = signal == "INT" && IgnoresSigInt()
            ? new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", .. command])
            : new ProcessStartInfo("dotnet", command);
        var cancel = TestContext.Current.CancellationToken;
        using var project = TestProject.CopyOfRepository();
        // Long enough that its PDF takes seconds: the signal comes while it is typeset.
        project.AddPaper("op-long", 90, body: LongBody());
        start.WorkingDirectory = project.Root;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var error = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            startup.CancelAfter(TimeSpan.FromMinutes(2));
            var serving = await process.StandardOutput.ReadLineAsync(startup.Token);
            var url = ServingUrl().Match(serving ?? "");
            Assert.True(url.Success, $"no address in '{serving}'; {error}");

            using var http = new HttpClient { BaseAddress = new Uri(url.Value), Timeout = Timeout.InfiniteTimeSpan };
            var streams = new List<StreamReader>();
            for (var i = 0; i < 2; i++)
            {
                var response = await http.GetAsync("__pub/events", HttpCompletionOption.ResponseHeadersRead, startup.Token);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                var reader = new StreamReader(await response.Content.ReadAsStreamAsync(startup.Token));
                while (await reader.ReadLineAsync(startup.Token) is { } line && line != "event: state")
                {
                }
                streams.Add(reader);
            }

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancel);
                Assert.Equal(0, kill.ExitCode);
            }
            var clock = Stopwatch.StartNew();
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            stopping.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stopping.Token);
            clock.Stop();

            Assert.True(clock.Elapsed < Allowed, $"pub preview took {clock.Elapsed.TotalMilliseconds:0} ms to stop after SIG{signal}; {error}");
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; {error}");
            lock (error)
            {
                Assert.Contains("pub preview: stopping", error.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("PDF rebuilt", error.ToString(), StringComparison.Ordinal);
            }
            // The open streams were ended by the server, not left hanging.
            foreach (var reader in streams)
            {
                try
                {
                    while (await reader.ReadLineAsync(stopping.Token) is not null)
                    {
                    }
                }
                catch (IOException)
                {
                    // The connection was closed under the read: ended all the same.
                }
                reader.Dispose();
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static string LongBody() => string.Join("\n\n", Enumerable.Range(1, 400).Select(i =>
        $"## Section {i}\n\n" + string.Concat(Enumerable.Repeat(
            "Victims of trafficking are identified late, when they are identified at all, and the measures meant to protect them " +
            "reach them only after the criminal proceedings have begun; this paragraph repeats that point in full sentences. ", 6))));

    /// <summary>Whether SIGINT (signal 2, bit 1 of the mask) is ignored by this process, as /proc shows it.</summary>
    private static bool IgnoresSigInt()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & 0b10) != 0;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex ServingUrl();
}
