using System.CommandLine;
using Pub.Compiler;

namespace Pub.Cli.Commands;

internal static class BuildCommand
{
    public static Command Create(CliSession session)
    {
        var paths = SharedOptions.Paths();
        var output = new Option<string?>("--out") { Description = "Output folder (default: 'output' in pub.yaml, normally dist/)." };
        var formats = new Option<string>("--format")
        {
            Description = "Comma-separated formats to write: html, pdf.",
            DefaultValueFactory = _ => "html,pdf",
        };
        var draft = new Option<bool>("--draft") { Description = "Mark every edition as a draft: a DRAFT watermark across every PDF page and the build time in the footer (drafts are not byte-reproducible)." };
        var strict = SharedOptions.Strict();
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first manuscript with errors." };
        var force = new Option<bool>("--force") { Description = "Rebuild and rewrite every edition, even those unchanged since the last build." };
        var diagnostics = SharedOptions.Diagnostics();
        var ci = SharedOptions.Ci();
        var jobs = SharedOptions.Jobs();
        var command = new Command("build", "Build HTML and PDF editions of the manuscripts into the output folder.")
        {
            paths, output, formats, draft, strict, failFast, force, jobs, diagnostics, ci,
        };
        command.SetAction(parse =>
        {
            if (FormatParser.Parse(parse.GetValue(formats) ?? "") is not { } chosen)
            {
                session.Error.WriteLine("error: --format takes html, pdf or both, separated by a comma");
                return (int)ExitCode.UsageOrConfiguration;
            }
            var options = new BuildOptions
            {
                Paths = [.. (parse.GetValue(paths) ?? []).Select(session.ToProjectPath)],
                OutputFolder = parse.GetValue(output) is { } o ? session.ToProjectPath(o) : null,
                Formats = chosen,
                Draft = parse.GetValue(draft),
                FailFast = parse.GetValue(failFast),
                Incremental = true,
                Force = parse.GetValue(force),
                Jobs = parse.GetValue(jobs),
                Progress = session.Progress("built"),
                StartRenderWorker = session.StartRenderWorker,
            };
            var result = PubCompiler.Build(session.World, options);
            var inCi = session.InCi(parse.GetValue(ci));
            session.Report(result.Diagnostics, parse.GetValue(diagnostics) ?? "text", inCi);
            // "(assets)", "(site)" and "(manifest)" are whole-build outputs, not editions.
            var editions = result.Editions.Where(e => !e.Manuscript.StartsWith('(')).ToList();
            var built = editions.Count(e => !e.Failed && !e.Unchanged);
            var unchanged = editions.Count(e => e.Unchanged);
            var failed = editions.Count(e => e.Failed);
            session.Error.WriteLine(Summary.Line("built", built, failed, result.Written.Count(), result.Diagnostics, unchanged, result.Removed.Count));
            session.Summarize(inCi, "build", new RunCounts(built, unchanged, failed), result.Diagnostics);
            return (int)CliSession.ExitFor(result.Diagnostics, result.ConfigurationFailed, parse.GetValue(strict));
        });
        return command;
    }
}

internal static class FormatParser
{
    public static OutputFormats? Parse(string text)
    {
        var formats = OutputFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= part.ToLowerInvariant() switch
            {
                "html" => OutputFormats.Html,
                "pdf" => OutputFormats.Pdf,
                _ => (OutputFormats)(-1),
            };
        }
        return formats is OutputFormats.None || (int)formats < 0 ? null : formats;
    }
}

internal static class Summary
{
    public static string Line(string verb, int ok, int failed, int files, IEnumerable<Pub.Syntax.Diagnostic> diagnostics, int unchanged = 0, int removed = 0)
    {
        var list = diagnostics.ToList();
        var errors = list.Count(d => d.Severity == Pub.Syntax.Severity.Error);
        var warnings = list.Count(d => d.Severity == Pub.Syntax.Severity.Warning);
        var filesPart = (files > 0 ? $", {files} files written" : "") + (removed > 0 ? $", {removed} removed" : "");
        var unchangedPart = unchanged > 0 ? $", {unchanged} unchanged" : "";
        return $"pub: {ok} manuscript(s) {verb}{unchangedPart}, {failed} failed{filesPart}; {errors} error(s), {warnings} warning(s)";
    }
}
