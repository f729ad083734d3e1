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

    // Names in the note field ("reviewed-author: Hall || W.C.", one name a line, a literal name without
    // "||") fill a name variable the item lacks, never one it has: citeproc-js prints
    // "K.S. Wolf; W. C. Hall, Office of the High Commissioner; John Doe; Decrease of Deaf potential" for
    // the four variables of this item (label_NameLabelThroughSubstitute of the CSL test suite relies on it).
    [Fact]
    public void NamesInTheNoteFieldFillMissingNameVariables()
    {
        const string json = """
            [{"id":"a","type":"post-weblog","title":"T","author":[{"family":"Wolf","given":"K.S."}],
              "note":"reviewed-title: Decrease of Deaf potential\nreviewed-author: Hall || W.C.\nreviewed-author: Office of the High Commissioner\ntranslator: Roe || Jane",
              "translator":[{"family":"Doe","given":"John"}]}]
            """;
        var read = CslJsonReader.Read(new SourceText("refs.json", json));
        Assert.Empty(read.Diagnostics);
        var item = read.References[0];
        Assert.Equal([("Hall", "W.C.", null), (null, null, "Office of the High Commissioner")],
            item.Names["reviewed-author"].Select(n => (n.Family, n.Given, n.Literal)));
        Assert.Equal(["Doe"], item.Names["translator"].Select(n => n.Family));

        const string style = """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
              <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
              <citation><layout><group delimiter="; ">
                <names variable="author"/><names variable="reviewed-author"><name initialize-with=". "/></names>
                <names variable="translator"/><text variable="reviewed-title"/>
              </group></layout></citation>
            </style>
            """;
        var parsed = StyleParser.Parse(new SourceText("t.csl", style), new DiagnosticBag());
        Assert.NotNull(parsed);
        var cite = CslProcessor.Create(parsed!, LocaleSet.Builtin, read.References).Process([new CitationCluster("c", [new CitationItem("a")])]);
        Assert.Equal("K.S. Wolf; W. C. Hall, Office of the High Commissioner; John Doe; Decrease of Deaf potential", cite.Citations[0].Text.ToPlainText());
    }

    // citeproc-js prints "A. B.", "C. D." and "E F" for these three items' short container titles.
    [Fact]
    public void JournalAbbreviationFillsOnlyAMissingShortContainerTitle()
    {
        const string json = """
            [{"id":"1","type":"article-journal","container-title":"J","container-title-short":"A. B.","journalAbbreviation":"A B"},
             {"id":"2","type":"article-journal","container-title":"J","journalAbbreviation":"C D","container-title-short":"C. D."},
             {"id":"3","type":"article-journal","container-title":"J","journalAbbreviation":"E F"}]
            """;
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["A. B.", "C. D.", "E F"], result.References.Select(r => r.Variables["container-title-short"]));
    }

    [Fact]
    public void NamePartsAndDatePartsOfTheWrongKindAreReportedAtTheValue()
    {
        const string json = "[\n" +
                            "  {\"id\": \"a\", \"type\": \"book\", \"author\": [{\"family\": [\"Doe\"], \"given\": \"Jane\"}, {\"family\": 42, \"given\": \"X\"}], \"issued\": {\"date-parts\": [[2001, \"May\", 3]]}},\n" +
                            "  {\"id\": \"b\", \"type\": \"book\", \"title\": \"Next\", \"issued\": {\"date-parts\": [[\"1999\", \"\"]]}}\n" +
                            "]";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Equal(["a", "b"], result.References.Select(r => r.Id));
        var a = result.References[0];
        Assert.Equal([(null, "Jane"), ("42", "X")], a.Names["author"].Select(n => (n.Family, n.Given)));
        Assert.Equal([2001], a.Dates["issued"].Parts[0]);
        Assert.Equal([1999], result.References[1].Dates["issued"].Parts[0]);
        Assert.Equal(
            [
                (Severity.Error, "item 'a': \"family\" of a name in \"author\" should be a string", 2, 53),
                (Severity.Warning, "item 'a': \"family\" of a name in \"author\" should be a string, found a number", 2, 91),
                (Severity.Warning, "item 'a': \"issued\" has a date part that is not a whole number; it and the parts after it are dropped", 2, 144),
            ],
            result.Diagnostics.Select(d => (d.Severity, d.Message, d.Span!.Value.Line, d.Span!.Value.Column)));
        Assert.All(result.Diagnostics, d => Assert.Equal(Codes.InvalidBibValue.Id, d.Code));
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
        Assert.Equal("CSL-JSON is not valid JSON: expected a member name in double quotes after ',', found ','", d.Message);
        Assert.Equal((2, 14), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void SyntaxErrorIsPlacedByCharactersNotBytes()
    {
        // Before the stray x on line 3 sit two-byte (Ü, ß, Cyrillic) and three-byte (東京) characters in
        // UTF-8; the column counts each as one.
        const string json = "[\n" +
                            "  {\"id\": \"a\", \"title\": \"First\"},\n" +
                            "  {\"id\": \"b\", \"title\": \"Überß 東京 Москва\" x}\n" +
                            "]\n";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Empty(result.References);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.InvalidBibItem.Id, d.Code);
        Assert.Equal("refs.json", d.FilePath);
        Assert.Equal("CSL-JSON is not valid JSON: expected ',' or '}' after the value of \"title\", found 'x'", d.Message);
        Assert.Equal((3, 42), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Theory]
    [InlineData("[{\"id\": \"a\", \"type\": \"book\",}]", 1, 28, "a comma before '}' (JSON allows no trailing comma)")]
    [InlineData("[{\"id\": \"a\", \"type\": \"book\"},\n]", 1, 29, "a comma before ']' (JSON allows no trailing comma)")]
    [InlineData("[{\"id\": \"a\", \"volume\": +1}]", 1, 24, "expected a value for \"volume\", found '+' (a JSON number has no '+' sign)")]
    [InlineData("[\n// a comment\n{\"id\": \"a\"}]", 2, 1, "expected a value or ']', found a comment (JSON has no comments)")]
    [InlineData("[{\"id\": \"a\", /* a comment */ \"type\": \"book\"}]", 1, 14, "expected a member name in double quotes after ',', found a comment (JSON has no comments)")]
    [InlineData("[{\"id\":\u00A0\"a\"}]", 1, 8, "expected a value for \"id\", found a no-break space (U+00A0); between values JSON allows only spaces, tabs and line breaks")]
    [InlineData("[{\"id\": \"a\"}] [{\"id\": \"b\"}]", 1, 15, "expected the end of the file after the JSON value, found '['")]
    [InlineData("", 1, 1, "the file holds no JSON value")]
    public void OnlyStandardJsonIsRead(string json, int line, int column, string reason)
    {
        // No trailing commas, '+' signs, comments, Unicode spaces between tokens, or second top-level value.
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Empty(result.References);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("CSL-JSON is not valid JSON: " + reason, d.Message);
        Assert.Equal((line, column), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void NumberForADateIsReportedAtTheValueAndReadAsAYear()
    {
        const string json = "[\n" +
                            "  {\"id\": \"a\", \"type\": \"book\", \"issued\": {\"date-parts\": [[1999]]}},\n" +
                            "  {\"id\": \"b\", \"type\": \"book\", \"title\": \"Ελληνικά\", \"issued\": 5},\n" +
                            "  {\"id\": \"c\", \"type\": \"book\", \"issued\": true}\n" +
                            "]";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Equal(["a", "b", "c"], result.References.Select(r => r.Id));
        Assert.Equal(2, result.Diagnostics.Count);
        var number = result.Diagnostics[0];
        Assert.Equal((Severity.Warning, Codes.InvalidBibValue.Id), (number.Severity, number.Code));
        Assert.Contains("\"issued\"", number.Message, StringComparison.Ordinal);
        Assert.Equal((3, 62), (number.Span!.Value.Line, number.Span!.Value.Column));
        Assert.Equal([5], result.References[1].Dates["issued"].Parts[0]);
        var boolean = result.Diagnostics[1];
        Assert.Equal((Severity.Error, Codes.InvalidBibValue.Id), (boolean.Severity, boolean.Code));
        Assert.Equal((4, 41), (boolean.Span!.Value.Line, boolean.Span!.Value.Column));
        Assert.False(result.References[2].Dates.ContainsKey("issued"));
    }

    [Fact]
    public void AnItemThatIsNotAnObjectIsReportedAndTheNextIsRead()
    {
        const string json = "[\n  \"just text\",\n  {\"id\": \"b\", \"type\": \"book\", \"title\": \"Second\"}\n]";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.InvalidBibItem.Id, d.Code);
        Assert.Equal((2, 3), (d.Span!.Value.Line, d.Span!.Value.Column));
        var second = Assert.Single(result.References);
        Assert.Equal(("b", "Second"), (second.Id, second.Variables["title"]));
    }

    [Fact]
    public void VolumeAndPageMayBeNumbersOrStrings()
    {
        const string json = """
            [
              {"id": "n", "type": "article-journal", "volume": 12, "issue": 3, "page": 101},
              {"id": "s", "type": "article-journal", "volume": "12", "issue": "3a", "page": "101-109"}
            ]
            """;
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(("12", "3", "101"), (result.References[0].Variables["volume"], result.References[0].Variables["issue"], result.References[0].Variables["page"]));
        Assert.Equal(("12", "3a", "101-109"), (result.References[1].Variables["volume"], result.References[1].Variables["issue"], result.References[1].Variables["page"]));
    }

    [Fact]
    public void AByteOrderMarkAtTheStartIsNotAnError()
    {
        const string json = "[{\"id\": \"a\", \"type\": \"book\", \"title\": \"Ökonomie\"}]";
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(json)).ToArray();
        var decoded = TextDecoding.Decode(bytes, out _)!;

        foreach (var text in new[] { decoded, "\uFEFF" + json })
        {
            var result = CslJsonReader.Read(new SourceText("refs.json", text));
            Assert.Empty(result.Diagnostics);
            Assert.Equal("Ökonomie", Assert.Single(result.References).Variables["title"]);
        }
    }

    [Fact]
    public void AnErrorAfterAByteOrderMarkKeepsItsColumn()
    {
        // The mark is a character of the text, so the stray x after "[" is in column 3.
        var result = CslJsonReader.Read(new SourceText("refs.json", "\uFEFF[x]"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((1, 3), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void EscapesAreDecoded()
    {
        var result = CslJsonReader.Read(new SourceText("refs.json", "[{\"id\": \"a\", \"type\": \"book\", \"title\": \"A \\\"B\\\" \\u00e9 \\ud83d\\ude00\"}]"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("A \"B\" é 😀", result.References[0].Variables["title"]);
    }

    [Fact]
    public void ALoneSurrogateEscapeIsASyntaxErrorAtItsString()
    {
        var result = CslJsonReader.Read(new SourceText("refs.json", "[{\"id\": \"a\", \"title\": \"x\\ud800y\"}]"));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((1, 23), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void ARepeatedIdIsReportedAtItsValueAndTheFirstItemIsKept()
    {
        const string json = "[\n" +
                            "  {\"id\": \"a\", \"type\": \"book\", \"title\": \"First\"},\n" +
                            "  {\"id\": \"b\", \"type\": \"book\", \"title\": \"Second\"},\n" +
                            "  {\"id\": \"a\", \"type\": \"book\", \"title\": 5}\n" +
                            "]";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Equal([("a", "First"), ("b", "Second")], result.References.Select(r => (r.Id, r.Variables["title"])));
        // The repeated item is not read, so its number title draws no warning of its own.
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Warning, Codes.DuplicateBibKey.Id), (d.Severity, d.Code));
        Assert.Equal("item id 'a' is already used at line 2; this item is ignored", d.Message);
        Assert.Equal((4, 10), (d.Span!.Value.Line, d.Span!.Value.Column));
    }

    [Fact]
    public void ItemsWithoutAnIdOnOneLineGetDistinctNames()
    {
        var result = CslJsonReader.Read(new SourceText("refs.json", "[{\"type\":\"book\",\"title\":\"A\"}, {\"type\":\"book\",\"title\":\"B\"}]"));

        Assert.Equal([("item-1", "A"), ("item-1-31", "B")], result.References.Select(r => (r.Id, r.Variables["title"])));
        Assert.Equal(["CSL-JSON item has no \"id\"; using 'item-1'", "CSL-JSON item has no \"id\"; using 'item-1-31'"], result.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void AnIdOrTypeOfTheWrongKindIsReportedAtTheValue()
    {
        const string json = "[\n  {\"id\": true, \"type\": \"book\"},\n  {\"id\": \"b\", \"type\": [\"book\"]}\n]";
        var result = CslJsonReader.Read(new SourceText("refs.json", json));

        Assert.Equal([("item-2", "book"), ("b", "article")], result.References.Select(r => (r.Id, r.Type)));
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal("a CSL-JSON item's \"id\" must be text or a number; using 'item-2'", result.Diagnostics[0].Message);
        Assert.Equal((2, 10), (result.Diagnostics[0].Span!.Value.Line, result.Diagnostics[0].Span!.Value.Column));
        Assert.Equal("item 'b': \"type\" must be a string; using \"article\"", result.Diagnostics[1].Message);
        Assert.Equal((3, 23), (result.Diagnostics[1].Span!.Value.Line, result.Diagnostics[1].Span!.Value.Column));
    }

    [Fact]
    public void ALargeFileIsReadWholeWithPositionsAtItsEnd()
    {
        // 2,000 items of three shapes, one per line, with Cyrillic text before every value; item 1,500
        // has a name that is not an object.
        var json = new System.Text.StringBuilder("[\n");
        for (var i = 1; i <= 2000; i++)
        {
            var author = i == 1500 ? "\"Иванов\"" : $"{{\"family\": \"Иванов-{i}\", \"given\": \"Пётр\"}}";
            json.Append((i % 3) switch
            {
                0 => $"  {{\"id\": \"r{i}\", \"type\": \"book\", \"title\": \"Книга № {i}\", \"author\": [{author}], \"issued\": {{\"date-parts\": [[{1900 + i % 120}]]}}}}",
                1 => $"  {{\"id\": \"r{i}\", \"type\": \"article-journal\", \"title\": \"Статья {i}\", \"author\": [{author}], \"volume\": {i}, \"page\": \"{i}-{i + 9}\"}}",
                _ => $"  {{\"id\": {i}, \"type\": \"report\", \"title\": \"Доклад \\u2116 {i}\", \"author\": [{author}], \"issued\": \"2001-05-{i % 28 + 1:D2}\"}}",
            });
            json.Append(i < 2000 ? ",\n" : "\n");
        }
        json.Append(']');
        var result = CslJsonReader.Read(new SourceText("refs.json", json.ToString()));

        Assert.Equal(2000, result.References.Count);
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => i % 3 == 2 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "r" + i), result.References.Select(r => r.Id));
        var article = result.References[1998];
        Assert.Equal(("article-journal", "Статья 1999", "1999", "1999-2008"), (article.Type, article.Variables["title"], article.Variables["volume"], article.Variables["page"]));
        var last = result.References[1999];
        Assert.Equal(("report", "Доклад № 2000"), (last.Type, last.Variables["title"]));
        Assert.Equal(("Иванов-2000", "Пётр"), (last.Names["author"][0].Family, last.Names["author"][0].Given));
        Assert.Equal([2001, 5, 13], last.Dates["issued"].Parts[0]);
        Assert.Equal((1501, 3), result.References[1499].Span!.Value.Source.LineColumn(result.References[1499].Span!.Value.Start));
        Assert.Empty(result.References[1499].Names["author"]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((Codes.InvalidBibValue.Id, "item 'r1500': a name in \"author\" must be an object"), (d.Code, d.Message));
        Assert.Equal((1501, 71), (d.Span!.Value.Line, d.Span!.Value.Column));
    }
}
