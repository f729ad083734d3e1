using System.Diagnostics;
using System.Text.RegularExpressions;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>In CI, diagnostics are workflow annotations and the run ends with a summary, also written to the
/// step summary file GitHub Actions names.</summary>
public sealed partial class CiTests : IDisposable
{
    private const string Word = "4829173650482917365048291736504829173650482917365048291736504829173650482917365048291736504829173650"; // a hundred digits: no hyphenation point, wider than any line

    private readonly TestProject _project = new();

    public CiTests()
    {
        _project.AddPaper("op-001-a", 1);
        // A paragraph that cannot be set within tolerance: one warning, at a known line.
        _project.AddPaper("op-002-b", 2, body: $"{Word} {Word} word.");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void CiOptionPrintsAnnotationsAndASummary()
    {
        var (exit, output, error) = _project.Run("build", "--ci");
        Assert.True(exit == 0, error);
        Assert.Matches(@"::warning file=papers/op-002-b/paper\.md,line=\d+,col=\d+,title=PUB0904::.* is wider than the line and was cut", output);
        Assert.Contains("pub build summary: 2 edition(s) built, 0 unchanged, 0 failed; 0 error(s), 1 warning(s), 0 info(s)", output, StringComparison.Ordinal);

        (exit, output, _) = _project.Run("build", "--ci");
        Assert.Equal(0, exit);
        Assert.Contains("title=PUB0904", output, StringComparison.Ordinal);
        Assert.Contains("pub build summary: 0 edition(s) built, 2 unchanged, 0 failed; 0 error(s), 1 warning(s)", output, StringComparison.Ordinal);

        // Without CI mode (and outside GitHub Actions), standard output stays clean.
        if (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") != "true")
        {
            (_, output, _) = _project.Run("check");
            Assert.Empty(output);
        }
    }

    [Fact]
    public void GitHubActionsTurnsCiModeOnAndTheSummaryIsAppendedToTheStepSummary()
    {
        var summary = Path.Combine(_project.Root, "..", Path.GetFileName(_project.Root) + "-step-summary.md");
        try
        {
            File.WriteAllText(summary, "earlier step\n");
            var first = RunProcess("check", summary);
            var second = RunProcess("build", summary);
            Assert.Contains("::warning file=papers/op-002-b/paper.md", first, StringComparison.Ordinal);
            Assert.Contains("pub check summary: 2 edition(s) checked", first, StringComparison.Ordinal);
            Assert.Contains("pub build summary: 2 edition(s) built", second, StringComparison.Ordinal);
            var markdown = File.ReadAllText(summary);
            Assert.StartsWith("earlier step\n### `pub check`: succeeded\n", markdown, StringComparison.Ordinal);
            Assert.Contains("### `pub build`: succeeded", markdown, StringComparison.Ordinal);
            Assert.Contains("| editions built | 2 |", markdown, StringComparison.Ordinal);
            Assert.Contains("| warnings | 1 |", markdown, StringComparison.Ordinal);
            Assert.Matches(@"\| warning \| PUB0904 \| papers/op-002-b/paper\.md\(\d+,\d+\) \| .* is wider than the line", markdown);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    private string RunProcess(string command, string summary)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "pub.dll"), command])
        {
            WorkingDirectory = _project.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GITHUB_ACTIONS"] = "true";
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"pub {command} did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return output;
    }

    [Fact]
    public void TheMarkdownSummaryKeepsEachDiagnosticInItsCell()
    {
        var diagnostics = new[]
        {
            new Diagnostic(Severity.Error, "PUB0201", "unknown key 'a|b'\nsecond line <b>", Path: "papers/x/paper.md"),
            new Diagnostic(Severity.Info, "PUB0205", "not cited"),
        };
        var markdown = CiSummary.Markdown("check", new RunCounts(0, 0, 1), diagnostics);
        Assert.StartsWith("### `pub check`: failed\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| error | PUB0201 | papers/x/paper.md | unknown key 'a\\|b' second line &lt;b> |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| errors | 1 |\n| warnings | 0 |\n| infos | 1 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExampleWorkflowRunsCommandsAndOptionsPubHas()
    {
        var workflow = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pub.yml"));
        var runs = WorkflowPubRun().Matches(workflow).ToList();
        Assert.Equal(["check", "build", "publish"], runs.Select(r => r.Groups[1].Value));
        foreach (var run in runs)
        {
            var (exit, help, _) = TestProject.RunIn(RepoPaths.Root, run.Groups[1].Value, "--help");
            Assert.Equal(0, exit);
            foreach (Match option in WorkflowOption().Matches(run.Groups[2].Value))
            {
                Assert.Contains(option.Value, help, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"\$PUB (\w+)(.*)$", RegexOptions.Multiline)]
    private static partial Regex WorkflowPubRun();

    [GeneratedRegex(@"--[a-z-]+")]
    private static partial Regex WorkflowOption();
}
