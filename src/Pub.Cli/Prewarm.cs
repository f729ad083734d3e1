using System.Security.Cryptography;

namespace Pub.Cli;

/// <summary>
/// Loads, on a thread of its own while the main thread reads the command line and the project, what a build needs and
/// would otherwise wait for at its first use: the system's cryptography library (OpenSSL on Linux), which hashes the
/// build cache's file names, the digests of inputs and outputs and the PDF's identifiers. Loading and starting it
/// took about 6 ms at the start of every build, before anything was parsed. Only the commands that hash start it:
/// a process cannot end while a library is being loaded, so <c>pub --version</c> would wait for it.
/// </summary>
internal static class Prewarm
{
    /// <summary>The commands that build, and therefore hash, from their first steps.</summary>
    private static readonly string[] Hashing = ["build", "preview", "publish"];

    public static void Start(string[] args)
    {
        if (args.Length == 0 || Array.IndexOf(Hashing, args[0]) < 0)
        {
            return;
        }
        var thread = new Thread(static () => SHA256.HashData(ReadOnlySpan<byte>.Empty)) { IsBackground = true, Name = "pub prewarm" };
        thread.Start();
    }
}
