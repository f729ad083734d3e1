using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Pub.Benchmarks;

/// <summary>
/// What an editor or CI waits for when nothing changed: <c>dotnet pub.dll build</c> as a whole process, on a
/// copy of the repository's project (pub.yaml, templates, the sample series) that was built once before.
/// One operation = start the process, let it find every edition unchanged in the build cache, wait for it to
/// exit. Start-up of the .NET runtime is included, as a user sees it. After the runs, the output folder and
/// the cache are checked to be exactly as the first build left them: the unchanged builds wrote nothing.
/// </summary>
[Config(typeof(ProcessConfig))]
public class UnchangedBuildBenchmark
{
    /// <summary>Fifteen process launches after three warm-up launches, one per iteration; the median is quoted.</summary>
    private sealed class ProcessConfig : ManualConfig
    {
        public ProcessConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median);
        }
    }

    private string _root = "";
    private string _pub = "";
    private Dictionary<string, (DateTime, long)> _afterFirstBuild = [];

    [GlobalSetup]
    public void Setup()
    {
        var repo = FindRepository();
        _root = Path.Combine(Path.GetTempPath(), "pub-bench-unchanged", Guid.NewGuid().ToString("N"));
        File.Copy(Path.Combine(repo, "pub.yaml"), Path.Combine(Directory.CreateDirectory(_root).FullName, "pub.yaml"));
        foreach (var folder in new[] { "templates", "papers" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(repo, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_root, Path.GetRelativePath(repo, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
        _pub = Path.Combine(AppContext.BaseDirectory, "pub.dll");
        Build("the first build");
        _afterFirstBuild = State();
    }

    [Benchmark(Description = "pub build, sample series unchanged (whole process)")]
    public void UnchangedBuild() => Build("an unchanged build");

    [GlobalCleanup]
    public void Cleanup()
    {
        var now = State();
        var changed = now.Where(kv => !_afterFirstBuild.TryGetValue(kv.Key, out var before) || before != kv.Value).Select(kv => kv.Key)
            .Concat(_afterFirstBuild.Keys.Where(k => !now.ContainsKey(k))).ToList();
        Console.WriteLine(changed.Count == 0
            ? $"// unchanged builds wrote nothing: {now.Count} files in dist/ and .pub/ as the first build left them"
            : "// UNCHANGED BUILDS WROTE: " + string.Join(", ", changed));
        Directory.Delete(_root, recursive: true);
        if (changed.Count > 0)
        {
            throw new InvalidOperationException("an unchanged build wrote files: " + string.Join(", ", changed));
        }
    }

    private void Build(string what)
    {
        var start = new ProcessStartInfo("dotnet", [_pub, "build"])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {process.ExitCode}:\n{error.Result}");
        }
    }

    /// <summary>Every file of the output folder and the cache with its modification time and size.</summary>
    private Dictionary<string, (DateTime, long)> State() =>
        new[] { "dist", ".pub" }
            .Select(f => Path.Combine(_root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(_root, f), f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length), StringComparer.Ordinal);

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
