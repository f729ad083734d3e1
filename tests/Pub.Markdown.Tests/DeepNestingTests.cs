using Pub.Model;
using Pub.Syntax;
using Xunit;

namespace Pub.Markdown.Tests;

/// <summary>Input nested deeper than any manuscript needs is reported, not followed: following it recursed until
/// the process ran out of stack, which no catch can turn into a diagnostic.</summary>
public sealed class DeepNestingTests
{
    private const string Front = "---\ntitle: T\n---\n\n";

    private static ParseResult Parse(string body) => ManuscriptParser.Parse(new SourceText("paper.md", Front + body), ManuscriptKind.Chapter);

    [Fact]
    public void A_hundred_thousand_nested_quotes_are_reported_at_the_first_quote_too_deep()
    {
        var result = Parse(new string('>', 100_000) + " deep\n");

        var error = Assert.Single(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal((5, 33), (error.Span!.Value.Line, error.Span.Value.Column));
        Assert.Contains("quotes nested deeper than", error.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Ten_thousand_nested_list_items_are_reported()
    {
        var result = Parse(string.Concat(Enumerable.Repeat("- ", 10_000)) + "item\n");

        var error = Assert.Single(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id);
        Assert.Equal((5, 1 + 2 * 32), (error.Span!.Value.Line, error.Span.Value.Column));
        Assert.Contains("lists nested deeper than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Lines_indented_one_level_deeper_each_stop_nesting_at_the_limit()
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item\n"));
        var result = Parse(body);

        var error = Assert.Single(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id);
        Assert.Equal(5 + 32, error.Span!.Value.Line);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Nesting_within_the_limit_is_not_reported()
    {
        var result = Parse(new string('>', 30) + " quoted\n\n" + string.Concat(Enumerable.Repeat("- ", 30)) + "item\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id);
        var depth = 0;
        for (var block = result.Document!.Blocks[0]; block is BlockQuote quote; block = quote.Blocks[0])
            depth++;
        Assert.Equal(30, depth);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(13_784)]
    public void Thousands_of_unmatched_brackets_are_text(int brackets)
    {
        // Found by fuzzing: past 10,240 open brackets Markdig threw "depth limit exceeded".
        var result = Parse("Before " + new string('[', brackets) + " after\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id || d.Code == Codes.InlinesNestedTooDeep.Id);
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(result.Document!.Blocks));
        var text = Assert.IsType<Text>(Assert.Single(paragraph.Content));
        Assert.Equal("Before " + new string('[', brackets) + " after", text.Value);
    }

    [Fact]
    public void Emphasis_nested_four_hundred_deep_keeps_its_text_and_is_reported()
    {
        var body = string.Concat(Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "*a " : "_b ")) + "core"
            + string.Concat(Enumerable.Range(0, 400).Reverse().Select(i => i % 2 == 0 ? " a*" : " b_"));
        var result = Parse(body + "\n");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == Codes.InlinesNestedTooDeep.Id);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(5, warning.Span!.Value.Line);
        Assert.Contains("core", Walk.AllInlines(result.Document!.Blocks).OfType<Text>().Select(t => t.Value).Last(t => t.Contains("core", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_nested_thousands_deep_is_an_error_at_its_line()
    {
        var result = ManuscriptParser.Parse(new SourceText("paper.md", "---\ntitle: T\nkeywords: " + new string('[', 5000) + "\n---\n\nText.\n"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.MalformedFrontMatter.Id, error.Code);
        Assert.Equal(3, error.Span!.Value.Line);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Twenty_thousand_unmatched_emphasis_runs_are_text()
    {
        var body = string.Concat(Enumerable.Repeat("*a _b ", 10_000));
        var result = Parse(body + "\n");

        Assert.NotNull(result.Document);
        var text = string.Concat(Walk.AllInlines(result.Document.Blocks).OfType<Text>().Select(t => t.Value));
        Assert.Equal(body.TrimEnd(), text);
    }

    [Theory]
    [InlineData("::: note\n")]
    [InlineData("::: {.note}\n")]
    public void Fenced_divs_nested_two_hundred_deep_are_reported(string fence)
    {
        // Found by fuzzing: the fenced-div parser, added when the pipeline is built, came before the nesting limit.
        var result = Parse(string.Concat(Enumerable.Repeat(fence, 200)) + "x\n");

        var error = Assert.Single(result.Diagnostics, d => d.Code == Codes.NestedTooDeep.Id);
        Assert.Equal(5 + 32, error.Span!.Value.Line);
        Assert.Contains("blocks nested deeper than 32 levels", error.Message, StringComparison.Ordinal);
    }
}
