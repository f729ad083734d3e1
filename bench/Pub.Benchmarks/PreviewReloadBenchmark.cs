using System.Text;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pub.Preview;

namespace Pub.Benchmarks;

/// <summary>
/// What an author waits for in <c>pub preview</c>: from saving a 30-page manuscript to the page showing the
/// change. One operation = write the file (a rename over the old one, as editors save) → the server-sent
/// reload event arrives → the rebuilt HTML page is fetched and holds the new sentence. The PDF is built
/// after the HTML, as in a real preview; each edit starts once the previous PDF is done, as an author's
/// saves are seconds apart. Ten edits, median quoted.
/// </summary>
[Config(typeof(EditsConfig))]
public class PreviewReloadBenchmark
{
    /// <summary>Ten single edits after two warm-up edits, in this process: the preview server, the file
    /// watcher and the client run side by side here just as they do on an author's machine.</summary>
    private sealed class EditsConfig : ManualConfig
    {
        public EditsConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median);
        }
    }

    private const string Manuscript = "papers/op-bench/paper.md";

    private readonly Channel<long> _versions = Channel.CreateUnbounded<long>();
    private string _root = "";
    private PreviewServer? _server;
    private HttpClient? _http;
    private CancellationTokenSource? _stop;
    private string _page = "";
    private long _version;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "pub-bench-preview", Guid.NewGuid().ToString("N"));
        var repo = FindRepository();
        File.Copy(Path.Combine(repo, "pub.yaml"), Path.Combine(Directory.CreateDirectory(_root).FullName, "pub.yaml"));
        var templates = Path.Combine(repo, "templates");
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, "templates", Path.GetRelativePath(templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Save("The sentence before the first edit.");

        var (server, failure) = PreviewServer.StartAsync(new PreviewOptions { ProjectRoot = _root, Paths = [Manuscript] }).GetAwaiter().GetResult();
        _server = server ?? throw new InvalidOperationException("the preview did not start: " + failure?.Message
            + string.Join("\n", failure?.Diagnostics.Select(d => d.Message) ?? []));
        _http = new HttpClient { BaseAddress = server.Url };
        _page = server.Url + "op-draft-op-bench-en-ed1.html";
        _stop = new CancellationTokenSource();
        _ = ListenAsync(_stop.Token);
        _version = _versions.Reader.ReadAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void WaitUntilIdle()
    {
        // The previous edit's PDF is built after its page reloaded; let it finish, as it would between saves.
        while (!_server!.Idle)
        {
            Thread.Sleep(20);
        }
    }

    [Benchmark(Description = "save → reload event → rebuilt page (30 pages)")]
    public async Task SaveToReloadedPage()
    {
        var sentence = $"The sentence after edit number {++_edit}.";
        Save(sentence);
        long version;
        do
        {
            version = await _versions.Reader.ReadAsync();
        }
        while (version == _version);
        _version = version;
        var html = await _http!.GetStringAsync(_page);
        if (!html.Contains(sentence, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the reloaded page does not show the edit");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _stop!.CancelAsync();
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Reads the server-sent events as a page does, passing on each state's page version.</summary>
    private async Task ListenAsync(CancellationToken cancel)
    {
        using var response = await _http!.GetAsync("/__pub/events", HttpCompletionOption.ResponseHeadersRead, cancel);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            const string prefix = "data: {\"version\":";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var digits = line[prefix.Length..].TakeWhile(char.IsAsciiDigit).ToArray();
                await _versions.Writer.WriteAsync(long.Parse(new string(digits), System.Globalization.CultureInfo.InvariantCulture), cancel);
            }
        }
    }

    private void Save(string sentence)
    {
        var path = Path.Combine(_root, Manuscript);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", ThirtyPages(sentence));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>About 30 PDF pages: sections of plain argument with a footnote each, and the edited sentence
    /// at the start, where it shows on the first screen.</summary>
    private static string ThirtyPages(string sentence)
    {
        var text = new StringBuilder();
        text.Append("---\nseries: op\ntitle: \"A Thirty-Page Benchmark Paper\"\nauthors:\n  - name: \"Bench Author\"\nlanguage: en\n---\n\n");
        text.Append("## Introduction\n\n").Append(sentence).Append("\n\n");
        for (var section = 1; section <= 62; section++)
        {
            text.Append("## Section ").Append(section).Append("\n\n");
            for (var paragraph = 1; paragraph <= 3; paragraph++)
            {
                text.Append("Labour inspectors, social workers and the police meet victims of domestic servitude in different places, ")
                    .Append("and each of them sees only part of what happened. Paragraph ").Append(paragraph).Append(" of section ").Append(section)
                    .Append(" argues that a shared referral procedure, written down and rehearsed, lets them put the parts together before ")
                    .Append("the worker has left the country or withdrawn the complaint, and that it costs less than the cases it prevents.");
                if (paragraph == 2)
                {
                    text.Append("[^n").Append(section).Append(']');
                }
                text.Append("\n\n");
            }
            text.Append("[^n").Append(section).Append("]: A note to section ").Append(section).Append(", set at the foot of its page.\n\n");
        }
        return text.ToString();
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PubPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
