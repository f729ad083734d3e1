using Xunit;

namespace Pub.Citations.Tests.CiteprocParity;

public sealed class KnownDifferencesTests
{
    private static readonly DifferenceKey Kelly = new("apa", "de-DE", "bib", "x-kelly-2014");

    [Fact]
    public void AGlobLineExplainsEveryKeyItMatches()
    {
        var list = KnownDifferences.Parse("apa * bib x-*  # the reason\n");
        Assert.Empty(list.Problems);
        Assert.NotNull(list.Explain(Kelly, "a", "b"));
        Assert.Null(list.Explain(Kelly with { Kind = "cite" }, "a", "b"));
    }

    [Theory]
    [InlineData("apa de-DE bib x-kelly-2014")]
    [InlineData("apa de-DE bib x-kelly-2014  # TODO")]
    [InlineData("apa de-DE bib x-kelly-2014  # UNEXPLAINED")]
    [InlineData("apa de-DE x-kelly-2014  # three fields")]
    public void ALineWithoutAReasonOrWithTheWrongShapeIsAProblem(string line)
    {
        var list = KnownDifferences.Parse(line);
        Assert.Single(list.Problems);
        Assert.Empty(list.Entries);
    }

    [Fact]
    public void AQuotesLineExplainsOnlyADifferenceInQuotationMarks()
    {
        var list = KnownDifferences.Parse("* * bib x-kelly-2014  # [quotes] quotation marks are set in the output language's\n");
        Assert.NotNull(list.Explain(Kelly, "Migrants “Forced to Work” on Farms", "Migrants „Forced to Work“ on Farms"));
        Assert.NotNull(list.Explain(Kelly, "Migrants “Forced to Work” on Farms", "Migrants «\u00A0Forced to Work\u00A0» on Farms"));
        Assert.Null(list.Explain(Kelly, "Migrants “Forced to Work” on Farms", "Migrants „Forced to Work“ in Farms"));
    }

    [Fact]
    public void RewritingKeepsUsedLinesDropsStaleOnesAndMarksNewDifferences()
    {
        const string text = "# header\napa * bib x-kelly-2014  # kept\nieee * cite c01  # stale\n";
        var rewritten = KnownDifferences.Rewrite(text, [(Kelly, "a", "b"), (new DifferenceKey("mla", "en-US", "cite", "c02"), "a", "b")]);
        Assert.Equal("# header\napa * bib x-kelly-2014  # kept\nmla en-US cite c02  # UNEXPLAINED\n", rewritten);
        Assert.Single(KnownDifferences.Parse(rewritten).Problems);
    }
}
