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
        var error = Error("[\r\n  1\r\n  2]");

        Assert.Equal((3, 3), (error.Span!.Value.Line, error.Span!.Value.Column));
        Assert.Equal("the file is not valid JSON: expected ',' or ']' after an array element, found '2'", error.Message);
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

    // Each case: the text, the line and column of the character the message is about, and the words
    // after "the file is not valid JSON: ".
    [Theory]
    [InlineData("[1, 2 3]", 1, 7, "expected ',' or ']' after an array element, found '3'")]
    [InlineData("[1, 2}", 1, 6, "expected ',' or ']' after an array element, found '}'")]
    [InlineData("[1,\n 2,\n]", 2, 3, "a comma before ']' (JSON allows no trailing comma)")]
    [InlineData("{\"a\": 1,}", 1, 8, "a comma before '}' (JSON allows no trailing comma)")]
    [InlineData("[,1]", 1, 2, "expected a value or ']', found ','")]
    [InlineData("[1,,2]", 1, 4, "expected a value after ',', found ','")]
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after the value of \"a\", found '\"'")]
    [InlineData("{\"a\": {\"b\": 1} \"c\": 2}", 1, 16, "expected ',' or '}' after the value of \"a\", found '\"'")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':' after the member name \"a\", found '1'")]
    [InlineData("{\"a\": }", 1, 7, "expected a value for \"a\", found '}'")]
    [InlineData("{a: 1}", 1, 2, "expected a member name in double quotes or '}', found 'a'")]
    [InlineData("{\"a\": 1, b: 2}", 1, 10, "expected a member name in double quotes after ',', found 'b'")]
    [InlineData("{\"a\": 'x'}", 1, 7, "expected a value for \"a\", found a single quote (JSON strings are written in double quotes)")]
    [InlineData("[abc]", 1, 2, "expected a value or ']', found 'abc' (text must be written in double quotes)")]
    [InlineData("[True]", 1, 2, "expected a value or ']', found 'True' (JSON writes true, false and null in lower case)")]
    [InlineData("[tru]", 1, 2, "expected a value or ']', found 'tru' (text must be written in double quotes)")]
    [InlineData("[+1]", 1, 2, "expected a value or ']', found '+' (a JSON number has no '+' sign)")]
    [InlineData("[007]", 1, 2, "a number cannot start with 0 ('007'); write it as a string if the zeros matter")]
    [InlineData("[1.]", 1, 4, "expected a digit after '.' in a number, found ']'")]
    [InlineData("[-x]", 1, 3, "expected a digit after '-', found 'x'")]
    [InlineData("[1e]", 1, 4, "expected a digit in the exponent of a number, found ']'")]
    [InlineData("[12x]", 1, 4, "expected ',' or ']' after an array element, found 'x'")]
    [InlineData("[\"a\\qb\"]", 1, 4, "'\\q' is not an escape JSON knows; write a backslash as '\\\\'")]
    [InlineData("[\"a\\u12\"]", 1, 4, "'\\u' in a string must be followed by four hexadecimal digits")]
    [InlineData("[\"a\tb\"]", 1, 4, "a tab inside a string; write it as '\\t'")]
    [InlineData("[\"abc,\n \"d\"]", 1, 7, "a line break inside a string (is its closing '\"' missing?)")]
    [InlineData("[1, \"abc", 1, 5, "a string is never closed (its closing '\"' is missing)")]
    [InlineData("[1,\n 2", 2, 3, "expected ',' or ']' after an array element, found the end of the file")]
    [InlineData("{\"a\":\u00A01}", 1, 6, "expected a value for \"a\", found a no-break space (U+00A0); between values JSON allows only spaces, tabs and line breaks")]
    [InlineData("[1,\u2009 2]", 1, 4, "expected a value after ',', found a thin space (U+2009); between values JSON allows only spaces, tabs and line breaks")]
    [InlineData("[1] [2]", 1, 5, "expected the end of the file after the JSON value, found '['")]
    [InlineData("[1]\n// done", 2, 1, "expected the end of the file after the JSON value, found a comment (JSON has no comments)")]
    [InlineData("[1, /* two */ 2]", 1, 5, "expected a value after ',', found a comment (JSON has no comments)")]
    [InlineData("", 1, 1, "the file holds no JSON value")]
    [InlineData("  \n ", 2, 2, "the file holds no JSON value")]
    public void SyntaxErrorsAreExplainedAtTheirPosition(string text, int line, int column, string reason)
    {
        var error = Error(text);

        Assert.Equal("PUB0807", error.Code);
        Assert.Equal("the file is not valid JSON: " + reason, error.Message);
        Assert.Equal((line, column), (error.Span!.Value.Line, error.Span!.Value.Column));
    }

    [Fact]
    public void AnErrorAfterCyrillicTextOnALaterLineCountsCharacters()
    {
        // "Москва" is six characters and twelve bytes in UTF-8; the missing comma is reported at the
        // quote of the next member name, in character column 22 of line 3 (byte column 28).
        var error = Error("[\n  {\"id\": \"a\"},\n  {\"title\": \"Москва\" \"id\": \"b\"}\n]");

        Assert.Equal("the file is not valid JSON: expected ',' or '}' after the value of \"title\", found '\"'", error.Message);
        Assert.Equal((3, 22), (error.Span!.Value.Line, error.Span!.Value.Column));
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsReportedAtTheBracket()
    {
        var text = new string('[', 65) + new string(']', 65);

        var error = Error(text);

        Assert.Equal("the file is not valid JSON: arrays and objects are nested more than 64 levels deep", error.Message);
        Assert.Equal((1, 65), (error.Span!.Value.Line, error.Span!.Value.Column));
        Assert.IsType<JsonArray>(Parse(new string('[', 64) + new string(']', 64)));
    }

    [Fact]
    public void EveryOneCharacterSlipInADocumentIsExplained()
    {
        // Deleting any one character of a valid document, or putting a stray one anywhere in it, either
        // leaves valid JSON or gives an error in words: never the bare fallback for an error the
        // explanation does not recognise.
        const string valid = "{\"id\": \"a-1\", \"title\": \"Мир \\\"x\\\" \\u00e9\", \"n\": [1, -2.5e3, 0, true, false, null], \"o\": {\"k\": []}}";
        Parse(valid);
        var strays = new[] { ",", ":", "\"", "[", "]", "{", "}", "x", "+", "0", ".", "\\", "/", "'", "\u00A0", "\t", "\n" };
        var variants = Enumerable.Range(0, valid.Length).Select(i => valid.Remove(i, 1))
            .Concat(Enumerable.Range(0, valid.Length + 1).SelectMany(i => strays.Select(c => valid.Insert(i, c))));

        var errors = 0;
        foreach (var text in variants)
        {
            if (!JsonSource.TryParse(new SourceText("x.json", text), Code, "the file", out _, out var error))
            {
                errors++;
                Assert.False(error.Message.EndsWith("the text here is not valid JSON", StringComparison.Ordinal), text + " gives " + error.Message);
            }
        }
        Assert.True(errors > 1000, $"only {errors} variants are invalid");
    }
}
