using System.CommandLine;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Cli.Commands;

internal static class ImportCommand
{
    public static Command Create(CliSession session)
    {
        var file = new Argument<string>("FILE") { Description = "The Word document (.docx) to import." };
        var series = new Option<string>("--series") { Description = "The series id from pub.yaml.", Required = true };
        var title = new Option<string?>("--title") { Description = "The paper's title; the document's Title paragraph or first heading when omitted." };
        var language = new Option<string?>("--lang") { Description = "The manuscript's language (BCP 47); the document's language when omitted." };
        var output = new Option<string?>("--out") { Description = "The new manuscript folder; below papers/, named after the series and title, when omitted." };
        var accept = new Option<bool>("--accept-changes") { Description = "Import the text as it reads with every tracked change accepted." };
        var reject = new Option<bool>("--reject-changes") { Description = "Import the text as it reads with every tracked change rejected." };
        var command = new Command("import", "Create a new manuscript folder from a Word document, its citations linked to the bibliography; never overwrites.")
        {
            file, series, title, language, output, accept, reject,
        };
        command.SetAction(parse =>
        {
            var request = new ImportRequest(session.ToProjectPath(parse.GetValue(file)!), parse.GetValue(series)!, parse.GetValue(title), parse.GetValue(language),
                parse.GetValue(output) is { } folder ? session.ToProjectPath(folder) : null, parse.GetValue(accept), parse.GetValue(reject));
            var outcome = PubCompiler.Import(session.World, request);
            session.Report(outcome.Diagnostics, "text");
            if (outcome.Manuscript is null)
            {
                var usage = outcome.Diagnostics.Any(d => d.Code.StartsWith("PUB05", StringComparison.Ordinal) || d.Code == Codes.UnknownSeries.Id || d.Code == Codes.InvalidImportRequest.Id);
                return (int)(usage ? ExitCode.UsageOrConfiguration : ExitCode.DocumentErrors);
            }
            session.Output.WriteLine($"created {outcome.Manuscript}");
            session.Output.Write(outcome.Report);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
