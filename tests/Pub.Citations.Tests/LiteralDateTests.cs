// A date given as text (CSL-JSON "literal": "forthcoming") stands where the year would print, with the
// year part's affixes; a date that shows no year shows nothing of it. Expected strings are what
// citeproc-js prints for the same item.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class LiteralDateTests
{
    private const string Forthcoming = """
        [{"id": "lq", "type": "article-journal", "author": [{"family": "Lindqvist", "given": "Karin"}],
          "title": "Non-Punishment in Practice: Prosecutorial Discretion in the Nordic Countries",
          "container-title": "Nordic Journal of International Law", "issued": {"literal": "forthcoming"}, "language": "en"}]
        """;

    [Fact]
    public void A_date_without_a_year_part_does_not_print_the_literal()
    {
        // chicago-author-date prints the year after the author and the month and day after the journal.
        var r = RealStyle.Render("chicago-author-date.csl", Forthcoming, "en-US");
        Assert.Equal("Lindqvist, Karin. forthcoming. “Non-Punishment in Practice: Prosecutorial Discretion in the Nordic Countries.” Nordic Journal of International Law.",
            r.Bibliography["lq"].Trim());
    }

    [Fact]
    public void The_literal_takes_the_affixes_of_the_year_part()
    {
        // The Russian locale's text date ends its year with " г.".
        var r = RealStyle.Render("chicago-notes-bibliography.csl", Forthcoming, "ru-RU");
        Assert.Equal("Lindqvist, Karin. «Non-Punishment in Practice: Prosecutorial Discretion in the Nordic Countries». Nordic Journal of International Law, forthcoming г.",
            r.Bibliography["lq"].Trim());
    }
}
