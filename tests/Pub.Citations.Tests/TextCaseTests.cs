using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class TextCaseTests
{
    private static string Render(string textCase, string title)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" default-locale=\"en-US\">" +
                  $"<citation><layout><text variable=\"title\" text-case=\"{textCase}\"/></layout></citation></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var item = new Reference { Id = "a", Type = "book", Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title } };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem("a")])]);
        return result.Citations[0].Text.ToPlainText();
    }

    [Theory]
    [InlineData("capitalize-first", "2nd edition", "2nd edition")]
    [InlineData("capitalize-first", "second edition", "Second edition")]
    [InlineData("capitalize-first", "“quoted” start", "“Quoted” start")]
    [InlineData("sentence", "3RD REVISED EDITION", "3rd revised edition")]
    [InlineData("capitalize-all", "2nd revised edition", "2nd Revised Edition")]
    public void CaseChangesLeaveAWordThatBeginsWithADigitAsItIs(string textCase, string title, string expected) =>
        Assert.Equal(expected, Render(textCase, title));

    // What citeproc-js prints for these titles under text-case="title": only lower-case words are
    // raised, a capitalised word (even a stop word) stays, and only a colon, question or exclamation
    // mark starts a new sentence, never a full stop (which often closes an initial: "C.N. v. the").
    [Theory]
    [InlineData("C.N. v. the United Kingdom", "C.N. v. the United Kingdom")]
    [InlineData("C.N. and V. v. France", "C.N. and V. v. France")]
    [InlineData("J. and Others v. Austria", "J. and Others v. Austria")]
    [InlineData("all for one. for all", "All for One. for All")]
    [InlineData("War And Peace In the Balkans", "War And Peace In the Balkans")]
    [InlineData("why not? the answer", "Why Not? The Answer")]
    [InlineData("reading (the) law", "Reading (the) Law")]
    public void TitleCaseRaisesOnlyLowerCaseWords(string title, string expected) =>
        Assert.Equal(expected, Render("title", title));

    [Fact]
    public void TitleCaseKeepsTheConjunctionOfAFrenchRoleLabelLowerCase()
    {
        // apa's role label in title case: the fr-FR term "éd. et trad." becomes "Éd. et Trad." in
        // citeproc-js, which keeps "et" among the small words of title case.
        const string json = """
            [{"id": "k", "type": "book", "title": "Selected writings of Alexandra Kollontai", "author": [{"family": "Kollontai", "given": "Alexandra"}],
              "editor": [{"family": "Holt", "given": "Alix"}], "translator": [{"family": "Holt", "given": "Alix"}],
              "publisher": "Allison & Busby", "issued": {"date-parts": [[1977]]}, "language": "en"}]
            """;
        var rendered = RealStyle.Render("apa.csl", json, "fr-FR");
        Assert.Equal("Kollontai, A. (1977). Selected writings of Alexandra Kollontai (A. Holt, Éd. et Trad.). Allison & Busby.", rendered.Bibliography["k"].Trim());
    }
}
