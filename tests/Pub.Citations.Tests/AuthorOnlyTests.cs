using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>An author-only cite keeps the affixes of the elements around its names but drops
/// delimiters, layout affixes and formatting. Expected strings are what citeproc-js prints.</summary>
public sealed class AuthorOnlyTests
{
    private static string Cite(string layout, bool authorOnly)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
                  "<macro name=\"au\"><names variable=\"author\" prefix=\"&lt;\" suffix=\"&gt;\" font-weight=\"bold\"><name form=\"short\"/></names></macro>" +
                  $"<citation>{layout}</citation></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var refs = CslJsonReader.Read(new SourceText("items.json",
            """[{"id":"1","type":"book","title":"T1","author":[{"family":"Lampe","given":"K"}],"issued":{"date-parts":[[2016]]}}]"""));
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, refs.References)
            .Process([new CitationCluster("c", [new CitationItem("1") { AuthorOnly = authorOnly }])]);
        return result.Citations[0].Text.ToHtml();
    }

    private const string Formatted =
        "<layout prefix=\"(\" suffix=\")\" delimiter=\"; \"><group font-style=\"italic\" prefix=\"[\" suffix=\"]\">" +
        "<text macro=\"au\" font-variant=\"small-caps\" suffix=\", \"/><date variable=\"issued\"><date-part name=\"year\"/></date></group></layout>";

    [Fact]
    public void TheFullCiteIsFormatted() =>
        Assert.Equal("([<i><span style=\"font-variant:small-caps;\">&#60;<b>Lampe</b>&#62;</span>, 2016</i>])", Cite(Formatted, authorOnly: false));

    [Fact]
    public void AnAuthorOnlyCiteKeepsTheAffixesAroundItsNamesButNoFormatting() =>
        Assert.Equal("[&#60;Lampe&#62;, ]", Cite(Formatted, authorOnly: true));

    [Fact]
    public void AnAuthorOnlyCiteDropsTheDelimiterAfterItsNames() =>
        Assert.Equal("&#60;Lampe&#62;", Cite(
            "<layout prefix=\"(\" suffix=\")\" delimiter=\"; \"><group delimiter=\", \"><text macro=\"au\"/>" +
            "<date variable=\"issued\"><date-part name=\"year\"/></date></group></layout>", authorOnly: true));
}
