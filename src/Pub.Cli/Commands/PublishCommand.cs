using System.CommandLine;
using System.Globalization;
using Pub.Compiler.Publishing;
using Pub.Syntax;

namespace Pub.Cli.Commands;

internal static class PublishCommand
{
    public static Command Create(CliSession session)
    {
        var path = new Argument<string>("PATH") { Description = "The manuscript to publish: a paper.md file or the folder that holds it." };
        var number = new Option<string?>("--number") { Description = "The series number: N, or 'next' for the next free one. Default: the manuscript's number, else the next free one." };
        var edition = new Option<int?>("--edition") { Description = "The edition number. Default: the manuscript's edition (1)." };
        var date = new Option<string?>("--date") { Description = "The publication date, YYYY-MM-DD. Default: the manuscript's date, else today (UTC)." };
        var diagnostics = SharedOptions.Diagnostics();
        var ci = SharedOptions.Ci();
        var command = new Command("publish", "Build a manuscript strictly, give it its number, write its final editions and record them in the series registry.")
        {
            path, number, edition, date, diagnostics, ci,
        };
        command.SetAction(parse =>
        {
            var request = new PublishRequest(session.ToProjectPath(parse.GetValue(path)!), parse.GetValue(number), parse.GetValue(edition), parse.GetValue(date));
            var result = Publisher.Publish(session.World, request);
            var inCi = session.InCi(parse.GetValue(ci));
            session.Report(result.Diagnostics, parse.GetValue(diagnostics) ?? "text", inCi);
            session.Summarize(inCi, "publish", new RunCounts(result.Published ? 1 : 0, 0, result.Published ? 0 : 1, "published"), result.Diagnostics);
            if (result.Published)
            {
                // Warnings of other manuscripts, found while rebuilding the site, are reported but refuse nothing.
                var removed = result.Removed.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", {result.Removed.Count} removed") : "";
                session.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pub publish: number {result.Number}, {result.Written.Count} files written{removed}"));
                return (int)ExitCode.Ok;
            }
            if (result.UsageError)
            {
                return (int)ExitCode.UsageOrConfiguration;
            }
            if (result.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return (int)ExitCode.DocumentErrors;
            }
            if (result.Diagnostics.Any(d => d.Severity == Severity.Warning))
            {
                session.Error.WriteLine("pub publish: refused, because publishing allows no warnings");
            }
            return (int)ExitCode.WarningsUnderStrict;
        });
        return command;
    }
}
