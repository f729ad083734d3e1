// A locale term that opens a note citation ("ibid") takes a capital, as citeproc-js gives it, unless the
// style sets the term's case itself. Expected strings are citeproc-js 2.4.63's output for the same clusters.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NoteTermCaseTests
{
    private const string Book = """
        [{"id":"gallagher","type":"book","author":[{"family":"Gallagher","given":"Anne T."}],"title":"The International Law of Human Trafficking","publisher":"Cambridge University Press","publisher-place":"Cambridge","issued":{"date-parts":[[2010]]}}]
        """;

    private static readonly CitationItem[] Repeats = [new("gallagher"), new("gallagher") { Locator = "20" }, new("gallagher") { Locator = "20" }];

    [Fact]
    public void OscolaKeepsIbidInLowerCase()
    {
        var r = RealStyle.Render("oscola.csl", Book, cites: Repeats);
        Assert.Equal(["Anne T Gallagher, The International Law of Human Trafficking (Cambridge University Press 2010).", "ibid 20.", "ibid."], r.Citations);
    }

    [Fact]
    public void ATermWithoutTextCaseIsCapitalizedAtTheStartOfANote()
    {
        var r = RealStyle.Render("mcgill-en.csl", Book, cites: Repeats);
        Assert.Equal(["Ibid at 20.", "Ibid."], r.Citations.Skip(1));
    }
}
