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

    [Fact]
    public void Groups_nested_thousands_deep_are_an_error_at_the_first_too_deep()
    {
        var xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\n<citation>\n<layout>\n"
            + string.Concat(Enumerable.Repeat("<group>\n", 5000)) + "<text value=\"x\"/>\n"
            + string.Concat(Enumerable.Repeat("</group>\n", 5000)) + "</layout>\n</citation>\n</style>\n";
        var bag = new DiagnosticBag();

        var style = StyleParser.Parse(new SourceText("deep.csl", xml), bag);

        Assert.Null(style);
        var d = Assert.Single(bag.Items);
        // <style> is level 0, <citation> 1, <layout> 2: the group on line 65 is the first at level 64
        Assert.Equal((Codes.StyleNestedTooDeep.Id, 65, 1), (d.Code, d.Span!.Value.Line, d.Span.Value.Column));
    }

    [Fact]
    public void A_title_with_six_thousand_nested_quotations_renders()
    {
        // Found by fuzzing: each quotation nested a group in the output, which is walked by recursion.
        var title = string.Concat(Enumerable.Repeat("\"a '", 3000)) + "core" + string.Concat(Enumerable.Repeat("' a\"", 3000));
        const string xml = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n" +
                           "  <citation><layout><text variable=\"title\"/></layout></citation>\n</style>\n";
        var style = StyleParser.Parse(new SourceText("s.csl", xml), new DiagnosticBag())!;
        var reference = new Reference { Id = "a", Type = "book", Variables = new Dictionary<string, string> { ["title"] = title } };

        // on a thread with the stack of a thread-pool thread on Linux, where manuscripts are built
        string? text = null;
        var thread = new Thread(() => text = CslProcessor.Create(style, LocaleSet.Builtin, [reference])
            .Process([new CitationCluster("c1", [new CitationItem("a")])]).Citations[0].Text.ToPlainText(), 1536 * 1024);
        thread.Start();
        thread.Join();

        Assert.Contains("core", text, StringComparison.Ordinal);
    }
}
