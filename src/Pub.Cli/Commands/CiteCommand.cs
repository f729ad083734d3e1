using System.CommandLine;
using Pub.Compiler;

namespace Pub.Cli.Commands;

internal static class CiteCommand
{
    public static Command Create(CliSession session)
    {
        var style = new Option<string>("--style") { Description = "The CSL style: a file (independent, or dependent with its parent beside it), or inside a project the name or id of a style 'pub styles' lists.", Required = true };
        var references = new Option<string>("--references") { Description = "References: CSL-JSON (.json), CSL-YAML (.yaml) or BibTeX (.bib).", Required = true };
        var citations = new Option<string?>("--citations") { Description = "A JSON array of clusters of cites {id, locator, label, prefix, suffix, suppress-author, author-only}. Without it, the bibliography of all references." };
        var locale = new Option<string?>("--locale") { Description = "Locale to render in (e.g. ru-RU); the style's default locale when omitted." };
        var locales = new Option<string?>("--locales") { Description = "A folder of CSL locale files, searched before pub's own." };
        var format = new Option<string>("--format") { Description = "html (as citeproc-js writes it) or text.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "text");
        var noBibliography = new Option<bool>("--no-bibliography") { Description = "Print only the citations." };
        var command = new Command("cite", "Render citations and a bibliography with a CSL style; prints JSON {\"citations\": […], \"bibliography\": […]}.")
        {
            style, references, citations, locale, locales, format, noBibliography,
        };
        command.SetAction(parse =>
        {
            // A file comes first; inside a project, a value that names none is looked up as csl: would be.
            var stylePath = Path.GetFullPath(parse.GetValue(style)!, session.WorkingDirectory);
            var (named, suggestion, folders) = File.Exists(stylePath) ? (null, null, []) : PubCompiler.FindStyle(session.World, parse.GetValue(style)!);
            var (output, diagnostics) = PubCompiler.Cite(new FileSystemWorld(session.WorkingDirectory), new CiteRequest(
                named is null ? stylePath : Path.Combine(session.ProjectRoot, named),
                Path.GetFullPath(parse.GetValue(references)!, session.WorkingDirectory),
                parse.GetValue(citations) is { } c ? Path.GetFullPath(c, session.WorkingDirectory) : null,
                parse.GetValue(locale),
                parse.GetValue(locales) is { } l ? Path.GetFullPath(l, session.WorkingDirectory) : null,
                parse.GetValue(format) ?? "html",
                parse.GetValue(noBibliography)) 
            {
                StyleSuggestion = suggestion,
                StyleFolders = [.. folders.Select(f => Path.Combine(session.ProjectRoot, f))],
            });
            session.Report(diagnostics, "text");
            if (output is null)
            {
                return (int)ExitCode.DocumentErrors;
            }
            session.Output.Write(output);
            return (int)(diagnostics.Any(d => d.Severity == Pub.Syntax.Severity.Error) ? ExitCode.DocumentErrors : ExitCode.Ok);
        });
        return command;
    }
}
