using Pub.Testing;
using Xunit;

namespace Pub.Syntax.Tests;

public sealed class DiagnosticFormatterTests
{
    private static readonly DiagnosticCode Code = new("PUB0201", "unknown citation key");

    private static SourceText Paper(string text) => new("papers/op-003/paper.md", text);

    [Fact]
    public void Text_points_a_caret_run_at_the_span()
    {
        var source = Paper(string.Concat(Enumerable.Repeat("line\n", 13)) + "as the Court held [@rantsev2010, para. 282].\n");
        var start = source.Text.IndexOf("rantsev2010", StringComparison.Ordinal);
        var diagnostic = Diagnostic.Error(Code, "unknown citation key 'rantsev2010'", source.Span(start, "rantsev2010".Length), "did you mean 'rantsev-2010'?");

        Assert.Equal(
            """
            papers/op-003/paper.md(14,21): error PUB0201: unknown citation key 'rantsev2010'
              hint: did you mean 'rantsev-2010'?
              14 | as the Court held [@rantsev2010, para. 282].
                 |                     ^^^^^^^^^^^

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            DiagnosticFormatter.Text(diagnostic));
    }

    [Fact]
    public void Text_keeps_the_caret_under_a_span_on_a_line_with_tabs()
    {
        var source = Paper("---\n\tkey:\tvalue\n");
        var start = source.Text.IndexOf("value", StringComparison.Ordinal);
        var text = DiagnosticFormatter.Text(Diagnostic.Warning(Code, "m", source.Span(start, 5)));

        var lines = text.Split('\n');
        Assert.Equal("  2 |  key: value", lines[1]);
        Assert.Equal("    |       ^^^^^", lines[2]);
        Assert.Equal(lines[1].IndexOf('v', StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void Text_cuts_a_span_at_the_end_of_its_first_line()
    {
        var source = Paper("ab\ncd\n");
        var text = DiagnosticFormatter.Text(Diagnostic.Error(Code, "m", source.Span(1, 4)));

        Assert.EndsWith("  1 | ab\n    |  ^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_shows_a_paragraph_long_span_as_its_first_hundred_columns_and_one_caret()
    {
        // A paragraph written on one line, as many editors save it, and a span over all of it and the next one.
        string paragraph = string.Concat(Enumerable.Repeat("Identification remains the decisive step for every victim. ", 50)).TrimEnd();
        var source = Paper("Title\n\n" + paragraph + "\n\n" + paragraph + "\n");
        var text = DiagnosticFormatter.Text(Diagnostic.Warning(Code, "m", source.Span(7, paragraph.Length * 2 + 2)));

        var lines = text.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("  3 | " + paragraph[..99] + "…", lines[1]);
        Assert.Equal("    | ^", lines[2]);
        Assert.Equal(DiagnosticFormatter.ExcerptColumns, lines[1].Length - "  3 | ".Length);
    }

    [Fact]
    public void Text_shows_the_part_of_a_long_line_where_the_span_starts_and_underlines_the_span()
    {
        string before = string.Concat(Enumerable.Repeat("word ", 300));
        var source = Paper(before + "[@rantsev2010] and " + string.Concat(Enumerable.Repeat("more ", 300)) + "\n");
        int start = before.Length + 2;
        var text = DiagnosticFormatter.Text(Diagnostic.Error(Code, "m", source.Span(start, "rantsev2010".Length)));

        var lines = text.Split('\n');
        string shown = lines[1]["  1 | ".Length..];
        Assert.StartsWith("…", shown, StringComparison.Ordinal);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.Equal(DiagnosticFormatter.ExcerptColumns, shown.Length);
        string carets = lines[2]["    | ".Length..];
        Assert.Equal("rantsev2010", shown.Substring(carets.IndexOf('^', StringComparison.Ordinal), carets.Trim().Length));
        Assert.Equal(new string('^', "rantsev2010".Length), carets.Trim());
    }

    [Fact]
    public void Text_shows_one_caret_for_an_empty_span_at_the_end_of_a_line()
    {
        var source = Paper("abc\n");
        var text = DiagnosticFormatter.Text(Diagnostic.Error(Code, "m", source.Span(3, 0)));

        Assert.EndsWith("  1 | abc\n    |    ^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_span_names_the_file_or_nothing()
    {
        Assert.Equal("pub.yaml: error PUB0201: m\n", DiagnosticFormatter.Text(Diagnostic.Error(Code, "m").WithPath("pub.yaml")));
        Assert.Equal("info PUB0201: m\n", DiagnosticFormatter.Text(Diagnostic.Info(Code, "m")));
    }

    [Fact]
    public void Text_of_an_empty_file_has_no_source_line()
    {
        var source = Paper("");
        Assert.Equal("papers/op-003/paper.md(1,1): error PUB0201: m\n", DiagnosticFormatter.Text(Diagnostic.Error(Code, "m", source.Span(0, 0))));
    }

    [Fact]
    public void Json_keeps_non_ascii_text_and_escapes_what_json_requires()
    {
        var source = Paper("«Цитата» \"x\"\n");
        var diagnostic = Diagnostic.Error(Code, "ключ «иванов» \"quoted\" back\\slash\ttab", source.Span(2, 6), "café ☕");

        Golden.Assert("diagnostics/formatter.json", DiagnosticFormatter.Json([diagnostic, Diagnostic.Warning(Code, "no span").WithPath("pub.yaml")]));
        var parsed = System.Text.Json.JsonDocument.Parse(DiagnosticFormatter.Json([diagnostic]));
        var item = parsed.RootElement[0];
        Assert.Equal("ключ «иванов» \"quoted\" back\\slash\ttab", item.GetProperty("message").GetString());
        Assert.Equal((1, 3, 1, 9), (item.GetProperty("line").GetInt32(), item.GetProperty("column").GetInt32(), item.GetProperty("endLine").GetInt32(), item.GetProperty("endColumn").GetInt32()));
        Assert.Equal("café ☕", item.GetProperty("hints")[0].GetString());
    }

    [Fact]
    public void Json_of_no_diagnostics_is_an_empty_array()
    {
        Assert.Equal("[]\n", DiagnosticFormatter.Json([]));
    }

    [Fact]
    public void GitHub_annotation_has_file_line_column_and_title()
    {
        var source = Paper("x\nsee [@a]\n");
        var annotation = DiagnosticFormatter.GitHubAnnotation(Diagnostic.Warning(Code, "unknown key 'a'", source.Span(8, 1)));

        Assert.Equal("::warning file=papers/op-003/paper.md,line=2,col=7,title=PUB0201::unknown key 'a'", annotation);
    }

    [Fact]
    public void GitHub_annotation_escapes_percent_and_line_breaks_in_the_message()
    {
        var diagnostic = Diagnostic.Error(Code, "100% wrong\r\nsecond line: a, b", null, "try 50%");

        Assert.Equal("::error title=PUB0201::100%25 wrong%0D%0Asecond line: a, b%0Ahint: try 50%25", DiagnosticFormatter.GitHubAnnotation(diagnostic));
    }

    [Fact]
    public void GitHub_annotation_escapes_colons_and_commas_in_properties()
    {
        var diagnostic = Diagnostic.Info(Code, "m").WithPath("C:/a,b/100%.md");

        Assert.Equal("::notice file=C%3A/a%2Cb/100%25.md,title=PUB0201::m", DiagnosticFormatter.GitHubAnnotation(diagnostic));
    }
}
