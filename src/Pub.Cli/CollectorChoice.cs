using System.Collections;
using System.Runtime.InteropServices;

namespace Pub.Cli;

/// <summary>
/// The garbage collector is chosen when a process starts and cannot change after. pub starts with the workstation
/// collector, the faster one for a single manuscript: it collects often in a small heap that stays in memory,
/// where the server collector keeps taking fresh memory, which costs a page fault per page touched (one
/// generated paper's PDF: about 0.38 s against 0.51, eleven alternating rounds). The server collector is the
/// faster one when manuscripts are rendered in parallel, since it collects on every core while they wait
/// (twenty generated papers with two jobs: about 2.96 s against 3.40 for the best-tuned workstation collector).
/// So a build that is about to render several manuscripts at once starts pub again in place, with the server
/// collector: <c>execve</c> keeps the process id, the arguments, the working folder and the standard streams,
/// and the build has neither written nor printed anything yet.
/// </summary>
internal static partial class CollectorChoice
{
    /// <summary>The runtime's switch for the server collector; when it is set, whoever set it decided.</summary>
    public const string Variable = "DOTNET_gcServer";

    /// <summary>The server collector's settings for a parallel build (see <see cref="RestartEnvironment"/>).</summary>
    private static readonly (string Name, string Value)[] ParallelSettings =
    [
        ("DOTNET_GCgen0size", "4000000"),
        ("DOTNET_GCDynamicAdaptationMode", "0"),
        ("DOTNET_gcConcurrent", "0"),
    ];

    /// <summary>Starts this pub again with the server collector when <see cref="ShouldRestart"/> says so; returns
    /// only when it does not (or cannot) restart, and the build goes on as it is.</summary>
    public static void RestartForParallelBuild(string[] args)
    {
        if (!ShouldRestart(Environment.GetEnvironmentVariable(Variable), OperatingSystem.IsLinux(), Environment.ProcessPath))
        {
            return;
        }
        var path = Environment.ProcessPath!;
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            current[(string)variable.Key] = (string?)variable.Value ?? "";
        }
        Console.Out.Flush();
        Console.Error.Flush();
        Execute(path, [path, .. args], [.. RestartEnvironment(current)]);
    }

    /// <summary>The environment the restarted pub runs in: this one, with the server collector chosen and set up
    /// for several manuscripts rendering at once, each setting only where nobody set it already.</summary>
    internal static List<string> RestartEnvironment(IReadOnlyDictionary<string, string> current)
    {
        var environment = current.Select(v => v.Key + "=" + v.Value).ToList();
        environment.Add(Variable + "=1");
        // The server collector as it was before it learnt to adapt its number of heaps to the application
        // (DATAS, on by default since .NET 9): one heap per core from the start, and a young generation of 64 MiB
        // per heap (the runtime reads the value as hexadecimal), which it collects on all cores; the 128 MiB set
        // for the workstation collector in Pub.Cli.csproj would be per heap here. Without background collections,
        // which mark the old objects on a thread of their own while the manuscripts render: that pays when a core
        // would otherwise wait, and here none does. Twenty generated papers, PDF, two jobs: 1.30 s against 1.43 s
        // with DATAS and its own budget (twelve alternating rounds; 2.33 s of CPU time against 2.50 s), and
        // background collections off alone took it from 1.60 s to 1.42 s (six rounds); a build of one job keeps
        // them (1.79 s against 1.87 s without).
        environment.AddRange(ParallelSettings.Where(s => !current.ContainsKey(s.Name)).Select(s => s.Name + "=" + s.Value));
        return environment;
    }

    /// <summary>Restart only on Linux (where <c>execve</c> replaces the process in place), only a process that is
    /// pub itself (the native executable or the tool's launcher, not <c>dotnet pub.dll</c> or a test host, which
    /// would start with other arguments), and only when nobody chose a collector through the environment, which also
    /// keeps the restarted pub from restarting.</summary>
    internal static bool ShouldRestart(string? variable, bool linux, string? processPath) =>
        variable is null && linux && Path.GetFileName(processPath) == "pub";

    private static void Execute(string path, string[] argv, string[] environment)
    {
        var strings = new List<nint>();
        try
        {
            nint Utf8(string text)
            {
                var pointer = Marshal.StringToCoTaskMemUTF8(text);
                strings.Add(pointer);
                return pointer;
            }
            var file = Utf8(path);
            // Both lists end with a null pointer, as execve expects.
            var argvPointers = argv.Select(Utf8).Append(0).ToArray();
            var environmentPointers = environment.Select(Utf8).Append(0).ToArray();
            // Returns only when it failed; the build then goes on in this process, with this collector.
            _ = ExecuteNative(file, argvPointers, environmentPointers);
        }
        finally
        {
            foreach (var pointer in strings)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execve")]
    private static partial int ExecuteNative(nint path, nint[] argv, nint[] environment);
}
