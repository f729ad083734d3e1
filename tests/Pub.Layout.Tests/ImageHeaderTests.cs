using Pub.Layout.Images;

namespace Pub.Layout.Tests;

public sealed class ImageHeaderTests
{
    [Fact]
    public void Png_size_and_resolution_are_read_from_IHDR_and_pHYs()
    {
        var header = ImageHeader.Read(TestImages.BarChart(120, 60, dpi: 150));
        Assert.NotNull(header);
        Assert.Equal(ImageFormat.Png, header.Format);
        Assert.Equal((120, 60), (header.PixelWidth, header.PixelHeight));
        Assert.Equal(150, header.DpiX, 0);
        Assert.Equal(120 * 72.0 / header.DpiX, header.WidthPoints, 6);
    }

    [Fact]
    public void Jpeg_size_comes_from_the_frame_header_and_resolution_from_JFIF()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 1, 0x01, 0x2C, 0x01, 0x2C, 0, 0,
            0xFF, 0xC0, 0x00, 0x11, 8, 0x00, 0xC8, 0x01, 0x90, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
            0xFF, 0xD9,
        ];
        var header = ImageHeader.Read(jpeg);
        Assert.NotNull(header);
        Assert.Equal((400, 200), (header.PixelWidth, header.PixelHeight));
        Assert.Equal(300, header.DpiX);
    }

    [Fact]
    public void Other_bytes_are_not_an_image()
    {
        Assert.Null(ImageHeader.Read("GIF89a......"u8));
        Assert.Null(ImageHeader.Read([0x89, 0x50, 0x4E, 0x47]));
    }

    private static byte[] Jpeg(params byte[] segments) => [0xFF, 0xD8, .. segments, 0xFF, 0xD9];

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xE0, 0x00, 0x00 })]               // a segment length of 0, below its own two bytes
    [InlineData(new byte[] { 0xFF, 0xE0, 0x00, 0x01 })]               // … and of 1
    [InlineData(new byte[] { 0xFF, 0xE0, 0xFF, 0xFF, 1, 2 })]         // a segment running past the end
    [InlineData(new byte[] { 0xFF, 0xC0, 0x00, 0x04, 8, 0 })]         // a frame header too short to hold a size
    [InlineData(new byte[] { 0x00, 0xC0, 0x00, 0x11 })]               // no marker where one must be
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xC0 })]               // SOI again before any frame header
    public void Jpeg_with_bad_markers_or_lengths_is_not_an_image(byte[] segments) =>
        Assert.Null(ImageHeader.Read(Jpeg(segments)));

    [Fact]
    public void Jpeg_restart_markers_before_the_frame_header_stand_alone()
    {
        var header = ImageHeader.Read(Jpeg(0xFF, 0xD0, 0xFF, 0x01, 0xFF, 0xC0, 0x00, 0x0B, 8, 0x00, 0x10, 0x00, 0x20, 1, 1, 0x11, 0));
        Assert.Equal((32, 16), (header!.PixelWidth, header.PixelHeight));
    }

    [Fact]
    public void Png_declaring_100000_by_100000_pixels_is_read_as_declared()
    {
        var png = TestImages.BarChart(10, 10);
        // IHDR's width and height, bytes 16..23
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);

        var header = ImageHeader.Read(png);

        Assert.Equal((100_000, 100_000), (header!.PixelWidth, header.PixelHeight));
        Assert.True(double.IsFinite(header.WidthPoints));
    }

    [Theory]
    [InlineData(0x8000_0000u)]
    [InlineData(0xFFFF_FFFFu)]
    public void Png_with_a_size_past_what_PNG_allows_is_not_an_image(uint width)
    {
        var png = TestImages.BarChart(10, 10);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        Assert.Null(ImageHeader.Read(png));
    }

    [Fact]
    public void Png_whose_first_chunk_runs_past_the_end_is_not_an_image()
    {
        var png = TestImages.BarChart(10, 10);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 0xFFFF_FFF0);
        Assert.Null(ImageHeader.Read(png));
    }

    [Fact]
    public void Png_with_a_pHYs_chunk_too_short_for_its_unit_is_sized_at_the_default_resolution()
    {
        // Found by fuzzing: the unit byte was read past the end of an 8-byte pHYs body (IndexOutOfRangeException).
        byte[] png =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 40, 0, 0, 0, 20, 8, 2, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 8, (byte)'p', (byte)'H', (byte)'Y', (byte)'s', 0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 0, 0, 0, 0,
        ];

        var header = ImageHeader.Read(png);

        Assert.Equal((40, 20, ImageHeader.DefaultDpi), (header!.PixelWidth, header.PixelHeight, header.DpiX));
    }
}
