using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

// What citeproc-js prints for the same conditions.
public sealed class ConditionTests
{
    private static string Cite(string condition, string type, bool withPage)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\"><citation><layout>" +
                  $"<choose><if {condition}><text value=\"YES\"/></if><else><text value=\"NO\"/></else></choose></layout></citation></style>";
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag())!;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "T" };
        if (withPage)
        {
            variables["page"] = "5";
        }
        var item = new Reference { Id = "a", Type = type, Variables = variables };
        return CslProcessor.Create(style, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem("a")])]).Citations[0].Text.ToPlainText();
    }

    [Theory]
    [InlineData("type=\"bill treaty\"", "treaty", false, "YES")]
    [InlineData("type=\"bill treaty\" variable=\"page\"", "treaty", false, "NO")]
    [InlineData("type=\"bill treaty\" variable=\"page\"", "treaty", true, "YES")]
    [InlineData("type=\"book\" variable=\"title\"", "treaty", true, "NO")]
    public void SeveralTypesUnderMatchAllAreOneTestThatAnyOfThemPasses(string condition, string type, bool withPage, string expected) =>
        Assert.Equal(expected, Cite(condition, type, withPage));
}
