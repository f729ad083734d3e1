using Xunit;

namespace Pub.Citations.Conformance;

public sealed class KnownFailureListTests
{
    private const string Header = "# fixtures that fail\n\n";

    private static Dictionary<string, bool> Run(params (string Name, bool Passed)[] results) =>
        results.ToDictionary(r => r.Name, r => r.Passed, StringComparer.Ordinal);

    [Fact]
    public void AListThatMatchesTheRunHasNoProblems()
    {
        var list = KnownFailureList.Parse(Header + "name_A  # initials with markup are not normalised\n");

        Assert.Empty(list.Check(Run(("name_A", false), ("name_B", true))));
        Assert.False(list.Differs(Run(("name_A", false), ("name_B", true))));
    }

    [Theory]
    [InlineData("name_A", "has no reason")]
    [InlineData("name_A  #", "has no reason")]
    [InlineData("name_A  #   ", "has no reason")]
    [InlineData("name_A  # TODO", "placeholder reason 'TODO'")]
    [InlineData("name_A  # todo: look at this", "placeholder reason")]
    [InlineData("name_A  # fails", "placeholder reason 'fails'")]
    [InlineData("name_A  # Output differs.", "placeholder reason")]
    public void AnEntryWithoutAWrittenReasonIsReportedWithItsLine(string entry, string problem)
    {
        var list = KnownFailureList.Parse(Header + "date_B  # the bc term of the current locale differs from the fixture's\n" + entry + "\n");

        var message = Assert.Single(list.Check(Run(("name_A", false), ("date_B", false))));
        Assert.StartsWith("known-failures.txt line 4: 'name_A' ", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListedFixtureThatPassesIsReported()
    {
        var list = KnownFailureList.Parse(Header + "name_A  # a particle inside initials loses its spacing\nname_B  # et-al term without a space for CJK names\n");

        var message = Assert.Single(list.Check(Run(("name_A", true), ("name_B", false))));
        Assert.Equal("known-failures.txt line 3: 'name_A' now passes; remove it from the list", message);
    }

    [Fact]
    public void AFailureThatIsNotListedIsReported()
    {
        var list = KnownFailureList.Parse(Header + "name_A  # a particle inside initials loses its spacing\n");

        var message = Assert.Single(list.Check(Run(("name_A", false), ("sort_C", false))));
        Assert.Contains("'sort_C' fails but is not listed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListedFixtureThatNoLongerExistsIsReported()
    {
        var list = KnownFailureList.Parse(Header + "name_Gone  # a fixture the suite has since dropped\n");

        var message = Assert.Single(list.Check(Run(("name_A", true))));
        Assert.Equal("known-failures.txt line 3: 'name_Gone' is not a fixture of the suite; remove it", message);
    }

    [Fact]
    public void AnEntryListedTwiceIsReported()
    {
        var list = KnownFailureList.Parse("name_A  # first reason given here\nname_A  # second reason given here\n");

        var message = Assert.Single(list.Check(Run(("name_A", false))));
        Assert.Equal("known-failures.txt line 2: 'name_A' is listed twice (first on line 1)", message);
    }

    [Fact]
    public void TheUpdatedListKeepsReasonsDropsPassesAndLeavesNewFailuresWithoutAReason()
    {
        var list = KnownFailureList.Parse(Header + "name_A  # a particle inside initials loses its spacing\nname_B  # et-al term without a space for CJK names\nname_Gone  # dropped from the suite\n");
        var run = Run(("name_A", false), ("name_B", true), ("sort_C", false));

        Assert.True(list.Differs(run));
        var updated = list.Updated(run);
        var entries = updated.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(["name_A  # a particle inside initials loses its spacing", "sort_C  #"], entries);

        // The rewritten list is not yet acceptable: the new entry still needs its reason.
        var reread = KnownFailureList.Parse(updated);
        Assert.False(reread.Differs(run));
        Assert.Contains(reread.Check(run), p => p.Contains("'sort_C' has no reason", StringComparison.Ordinal));
    }
}
