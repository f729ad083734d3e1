using Xunit;

namespace Pub.Syntax.Tests;

public sealed class TextDecodingTests
{
    [Fact]
    public void Plain_utf8_is_decoded()
    {
        Assert.Equal("Ελληνικά «ру»", TextDecoding.Decode("Ελληνικά «ру»"u8, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        Assert.Equal("---\n", TextDecoding.Decode([0xEF, 0xBB, 0xBF, .. "---\n"u8], out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void Crlf_and_lone_cr_become_lf()
    {
        Assert.Equal("a\nb\nc\n", TextDecoding.Decode("a\r\nb\rc\r\n"u8, out _));
    }

    [Fact]
    public void Empty_input_is_empty_text()
    {
        Assert.Equal("", TextDecoding.Decode([], out var reason));
        Assert.Null(reason);
        Assert.Equal("", TextDecoding.Decode([0xEF, 0xBB, 0xBF], out _));
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_byte_offset()
    {
        Assert.Null(TextDecoding.Decode([(byte)'a', (byte)'b', 0xE9, (byte)'c'], out var reason));
        Assert.Equal("byte offset 2 is not valid UTF-8; save the file as UTF-8", reason);
    }

    [Fact]
    public void Invalid_utf8_after_a_byte_order_mark_is_reported_at_its_file_offset()
    {
        Assert.Null(TextDecoding.Decode([0xEF, 0xBB, 0xBF, (byte)'a', 0xFF], out var reason));
        Assert.Equal("byte offset 4 is not valid UTF-8; save the file as UTF-8", reason);
    }

    [Fact]
    public void A_truncated_sequence_at_the_end_is_refused()
    {
        Assert.Null(TextDecoding.Decode([(byte)'a', 0xD0], out var reason));
        Assert.Equal("byte offset 1 is not valid UTF-8; save the file as UTF-8", reason);
    }

    [Fact]
    public void Nul_marks_a_binary_file()
    {
        Assert.Null(TextDecoding.Decode([(byte)'a', 0, (byte)'b'], out var reason));
        Assert.Equal("it holds a NUL byte at offset 1: it looks like a binary file", reason);
    }

    [Fact]
    public void Nul_after_a_byte_order_mark_is_reported_at_its_file_offset()
    {
        Assert.Null(TextDecoding.Decode([0xEF, 0xBB, 0xBF, (byte)'a', 0], out var reason));
        Assert.Equal("it holds a NUL byte at offset 4: it looks like a binary file", reason);
    }

    [Fact]
    public void Utf16_is_refused_as_utf16_not_as_binary()
    {
        Assert.Null(TextDecoding.Decode([0xFF, 0xFE, (byte)'a', 0], out var reason));
        Assert.Equal("it is UTF-16 text; save the file as UTF-8", reason);
        Assert.Null(TextDecoding.Decode([0xFE, 0xFF, 0, (byte)'a'], out reason));
        Assert.Equal("it is UTF-16 text; save the file as UTF-8", reason);
    }

    [Fact]
    public void Invalid_utf8_far_into_a_large_file_is_reported_at_its_offset()
    {
        var bytes = new byte[100_000];
        bytes.AsSpan().Fill((byte)'x');
        bytes[70_001] = 0xC3;
        bytes[70_002] = (byte)'(';
        Assert.Null(TextDecoding.Decode(bytes, out var reason));
        Assert.Equal("byte offset 70001 is not valid UTF-8; save the file as UTF-8", reason);
    }
}
