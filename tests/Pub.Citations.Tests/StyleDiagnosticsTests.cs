using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class StyleDiagnosticsTests
{
    [Fact]
    public void MalformedStyleGivesDiagnosticWithPosition()
    {
        const string xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n" +
                           "  <citation>\n" +
                           "    <layout>\n" +
                           "      <text variable=\"title\">\n" +
                           "    </layout>\n" +
                           "  </citation>\n" +
                           "</style>\n";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("styles/broken.csl", xml), bag);

        Assert.Null(style);
        var d = Assert.Single(bag.Items);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(Codes.MalformedStyle.Id, d.Code);
        Assert.Equal("styles/broken.csl", d.FilePath);
        Assert.Equal(5, d.Span!.Value.Line);
        Assert.Equal(7, d.Span!.Value.Column);
    }

    [Fact]
    public void ADocumentTypeDeclarationIsRefusedAtItsLineInTheStylesOwnTerms()
    {
        const string xml = "<?xml version=\"1.0\"?>\n" +
                           "<!DOCTYPE style [ <!ENTITY leak SYSTEM \"file:///etc/passwd\"> ]>\n" +
                           "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n" +
                           "  <citation><layout><text value=\"&leak;\"/></layout></citation>\n" +
                           "</style>\n";
        var bag = new DiagnosticBag();
        Assert.Null(StyleParser.Parse(new SourceText("styles/dtd.csl", xml), bag));
        var d = Assert.Single(bag.Items);
        Assert.Equal(Codes.MalformedStyle.Id, d.Code);
        Assert.Equal((2, 1), (d.Span!.Value.Line, d.Span!.Value.Column));
        Assert.Contains("DTDs are not allowed in CSL styles and locales", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("XmlReaderSettings", d.Message, StringComparison.Ordinal);

        var localeBag = new DiagnosticBag();
        Assert.Null(LocaleParser.Parse(new SourceText("locales/locales-xx.xml", "<!DOCTYPE locale>\n<locale xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\" xml:lang=\"xx\"/>"), localeBag));
        var locale = Assert.Single(localeBag.Items);
        Assert.Equal((1, 1), (locale.Span!.Value.Line, locale.Span!.Value.Column));
        Assert.Contains("DTDs are not allowed", locale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedMacroIsReportedAtTheCallingElement()
    {
        const string xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n" +
                           "  <citation>\n" +
                           "    <layout>\n" +
                           "      <text macro=\"nowhere\"/>\n" +
                           "    </layout>\n" +
                           "  </citation>\n" +
                           "</style>\n";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);

        Assert.NotNull(style);
        var d = Assert.Single(bag.Items);
        Assert.Equal(Codes.UnknownMacro.Id, d.Code);
        Assert.Equal((4, 7), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void StyleWithoutCitationIsAnError()
    {
        var bag = new DiagnosticBag();
        StyleParser.Parse(new SourceText("s.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"/>"), bag);

        Assert.Contains(bag.Items, d => d.Code == Codes.InvalidStyle.Id && d.Severity == Severity.Error);
    }
}
