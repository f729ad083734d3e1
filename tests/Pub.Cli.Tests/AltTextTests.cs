using System.Text.RegularExpressions;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>A figure without alternative text is a warning (PUB0304) at the figure, reported once by check and by build.</summary>
public sealed class AltTextTests : IDisposable
{
    private readonly TestProject _project = new();

    public AltTextTests() =>
        _project.AddPaper("op-001-figures", 1, body: "![A second chart, undescribed.](figures/chart.png){#fig-second}\n");

    public void Dispose() => _project.Dispose();

    private int FigureLine()
    {
        var lines = _project.Read("papers/op-001-figures/paper.md").Split('\n');
        return Array.FindIndex(lines, l => l.Contains("{#fig-second}", StringComparison.Ordinal)) + 1;
    }

    [Theory]
    [InlineData("check")]
    [InlineData("build")]
    public void A_figure_without_alt_text_is_warned_about_once_at_its_position(string command)
    {
        var (exit, _, error) = _project.Run(command);
        Assert.Equal(0, exit);
        var warnings = Regex.Matches(error, "PUB0304");
        Assert.Single(warnings);
        Assert.Contains($"papers/op-001-figures/paper.md({FigureLine()},1): warning PUB0304: figure 'figures/chart.png' has no alternative text", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_builds_refuse_it()
    {
        var (exit, _, error) = _project.Run("build", "--strict");
        Assert.Equal(3, exit);
        Assert.Contains("PUB0304", error, StringComparison.Ordinal);
    }
}
