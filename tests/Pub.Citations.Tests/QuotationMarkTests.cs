// Straight quotation marks typed in a title: a pair around words is a quotation, set in the marks of the
// output language; a mark with nothing to quote is an apostrophe. Expected strings are what citeproc-js
// 2.4.63 prints (flipflop_ApostropheInsideTag of the CSL test suite for the second title).
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class QuotationMarkTests
{
    [Theory]
    [InlineData("l'''", "l’’’")]
    [InlineData("<span class=\"nocase\">l'''</span>", "l’’’")]
    [InlineData("a 'quoted' word", "a “quoted” word")]
    [InlineData("a ''quoted'' word", "a “‘quoted’” word")]
    [InlineData("the ''Rock'' and 'roll'", "the “‘Rock’” and “roll”")]
    public void An_empty_quotation_is_a_run_of_apostrophes(string title, string expected)
    {
        const string xml = """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
              <citation><layout><text variable="title"/></layout></citation>
            </style>
            """;
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var item = new Reference { Id = "a", Type = "book", Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title } };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem("a")])]);
        Assert.Equal(expected, result.Citations[0].Text.ToHtml());
    }
}
