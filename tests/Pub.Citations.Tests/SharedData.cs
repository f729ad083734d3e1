// Locates ../shared (the CSL styles and locales beside the repository). Tests that need it skip when
// it is absent, except in CI (CI=true), where a missing folder is a failure.
using Xunit;

namespace Pub.Citations.Tests;

internal static class SharedData
{
    public static string CslFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
        {
            dir = dir.Parent;
        }
        var csl = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "csl") : null;
        if (csl is null || !Directory.Exists(csl))
        {
            const string message = "../shared/csl not found beside the repository";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Skip(message);
        }
        return csl!;
    }
}
