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

    [Fact]
    public void A_sort_key_without_variable_or_macro_is_reported_and_the_style_still_sorts()
    {
        // Found by fuzzing: the processor read the key's variable, null, and threw while sorting.
        const string xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n" +
                           "  <citation>\n" +
                           "    <sort>\n" +
                           "      <key/>\n" +
                           "      <key variable=\"title\"/>\n" +
                           "    </sort>\n" +
                           "    <layout delimiter=\"; \">\n" +
                           "      <text variable=\"title\"/>\n" +
                           "    </layout>\n" +
                           "  </citation>\n" +
                           "</style>\n";
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("s.csl", xml), bag);

        var d = Assert.Single(bag.Items);
        Assert.Equal((Codes.InvalidStyle.Id, 4, 7), (d.Code, d.Span!.Value.Line, d.Span.Value.Column));
        Reference Book(string id, string title) => new() { Id = id, Type = "book", Variables = new Dictionary<string, string> { ["title"] = title } };
        var result = CslProcessor.Create(style!, LocaleSet.Builtin, [Book("b", "Beta"), Book("a", "Alpha")])
            .Process([new CitationCluster("c1", [new CitationItem("b"), new CitationItem("a")])]);
        Assert.Equal("Alpha; Beta", Assert.Single(result.Citations).Text.ToPlainText());
    }
}
