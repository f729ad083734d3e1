using System.Text;

namespace Pub.Preview.Tests;

/// <summary>The reload script goes into every page served, just before the end of its head, and nothing else of
/// the page changes, byte for byte.</summary>
public sealed class PageInjectionTests
{
    private const string Tag = "<script src=\"/__pub/preview.js\" data-pub-version=\"7\" defer></script>\n";

    [Theory]
    [InlineData("<html><head><title>Ä</title></head><body>ü – 𝔘</body></html>", "<html><head><title>Ä</title>", "</head><body>ü – 𝔘</body></html>")]
    [InlineData("<HTML><HEAD></Title></HEAD><body></body></HTML>", "<HTML><HEAD></Title>", "</HEAD><body></body></HTML>")]
    [InlineData("<p>no head at all</p>", "", "<p>no head at all</p>")]
    [InlineData("</hea", "", "</hea")]
    [InlineData("<head></head><body></head></body>", "<head>", "</head><body></head></body>")]
    public void TheScriptGoesBeforeTheEndOfTheHead(string page, string before, string after)
    {
        Assert.Equal("__pub/preview.js", PreviewPages.ScriptPath);
        var injected = PreviewPages.Inject(Encoding.UTF8.GetBytes(page), 7);
        Assert.Equal(before + Tag + after, Encoding.UTF8.GetString(injected));
    }

    [Fact]
    public void BytesThatAreNotUtf8AreServedAsTheyAre()
    {
        byte[] page = [.. "<head>"u8, 0xFF, 0xC3, .. "</head><body>"u8, 0x80, .. "</body>"u8];
        var injected = PreviewPages.Inject(page, 7);
        byte[] expected = [.. "<head>"u8, 0xFF, 0xC3, .. Encoding.UTF8.GetBytes(Tag), .. "</head><body>"u8, 0x80, .. "</body>"u8];
        Assert.Equal(expected, injected);
    }
}
