// The spaces pub puts between a cite and the prefix or suffix typed for it, in chicago-notes-bibliography.
// Expected strings are citeproc-js 2.4.63's output for the same clusters (short notes: each work was cited
// in full in an earlier note).
using Xunit;

namespace Pub.Citations.Tests;

public sealed class CiteAffixTests
{
    private const string Items = """
        [{"id":"poe","type":"article-journal","title":"Is It Slavery?","title-short":"Slavery?","author":[{"family":"Poe","given":"Ann"}],"container-title":"IFJP","volume":"23","page":"1-25","issued":{"date-parts":[[2021]]}},
         {"id":"doe","type":"book","title":"Labour","author":[{"family":"Doe","given":"Ann"}],"publisher":"Pub Inc.","issued":{"date-parts":[[2021]]}}]
        """;

    [Fact]
    public void PrefixesAndSuffixesAreSetOffAsCiteprocJsSetsThem()
    {
        var r = RealStyle.Render("chicago-notes-bibliography.csl", Items, cites:
        [
            new("poe"), new("doe"),
            new("poe") { Prefix = "“Quoted.”" },
            new("doe") { Suffix = "(“n.”)." },
            new("doe") { Prefix = "see, e.g.," },
            new("doe") { Prefix = "(see" },
        ]);
        Assert.Equal(["“Quoted.” Poe, “Slavery?”", "Doe, Labour (“n.”).", "see, e.g., Doe, Labour.", "(see Doe, Labour."], r.Citations.Skip(2));
    }

    [Fact]
    public void AQuestionOrExclamationMarkTypedAfterAQuotedTitleStaysOutside()
    {
        const string article = """[{"id":"roe","type":"article-journal","title":"On “Unfree Labour”","author":[{"family":"Roe","given":"Ann"}],"container-title":"IFJP","volume":"23","page":"1-25","issued":{"date-parts":[[2021]]}}]""";
        var r = RealStyle.Render("chicago-notes-bibliography.csl", article, cites:
            [new("roe"), new("roe") { Suffix = "!" }, new("roe") { Suffix = "?" }, new("roe") { Suffix = "." }]);
        Assert.Equal("Roe, “On ‘Unfree Labour’”!", r.Citations[1]);
        Assert.Equal("Roe, “On ‘Unfree Labour’”?", r.Citations[2]);
        // A typed period does move in: en-US sets punctuation-in-quote, which CSL applies to periods and
        // commas. citeproc-js leaves a typed suffix outside ("Roe, “On ‘Unfree Labour’”.").
        Assert.Equal("Roe, “On ‘Unfree Labour.’”", r.Citations[3]);
    }
}
