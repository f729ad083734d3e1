using Pub.Model;
using Pub.Syntax;
using Xunit;

namespace Pub.Markdown.Tests;

/// <summary>Positions are what diagnostics print, so they must point at the exact characters in the file.</summary>
public sealed class SourcePositionTests
{
    private static IEnumerable<CiteItem> CiteItems(Document document) =>
        Walk.AllInlines(document.Blocks.Concat(document.Notes.SelectMany(n => n.Blocks)))
            .OfType<Cite>()
            .SelectMany(c => c.Items);

    public static TheoryData<string> MarkdownCases() => [.. Fixtures.Cases("markdown")];

    [Theory]
    [MemberData(nameof(MarkdownCases))]
    public void Every_citation_key_span_covers_the_key_as_written(string name)
    {
        var document = Fixtures.Parse("markdown", name).Document;
        Assert.NotNull(document);

        foreach (var item in CiteItems(document))
        {
            Assert.NotNull(item.KeySpan);
            var span = item.KeySpan.Value;
            Assert.True(span.Text == item.Key || span.Text == "{" + item.Key + "}", $"span of '{item.Key}' covers '{span.Text}' at {span}");
            Assert.Equal('@', span.Source.Text[span.Start - 1]);
        }
    }

    [Fact]
    public void Citation_keys_have_the_line_and_column_of_the_file()
    {
        var source = new SourceText("paper.md", "---\ntitle: T\n---\n\nAs shown [see @a, p. 4; @{B:2010/x}] and by @c [p. 9].\n\n[^n]: Note with [-@d].\n\nText.[^n]\n");
        var document = ManuscriptParser.Parse(source, ManuscriptKind.Chapter).Document;
        Assert.NotNull(document);

        var spans = CiteItems(document).Select(i => (i.Key, i.KeySpan!.Value.Line, i.KeySpan.Value.Column, i.KeySpan.Value.Text)).ToList();

        Assert.Equal(
            [("a", 5, 16, "a"), ("B:2010/x", 5, 26, "{B:2010/x}"), ("c", 5, 46, "c"), ("d", 7, 20, "d")],
            spans);
    }

    [Fact]
    public void Citation_keys_inside_quotes_and_lists_and_across_lines_map_to_the_file()
    {
        var source = new SourceText("paper.md", "---\ntitle: T\n---\n\n> Quoted text\n> [see\n> @a, p. 1].\n\n- item\n  @b says.\n");
        var document = ManuscriptParser.Parse(source, ManuscriptKind.Chapter).Document!;

        var spans = CiteItems(document).Select(i => (i.Key, i.KeySpan!.Value.Line, i.KeySpan.Value.Column, i.KeySpan.Value.Text)).ToList();

        Assert.Equal([("a", 7, 4, "a"), ("b", 10, 4, "b")], spans);
    }

    [Fact]
    public void Citation_key_after_non_ascii_text_keeps_its_column()
    {
        var source = new SourceText("paper.md", "---\ntitle: Т\n---\n\n«Цитата» [@иванов2015, с. 12].\n");
        var item = CiteItems(ManuscriptParser.Parse(source, ManuscriptKind.Chapter).Document!).Single();

        Assert.Equal("иванов2015", item.KeySpan!.Value.Text);
        Assert.Equal((5, 12), (item.KeySpan.Value.Line, item.KeySpan.Value.Column));
        Assert.Equal(("12", "page"), (item.Locator, item.LocatorLabel));
    }

    [Fact]
    public void Front_matter_field_spans_are_lines_of_the_whole_file()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: T\nauthors:\n  - A\n---\n\nText.\n");
        var document = ManuscriptParser.Parse(source).Document!;

        var title = document.FieldSpans["title"];
        Assert.Equal((3, 1, "title"), (title.Line, title.Column, title.Text));
        var authors = document.FieldSpans["authors"];
        Assert.Equal((4, 1), (authors.Line, authors.Column));
    }

    [Fact]
    public void Invalid_value_is_reported_at_the_value()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: T\nauthors: [A]\ndate:   2024-02-30\n---\n");
        var diagnostic = Assert.Single(ManuscriptParser.Parse(source).Diagnostics);

        Assert.Equal("PUB0105", diagnostic.Code);
        Assert.Equal((5, 9, "2024-02-30"), (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column, diagnostic.Span.Value.Text));
    }

    [Fact]
    public void Flow_list_where_a_value_is_expected_is_reported_whole()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: [a, b]\nauthors: [A]\n---\n");
        var diagnostic = Assert.Single(ManuscriptParser.Parse(source).Diagnostics);

        Assert.Equal((3, 8, "[a, b]"), (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column, diagnostic.Span.Value.Text));
    }

    [Fact]
    public void Person_without_a_name_is_reported_on_its_first_line_only()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: T\nauthors:\n  - affiliation: X\n    email: x@example.org\n---\n");
        var diagnostic = Assert.Single(ManuscriptParser.Parse(source).Diagnostics);

        var span = diagnostic.Span!.Value;
        Assert.Equal((5, 5, "affiliation: X"), (span.Line, span.Column, span.Text));
    }

    [Fact]
    public void Yaml_error_position_is_a_position_in_the_file()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: \"T\n  x: y\nauthors: [A]\n---\n");
        var diagnostic = Assert.Single(ManuscriptParser.Parse(source).Diagnostics);

        Assert.Equal("PUB0101", diagnostic.Code);
        Assert.Equal((3, 8), (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column));
    }

    [Fact]
    public void Tab_in_yaml_indentation_is_reported_at_the_tab()
    {
        var source = new SourceText("paper.md", "---\nseries: op\ntitle: T\nauthors:\n\t- A\n---\n");
        var diagnostic = Assert.Single(ManuscriptParser.Parse(source).Diagnostics);

        Assert.Equal((5, 1), (diagnostic.Span!.Value.Line, diagnostic.Span.Value.Column));
    }
}
