// The build cache's entries are written as UTF-8 straight from the pieces they are built in; paths in any
// script, and pieces that split a character in two, must come out as the same file.
using System.Security.Cryptography;
using System.Text;
using Pub.Compiler.Incremental;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class CacheEntryTests
{
    [Fact]
    public void AnEntryIsItsTextInUtf8WithTheChecksumOfWhatComesBefore()
    {
        // Thousands of inputs whose names mix ASCII, accented letters and characters outside the basic plane,
        // so that the builder's pieces end inside a character somewhere.
        var inputs = Enumerable.Range(0, 3000).ToDictionary(
            i => "file:papers/" + new string('a', i % 7) + "é𝔄Ω-" + i + "/paper.md",
            i => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))),
            StringComparer.Ordinal);
        var entry = new CacheEntry("papers/op-1-Ω/paper.md", "formats=3", inputs, new Dictionary<string, string>(StringComparer.Ordinal) { ["dist/op-1-𝔄.html"] = new string('0', 64) });

        var bytes = entry.Serialize();
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(text));
        var checksumAt = text.LastIndexOf("sha256 ", StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(text[..checksumAt]);
        Assert.Equal("sha256 " + Convert.ToHexStringLower(SHA256.HashData(body)) + "\n", text[checksumAt..]);

        var parsed = CacheEntry.Parse(text, out var problem);
        Assert.Null(problem);
        Assert.NotNull(parsed);
        Assert.Equal(entry.Unit, parsed.Unit);
        Assert.Equal(inputs.OrderBy(i => i.Key, StringComparer.Ordinal), parsed.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal));
        Assert.Equal(entry.Outputs, parsed.Outputs);
    }
}
