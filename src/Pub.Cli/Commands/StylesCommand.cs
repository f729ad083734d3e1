using System.CommandLine;
using Pub.Compiler;

namespace Pub.Cli.Commands;

internal static class StylesCommand
{
    public static Command Create(CliSession session)
    {
        var diagnostics = SharedOptions.Diagnostics();
        var command = new Command("styles", "List the citation styles csl: in the front matter and citation-style in pub.yaml can name: name, class, title and file, from templates/csl and the styles folders of pub.yaml.")
        {
            diagnostics,
        };
        command.SetAction(parse =>
        {
            var (styles, found) = PubCompiler.Styles(session.World);
            var rows = styles.Select(s => new[]
            {
                s.Name,
                s.Class ?? "?",
                s.Class is null ? "(not a readable CSL style)" : s.Title ?? "(untitled)",
                s.Path + Parent(s),
            }).ToList();
            if (rows.Count > 0)
            {
                Table.Write(session.Output, ["NAME", "CLASS", "TITLE", "FILE"], rows);
            }
            session.Report(found, parse.GetValue(diagnostics) ?? "text");
            var configFailed = found.Any(d => d.Severity == Pub.Syntax.Severity.Error);
            return (int)(configFailed ? ExitCode.UsageOrConfiguration : ExitCode.Ok);
        });
        return command;
    }

    /// <summary>A dependent style borrows everything but its title and locale from its parent: say which, and
    /// whether it can be found.</summary>
    private static string Parent(StyleListing style) => style switch
    {
        { ParentId: null } => "",
        { ParentPath: null } => $" (dependent; parent '{style.ParentId}' not found)",
        _ => $" (dependent on {style.ParentPath})",
    };
}
