// A locator that opens with a locator term of the locale names its own label. Expected strings are
// what citeproc-js 2.4.63 prints for these cites (the first is locator_TrickyEntryForPlurals of the CSL
// test suite in another style); citeproc-js also reads English abbreviations that are no term of the
// locale ("ch. 3" where en-US abbreviates chapter "chap."), which pub leaves as typed.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class LocatorLabelTests
{
    [Theory]
    [InlineData("vol. 1, fol. 186", null, "volume 1, fol. 186")]
    [InlineData("pp. 5-7", null, "pages 5–7")]
    [InlineData("n. 4", "page", "note 4")]
    [InlineData("12", null, "page 12")]
    public void A_locator_opening_with_a_term_takes_that_label(string locator, string? label, string expected)
    {
        const string xml = """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
              <citation><layout><group delimiter=" "><label variable="locator"/><text variable="locator"/></group></layout></citation>
            </style>
            """;
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var item = new Reference { Id = "a", Type = "book" };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [item])
            .Process([new CitationCluster("c", [new CitationItem("a") { Locator = locator, Label = label }])]);
        Assert.Equal(expected, result.Citations[0].Text.ToPlainText());
    }
}
