using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class LocaleTests
{
    private static Style MinimalStyle(string? defaultLocale = null, string localeOverride = "")
    {
        var lang = defaultLocale is null ? string.Empty : $" default-locale=\"{defaultLocale}\"";
        var xml = $"<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"{lang}>{localeOverride}" +
                  "<citation><layout><date variable=\"issued\" form=\"text\"/><text term=\"and\" prefix=\" \"/></layout></citation></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        return style!;
    }

    private static string Cite(Style style, LocaleSet locales, string? lang = null)
    {
        var item = new Reference
        {
            Id = "a",
            Type = "book",
            Dates = new Dictionary<string, DateValue>(StringComparer.Ordinal) { ["issued"] = new() { Parts = [[2023, 3, 15]] } },
        };
        var result = CslProcessor.Create(style, locales, [item], lang).Process([new CitationCluster("c", [new CitationItem("a")])]);
        return result.Citations[0].Text.ToPlainText();
    }

    [Theory]
    [InlineData("en-US", "March 15, 2023 and")]
    [InlineData("en-GB", "15 March 2023 and")]
    [InlineData("ru-RU", "15 марта 2023 и")]
    [InlineData("de-DE", "15. März 2023 und")]
    [InlineData("fr-FR", "15 mars 2023 et")]
    public void BuiltinLocalesRenderDatesAndTerms(string lang, string expected) =>
        Assert.Equal(expected, Cite(MinimalStyle(lang), LocaleSet.Builtin));

    [Theory]
    [InlineData("ru", "15 марта 2023 и")]
    [InlineData("de-AT", "15. März 2023 und")]
    [InlineData("xx-YY", "March 15, 2023 and")]
    public void FallsBackToPrimaryDialectThenEnglish(string lang, string expected) =>
        Assert.Equal(expected, Cite(MinimalStyle(), LocaleSet.Builtin, lang));

    [Fact]
    public void StyleLocaleOverridesTheFile()
    {
        var style = MinimalStyle("de-DE", "<locale xml:lang=\"de\"><terms><term name=\"and\">sowie</term></terms></locale>");
        Assert.Equal("15. März 2023 sowie", Cite(style, LocaleSet.Builtin));
    }

    // A term left empty over several lines is empty, while the space typed before " [et al.]" stays:
    // citeproc-js prints "a| [et al.]|b|John Doe" for this style (label_EditorTranslator1 of the CSL
    // test suite has such an "and others" term).
    [Fact]
    public void ATermHoldingOnlyTheIndentationOfTheFileIsEmpty()
    {
        const string xml = """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
              <locale><terms>
                <term name="and others">
                </term>
                <term name="et-al"> [et al.]</term>
              </terms></locale>
              <citation><layout><group delimiter="|">
                <text value="a"/><text term="and others"/><text term="et-al"/><text value="b"/>
                <names variable="author"><name et-al-min="2" et-al-use-first="1"/><et-al term="and others"/></names>
              </group></layout></citation>
            </style>
            """;
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag());
        Assert.NotNull(style);
        var item = new Reference
        {
            Id = "a",
            Type = "book",
            Names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal)
            {
                ["author"] = [new Name { Family = "Doe", Given = "John" }, new Name { Family = "Roe", Given = "Jane" }],
            },
        };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem("a")])]);
        Assert.Equal("a| [et al.]|b|John Doe", result.Citations[0].Text.ToPlainText());
    }

    [Fact]
    public void OrdinalsFollowGenderAndLastTwoDigits()
    {
        var en = LocaleSet.Builtin.Resolve(MinimalStyle("en-US"));
        Assert.Equal(["st", "nd", "rd", "th", "th", "th", "st", "rd"], new[] { 1, 2, 3, 4, 11, 13, 21, 103 }.Select(n => en.OrdinalSuffix(n, null)));
        var fr = LocaleSet.Builtin.Resolve(MinimalStyle("fr-FR"));
        Assert.Equal("er", fr.OrdinalSuffix(1, TermGender.Masculine));
        Assert.Equal("re", fr.OrdinalSuffix(1, TermGender.Feminine));
        Assert.Equal("e", fr.OrdinalSuffix(2, TermGender.Feminine));
    }

    [Fact]
    public void MalformedLocaleGivesDiagnostic()
    {
        var bag = new DiagnosticBag();
        var locale = LocaleParser.Parse(new SourceText("locales-xx.xml", "<locale xml:lang=\"xx\">\n  <terms>\n</locale>"), bag);
        Assert.Null(locale);
        var d = Assert.Single(bag.Items);
        Assert.Equal(Codes.MalformedLocale.Id, d.Code);
        Assert.Equal(3, d.Span!.Value.Line);
    }
    [Theory]
    [InlineData("en-US", "2nd ed.; no. 15; no. 7")]
    [InlineData("ru-RU", "2-е изд.; № 15; вып. 7")]
    [InlineData("de-DE", "Nr. 15; Nr. 7")]
    public void EditionOrdinalsAgreeWithTheTermsGenderAndNumbersHaveShortLabels(string lang, string expected)
    {
        var edition = lang == "de-DE" ? "" : "<group delimiter=\" \"><number variable=\"edition\" form=\"ordinal\"/><text term=\"edition\" form=\"short\"/></group>";
        var xml = $"<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" default-locale=\"{lang}\"><citation><layout delimiter=\"; \">" +
                  "<group delimiter=\"; \">" + edition +
                  "<group delimiter=\" \"><label variable=\"number\" form=\"short\"/><text variable=\"number\"/></group>" +
                  "<group delimiter=\" \"><label variable=\"collection-number\" form=\"short\"/><text variable=\"collection-number\"/></group>" +
                  "</group></layout></citation></style>";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);
        Assert.Empty(bag.Items);
        var item = new Reference
        {
            Id = "a",
            Type = "report",
            Variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["edition"] = "2", ["number"] = "15", ["collection-number"] = "7" },
        };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [item]).Process([new CitationCluster("c", [new CitationItem("a")])]);
        Assert.Equal(expected, result.Citations[0].Text.ToPlainText());
    }
}
