using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>In a note style's citation, parentheses of affixes nested inside parentheses of affixes
/// become square brackets. Expected strings are what citeproc-js prints for the same styles.</summary>
public sealed class NestedParenthesesTests
{
    private static string Cite(string styleClass, string macros, string layout, string item)
    {
        var xml = $"<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"{styleClass}\" version=\"1.0\" default-locale=\"en-US\">" +
                  $"{macros}<citation>{layout}</citation></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var refs = CslJsonReader.Read(new SourceText("items.json", item));
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, refs.References)
            .Process([new CitationCluster("c", [new CitationItem("1")])]);
        return result.Citations[0].Text.ToPlainText();
    }

    private const string Macros = "<macro name=\"op\"><text variable=\"original-publisher\"/></macro>";

    private const string GroupsAndMacros =
        "<layout suffix=\".\"><group delimiter=\" \"><text variable=\"title\"/><group prefix=\"(\" suffix=\")\" delimiter=\"; \">" +
        "<text variable=\"publisher\"/><group delimiter=\" \"><text value=\"orig.\"/><text macro=\"op\" prefix=\"(\" suffix=\")\"/>" +
        "<group prefix=\"(\" suffix=\")\"><text variable=\"edition\"/></group><text variable=\"original-title\" prefix=\"(\" suffix=\")\"/>" +
        "</group></group></group></layout>";

    private const string GroupItem =
        """[{"id":"1","type":"book","title":"T (1)","publisher":"P","original-publisher":"O","edition":"E","original-title":"OT"}]""";

    [Fact]
    public void GroupAndMacroParenthesesInsideParenthesesBecomeBrackets() =>
        // The title's own parentheses and a text variable's affixes are left alone.
        Assert.Equal("T (1) (P; orig. [O] [E] (OT)).", Cite("note", Macros, GroupsAndMacros, GroupItem));

    [Fact]
    public void AnInTextStyleKeepsNestedParentheses() =>
        Assert.Equal("T (1) (P; orig. (O) (E) (OT)).", Cite("in-text", Macros, GroupsAndMacros, GroupItem));

    [Fact]
    public void DateAndNumberAffixesCountButNameAffixesDoNot() =>
        Assert.Equal("T (P; (B A); [2001]; [2]).", Cite("note", "",
            "<layout suffix=\".\"><group delimiter=\" \"><text variable=\"title\"/><group prefix=\"(\" suffix=\")\" delimiter=\"; \">" +
            "<text variable=\"publisher\"/><names variable=\"author\" prefix=\"(\" suffix=\")\"/>" +
            "<date variable=\"issued\" prefix=\"(\" suffix=\")\"><date-part name=\"year\"/></date>" +
            "<number variable=\"edition\" prefix=\"(\" suffix=\")\"/></group></group></layout>",
            """[{"id":"1","type":"book","title":"T","publisher":"P","author":[{"family":"A","given":"B"}],"issued":{"date-parts":[[2001]]},"edition":"2"}]"""));

    [Fact]
    public void A_note_styles_bibliography_sets_nested_parentheses_as_brackets_too()
    {
        // citeproc-js prints the entry so once the document has citations (the usual case); the French
        // title keeps a narrow no-break space before its colon.
        const string book = """
            [{"id": "londres", "type": "book", "author": [{"family": "Londres", "given": "Albert"}], "translator": [{"family": "Sutton", "given": "Eric"}],
              "title": "The Road to Buenos Ayres", "original-title": "Le chemin de Buenos Aires : la traite des blanches", "original-date": {"date-parts": [[1927]]},
              "original-publisher": "Albin Michel", "original-publisher-place": "Paris", "publisher": "Constable", "publisher-place": "London",
              "issued": {"date-parts": [[1928]]}, "language": "en-GB"}]
            """;
        var r = RealStyle.Render("mhra-notes.csl", book, "en-GB");
        Assert.Equal("Londres, Albert, The Road to Buenos Ayres, trans. by Eric Sutton (Constable, 1928; originally published as Le Chemin de Buenos Aires\u202F: La Traite Des Blanches [Albin Michel, 1927])",
            r.Bibliography["londres"].Trim());
    }
}
