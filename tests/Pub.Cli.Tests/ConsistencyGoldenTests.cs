using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>
/// Every bibliography consistency check over a small two-paper project (tests/fixtures/consistency/project):
/// an unknown key with its suggestion, a key defined in a paper's own file and in the shared one, the same
/// work twice (same DOI; same title, year and first author), an entry lacking a field the style prints and
/// an entry nobody cites, each at its file, line and column. The reviewed output is check.txt beside it.
/// </summary>
public sealed class ConsistencyGoldenTests
{
    [Fact]
    public void CheckReportsEveryConsistencyProblemAtItsPosition()
    {
        var fixture = Path.Combine(RepoPaths.Root, "tests", "fixtures", "consistency", "project");
        using var project = new TestProject(File.ReadAllText(Path.Combine(fixture, "pub.yaml")));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(fixture, "papers"), "*", SearchOption.AllDirectories))
        {
            project.Write(Path.GetRelativePath(fixture, file), File.ReadAllBytes(file));
        }
        var (exit, _, error) = project.Run("check");
        Assert.Equal(1, exit);
        // The progress lines carry times; the golden file holds what is reproducible.
        Golden.Assert("consistency/check.txt", TestProject.WithoutProgress(error));
    }
}
