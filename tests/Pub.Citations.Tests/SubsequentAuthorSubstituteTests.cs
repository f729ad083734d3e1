// subsequent-author-substitute compares the rendered names of an entry with those of the entry before
// it (CSL 1.0.2: "all rendered names of the name variable match"): "et al." is not a name, so a list
// shortened to its first name repeats an entry by that name alone, and the next entry compares with
// the names, not with the substitute. Expected strings are what citeproc-js prints for these items.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class SubsequentAuthorSubstituteTests
{
    private const string Json = """
    [
      {"id": "ivanov2012", "type": "book", "title": "Counter-trafficking in the CIS", "author": [{"family": "Ivanov", "given": "Ivan"}],
       "publisher": "Jurist", "issued": {"date-parts": [[2012]]}},
      {"id": "ivanov2015", "type": "book", "title": "Trafficking and forced labour",
       "author": [{"family": "Ivanov", "given": "Ivan"}, {"family": "Petrova", "given": "Anna"}, {"family": "Sidorov", "given": "Petr"}],
       "publisher": "Norma", "issued": {"date-parts": [[2015]]}},
      {"id": "osr2009", "type": "report", "title": "A summary of challenges", "author": [{"literal": "OSCE Special Representative"}],
       "publisher": "OSCE", "issued": {"date-parts": [[2009]]}},
      {"id": "osr2020", "type": "report", "title": "Guidance on emerging trends",
       "author": [{"literal": "OSCE Special Representative"}, {"literal": "UN Women"}, {"literal": "ODIHR"}],
       "publisher": "OSCE", "issued": {"date-parts": [[2020]]}},
      {"id": "osr2014", "type": "report", "title": "How to prevent trafficking", "author": [{"literal": "OSCE Special Representative"}],
       "publisher": "OSCE", "issued": {"date-parts": [[2014]]}}
    ]
    """;

    [Theory]
    [InlineData("ivanov2012", "Ivanov, Ivan. Counter-Trafficking in the CIS. Jurist, 2012.")]
    [InlineData("ivanov2015", "———. Trafficking and Forced Labour. Norma, 2015.")]
    [InlineData("osr2009", "OSCE Special Representative. A Summary of Challenges. OSCE, 2009.")]
    [InlineData("osr2020", "———. Guidance on Emerging Trends. OSCE, 2020.")]
    [InlineData("osr2014", "———. How to Prevent Trafficking. OSCE, 2014.")]
    public void EtAlIsNotPartOfTheComparedNames(string id, string expected)
    {
        var rendered = RealStyle.Render("modern-language-association.csl", Json);
        Assert.Equal(expected, rendered.Bibliography[id].Trim());
    }
}
