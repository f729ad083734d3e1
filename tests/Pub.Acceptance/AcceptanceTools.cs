// Pub.Acceptance: the sample series as a reader and a validator see it. The series is built once per run
// (SampleSite), served from 127.0.0.1, and checked with the Nu Html Checker, axe-core in headless
// Chromium, a link checker and screenshots. The checkers are not .NET packages: tests/Pub.Acceptance/
// package.json brings vnu-jar and axe-core (`npm ci`), and Debian brings chromium and Java.
namespace Pub.Acceptance;

/// <summary>
/// Where the external checkers are, and what a test does when one is missing: on a developer's machine
/// it is skipped with the reason and the command that installs it; in CI (CI=true) it fails, because a
/// green run that checked nothing would hide a broken install step.
/// </summary>
internal static class AcceptanceTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string ToolsFolder = Path.Combine(Pub.Testing.RepoPaths.Root, "tests", "Pub.Acceptance");

    public static string VnuJar { get; } = Path.Combine(ToolsFolder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string AxeScript { get; } = Path.Combine(ToolsFolder, "node_modules", "axe-core", "axe.min.js");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Java { get; } = FindOnPath("java");

    /// <summary>Skips (or, in CI, fails) the calling test unless the Nu Html Checker can run.</summary>
    public static void RequireValidator()
    {
        if (Java is null)
        {
            Missing("java is not on PATH (apt-get install default-jre-headless)");
        }
        if (!File.Exists(VnuJar))
        {
            Missing($"{VnuJar} is missing (run `npm ci` in tests/Pub.Acceptance)");
        }
    }

    /// <summary>Skips (or, in CI, fails) the calling test unless Chromium and axe-core are there.</summary>
    public static void RequireBrowser(bool axe = false)
    {
        if (!File.Exists(ChromiumPath))
        {
            Missing($"{ChromiumPath} is missing (apt-get install chromium)");
        }
        if (axe && !File.Exists(AxeScript))
        {
            Missing($"{AxeScript} is missing (run `npm ci` in tests/Pub.Acceptance)");
        }
    }

    private static void Missing(string reason)
    {
        if (InCi)
        {
            Assert.Fail("acceptance tool missing in CI: " + reason);
        }
        Assert.Skip("acceptance tool missing: " + reason);
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
