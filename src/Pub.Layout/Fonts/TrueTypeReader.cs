using System.Buffers.Binary;
using System.Text;

namespace Pub.Layout.Fonts;

/// <summary>
/// Reads the few TrueType tables layout needs: names, vertical metrics, the character map, advance widths,
/// pair kerning from GPOS (<see cref="PairKerning"/>) and the classic <c>kern</c> table. Everything is big-endian; offsets come from the table directory.
/// Malformed data throws <see cref="InvalidDataException"/> (every read is bounds-checked by <see cref="FontBytes"/>,
/// and every count that drives a loop is checked against what the file can hold); <see cref="FontSet"/> reports it.
/// </summary>
internal static class TrueTypeReader
{
    public static FontFace Read(string fileName, byte[] data)
    {
        var tables = ReadDirectory(data);
        var head = Table(tables, "head", fileName);
        var hhea = Table(tables, "hhea", fileName);
        var maxp = Table(tables, "maxp", fileName);
        var hmtx = Table(tables, "hmtx", fileName);
        var cmap = Table(tables, "cmap", fileName);
        var name = Table(tables, "name", fileName);

        var span = data.AsSpan();
        int unitsPerEm = U16(span, head.Offset + 18);
        int macStyle = U16(span, head.Offset + 44);
        int ascent = I16(span, hhea.Offset + 4);
        int descent = I16(span, hhea.Offset + 6);
        int lineGap = I16(span, hhea.Offset + 8);
        int numberOfHMetrics = U16(span, hhea.Offset + 34);
        int numGlyphs = U16(span, maxp.Offset + 4);
        // Every length layout computes is divided by the em; every unmapped character takes glyph 0's advance.
        if (unitsPerEm is < 16 or > 16384)
            throw FontBytes.Damaged($"{unitsPerEm} units per em (TrueType allows 16 to 16384)");
        if (numGlyphs == 0)
            throw FontBytes.Damaged("the font has no glyphs");

        var advances = new ushort[numGlyphs];
        ushort last = 0;
        for (int g = 0; g < numGlyphs; g++)
        {
            if (g < numberOfHMetrics)
                last = (ushort)U16(span, hmtx.Offset + 4 * g);
            advances[g] = last;
        }

        var names = ReadNames(span, name.Offset);
        string family = names.GetValueOrDefault(16) ?? names.GetValueOrDefault(1) ?? Path.GetFileNameWithoutExtension(fileName);
        string subfamily = names.GetValueOrDefault(17) ?? names.GetValueOrDefault(2) ?? "Regular";
        string postScript = names.GetValueOrDefault(6) ?? (family + "-" + subfamily).Replace(" ", "", StringComparison.Ordinal);

        bool bold = (macStyle & 1) != 0 || subfamily.Contains("Bold", StringComparison.OrdinalIgnoreCase);
        bool italic = (macStyle & 2) != 0 || subfamily.Contains("Italic", StringComparison.OrdinalIgnoreCase);
        int capHeight = (int)(unitsPerEm * 0.66), xHeight = (int)(unitsPerEm * 0.45);
        if (tables.TryGetValue("OS/2", out var os2))
        {
            int version = U16(span, os2.Offset);
            int fsSelection = U16(span, os2.Offset + 62);
            italic |= (fsSelection & 1) != 0;
            bold |= (fsSelection & 0x20) != 0;
            if (version >= 2 && os2.Length >= 90)
            {
                xHeight = I16(span, os2.Offset + 86);
                capHeight = I16(span, os2.Offset + 88);
            }
        }

        var cmapping = ReadCmap(span, cmap.Offset, fileName);
        // A code point mapped past the last glyph would have no advance width.
        foreach (var (codePoint, glyph) in cmapping)
        {
            if (glyph >= numGlyphs)
                cmapping.Remove(codePoint);
        }
        var kerning = tables.TryGetValue("kern", out var kern) ? ReadKern(span, kern.Offset) : [];
        var pairs = tables.TryGetValue("GPOS", out var gpos) ? PairKerning.Read(span, gpos.Offset) : null;

        return new FontFace(postScript, family, subfamily, bold, italic, data, unitsPerEm,
            ascent, descent, lineGap, capHeight, xHeight, cmapping, advances, kerning, pairs);
    }

    private readonly record struct TableRecord(int Offset, int Length);

    private static Dictionary<string, TableRecord> ReadDirectory(byte[] data)
    {
        var span = data.AsSpan();
        if (data.Length < 12)
            throw new InvalidDataException("not a TrueType font: file too short");
        uint version = BinaryPrimitives.ReadUInt32BigEndian(span);
        if (version != 0x00010000 && version != 0x74727565 /* 'true' */)
            throw new InvalidDataException("not a TrueType font with glyf outlines");
        int count = U16(span, 4);
        var tables = new Dictionary<string, TableRecord>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            int at = 12 + 16 * i;
            string tag = Encoding.ASCII.GetString(FontBytes.Slice(span, at, 4));
            long offset = BinaryPrimitives.ReadUInt32BigEndian(FontBytes.Slice(span, at + 8, 4));
            long length = BinaryPrimitives.ReadUInt32BigEndian(FontBytes.Slice(span, at + 12, 4));
            if (offset + length > data.Length)
                throw new InvalidDataException($"table '{tag}' lies outside the file");
            tables[tag] = new TableRecord((int)offset, (int)length);
        }
        return tables;
    }

    private static TableRecord Table(Dictionary<string, TableRecord> tables, string tag, string fileName) =>
        tables.TryGetValue(tag, out var t) ? t : throw new InvalidDataException($"{fileName}: no '{tag}' table");

    private static Dictionary<int, string> ReadNames(ReadOnlySpan<byte> span, int at)
    {
        int count = U16(span, at + 2);
        int strings = at + U16(span, at + 4);
        var windows = new Dictionary<int, string>();
        var mac = new Dictionary<int, string>();
        for (int i = 0; i < count; i++)
        {
            int r = at + 6 + 12 * i;
            int platform = U16(span, r), encoding = U16(span, r + 2), language = U16(span, r + 4);
            int id = U16(span, r + 6), length = U16(span, r + 8), offset = U16(span, r + 10);
            var bytes = FontBytes.Slice(span, (long)strings + offset, length);
            if (platform == 3 && (encoding == 1 || encoding == 10) && language == 0x409)
                windows.TryAdd(id, Encoding.BigEndianUnicode.GetString(bytes));
            else if (platform == 1 && encoding == 0 && language == 0)
                mac.TryAdd(id, Encoding.Latin1.GetString(bytes));
        }
        foreach (var (id, value) in mac)
            windows.TryAdd(id, value);
        return windows;
    }

    /// <summary>Picks the fullest Unicode subtable: format 12 (all planes) before format 4 (BMP only).</summary>
    private static Dictionary<int, ushort> ReadCmap(ReadOnlySpan<byte> span, int at, string fileName)
    {
        int count = U16(span, at + 2);
        int best = -1, bestRank = 0;
        for (int i = 0; i < count; i++)
        {
            int r = at + 4 + 8 * i;
            int platform = U16(span, r), encoding = U16(span, r + 2);
            int sub = FontBytes.Offset(span, (long)at + FontBytes.U32(span, r + 4));
            int format = U16(span, sub);
            bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            int rank = !unicode ? 0 : format == 12 ? 2 : format == 4 ? 1 : 0;
            if (rank > bestRank)
            {
                best = sub;
                bestRank = rank;
            }
        }
        if (best < 0)
            throw new InvalidDataException($"{fileName}: no Unicode cmap subtable of format 4 or 12");
        return bestRank == 2 ? ReadFormat12(span, best) : ReadFormat4(span, best);
    }

    private static Dictionary<int, ushort> ReadFormat4(ReadOnlySpan<byte> span, int at)
    {
        var map = new Dictionary<int, ushort>();
        int segCount = U16(span, at + 6) / 2;
        int ends = at + 14, starts = ends + 2 * segCount + 2, deltas = starts + 2 * segCount, rangeOffsets = deltas + 2 * segCount;
        // Segments do not overlap in a sound font, so together they cover at most the 65,536 code points of the BMP.
        long covered = 0;
        for (int s = 0; s < segCount; s++)
        {
            int end = U16(span, ends + 2 * s), start = U16(span, starts + 2 * s);
            covered += Math.Max(0, end - start + 1);
            if (covered > 0x10000)
                throw FontBytes.Damaged("the character map's segments overlap");
            int delta = I16(span, deltas + 2 * s);
            int rangeAt = rangeOffsets + 2 * s;
            int rangeOffset = U16(span, rangeAt);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                    glyph = (c + delta) & 0xFFFF;
                else
                {
                    // idRangeOffset is relative to its own position in the file (the spec's pointer trick).
                    glyph = U16(span, rangeAt + rangeOffset + 2 * (c - start));
                    if (glyph != 0)
                        glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0)
                    map[c] = (ushort)glyph;
            }
        }
        return map;
    }

    private static Dictionary<int, ushort> ReadFormat12(ReadOnlySpan<byte> span, int at)
    {
        var map = new Dictionary<int, ushort>();
        int groups = FontBytes.U32(span, at + 12);
        // The groups must fit in the file, and, not overlapping, cover at most every code point once.
        FontBytes.Slice(span, at + 16L, 12L * groups);
        long covered = 0;
        for (int g = 0; g < groups; g++)
        {
            int r = at + 16 + 12 * g;
            uint start = (uint)FontBytes.U32(span, r);
            uint end = Math.Min((uint)FontBytes.U32(span, r + 4), 0x10FFFF);
            uint glyph = (uint)FontBytes.U32(span, r + 8);
            covered += Math.Max(0L, (long)end - start + 1);
            if (covered > 0x110000)
                throw FontBytes.Damaged("the character map's groups overlap");
            for (uint c = start; c <= end; c++)
                map[(int)c] = (ushort)(glyph + (c - start));
        }
        return map;
    }

    private static Dictionary<uint, short> ReadKern(ReadOnlySpan<byte> span, int at)
    {
        var pairs = new Dictionary<uint, short>();
        int version = U16(span, at);
        if (version != 0)
            return pairs; // the Apple 'kern' variant; rare in the fonts we ship
        int tables = U16(span, at + 2);
        int sub = at + 4;
        for (int t = 0; t < tables; t++)
        {
            int length = U16(span, sub + 2), coverage = U16(span, sub + 4);
            bool horizontal = (coverage & 1) != 0;
            if (coverage >> 8 == 0 && horizontal)
            {
                int n = U16(span, sub + 6);
                for (int i = 0; i < n; i++)
                {
                    int p = sub + 14 + 6 * i;
                    pairs[((uint)U16(span, p) << 16) | (uint)U16(span, p + 2)] = (short)I16(span, p + 4);
                }
            }
            sub += length;
        }
        return pairs;
    }

    private static int U16(ReadOnlySpan<byte> span, int at) => FontBytes.U16(span, at);

    private static int I16(ReadOnlySpan<byte> span, int at) => FontBytes.I16(span, at);
}
