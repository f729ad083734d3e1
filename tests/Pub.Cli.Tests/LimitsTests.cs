using System.Buffers.Binary;
using System.Text;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The limits that keep one hostile or broken manuscript from taking the machine, each with its
/// diagnostic, and a limit that used to cut long pages short silently.</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly TestProject _project = new TestProject().AddPaper("op-001-good", 1);

    public void Dispose() => _project.Dispose();

    /// <summary>A PNG signature and a header chunk that declares the size, and nothing to decode.</summary>
    private static byte[] PngDeclaring(uint width, uint height)
    {
        var bytes = new byte[8 + 25 + 12];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 2;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(33), 0);
        "IEND"u8.CopyTo(bytes.AsSpan(37));
        return bytes;
    }

    [Fact]
    public void AnImageThatDeclaresTooManyPixelsIsRefusedAtTheFigureBeforeDecoding()
    {
        _project.AddPaper("op-002-bomb", 2, body: "![A bomb.](figures/bomb.png){alt=\"x\"}");
        _project.Write("papers/op-002-bomb/figures/bomb.png", PngDeclaring(20_000, 20_000));
        var (exit, _, error) = _project.Run("build");
        Assert.Equal(1, exit);
        Assert.Matches(@"papers/op-002-bomb/paper\.md\(\d+,1\): error PUB0307: image 'figures/bomb\.png' is 20000 × 20000 pixels \(400 megapixels\); pub sets images of at most 50 megapixels", error);
        Assert.False(_project.Exists("dist/op-002-en-ed1.pdf"));
        Assert.True(_project.Exists("dist/op-001-en-ed1.pdf"));
    }

    [Fact]
    public void AnImageJustUnderTheLimitIsNotRefused()
    {
        _project.AddPaper("op-002-big", 2, body: "![Big.](figures/big.png){alt=\"x\"}");
        _project.Write("papers/op-002-big/figures/big.png", PngDeclaring(7_000, 7_000));
        var (_, _, error) = _project.Run("build", "--format", "html");
        Assert.DoesNotContain("PUB0307", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AManuscriptOverEightMegabytesIsNotRead()
    {
        var huge = new StringBuilder("---\nseries: op\nnumber: 2\ntitle: \"Huge\"\nauthors:\n  - name: \"X\"\ndate: 2024-01-01\n---\n\n");
        while (huge.Length < 9 * 1_048_576)
        {
            huge.Append("A sentence that repeats until the file is larger than any manuscript should be.\n\n");
        }
        _project.Write("papers/op-002-huge/paper.md", huge.ToString());
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.Equal(1, exit);
        Assert.True(error.Contains("papers/op-002-huge/paper.md(1,1): error PUB0308: the file is 9.0 MB; pub reads manuscripts of at most 8 MB", StringComparison.Ordinal), error);
        Assert.True(_project.Exists("dist/op-001-en-ed1.html"));
    }

    [Fact]
    public void AnHtmlPageOfMoreThanAMillionCharactersIsWrittenWhole()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 14_000; i++)
        {
            body.Append("Paragraph ").Append(i).Append(" of a long manuscript, with enough words in it to make the page long.\n\n");
        }
        body.Append("The very last paragraph.");
        _project.AddPaper("op-002-long", 2, body: body.ToString());
        var (exit, _, error) = _project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var html = _project.Read("dist/op-002-en-ed1.html");
        Assert.True(html.Length > 1_100_000, html.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("The very last paragraph.", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }
}
