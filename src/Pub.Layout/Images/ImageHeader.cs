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

    /// <summary>Reads the header, or returns null when the bytes are not a PNG or JPEG we can size. Every length
    /// in the file is checked against the bytes there are, so a damaged or cut-short file is null, not an exception.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length > 24 && data[..8].SequenceEqual(PngSignature))
            return ReadPng(data);
        if (data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8)
            return ReadJpeg(data);
        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Chunks follow the signature: length, type, body, CRC. The size is in IHDR; the resolution, when
    /// stated, in pHYs before the first IDAT. A chunk that runs past the end of the file ends the search.</summary>
    private static ImageHeader? ReadPng(ReadOnlySpan<byte> data)
    {
        long width = 0, height = 0;
        double dpiX = DefaultDpi, dpiY = DefaultDpi;
        int at = 8;
        while (at + 8 <= data.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            if (length > data.Length - at - 8)
                break;
            var type = data.Slice(at + 4, 4);
            var body = data.Slice(at + 8, (int)length);
            if (type.SequenceEqual("IHDR"u8) && body.Length >= 8)
            {
                width = BinaryPrimitives.ReadUInt32BigEndian(body);
                height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
            }
            else if (type.SequenceEqual("pHYs"u8) && body.Length >= 9 && body[8] == 1)
            {
                // pixels per metre
                dpiX = BinaryPrimitives.ReadUInt32BigEndian(body) * 0.0254;
                dpiY = BinaryPrimitives.ReadUInt32BigEndian(body[4..]) * 0.0254;
            }
            else if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
                break;
            at += 12 + (int)length;
        }
        // PNG allows sizes up to 2^31 - 1; anything else is damage.
        return width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue
            ? new ImageHeader(ImageFormat.Png, (int)width, (int)height, Sane(dpiX), Sane(dpiY))
            : null;
    }

    /// <summary>Segments follow SOI: a marker (0xFF, code), then, except for the standalone markers, a length
    /// that counts itself. The size is in the frame header (SOF); the resolution, when stated, in JFIF (APP0).</summary>
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
            // TEM and RSTn stand alone; SOI again or EOI before a frame header means there is no image to size.
            if (marker is 0x01 or >= 0xD0 and <= 0xD7)
            {
                at += 2;
                continue;
            }
            if (marker is 0xD8 or 0xD9)
                return null;
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (length < 2 || at + 2 + length > data.Length)
                return null;
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
                if (body.Length < 5)
                    return null;
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
