// Pub.Testing: what the test projects share: golden files, an in-memory world and repository paths.
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Pub.Testing;

/// <summary>
/// Compares output with a reviewed file under tests/fixtures. A missing or different golden file fails;
/// with PUB_UPDATE_GOLDEN=1 the file is (re)written and the test still fails, so that nothing is accepted
/// without someone reading the new file. CI never sets the variable.
/// </summary>
public static class Golden
{
    public static void Assert(string relativePath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", relativePath);
        var update = Environment.GetEnvironmentVariable("PUB_UPDATE_GOLDEN") == "1";
        if (!File.Exists(path))
        {
            if (update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual, new UTF8Encoding(false));
                Xunit.Assert.Fail($"golden file {relativePath} was written; review it and run again without PUB_UPDATE_GOLDEN");
            }
            Xunit.Assert.Fail($"golden file {relativePath} is missing; run with PUB_UPDATE_GOLDEN=1 to write it, then review it");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }
        if (update)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Xunit.Assert.Fail($"golden file {relativePath} was rewritten; review the change and run again without PUB_UPDATE_GOLDEN");
        }
        Xunit.Assert.Equal(expected, actual);
    }
}

/// <summary>Finds the repository root (the folder holding PubPipeline.sln) from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The read-only shared folder beside the repository, if this machine has one.</summary>
    public static string? Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot([CallerFilePath] string here = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(here) ?? "" })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
                {
                    return dir.FullName;
                }
                dir = dir.Parent;
            }
        }
        throw new InvalidOperationException("PubPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
