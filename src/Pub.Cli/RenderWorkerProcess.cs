using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using Pub.Compiler;

namespace Pub.Cli;

/// <summary>
/// Render workers as processes: this pub started again as <c>pub render-worker</c>, in the same working folder and
/// environment, its standard input and output the build's requests and replies (see <see cref="BuildOptions.StartRenderWorker"/>).
/// What a worker writes to standard error (nothing, unless the runtime itself fails) is read and dropped: the build
/// renders in its own process whatever a worker did not answer, and reports what it finds then.
/// </summary>
internal static class RenderWorkerProcess
{
    public const string Command = "render-worker";

    /// <summary>How to start this pub again: the executable itself (the native pub, or the tool's launcher), or
    /// <c>dotnet pub.dll</c>; null in a process that is not pub (a test host), which renders on threads instead.</summary>
    public static string[]? SelfCommand()
    {
        if (Environment.ProcessPath is not { } process)
        {
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(process);
        if (name == "pub")
        {
            return [process];
        }
        var library = Path.Combine(AppContext.BaseDirectory, "pub.dll");
        return name == "dotnet" && Assembly.GetEntryAssembly()?.GetName().Name == "pub" && File.Exists(library) ? [process, library] : null;
    }

    /// <summary>Starts a worker with <paramref name="command"/>; null when it cannot be started.</summary>
    public static RenderWorker? Start(IReadOnlyList<string> command, string workingDirectory)
    {
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        info.ArgumentList.Add(Command);
        SetUp(info.Environment);
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
        if (process is null)
        {
            return null;
        }
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginErrorReadLine();
        return new RenderWorker(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, () => Stop(process));
    }

    /// <summary>The worker's environment: this process's, with a young generation of 64 MiB where nobody chose one (the
    /// runtime reads the value as hexadecimal). pub itself starts with 128 MiB, so that one paper's PDF is set without
    /// a collection; a worker renders one manuscript after another, and its first 128 MiB would all be fresh memory,
    /// faulted in and cleared, on top of what the build's own process takes. Twenty generated papers, PDF, two jobs:
    /// 1.12 s against 1.25 s (seven alternating rounds; CPU time 2.08 s against 2.33 s), five papers 0.44 s against
    /// 0.51 s; 200 papers 10.6 s against 10.2 s (three rounds, within the machine's noise).</summary>
    internal static void SetUp(IDictionary<string, string?> environment) => environment.TryAdd(YoungGeneration, "4000000");

    /// <summary>The runtime's setting for the budget of young objects.</summary>
    internal const string YoungGeneration = "DOTNET_GCgen0size";

    private static void Stop(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It has ended already.
        }
        process.Dispose();
    }
}
