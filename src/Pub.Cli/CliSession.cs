using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Cli;

/// <summary>What every command shares: the writers, the project folder and how diagnostics are shown.</summary>
public sealed class CliSession(TextWriter output, TextWriter error, string workingDirectory)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>How a build starts a render worker (see <see cref="BuildOptions.StartRenderWorker"/>); null renders on
    /// threads of this process.</summary>
    public Func<RenderWorker?>? StartRenderWorker { get; init; }

    /// <summary>The project folder: the nearest folder holding pub.yaml, from the working folder upwards.</summary>
    public string ProjectRoot { get; } = FindRoot(workingDirectory);

    public IWorld World => _world ??= new FileSystemWorld(ProjectRoot);

    private IWorld? _world;

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ConfigReader.FileName)))
            {
                return dir.FullName;
            }
        }
        return Path.GetFullPath(start);
    }

    /// <summary>A path typed on the command line (relative to the working folder) as the compiler wants it:
    /// project-relative, or absolute when it lies outside the project.</summary>
    public string ToProjectPath(string path)
    {
        var full = Path.GetFullPath(path, WorkingDirectory);
        var relative = Path.GetRelativePath(ProjectRoot, full).Replace('\\', '/');
        return relative == "." ? "" : relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    /// <summary>Whether this run is in CI: <c>--ci</c>, or GitHub Actions' own <c>GITHUB_ACTIONS=true</c>.</summary>
    public bool InCi(bool ciOption) => ciOption || string.Equals(World.Environment("GITHUB_ACTIONS"), "true", StringComparison.Ordinal);

    /// <summary>In CI: the summary on standard output, and as Markdown appended to <c>$GITHUB_STEP_SUMMARY</c>
    /// when the runner names that file. It is the one file pub writes outside the project, because the
    /// runner asks for it.</summary>
    public void Summarize(bool ci, string command, RunCounts counts, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (!ci)
        {
            return;
        }
        Output.WriteLine(CiSummary.Text(command, counts, diagnostics));
        if (World.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } path)
        {
            try
            {
                File.AppendAllText(path, CiSummary.Markdown(command, counts, diagnostics));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Error.WriteLine($"pub: cannot append the summary to GITHUB_STEP_SUMMARY ({path}): {ex.Message}");
            }
        }
    }

    /// <summary>One line on standard error per manuscript built or failed, in manuscript order, as the build goes:
    /// <c>built papers/op-001/paper.md (2 editions) in 1.4 s</c>. Plain lines, never terminal control codes, so a
    /// log or a CI run reads the same as a terminal; the diagnostics and the summary follow when all is done.</summary>
    public Action<EditionResult> Progress(string verb) => result =>
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var editions = result.Editions == 1 ? "1 edition" : $"{result.Editions} editions";
        Error.WriteLine(result.Failed ? $"failed {result.Manuscript} in {seconds} s" : $"{verb} {result.Manuscript} ({editions}) in {seconds} s");
    };

    public void Report(IEnumerable<Diagnostic> diagnostics, string format, bool ci = false)
    {
        var list = diagnostics.ToList();
        if (string.Equals(format, "json", StringComparison.Ordinal))
        {
            Output.Write(DiagnosticFormatter.Json(list));
        }
        else
        {
            foreach (var d in list)
            {
                Error.Write(DiagnosticFormatter.Text(d));
            }
        }
        if (InCi(ci))
        {
            foreach (var d in list)
            {
                Output.WriteLine(DiagnosticFormatter.GitHubAnnotation(d));
            }
        }
    }

    public static ExitCode ExitFor(IReadOnlyCollection<Diagnostic> diagnostics, bool configurationFailed, bool strict)
    {
        // A bug in pub (an internal error in one manuscript) decides the exit code once everything else was built.
        if (diagnostics.Any(d => d.Code == Codes.InternalError.Id))
        {
            return ExitCode.InternalError;
        }
        if (configurationFailed)
        {
            return ExitCode.UsageOrConfiguration;
        }
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return ExitCode.DocumentErrors;
        }
        return strict && diagnostics.Any(d => d.Severity == Severity.Warning) ? ExitCode.WarningsUnderStrict : ExitCode.Ok;
    }
}
