using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

// Expected strings are what citeproc-js prints with the official locale files.
public sealed class LocaleFallbackTests
{
    private static string Cite(string layout, string lang, Dictionary<string, string>? variables = null)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\">" +
                  $"<citation><layout>{layout}</layout></citation></style>";
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag())!;
        var locales = LocaleSet.FromFolders(Path.Combine(SharedData.CslFolder(), "locales"));
        var item = new Reference { Id = "a", Type = "book", Variables = variables ?? new Dictionary<string, string>(StringComparer.Ordinal) };
        return CslProcessor.Create(style, locales, [item], lang).Process([new CitationCluster("c", [new CitationItem("a")])]).Citations[0].Text.ToPlainText();
    }

    [Fact]
    public void AShortTermMissingInTheLanguageFallsBackToItsLongFormBeforeEnglish() =>
        Assert.Equal("Gesetz", Cite("<text term=\"legislation\" form=\"short\" text-case=\"capitalize-first\"/>", "de-DE"));

    [Fact]
    public void AShortTermOfEnglishIsStillFound() =>
        Assert.Equal("Legis.", Cite("<text term=\"legislation\" form=\"short\" text-case=\"capitalize-first\"/>", "en-US"));

    [Fact]
    public void TitleCaseRaisesATermInAnyLanguage() =>
        Assert.Equal("Ред.", Cite("<text term=\"editor\" form=\"short\" text-case=\"title\"/>", "ru-RU"));

    [Fact]
    public void ASpaceBeforeAColonIsANarrowNoBreakSpace() =>
        Assert.Equal("La traite en France\u202F: de l’identification\u202F; les victimes\u202F?",
            Cite("<text variable=\"title\"/>", "fr-FR", new(StringComparer.Ordinal) { ["title"] = "La traite en France : de l’identification ; les victimes ?" }));
}

// What citeproc-js prints with the en-US locale (punctuation-in-quote="true").
public sealed class PunctuationInQuoteTests
{
    private static string Title(string title, string layout)
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" class=\"in-text\">" +
                  $"<citation><layout>{layout}</layout></citation></style>";
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag())!;
        var locales = LocaleSet.FromFolders(Path.Combine(SharedData.CslFolder(), "locales"));
        var item = new Reference { Id = "a", Type = "book", Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title } };
        return CslProcessor.Create(style, locales, [item], "en-US").Process([new CitationCluster("c", [new CitationItem("a")])]).Citations[0].Text.ToPlainText();
    }

    [Fact]
    public void AMarkTheAuthorTypedAfterAQuotationInsideATitleStaysWhereItIs() =>
        Assert.Equal("“Trafficked” or “Smuggled”? Migrant Women.", Title("“Trafficked” or “Smuggled”? Migrant Women", "<text variable=\"title\" suffix=\".\"/>"));

    [Fact]
    public void TheStylesPeriodAfterATitleEndingInAQuotationMovesInside() =>
        Assert.Equal("On “Unfree Labour.”", Title("On “Unfree Labour”", "<text variable=\"title\" suffix=\".\"/>"));
}
