// A cite that prints nothing in the style (a dictionary entry without author or date in an author-date
// style): beside cites that print, it is left out; alone, the cluster shows citeproc-js's placeholder.
// Expected strings are what citeproc-js prints for these items.
using Xunit;
using static Pub.Citations.Tests.SharedStyleCluster;

namespace Pub.Citations.Tests;

public sealed class NoPrintedFormTests
{
    private const string Items = """
        [
        {"id": "emn", "type": "entry", "author": [{"literal": "European Migration Network"}], "title": "Trafficking in Human Beings",
         "container-title": "Asylum and Migration Glossary", "issued": {"date-parts": [[2023, 6]]}},
        {"id": "oed", "type": "entry-dictionary", "title": "trafficking, n.", "container-title": "Oxford English Dictionary",
         "publisher": "Oxford University Press", "accessed": {"date-parts": [[2024, 2, 20]]}}
        ]
        """;

    [Fact]
    public void A_cite_that_prints_nothing_is_left_out_beside_cites_that_print()
    {
        var (citations, _) = Render("springer-basic-author-date.csl", Items, [[Cite("emn"), Cite("oed")], [Cite("oed")]]);
        Assert.Equal(["(European Migration Network 2023)", "([CSL STYLE ERROR: reference with no printed form.])"], citations);
    }
}
