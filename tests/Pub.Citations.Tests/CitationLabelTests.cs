using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

// Expected labels are those citeproc-js prints for the same works in din-1505-2-alphanumeric.
public sealed class CitationLabelTests
{
    private const string LabelStyle =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\" default-locale=\"en-US\">" +
        "<citation><layout><text variable=\"citation-label\"/></layout></citation></style>";

    private static string Label(Reference item)
    {
        var style = StyleParser.Parse(new SourceText("l.csl", LabelStyle), new DiagnosticBag())!;
        var result = CslProcessor.Create(style, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem(item.Id)])]);
        return result.Citations[0].Text.ToPlainText();
    }

    private static Reference Work(string? title, int? year, params Name[] authors) => new()
    {
        Id = "w",
        Type = "book",
        Variables = title is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title },
        Names = authors.Length == 0 ? new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal) : new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal) { ["author"] = authors },
        Dates = year is null ? new Dictionary<string, DateValue>(StringComparer.Ordinal) : new Dictionary<string, DateValue>(StringComparer.Ordinal) { ["issued"] = new DateValue { Parts = [[year.Value]] } },
    };

    private static Name Family(string family) => new() { Family = family, Given = "A." };

    [Fact]
    public void TwoAuthorsGiveTwoLettersEachWithoutPunctuation() =>
        Assert.Equal("AnOc03", Label(Work("T", 2003, Family("Anderson"), Family("O’Connell Davidson"))));

    [Fact]
    public void ThreeAuthorsGiveTwoThenOneThenOneLetter() =>
        Assert.Equal("CoBD18", Label(Work("T", 2018, Family("Cockbain"), Family("Bowers"), Family("Dimitrova"))));

    [Fact]
    public void AWorkWithoutNamesIsLabelledByItsTitle() =>
        Assert.Equal("Chow17", Label(Work("Chowdury and Others v. Greece", 2017)));

    [Fact]
    public void AnUndatedWorkHasTheYearZeroZero() =>
        Assert.Equal("Coun00", Label(Work("T", null, new Name { Literal = "Council of Europe" })));
}

// citeproc-js prints "[Gall15a, Gall15b]" and "[Bund23, S.12, Comm10, EuEu15, Euro22]" in
// din-1505-2-alphanumeric: cites that print no names form one group, and a label is no title.
public sealed class LabelGroupingTests
{
    [Fact]
    public void CitesThatPrintOnlyTheirLabelsAreOneGroup()
    {
        const string json = """
            [{"id":"a","type":"book","title":"One","author":[{"family":"Gallagher","given":"Anne"}],"issued":{"date-parts":[[2015]]}},
             {"id":"b","type":"book","title":"Two","author":[{"family":"Smith","given":"Rebecca"}],"issued":{"date-parts":[[2019]]}}]
            """;
        var r = SharedStyleCluster.Render("din-1505-2-alphanumeric.csl", json, [[SharedStyleCluster.Cite("a"), SharedStyleCluster.Cite("b")]], "de-DE");
        Assert.Equal("[Gall15, Smit19]", r.Citations[0]);
    }
}
