using System.Globalization;
using System.Security.Cryptography;

namespace Pub.Cli;

/// <summary>
/// Loads, on a thread of its own while the main thread reads the command line and the project, what a build needs and
/// would otherwise wait for at its first use: the system's cryptography library (OpenSSL on Linux), which hashes the
/// build cache's file names, the digests of inputs and outputs and the PDF's identifiers. Loading and starting it
/// took about 6 ms at the start of every build, before anything was parsed. Then the collation library (ICU on
/// Linux) with the collators the build asks for first: the Markdown parser compares a footnote's label with the
/// current culture and files it under a case- and accent-blind invariant key, for which the runtime builds a
/// collator from long tailoring rules (about 8 ms on the main thread, in the middle of parsing), and citation
/// sorting compares in the style's language (set up here for English, whose collation is the root one that every
/// language builds on). Only the commands that hash start it: a process cannot end while a library is being
/// loaded, so <c>pub --version</c> would wait for it.
/// </summary>
internal static class Prewarm
{
    /// <summary>The commands that build, and therefore hash, from their first steps (a render worker included).</summary>
    private static readonly string[] Hashing = ["build", "preview", "publish", RenderWorkerProcess.Command];

    public static void Start(string[] args)
    {
        if (args.Length == 0 || Array.IndexOf(Hashing, args[0]) < 0)
        {
            return;
        }
        // The runtime's class-constructor locks, when two threads contend for one, read their spin settings
        // through AppContext, whose own class constructor the main thread runs as it opens the console. Started
        // first, this thread could hold a constructor the main thread needs (the string comparer's, for
        // OpenSSL's tables) while it waits for AppContext's, held by the main thread waiting for it: both spin
        // for ever (seen once, with the server collector). AppContext and the processor count are therefore
        // set up here, before there is a second thread.
        _ = AppContext.GetData("System.GC.Server");
        _ = Environment.ProcessorCount;
        var thread = new Thread(static () =>
        {
            SHA256.HashData(ReadOnlySpan<byte>.Empty);
            Collation();
        }) { IsBackground = true, Name = "pub prewarm" };
        thread.Start();
    }

    /// <summary>The collators that parsing and sorting use, made once; the runtime keeps them for the process.</summary>
    private static void Collation()
    {
        _ = CultureInfo.CurrentCulture.CompareInfo.IsPrefix("pub", "p");
        _ = CultureInfo.InvariantCulture.CompareInfo.GetHashCode("pub", CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        _ = CultureInfo.GetCultureInfo("en-US").CompareInfo.Compare("pub", "Pub", CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace
            | CompareOptions.NumericOrdering | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth);
    }
}
