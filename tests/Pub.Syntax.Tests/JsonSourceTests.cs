using Xunit;

namespace Pub.Syntax.Tests;

public sealed class JsonSourceTests
{
    private static readonly DiagnosticCode Code = new("PUB0807", "bibliography item has the wrong shape");

    private static JsonValue Parse(string text)
    {
        Assert.True(JsonSource.TryParse(new SourceText("x.json", text), Code, "the file", out var root, out var error), error?.Message);
        return root;
    }

    private static Diagnostic Error(string text)
    {
        Assert.False(JsonSource.TryParse(new SourceText("x.json", text), Code, "the file", out _, out var error));
        return error;
    }

    [Fact]
    public void ValuesKeepTheirOffsetsAfterMultiByteCharacters()
    {
        var source = new SourceText("x.json", "{\n  \"é\": \"Ωμέγα\", \"n\": 2.50,\n  \"s\": [true, null]\n}");
        Assert.True(JsonSource.TryParse(source, Code, "the file", out var root, out _));

        var members = ((JsonObject)root).Members;
        Assert.Equal(["é", "n", "s"], members.Select(m => m.Key));
        Assert.Equal((2, 8), source.LineColumn(members[0].Value.Offset));
        var number = Assert.IsType<JsonNumber>(members[1].Value);
        Assert.Equal("2.50", number.Raw);
        Assert.Equal((2, 22), source.LineColumn(number.Offset));
        var list = Assert.IsType<JsonArray>(members[2].Value);
        Assert.Equal((3, 8), source.LineColumn(list.Offset));
        Assert.Equal((3, 15), source.LineColumn(list.Items[1].Offset));
    }

    [Fact]
    public void ColumnsCountUtf16UnitsLikeOtherDiagnostics()
    {
        // U+1F600 is four bytes in UTF-8 and two UTF-16 units, as SourceText counts columns.
        var error = Error("{\"a\": \"\U0001F600\", \"b\": x}");

        Assert.Equal("PUB0807", error.Code);
        Assert.Equal((1, 18), (error.Span!.Value.Line, error.Span!.Value.Column));
    }

    [Fact]
    public void LinesEndedByCrLfAreCountedOnce()
    {
        var error = Error("[\r\n  1,\r\n]");

        Assert.Equal((3, 1), (error.Span!.Value.Line, error.Span!.Value.Column));
        Assert.Equal("the file is not valid JSON: a comma before ']' (JSON allows no trailing comma)", error.Message);
    }

    [Fact]
    public void ARepeatedKeyKeepsBothAndTheIndexerGivesTheFirst()
    {
        var root = (JsonObject)Parse("{\"a\": 1, \"a\": 2}");

        Assert.Equal(2, root.Members.Count);
        Assert.Equal("1", Assert.IsType<JsonNumber>(root["a"]).Raw);
        Assert.Null(root["b"]);
    }

    [Fact]
    public void AnUnclosedArrayIsReportedAtTheEnd()
    {
        var error = Error("[1,\n 2");

        Assert.Equal((2, 3), (error.Span!.Value.Line, error.Span!.Value.Column));
    }
}
