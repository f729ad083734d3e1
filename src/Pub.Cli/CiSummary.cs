using System.Globalization;
using System.Text;
using Pub.Syntax;

namespace Pub.Cli;

/// <summary>What a command did to editions, counted for CI; <see cref="Verb"/> says what "done" was.</summary>
public sealed record RunCounts(int Built, int Unchanged, int Failed, string Verb = "built");

/// <summary>
/// The summary a CI run prints after its diagnostics, and the Markdown it appends to the file GitHub
/// Actions names in <c>GITHUB_STEP_SUMMARY</c>, where it shows on the run's page.
/// </summary>
public static class CiSummary
{
    /// <summary>At most this many diagnostics are listed in the Markdown summary; all are annotations already.</summary>
    public const int ListedDiagnostics = 50;

    public static string Text(string command, RunCounts counts, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var (errors, warnings, infos) = BySeverity(diagnostics);
        return string.Create(CultureInfo.InvariantCulture,
            $"pub {command} summary: {counts.Built} edition(s) {counts.Verb}, {counts.Unchanged} unchanged, {counts.Failed} failed; {errors} error(s), {warnings} warning(s), {infos} info(s)");
    }

    public static string Markdown(string command, RunCounts counts, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var (errors, warnings, infos) = BySeverity(diagnostics);
        var text = new StringBuilder();
        text.Append("### `pub ").Append(command).Append("`: ").Append(errors > 0 ? "failed" : "succeeded").Append("\n\n");
        text.Append("| | count |\n|---|---:|\n");
        foreach (var (label, value) in new[]
        {
            ("editions " + counts.Verb, counts.Built), ("editions unchanged", counts.Unchanged), ("editions failed", counts.Failed),
            ("errors", errors), ("warnings", warnings), ("infos", infos),
        })
        {
            text.Append("| ").Append(label).Append(" | ").Append(value.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
        var listed = diagnostics.OrderByDescending(d => d.Severity).Take(ListedDiagnostics).ToList();
        if (listed.Count > 0)
        {
            text.Append("\n| severity | code | where | message |\n|---|---|---|---|\n");
            foreach (var d in listed)
            {
                text.Append("| ").Append(DiagnosticFormatter.Severity(d.Severity))
                    .Append(" | ").Append(d.Code)
                    .Append(" | ").Append(Cell(DiagnosticFormatter.Location(d).TrimEnd(' ', ':')))
                    .Append(" | ").Append(Cell(d.Message)).Append(" |\n");
            }
            if (diagnostics.Count > listed.Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{diagnostics.Count - listed.Count} more in the annotations and the log.\n");
            }
        }
        return text.Append('\n').ToString();
    }

    private static (int Errors, int Warnings, int Infos) BySeverity(IReadOnlyCollection<Diagnostic> diagnostics) =>
        (diagnostics.Count(d => d.Severity == Severity.Error), diagnostics.Count(d => d.Severity == Severity.Warning), diagnostics.Count(d => d.Severity == Severity.Info));

    /// <summary>Text safe inside a Markdown table cell: no line breaks, pipes escaped, no HTML.</summary>
    private static string Cell(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
