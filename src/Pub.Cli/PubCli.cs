using System.CommandLine;
using Pub.Cli.Commands;
using Pub.Compiler;

namespace Pub.Cli;

/// <summary>The command tree and its entry point. Tests call <see cref="Run"/> with their own writers and
/// working folder.</summary>
public static class PubCli
{
    /// <param name="startRenderWorker">Starts a render worker for a parallel build (see <see cref="BuildOptions.StartRenderWorker"/>);
    /// the executable passes <see cref="RenderWorkerProcess"/>'s. Null renders a parallel build on threads of this process.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, Func<RenderWorker?>? startRenderWorker = null)
    {
        var session = new CliSession(output, error, workingDirectory) { StartRenderWorker = startRenderWorker };
        var root = new RootCommand("pub: builds numbered PDF and HTML editions of a report series from Markdown manuscripts.")
        {
            BuildCommand.Create(session),
            CheckCommand.Create(session),
            ListCommand.Create(session),
            StylesCommand.Create(session),
            NewCommand.Create(session),
            ImportCommand.Create(session),
            CiteCommand.Create(session),
            PreviewCommand.Create(session),
            PublishCommand.Create(session),
        };
        if (args is [RenderWorkerProcess.Command])
        {
            return ServeRenders(session, Console.OpenStandardInput(), Console.OpenStandardOutput());
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }
            error.WriteLine("Run 'pub --help' for usage.");
            return (int)ExitCode.UsageOrConfiguration;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // Any exception escaping the compiler is a bug in pub: report it and exit 70.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine("internal error: pub failed unexpectedly; this is a bug in pub, not in your documents.");
            error.WriteLine(ex.ToString());
            return (int)ExitCode.InternalError;
        }
    }

    /// <summary><c>pub render-worker</c>, which only a build starts (it is not listed in the help): renders the
    /// manuscripts the build asks for until it closes standard input.</summary>
    private static int ServeRenders(CliSession session, Stream requests, Stream replies)
    {
        // Standard output carries the replies and nothing else.
        Console.SetOut(Console.Error);
        using (requests)
        using (replies)
        {
            PubCompiler.ServeRenders(session.World, requests, replies);
        }
        return 0;
    }
}
