using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class CslJsonReaderTests
{
    [Fact]
    public void WrongTypeIsReportedAndTheRestLoads()
    {
        const string json = "[\n" +
                            "  {\"id\": \"a\", \"type\": \"book\", \"title\": \"First\"},\n" +
                            "  {\"id\": \"b\", \"type\": \"book\", \"title\": [\"not\", \"a string\"], \"publisher\": \"P\"},\n" +
                            "  {\"id\": \"c\", \"type\": \"book\", \"author\": \"Doe\", \"issued\": {\"date-parts\": [[2001, 2]]}}\n" +
                            "]\n";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Equal(["a", "b", "c"], result.References.Select(r => r.Id));
        Assert.Equal("P", result.References[1].Variables["publisher"]);
        Assert.False(result.References[1].Variables.ContainsKey("title"));
        Assert.Equal([2001, 2], result.References[2].Dates["issued"].Parts[0]);

        Assert.Equal(2, result.Diagnostics.Count);
        var title = result.Diagnostics[0];
        Assert.Equal(Codes.InvalidBibValue.Id, title.Code);
        Assert.Equal((3, 40), (title.Span!.Value.Line, title.Span!.Value.Column));
        var author = result.Diagnostics[1];
        Assert.Contains("\"author\"", author.Message, StringComparison.Ordinal);
        Assert.Equal((4, 41), (author.Span!.Value.Line, author.Span!.Value.Column));
    }

    [Fact]
    public void NumberWhereTextIsExpectedIsAWarningAndKept()
    {
        var result = CslJsonReader.Read(new SourceText("refs.json", "[{\"id\": \"x\", \"type\": \"book\", \"title\": 1984, \"volume\": 3}]"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal((1, 39), (d.Span!.Value.Line, d.Span!.Value.Column));
        Assert.Equal("1984", result.References[0].Variables["title"]);
        Assert.Equal("3", result.References[0].Variables["volume"]);
    }

    [Fact]
    public void BrokenJsonGivesOneDiagnosticWithPosition()
    {
        var result = CslJsonReader.Read(new SourceText("refs.json", "[\n  {\"id\": \"x\",, }\n]"));

        Assert.Empty(result.References);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((2, 14), (d.Span!.Value.Line, d.Span!.Value.Column));
    }
}
