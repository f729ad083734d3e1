using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>Where the layout suffix and affix punctuation land in a bibliography built of display
/// blocks. Expected strings are what citeproc-js prints for the same style and items.</summary>
public sealed class DisplayBlockTests
{
    private const string Items = """
        [{"id":"1","type":"book","title":"T1","issued":{"date-parts":[[2001]]}},
         {"id":"2","type":"book","title":"T2","issued":{"date-parts":[[2002]]},"publisher":"P2"},
         {"id":"3","type":"book","issued":{"date-parts":[[2003]]},"publisher":"P3"},
         {"id":"4","type":"book","issued":{"date-parts":[[2004]]}}]
        """;

    private static List<string> Bibliography(string layout, string attributes = "")
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
                  "<citation><layout><text variable=\"title\"/></layout></citation>" +
                  $"<bibliography {attributes}>{layout}</bibliography></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var refs = CslJsonReader.Read(new SourceText("items.json", Items));
        Assert.Empty(refs.Diagnostics);
        var clusters = refs.References.Select(r => new CitationCluster("c" + r.Id, [new CitationItem(r.Id)])).ToList();
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, refs.References).Process(clusters);
        // Line breaks and indentation between the blocks are layout of the HTML, not content.
        return result.Bibliography!.Entries.Select(e => System.Text.RegularExpressions.Regex.Replace(e.Text.ToHtml(), @"\s*\n\s*", "").Trim()).ToList();
    }

    [Fact]
    public void BlocksShareTheirEdgePunctuationAsCiteprocJsDoes()
    {
        var entries = Bibliography(
            "<layout suffix=\".\"><group display=\"block\"><text variable=\"title\"/></group>" +
            "<group display=\"left-margin\"><date variable=\"issued\" prefix=\" \"><date-part name=\"year\"/></date></group>" +
            "<group display=\"right-inline\"><text variable=\"publisher\" prefix=\". \"/></group></layout>");
        Assert.Equal(
        [
            // No right-inline text: the layout suffix belonged to it and is gone with it.
            "<div class=\"csl-block\">T1</div><div class=\"csl-left-margin\"> 2001</div>",
            // The period of the right-inline's prefix closes the left-margin.
            "<div class=\"csl-block\">T2</div><div class=\"csl-left-margin\"> 2002.</div><div class=\"csl-right-inline\"> P2.</div>",
            // A left-margin that opens the entry loses its leading space.
            "<div class=\"csl-left-margin\">2003.</div><div class=\"csl-right-inline\"> P3.</div>",
            "<div class=\"csl-left-margin\">2004</div>",
        ], entries);
    }

    [Fact]
    public void SecondFieldAlignMovesOpeningPunctuationIntoTheLeftMargin()
    {
        var entries = Bibliography(
            "<layout suffix=\".\"><text variable=\"citation-number\" suffix=\".\"/><text variable=\"publisher\" prefix=\", \"/>" +
            "<text variable=\"title\" prefix=\" \"/></layout>", "second-field-align=\"flush\"");
        Assert.Equal(
        [
            "<div class=\"csl-left-margin\">1.</div><div class=\"csl-right-inline\"> T1.</div>",
            "<div class=\"csl-left-margin\">2.,</div><div class=\"csl-right-inline\"> P2 T2.</div>",
            "<div class=\"csl-left-margin\">3.,</div><div class=\"csl-right-inline\"> P3.</div>",
            "<div class=\"csl-left-margin\">4.</div>",
        ], entries);
    }
}
