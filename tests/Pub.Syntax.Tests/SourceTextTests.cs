using Xunit;

namespace Pub.Syntax.Tests;

public sealed class SourceTextTests
{
    private static readonly SourceText Sample = new("a.md", "one\ntwo\n\nlast");

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 1, 4)] // the line break belongs to its line
    [InlineData(4, 2, 1)]
    [InlineData(8, 3, 1)] // an empty line
    [InlineData(9, 4, 1)]
    [InlineData(12, 4, 4)]
    [InlineData(13, 4, 5)] // the end of a last line without a line break
    public void Offsets_have_one_based_lines_and_columns(int offset, int line, int column)
    {
        Assert.Equal((line, column), Sample.LineColumn(offset));
    }

    [Fact]
    public void Offsets_outside_the_text_are_clamped()
    {
        Assert.Equal((1, 1), Sample.LineColumn(-5));
        Assert.Equal((4, 5), Sample.LineColumn(1000));
    }

    [Fact]
    public void Offset_of_line_and_column_is_the_inverse()
    {
        for (var offset = 0; offset <= Sample.Text.Length; offset++)
        {
            var (line, column) = Sample.LineColumn(offset);
            Assert.Equal(offset, Sample.Offset(line, column));
        }
    }

    [Fact]
    public void A_text_ending_with_a_line_break_has_an_empty_last_line()
    {
        var source = new SourceText("a.md", "x\n");
        Assert.Equal(2, source.LineCount);
        Assert.Equal((2, 1), source.LineColumn(2));
        Assert.Equal("", source.Line(2));
    }

    [Fact]
    public void Lines_are_returned_without_their_line_break()
    {
        Assert.Equal(["one", "two", "", "last"], Enumerable.Range(1, 4).Select(Sample.Line));
        Assert.Equal("", Sample.Line(0));
        Assert.Equal("", Sample.Line(5));
    }

    [Fact]
    public void Crlf_input_is_normalised_before_it_becomes_a_source_text()
    {
        var text = TextDecoding.Decode("a\r\nbb\r\nccc"u8, out _)!;
        var source = new SourceText("a.md", text);

        Assert.Equal("a\nbb\nccc", text);
        Assert.Equal((3, 2), source.LineColumn(text.IndexOf("cc", StringComparison.Ordinal) + 1));
        Assert.Equal("bb", source.Line(2));
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        var source = new SourceText("a.md", "«Цитата» [@a]");
        Assert.Equal((1, 12), source.LineColumn(source.Text.IndexOf('a', StringComparison.Ordinal)));
    }

    [Fact]
    public void Span_text_and_position()
    {
        var span = Sample.Span(4, 3);
        Assert.Equal("two", span.Text);
        Assert.Equal((2, 1), (span.Line, span.Column));
        Assert.Equal("a.md(2,1)", span.ToString());
        Assert.Equal("last", Sample.SpanAt(4, 1, 100).Text);
    }
}
