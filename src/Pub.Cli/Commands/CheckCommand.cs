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
        var ci = SharedOptions.Ci();
        var jobs = SharedOptions.Jobs();
        var command = new Command("check", "Validate configuration, manuscripts, citations and templates; write nothing.")
        {
            paths, strict, jobs, diagnostics, ci,
        };
        command.SetAction(parse =>
        {
            var result = PubCompiler.Build(session.World, new BuildOptions
            {
                Paths = [.. (parse.GetValue(paths) ?? []).Select(session.ToProjectPath)],
                Write = false,
                Jobs = parse.GetValue(jobs),
                StartRenderWorker = session.StartRenderWorker,
                Progress = session.Progress("checked"),
            });
            var inCi = session.InCi(parse.GetValue(ci));
            session.Report(result.Diagnostics, parse.GetValue(diagnostics) ?? "text", inCi);
            var (ok, failed) = (result.Editions.Count(e => !e.Failed), result.Editions.Count(e => e.Failed));
            session.Error.WriteLine(Summary.Line("checked", ok, failed, 0, result.Diagnostics));
            session.Summarize(inCi, "check", new RunCounts(ok, 0, failed, "checked"), result.Diagnostics);
            return (int)CliSession.ExitFor(result.Diagnostics, result.ConfigurationFailed, parse.GetValue(strict));
        });
        return command;
    }
}
