using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Pub.Layout.Paged;
using Pub.Pdf;
using UglyToad.PdfPig;

namespace Pub.Layout.Tests;

/// <summary>What the PDF editions claim and must hold to: clean streams that qpdf accepts, PDF/A-2b and PDF/UA-1
/// identification with Info and XMP in agreement, and an sRGB output intent.</summary>
public sealed partial class PdfStandardsTests
{
    internal static readonly Lazy<(PagedDocument Paged, byte[] Pdf)> Paper = new(() =>
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), SampleDocuments.Settings(), TestFonts.Set);
        return (paged, PdfEditionWriter.Write(paged));
    });

    internal static readonly Lazy<byte[]> Handbook = new(() =>
        PdfEditionWriter.Write(Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true), TestFonts.Set)));

    [Fact]
    public void Qpdf_checks_the_paper_and_the_handbook_without_a_warning()
    {
        foreach (var (name, bytes) in new[] { ("paper", Paper.Value.Pdf), ("handbook", Handbook.Value) })
        {
            string path = Path.Combine(Path.GetTempPath(), $"pub-qpdf-{Environment.ProcessId}-{name}.pdf");
            File.WriteAllBytes(path, bytes);
            try
            {
                if (Pub.Testing.Qpdf.Check(path) is not { } result)
                {
                    if (Pub.Testing.Qpdf.InCi)
                        Assert.Fail("qpdf is missing in CI (apt-get install qpdf)");
                    Assert.Skip("qpdf is not installed (apt-get install qpdf)");
                    return;
                }
                Pub.Testing.Qpdf.AssertClean(name, result);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Every_compressed_stream_is_zlib_with_its_checksum()
    {
        var bytes = Paper.Value.Pdf;
        string raw = Encoding.Latin1.GetString(bytes);
        int streams = 0;
        foreach (Match m in FlateStream().Matches(raw))
        {
            int length = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var data = bytes.AsSpan(m.Index + m.Length, length);
            Assert.Equal(0x78, data[0]);
            using var zlib = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            zlib.CopyTo(inflated);
            Assert.Equal(Adler32(inflated.ToArray()), BinaryPrimitives.ReadUInt32BigEndian(data[^4..]));
            streams++;
        }
        Assert.True(streams > 10, $"only {streams} compressed streams found");
        Assert.DoesNotContain("Created with PDFsharp", raw, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<</Length (\d+)/Filter/FlateDecode[^\n]*>>\nstream\n")]
    private static partial Regex FlateStream();

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    [Fact]
    public void Xmp_claims_pdfa_2b_and_pdfua_1_and_agrees_with_info()
    {
        var bytes = Paper.Value.Pdf;
        string raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", raw, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", raw, StringComparison.Ordinal);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", raw, StringComparison.Ordinal);
        Assert.Contains("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>", raw, StringComparison.Ordinal);

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        var x = xmp.GetXDocument().ToString();
        Assert.Contains(">" + pdf.Information.Title + "<", x, StringComparison.Ordinal);
        Assert.Contains(">" + pdf.Information.Author + "<", x, StringComparison.Ordinal);
        Assert.Contains(">" + pdf.Information.Keywords + "<", x, StringComparison.Ordinal);
        Assert.Contains(">" + pdf.Information.Producer + "<", x, StringComparison.Ordinal);
        Assert.Contains("<xmp:CreateDate>2025-03-12T00:00:00Z</xmp:CreateDate>", x, StringComparison.Ordinal);
        Assert.Contains("/CreationDate(D:20250312000000Z)", raw, StringComparison.Ordinal);
        Assert.Matches("/ID\\s*\\[<[0-9A-F]{32}><[0-9A-F]{32}>\\]", raw);
    }

    [Fact]
    public void The_output_intent_carries_a_well_formed_srgb_profile()
    {
        string raw = Encoding.Latin1.GetString(Paper.Value.Pdf).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("/S/GTS_PDFA1", raw, StringComparison.Ordinal);
        Assert.Contains("/DestOutputProfile", raw, StringComparison.Ordinal);

        var icc = IccProfileBytes();
        Assert.Equal((uint)icc.Length, BinaryPrimitives.ReadUInt32BigEndian(icc));
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.Equal("mntr", Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("RGB XYZ ", Encoding.ASCII.GetString(icc, 16, 8));
        Assert.Equal(2, icc[8]);
        int count = (int)BinaryPrimitives.ReadUInt32BigEndian(icc.AsSpan(128));
        var tags = new HashSet<string>();
        for (int i = 0; i < count; i++)
        {
            int entry = 132 + 12 * i;
            tags.Add(Encoding.ASCII.GetString(icc, entry, 4));
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(icc.AsSpan(entry + 4));
            int size = (int)BinaryPrimitives.ReadUInt32BigEndian(icc.AsSpan(entry + 8));
            Assert.True(offset % 4 == 0 && offset + size <= icc.Length);
        }
        Assert.Superset(new HashSet<string> { "desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC" }, tags);
    }

    /// <summary>The profile as embedded: the one stream with /N 3.</summary>
    private static byte[] IccProfileBytes()
    {
        var bytes = Paper.Value.Pdf;
        var m = Regex.Match(Encoding.Latin1.GetString(bytes), @"<</Length (\d+)/Filter/FlateDecode/N 3>>\nstream\n");
        Assert.True(m.Success, "no ICC profile stream");
        var data = bytes.AsSpan(m.Index + m.Length, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
