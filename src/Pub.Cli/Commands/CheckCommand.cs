using System.CommandLine;
using Pub.Compiler;

namespace Pub.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create(CliSession session)
    {
        var paths = SharedOptions.Paths();
        var strict = SharedOptions.Strict();
        var diagnostics = SharedOptions.Diagnostics();
        var command = new Command("check", "Validate configuration, manuscripts, citations and templates; write nothing.")
        {
            paths, strict, diagnostics,
        };
        command.SetAction(parse =>
        {
            var result = PubCompiler.Build(session.World, new BuildOptions
            {
                Paths = [.. (parse.GetValue(paths) ?? []).Select(session.ToProjectPath)],
                Write = false,
            });
            session.Report(result.Diagnostics, parse.GetValue(diagnostics) ?? "text");
            session.Error.WriteLine(Summary.Line("checked", result.Editions.Count(e => !e.Failed), result.Editions.Count(e => e.Failed), 0, result.Diagnostics));
            return (int)CliSession.ExitFor(result.Diagnostics, result.ConfigurationFailed, parse.GetValue(strict));
        });
        return command;
    }
}
