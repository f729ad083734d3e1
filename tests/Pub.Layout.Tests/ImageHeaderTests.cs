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
}
