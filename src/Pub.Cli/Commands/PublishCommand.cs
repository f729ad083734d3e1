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
            var refused = result.UsageError || result.Diagnostics.Any(d => d.Severity is Severity.Error or Severity.Warning);
            session.Summarize(inCi, "publish", new RunCounts(refused ? 0 : 1, 0, refused ? 1 : 0, "published"), result.Diagnostics);
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
                return (int)ExitCode.WarningsUnderStrict;
            }
            session.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pub publish: number {result.Number}, {result.Written.Count} files written"));
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
