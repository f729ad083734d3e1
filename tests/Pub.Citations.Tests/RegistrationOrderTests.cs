using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class RegistrationOrderTests
{
    private const string NumericStyle =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\" default-locale=\"en-US\">" +
        "<citation><layout prefix=\"[\" suffix=\"]\"><text variable=\"citation-number\"/></layout></citation>" +
        "<bibliography><layout><text variable=\"citation-number\" suffix=\". \"/><text variable=\"title\"/></layout></bibliography></style>";

    private static Reference Book(string id) =>
        new() { Id = id, Type = "book", Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = id.ToUpperInvariant() } };

    // Zotero registers the works of a document's bibliography that no citation names after the cited
    // ones, and Pandoc treats nocite as a citation at the end of the document: in an unsorted numeric
    // style the cited works keep the first numbers.
    [Fact]
    public void UncitedWorksAreNumberedAfterTheCitedOnes()
    {
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("n.csl", NumericStyle), bag)!;
        var processor = CslProcessor.Create(style, LocaleSet.Builtin, [Book("a"), Book("b"), Book("c")]);
        var result = processor.Process(
            [new CitationCluster("c1", [new CitationItem("c")]), new CitationCluster("c2", [new CitationItem("b")])],
            new ProcessOptions { Uncited = ["a", "b"] });
        Assert.Equal(["[1]", "[2]"], result.Citations.Select(c => c.Text.ToPlainText()));
        Assert.Equal(["1. C", "2. B", "3. A"], result.Bibliography!.Entries.Select(e => e.Text.ToPlainText()));
    }
}
