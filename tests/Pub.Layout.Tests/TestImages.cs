using System.Buffers.Binary;
using System.IO.Compression;

namespace Pub.Layout.Tests;

/// <summary>Small PNG files made in code: a bar chart on white, with a stated resolution.</summary>
internal static class TestImages
{
    public static byte[] BarChart(int width, int height, int dpi = 150)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (int y = 0; y < height; y++)
        {
            int row = y * (1 + width * 3);
            raw[row] = 0; // filter: none
            for (int x = 0; x < width; x++)
            {
                int bar = x * 6 / width;
                bool inBar = x % (width / 6) > width / 30 && height - y < (bar + 1) * height / 7;
                var (r, g, b) = inBar ? ((byte)0x1F, (byte)(0x3A + bar * 20), (byte)0x6E) : ((byte)255, (byte)255, (byte)255);
                raw[row + 1 + 3 * x] = r;
                raw[row + 2 + 3 * x] = g;
                raw[row + 3 + 3 * x] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        var phys = new byte[9];
        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        BinaryPrimitives.WriteUInt32BigEndian(phys, perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), perMetre);
        phys[8] = 1;
        Chunk(png, "pHYs", phys);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw);
            Chunk(png, "IDAT", z.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        stream.Write(header);
        stream.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4).ToArray(), .. data]));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
