using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>A period after an italic title ending in a colon: citeproc-js keeps it when it is the
/// italic element's own suffix or a delimiter right after that element, and merges it into the
/// colon when it belongs to an enclosing macro or group. Expected strings are citeproc-js's.</summary>
public sealed class FormattedPunctuationTests
{
    private static string Entry(string layout, string title = "Re:")
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
                  "<macro name=\"m\"><text variable=\"title\" font-style=\"italic\"/></macro>" +
                  "<macro name=\"ms\"><text variable=\"title\" font-style=\"italic\" suffix=\".\"/></macro>" +
                  "<citation><layout><text variable=\"title\"/></layout></citation>" +
                  $"<bibliography>{layout}</bibliography></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var refs = CslJsonReader.Read(new SourceText("items.json", $$"""[{"id":"1","type":"book","title":"{{title}}","publisher":"P"}]"""));
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, refs.References).Process([new CitationCluster("c", [new CitationItem("1")])]);
        return result.Bibliography!.Entries[0].Text.ToHtml();
    }

    [Theory]
    [InlineData("<layout><group delimiter=\" \"><text variable=\"title\" font-style=\"italic\" suffix=\".\"/><text variable=\"publisher\"/></group></layout>", "<i>Re:</i>. P")]
    [InlineData("<layout><group delimiter=\" \"><text macro=\"ms\"/><text variable=\"publisher\"/></group></layout>", "<i>Re:</i>. P")]
    [InlineData("<layout suffix=\".\"><group delimiter=\". \"><text variable=\"title\" font-style=\"italic\"/><text variable=\"publisher\"/></group></layout>", "<i>Re:</i>. P.")]
    [InlineData("<layout><group delimiter=\". \"><text macro=\"m\"/><text variable=\"publisher\"/></group></layout>", "<i>Re:</i> P")]
    [InlineData("<layout><group delimiter=\" \"><text macro=\"m\" suffix=\".\"/><text variable=\"publisher\"/></group></layout>", "<i>Re:</i> P")]
    public void APeriodAfterAnItalicColonDependsOnWhoseAffixItIs(string layout, string expected) =>
        Assert.Equal(expected, Entry(layout));

    [Theory]
    [InlineData("Is X Right?", "<i>Is X Right?</i>. P.")]
    [InlineData("Is “X” Right?", "<i>Is “X” Right?</i> P.")]
    [InlineData("Is <b>X</b> Right?", "<i>Is <b>X</b> Right?</i> P.")]
    public void OnlyAPlainFormattedTitleKeepsTheDelimitersPeriod(string title, string expected) =>
        Assert.Equal(expected, Entry(
            "<layout suffix=\".\"><group delimiter=\". \"><text variable=\"title\" font-style=\"italic\"/><text variable=\"publisher\"/></group></layout>", title));
}
