using System.CommandLine;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Cli.Commands;

internal static class NewCommand
{
    public static Command Create(CliSession session)
    {
        var series = new Option<string>("--series") { Description = "The series id from pub.yaml.", Required = true };
        var title = new Option<string>("--title") { Description = "The paper's title.", Required = true };
        var language = new Option<string?>("--lang") { Description = "The manuscript's language (BCP 47); pub.yaml's language when omitted." };
        var paper = new Command("paper", "Create a new manuscript folder below papers/ from templates/new/paper.md; never overwrites.")
        {
            series, title, language,
        };
        paper.SetAction(parse =>
        {
            var (created, diagnostics) = PubCompiler.NewPaper(session.World, parse.GetValue(series)!, parse.GetValue(title)!, parse.GetValue(language));
            session.Report(diagnostics, "text");
            if (created is null)
            {
                // A configuration problem or an option naming no series is a usage error (2), not a document's.
                var usage = diagnostics.Any(d => d.Code.StartsWith("PUB05", StringComparison.Ordinal) || d.Code == Codes.UnknownSeries.Id);
                return (int)(usage ? ExitCode.UsageOrConfiguration : ExitCode.DocumentErrors);
            }
            session.Output.WriteLine($"created {created}");
            return (int)ExitCode.Ok;
        });
        return new Command("new", "Create new content from a template.") { paper };
    }
}
