using System.CommandLine;
using Pub.Preview;

namespace Pub.Cli.Commands;

internal static class PreviewCommand
{
    public static Command Create(CliSession session)
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "The manuscript to preview: a paper.md file or a folder below papers/. All manuscripts when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 to serve on (default: a free port).",
        };
        var open = new Option<bool>("--open") { Description = "Open the preview in the default browser." };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Build and serve the HTML edition only." };
        var command = new Command("preview", "Serve draft editions on 127.0.0.1 and rebuild them when a manuscript, bibliography, figure, template or pub.yaml changes.")
        {
            path, port, open, noPdf,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(port) is < 0 or > 65535)
            {
                session.Error.WriteLine("error: --port takes a number from 1 to 65535");
                return (int)ExitCode.UsageOrConfiguration;
            }
            var options = new PreviewOptions
            {
                ProjectRoot = session.ProjectRoot,
                Paths = parse.GetValue(path) is { } p ? [session.ToProjectPath(p)] : [],
                Port = parse.GetValue(port),
                Pdf = !parse.GetValue(noPdf),
                Log = session.Error,
            };
            // SIGTERM and Ctrl+C end the preview within a second, however many pages are open.
            using var signals = new StopSignals();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, signals.Token);
            PreviewServer? server;
            PreviewStartFailure? failure;
            try
            {
                (server, failure) = await PreviewServer.StartAsync(options, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                session.Error.WriteLine("pub preview: stopped before it was serving");
                return (int)ExitCode.Ok;
            }
            if (server is null)
            {
                session.Report(failure?.Diagnostics ?? [], "text");
                if (failure?.Message is { } message)
                {
                    session.Error.WriteLine("error: " + message);
                }
                return (int)ExitCode.UsageOrConfiguration;
            }
            await using (server)
            {
                session.Output.WriteLine($"pub preview: serving {server.Url} (press Ctrl+C to stop)");
                if (parse.GetValue(open) && BrowserLauncher.Open(server.Url) is { } problem)
                {
                    session.Error.WriteLine($"pub preview: could not open a browser ({problem}); open {server.Url} yourself");
                }
                // Stopping runs on the thread pool, never inline on the thread that delivered the signal.
                var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (stop.Token.Register(() => stopped.TrySetResult()))
                {
                    await Task.WhenAny(server.Completion, stopped.Task);
                }
                session.Error.WriteLine("pub preview: stopping");
            }
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
