using System.Buffers.Binary;
using System.IO.Compression;

namespace Pub.Acceptance;

/// <summary>
/// Just enough of a PNG decoder to look at Chromium's screenshots: 8-bit RGB or RGBA, not interlaced.
/// The image data is the zlib stream of all IDAT chunks; each scanline starts with a filter byte that
/// says how its bytes were predicted from the pixel to the left (a), above (b) and above-left (c).
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    /// <summary>Unfiltered samples, row by row, <see cref="Channels"/> bytes per pixel.</summary>
    public byte[] Pixels { get; }

    public static PngImage Read(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }
        int width = 0, height = 0, channels = 0;
        using var data = new MemoryStream();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    var (depth, colour, interlace) = (body[8], body[9], body[12]);
                    if (depth != 8 || interlace != 0 || colour is not (2 or 6))
                    {
                        throw new InvalidDataException($"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}");
                    }
                    channels = colour == 6 ? 4 : 3;
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
                default:
                    break;
            }
            at += 12 + length;
        }
        data.Position = 0;
        using var inflate = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return new PngImage(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? row[x - channels] : 0, b = above[x], c = x >= channels ? above[x - channels] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter type {filter}"),
                };
                row[x] = (byte)(source[x] + predicted);
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The number of different RGB colours, counting at most <paramref name="limit"/>.</summary>
    public int CountColours(int limit = 1000)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i + 2 < Pixels.Length && seen.Count < limit; i += Channels)
        {
            seen.Add(Pixels[i] << 16 | Pixels[i + 1] << 8 | Pixels[i + 2]);
        }
        return seen.Count;
    }
}
