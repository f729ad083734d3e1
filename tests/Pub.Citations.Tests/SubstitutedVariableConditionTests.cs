using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>A variable used up by cs:substitute is not printed again, but conditions still see it.
/// Expected strings are what citeproc-js prints for the same style and items.</summary>
public sealed class SubstitutedVariableConditionTests
{
    private const string Layout =
        "<layout suffix=\".\"><group delimiter=\". \">" +
        "<names variable=\"composer\"><substitute><names variable=\"author\"/><text variable=\"title\"/></substitute></names>" +
        "<choose><if variable=\"author\"><text term=\"in\" text-case=\"capitalize-first\"/></if><else><text value=\"no-author\"/></else></choose>" +
        "<choose><if variable=\"title\"><text value=\"has-title\"/></if><else><text value=\"no-title\"/></else></choose>" +
        "<text variable=\"author\"/><text variable=\"title\"/></group></layout>";

    private const string Items = """
        [{"id":"1","type":"entry","title":"T1","author":[{"literal":"European Migration Network"}]},
         {"id":"2","type":"entry","title":"T2"}]
        """;

    private static IEnumerable<string> Bibliography(string layout, string items)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
                  "<citation><layout><text variable=\"title\"/></layout></citation>" +
                  $"<bibliography>{layout}</bibliography></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var refs = CslJsonReader.Read(new SourceText("items.json", items));
        var clusters = refs.References.Select(r => new CitationCluster("c" + r.Id, [new CitationItem(r.Id)])).ToList();
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, refs.References).Process(clusters);
        return result.Bibliography!.Entries.Select(e => e.Text.ToPlainText());
    }

    [Fact]
    public void ASubstitutedVariableStillSatisfiesAVariableCondition() =>
        Assert.Equal(["European Migration Network. In. has-title. T1.", "T2. no-author. has-title."], Bibliography(Layout, Items));

    [Fact]
    public void ANumberPrintedAsASubstituteIsNotPrintedAgain() =>
        Assert.Equal(
            ["T1, 4. P."],
            Bibliography(
                "<layout suffix=\".\"><group delimiter=\". \"><names variable=\"author\"><substitute><group delimiter=\", \">" +
                "<text variable=\"title\"/><number variable=\"volume\"/></group></substitute></names>" +
                "<number variable=\"volume\" prefix=\"vol. \"/><text variable=\"publisher\"/></group></layout>",
                """[{"id":"1","type":"book","title":"T1","volume":"4","publisher":"P"}]"""));
}
