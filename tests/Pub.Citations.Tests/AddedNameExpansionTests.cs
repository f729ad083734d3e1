// disambiguate-add-names with disambiguate-add-givenname under the all-names rule: names added to tell
// cites apart are expanded (initials) when that helps, and an added name is kept when it tells a cite
// apart from some of the cites it read like, even if another one stays alike. Expected strings are the
// CSL test suite's (disambiguate_AndreaEg2 and disambiguate_AndreaEg3).
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class AddedNameExpansionTests
{
    private const string Items = """
        [
          {"id": "ITEM-1", "type": "book", "issued": {"date-parts": [[1980]]}, "author": [{"family": "Smith", "given": "John"}, {"family": "Brown", "given": "John"}, {"family": "Jones", "given": "John"}]},
          {"id": "ITEM-2", "type": "book", "issued": {"date-parts": [[1980]]}, "author": [{"family": "Smith", "given": "John"}, {"family": "Brown", "given": "John"}, {"family": "Jones", "given": "John"}]},
          {"id": "ITEM-3", "type": "book", "issued": {"date-parts": [[1980]]}, "author": [{"family": "Smith", "given": "John"}, {"family": "Benson", "given": "John"}, {"family": "Jones", "given": "John"}]},
          {"id": "ITEM-4", "type": "book", "issued": {"date-parts": [[1980]]}, "author": [{"family": "Smith", "given": "John"}, {"family": "Brown", "given": "John"}, {"family": "Jones", "given": "Arthur"}]}
        ]
        """;

    private static List<string> Cite(bool yearSuffix)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\">" +
                  "<info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>" +
                  "<citation et-al-min=\"3\" et-al-use-first=\"1\" disambiguate-add-names=\"true\" disambiguate-add-givenname=\"true\"" +
                  $" givenname-disambiguation-rule=\"all-names\" disambiguate-add-year-suffix=\"{(yearSuffix ? "true" : "false")}\">" +
                  "<layout delimiter=\"; \"><group delimiter=\" \">" +
                  "<names delimiter=\", \" variable=\"author\"><name initialize-with=\". \" and=\"symbol\" delimiter-precedes-last=\"never\" form=\"short\"/></names>" +
                  "<date variable=\"issued\" prefix=\"(\" suffix=\")\"><date-part name=\"year\"/></date>" +
                  "</group></layout></citation></style>";
        var style = StyleParser.Parse(new SourceText("t.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var read = CslJsonReader.Read(new SourceText("items.json", Items));
        var processor = CslProcessor.Create(style!, LocaleSet.Builtin, read.References);
        var clusters = new[] { "ITEM-2", "ITEM-3", "ITEM-4" }
            .Select((other, i) => new CitationCluster("c" + i, [new CitationItem("ITEM-1"), new CitationItem(other)]))
            .ToList();
        var result = processor.Process(clusters, new ProcessOptions { ComputePositions = false, Register = ["ITEM-1", "ITEM-2", "ITEM-3", "ITEM-4"] });
        return [.. result.Citations.Select(c => c.Text.ToPlainText())];
    }

    [Fact]
    public void Added_names_are_expanded_and_kept_when_they_tell_some_cites_apart() =>
        Assert.Equal(
        [
            "Smith, Brown & J. Jones (1980); Smith, Brown & J. Jones (1980)",
            "Smith, Brown & J. Jones (1980); Smith, Benson, et al. (1980)",
            "Smith, Brown & J. Jones (1980); Smith, Brown & A. Jones (1980)",
        ], Cite(yearSuffix: false));

    [Fact]
    public void The_year_suffix_separates_only_the_cites_names_cannot() =>
        Assert.Equal(
        [
            "Smith, Brown & J. Jones (1980a); Smith, Brown & J. Jones (1980b)",
            "Smith, Brown & J. Jones (1980a); Smith, Benson, et al. (1980)",
            "Smith, Brown & J. Jones (1980a); Smith, Brown & A. Jones (1980)",
        ], Cite(yearSuffix: true));
}
