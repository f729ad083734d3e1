using System.Buffers.Binary;

namespace Pub.Layout.Images;

public enum ImageFormat
{
    Png,
    Jpeg,
}

/// <summary>Pixel size and resolution read from a PNG or JPEG header; no pixel data is decoded.</summary>
public sealed record ImageHeader(ImageFormat Format, int PixelWidth, int PixelHeight, double DpiX, double DpiY)
{
    /// <summary>Resolution assumed when the file does not state one.</summary>
    public const double DefaultDpi = 96;

    public double WidthPoints => PixelWidth * 72.0 / DpiX;

    public double HeightPoints => PixelHeight * 72.0 / DpiY;

    /// <summary>Reads the header, or returns null when the bytes are not a PNG or JPEG we can size.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data)
    {
        try
        {
            if (data.Length > 24 && data[..8].SequenceEqual(PngSignature))
                return ReadPng(data);
            if (data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8)
                return ReadJpeg(data);
        }
        catch (ArgumentOutOfRangeException)
        {
            // a truncated file: fall through to "cannot read"
        }
        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageHeader? ReadPng(ReadOnlySpan<byte> data)
    {
        int width = 0, height = 0;
        double dpiX = DefaultDpi, dpiY = DefaultDpi;
        int at = 8;
        while (at + 8 <= data.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            var type = data.Slice(at + 4, 4);
            var body = data.Slice(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
            }
            else if (type.SequenceEqual("pHYs"u8) && body[8] == 1)
            {
                // pixels per metre
                dpiX = BinaryPrimitives.ReadUInt32BigEndian(body) * 0.0254;
                dpiY = BinaryPrimitives.ReadUInt32BigEndian(body[4..]) * 0.0254;
            }
            else if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
                break;
            at += 12 + length;
        }
        return width > 0 && height > 0 ? new ImageHeader(ImageFormat.Png, width, height, Sane(dpiX), Sane(dpiY)) : null;
    }

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> data)
    {
        double dpiX = DefaultDpi, dpiY = DefaultDpi;
        int at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
                return null;
            byte marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            var body = data.Slice(at + 4, length - 2);
            if (marker == 0xE0 && body.Length >= 12 && body[..5].SequenceEqual("JFIF\0"u8))
            {
                int units = body[7];
                double x = BinaryPrimitives.ReadUInt16BigEndian(body[8..]), y = BinaryPrimitives.ReadUInt16BigEndian(body[10..]);
                if (units == 1)
                    (dpiX, dpiY) = (x, y);
                else if (units == 2)
                    (dpiX, dpiY) = (x * 2.54, y * 2.54);
            }
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                int height = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(body[3..]);
                return width > 0 && height > 0 ? new ImageHeader(ImageFormat.Jpeg, width, height, Sane(dpiX), Sane(dpiY)) : null;
            }
            at += 2 + length;
        }
        return null;
    }

    private static double Sane(double dpi) => dpi is >= 10 and <= 10000 ? dpi : DefaultDpi;
}
