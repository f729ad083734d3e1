// Pub.Cli: the `pub` command. It parses the command line, calls the compiler and maps results to exit
// codes; it is the only code that touches the console.
using Pub.Cli;

// Not for `pub --version` or `--help`, which allocate next to nothing.
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    HeapPages.Prepare();
}
Prewarm.Start(args);
var self = RenderWorkerProcess.SelfCommand();
var workingDirectory = Environment.CurrentDirectory;
return PubCli.Run(args, Console.Out, Console.Error, workingDirectory, self is null ? null : () => RenderWorkerProcess.Start(self, workingDirectory));
