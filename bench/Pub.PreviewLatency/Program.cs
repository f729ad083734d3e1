using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Pub.PreviewLatency;

/// <summary>
/// How long an author waits in <c>pub preview</c>, measured from outside the process, as a browser sees it.
/// Starts the given pub's preview of one manuscript in a project folder, follows the page's server-sent
/// events as the page's script does, and for each edit saves the manuscript with a new word (written beside
/// it and renamed over it, as editors save), then waits for the event of a new page version and fetches the
/// page, until the word is in it. Each edit is made once the preview has finished the PDF of the one before
/// (the first, once it has finished the first PDF), as an author's saves are seconds apart; with
/// <c>--first-at-once</c> the first edit is saved as soon as the page is first served, while the preview is
/// still setting the first PDF.
/// </summary>
internal static class Program
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: pub-preview-latency PUB PROJECT MANUSCRIPT PAGE [EDITS] [--no-pdf] [--first-at-once]");
            Console.Error.WriteLine("  PUB         the pub executable (or pub.dll, run with dotnet)");
            Console.Error.WriteLine("  PROJECT     a project folder the edits may change (a copy)");
            Console.Error.WriteLine("  MANUSCRIPT  the manuscript's path in the project, e.g. papers/op-003-domestic-servitude/paper.md");
            Console.Error.WriteLine("  PAGE        the HTML page it is served as, e.g. op-003-en-ed1.html");
            return 2;
        }
        var (pub, project, manuscript, page) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), args[2], args[3]);
        var edits = args.Length > 4 && int.TryParse(args[4], CultureInfo.InvariantCulture, out var n) ? n : 10;
        var pdf = !args.Contains("--no-pdf");
        var firstAtOnce = args.Contains("--first-at-once");
        var log = Path.Combine(Path.GetTempPath(), "pub-preview-latency.log");
        using var preview = new PreviewProcess(pub, project, Path.GetDirectoryName(manuscript)!, FreePort(), pdf, log);
        using var http = new HttpClient { BaseAddress = preview.Url, Timeout = GiveUp };

        var started = Stopwatch.StartNew();
        while (!await ServesAsync(http, page))
        {
            if (preview.HasExited || started.Elapsed > GiveUp)
            {
                Console.Error.WriteLine($"the preview did not serve {page}; its output is in {log}");
                return 1;
            }
            await Task.Delay(10);
        }
        Console.WriteLine(FormattableString.Invariant($"first page served {started.ElapsedMilliseconds} ms after start"));

        var versions = Channel.CreateUnbounded<long>();
        using var stop = new CancellationTokenSource();
        var listening = FollowAsync(http, versions.Writer, stop.Token);
        var version = await versions.Reader.ReadAsync();

        var path = Path.Combine(project, manuscript);
        var original = await File.ReadAllTextAsync(path);
        var times = new List<double>();
        var built = pdf ? "PDF rebuilt" : "HTML rebuilt";
        var builtBefore = 0;
        for (var edit = 1; edit <= edits; edit++)
        {
            if (edit > 1 || !firstAtOnce)
            {
                await preview.WaitUntilSettledAsync(built, builtBefore + 1, GiveUp);
            }
            builtBefore = preview.Count(built);
            var marker = $"latencymarker{edit}";
            var text = WithWord(original, marker);
            var saved = Stopwatch.StartNew();
            await File.WriteAllTextAsync(path + ".tmp", text);
            File.Move(path + ".tmp", path, overwrite: true);
            while (true)
            {
                using var wait = new CancellationTokenSource(GiveUp);
                var next = await versions.Reader.ReadAsync(wait.Token);
                if (next == version)
                {
                    continue;
                }
                version = next;
                if ((await http.GetStringAsync(page)).Contains(marker, StringComparison.Ordinal))
                {
                    break;
                }
            }
            var took = saved.Elapsed.TotalMilliseconds;
            times.Add(took);
            Console.WriteLine(FormattableString.Invariant($"edit {edit}: {took:F0} ms"));
        }
        await stop.CancelAsync();
        await listening;

        var later = times.Skip(1).ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"first edit: {times[0]:F0} ms; later edits: median {Median(later):F0} ms, min {later.DefaultIfEmpty().Min():F0}, max {later.DefaultIfEmpty().Max():F0} (of {later.Count})"));
        return 0;
    }

    /// <summary>The text with one word more at the end of the first paragraph after the front matter.</summary>
    internal static string WithWord(string text, string word)
    {
        var lines = text.Split('\n');
        var fences = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line == "---")
            {
                fences++;
                continue;
            }
            if (fences >= 2 && line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                lines[i] = line + " " + word;
                return string.Join('\n', lines);
            }
        }
        throw new InvalidOperationException("the manuscript has no paragraph after its front matter");
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<bool> ServesAsync(HttpClient http, string page)
    {
        try
        {
            using var response = await http.GetAsync(page);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Reads the page's event stream and passes on the page version of every state it announces.</summary>
    private static async Task FollowAsync(HttpClient http, ChannelWriter<long> versions, CancellationToken cancel)
    {
        const string prefix = "data: {\"version\":";
        try
        {
            using var response = await http.GetAsync("__pub/events", HttpCompletionOption.ResponseHeadersRead, cancel);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
            while (await reader.ReadLineAsync(cancel) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var digits = new string([.. line[prefix.Length..].TakeWhile(char.IsAsciiDigit)]);
                    await versions.WriteAsync(long.Parse(digits, CultureInfo.InvariantCulture), cancel);
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        versions.TryComplete();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The preview under measurement: its output goes to a log file outside the project, which it watches.</summary>
internal sealed class PreviewProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();

    public PreviewProcess(string pub, string project, string target, int port, bool pdf, string log)
    {
        var start = new ProcessStartInfo
        {
            FileName = pub.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : pub,
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (pub.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(pub);
        }
        foreach (var argument in new[] { "preview", target, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        if (!pdf)
        {
            start.ArgumentList.Add("--no-pdf");
        }
        _log = new StreamWriter(log) { AutoFlush = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("pub did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Url = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Url { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the preview's output holds <paramref name="count"/> lines containing <paramref name="text"/>
    /// and has then printed nothing for a while.</summary>
    public async Task WaitUntilSettledAsync(string text, int count, TimeSpan giveUp)
    {
        var clock = Stopwatch.StartNew();
        while (Count(text) < count && clock.Elapsed < giveUp && !_process.HasExited)
        {
            await Task.Delay(10);
        }
        for (var length = Length(); ; )
        {
            await Task.Delay(300);
            if (Length() == length || clock.Elapsed > giveUp)
            {
                return;
            }
            length = Length();
        }
    }

    private int Length()
    {
        lock (_gate)
        {
            return _output.Length;
        }
    }

    public int Count(string text)
    {
        lock (_gate)
        {
            var output = _output.ToString();
            var count = 0;
            for (var at = output.IndexOf(text, StringComparison.Ordinal); at >= 0; at = output.IndexOf(text, at + 1, StringComparison.Ordinal))
            {
                count++;
            }
            return count;
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.AppendLine(line);
            _log.WriteLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _log.Dispose();
    }
}
