using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Pub.Layout.Fonts;

/// <summary>
/// Pair kerning from the OpenType <c>GPOS</c> table: the lookups of every 'kern' feature, pair adjustment
/// subtables only (lookup type 2, also behind extension lookups, type 9). Format 1 lists pairs of glyphs; format
/// 2 gives a matrix of adjustments between classes of glyphs. Within one lookup the first subtable that covers
/// the left glyph decides (format 1 only if it lists the pair); the adjustments of several lookups add up. Only
/// the first glyph's x-advance adjustment is used: that is what kerning is in a horizontal Latin or Cyrillic text.
/// Answers are cached per pair, because text asks for the same few hundred pairs over and over.
/// </summary>
internal sealed class PairKerning
{
    private readonly List<List<Subtable>> _lookups;
    private readonly ConcurrentDictionary<uint, short> _cache = new();

    private PairKerning(List<List<Subtable>> lookups) => _lookups = lookups;

    public bool IsEmpty => _lookups.Count == 0;

    /// <summary>The adjustment in font units between two glyphs (negative: closer).</summary>
    public int Get(ushort left, ushort right)
    {
        uint key = ((uint)left << 16) | right;
        if (_cache.TryGetValue(key, out var value))
            return value;
        value = Compute(left, right);
        _cache.TryAdd(key, value);
        return value;
    }

    private short Compute(ushort left, ushort right)
    {
        int total = 0;
        foreach (var lookup in _lookups)
        {
            foreach (var subtable in lookup)
            {
                if (subtable.Adjust(left, right) is { } value)
                {
                    total += value;
                    break;
                }
            }
        }
        return (short)Math.Clamp(total, short.MinValue, short.MaxValue);
    }

    public static PairKerning Read(ReadOnlySpan<byte> font, int gpos)
    {
        var lookups = new List<List<Subtable>>();
        int featureList = gpos + U16(font, gpos + 6);
        int lookupList = gpos + U16(font, gpos + 8);
        var indices = new SortedSet<int>();
        int features = U16(font, featureList);
        for (int f = 0; f < features; f++)
        {
            int record = featureList + 2 + 6 * f;
            if (!FontBytes.Slice(font, record, 4).SequenceEqual("kern"u8))
                continue;
            int feature = featureList + U16(font, record + 4);
            int count = U16(font, feature + 2);
            for (int i = 0; i < count; i++)
                indices.Add(U16(font, feature + 4 + 2 * i));
        }
        int lookupCount = U16(font, lookupList);
        foreach (int index in indices)
        {
            if (index >= lookupCount)
                continue;
            int lookup = lookupList + U16(font, lookupList + 2 + 2 * index);
            int type = U16(font, lookup);
            int subtables = U16(font, lookup + 4);
            var list = new List<Subtable>();
            for (int s = 0; s < subtables; s++)
            {
                int at = lookup + U16(font, lookup + 6 + 2 * s);
                int subType = type;
                if (type == 9)
                {
                    subType = U16(font, at + 2);
                    at = FontBytes.Offset(font, (long)at + FontBytes.U32(font, at + 4));
                }
                if (subType != 2)
                    continue;
                int format = U16(font, at);
                if (format == 1)
                    list.Add(PairList.Read(font, at));
                else if (format == 2)
                    list.Add(ClassPairs.Read(font, at));
            }
            if (list.Count > 0)
                lookups.Add(list);
        }
        return new PairKerning(lookups);
    }

    private abstract class Subtable
    {
        /// <summary>The adjustment if this subtable applies to the pair, else null.</summary>
        public abstract int? Adjust(ushort left, ushort right);
    }

    /// <summary>Format 1: for each covered first glyph, the second glyphs it pairs with.</summary>
    private sealed class PairList(Dictionary<ushort, Dictionary<ushort, short>> pairs) : Subtable
    {
        public override int? Adjust(ushort left, ushort right) =>
            pairs.TryGetValue(left, out var seconds) && seconds.TryGetValue(right, out var value) ? value : null;

        public static PairList Read(ReadOnlySpan<byte> font, int at)
        {
            var coverage = Coverage(font, at + U16(font, at + 2));
            int format1 = U16(font, at + 4), format2 = U16(font, at + 6);
            int size1 = ValueSize(format1), size2 = ValueSize(format2);
            int sets = U16(font, at + 8);
            var pairs = new Dictionary<ushort, Dictionary<ushort, short>>();
            foreach (var (glyph, index) in coverage)
            {
                if (index >= sets)
                    continue;
                int set = at + U16(font, at + 10 + 2 * index);
                int count = U16(font, set);
                var seconds = new Dictionary<ushort, short>(count);
                for (int i = 0; i < count; i++)
                {
                    int record = set + 2 + i * (2 + size1 + size2);
                    seconds.TryAdd((ushort)U16(font, record), XAdvance(font, record + 2, format1));
                }
                pairs[glyph] = seconds;
            }
            return new PairList(pairs);
        }
    }

    /// <summary>Format 2: classes of first and second glyphs and an adjustment for each pair of classes.</summary>
    private sealed class ClassPairs(HashSet<ushort> covered, Dictionary<ushort, int> first, Dictionary<ushort, int> second, short[,] values) : Subtable
    {
        public override int? Adjust(ushort left, ushort right)
        {
            if (!covered.Contains(left))
                return null;
            int c1 = first.GetValueOrDefault(left), c2 = second.GetValueOrDefault(right);
            return c1 < values.GetLength(0) && c2 < values.GetLength(1) ? values[c1, c2] : 0;
        }

        public static ClassPairs Read(ReadOnlySpan<byte> font, int at)
        {
            var covered = Coverage(font, at + U16(font, at + 2)).Select(c => c.Glyph).ToHashSet();
            int format1 = U16(font, at + 4), format2 = U16(font, at + 6);
            int size1 = ValueSize(format1), size2 = ValueSize(format2);
            var first = ClassDef(font, at + U16(font, at + 8));
            var second = ClassDef(font, at + U16(font, at + 10));
            int count1 = U16(font, at + 12), count2 = U16(font, at + 14);
            // The class-pair records must be in the file before their table is allocated: 65,535² of them would not fit in memory.
            FontBytes.Slice(font, at + 16L, (long)count1 * count2 * (size1 + size2));
            if ((long)count1 * count2 > MaxClassPairs)
                throw FontBytes.Damaged($"{count1} × {count2} kerning classes");
            var values = new short[count1, count2];
            int record = at + 16;
            for (int c1 = 0; c1 < count1; c1++)
            {
                for (int c2 = 0; c2 < count2; c2++)
                {
                    values[c1, c2] = XAdvance(font, record, format1);
                    record += size1 + size2;
                }
            }
            return new ClassPairs(covered, first, second, values);
        }
    }

    /// <summary>More pairs of kerning classes than any font defines (a large CJK font has a few hundred thousand).</summary>
    private const long MaxClassPairs = 4_000_000;

    /// <summary>Glyph ranges in coverage and class tables; more than this many glyphs means overlapping ranges in a damaged file.</summary>
    private const long MaxRangeGlyphs = 4 * 0x10000;

    /// <summary>A value record holds one 16-bit field per bit set in its format.</summary>
    private static int ValueSize(int format) => 2 * System.Numerics.BitOperations.PopCount((uint)format & 0xFF);

    /// <summary>The x-advance field (bit 0x4) of a value record, after x- and y-placement when present.</summary>
    private static short XAdvance(ReadOnlySpan<byte> font, int record, int format)
    {
        if ((format & 0x4) == 0)
            return 0;
        int skip = System.Numerics.BitOperations.PopCount((uint)format & 0x3);
        return (short)I16(font, record + 2 * skip);
    }

    private static List<(ushort Glyph, int Index)> Coverage(ReadOnlySpan<byte> font, int at)
    {
        var glyphs = new List<(ushort, int)>();
        int format = U16(font, at), count = U16(font, at + 2);
        if (format == 1)
        {
            for (int i = 0; i < count; i++)
                glyphs.Add(((ushort)U16(font, at + 4 + 2 * i), i));
        }
        else if (format == 2)
        {
            long total = 0;
            for (int r = 0; r < count; r++)
            {
                int record = at + 4 + 6 * r;
                int start = U16(font, record), end = U16(font, record + 2), index = U16(font, record + 4);
                total += Math.Max(0, end - start + 1);
                if (total > MaxRangeGlyphs)
                    throw FontBytes.Damaged("a coverage table's ranges overlap");
                for (int g = start; g <= end; g++)
                    glyphs.Add(((ushort)g, index + g - start));
            }
        }
        return glyphs;
    }

    private static Dictionary<ushort, int> ClassDef(ReadOnlySpan<byte> font, int at)
    {
        var classes = new Dictionary<ushort, int>();
        int format = U16(font, at);
        if (format == 1)
        {
            int start = U16(font, at + 2), count = U16(font, at + 4);
            for (int i = 0; i < count; i++)
                classes[(ushort)(start + i)] = U16(font, at + 6 + 2 * i);
        }
        else if (format == 2)
        {
            int count = U16(font, at + 2);
            long total = 0;
            for (int r = 0; r < count; r++)
            {
                int record = at + 4 + 6 * r;
                int start = U16(font, record), end = U16(font, record + 2), value = U16(font, record + 4);
                total += Math.Max(0, end - start + 1);
                if (total > MaxRangeGlyphs)
                    throw FontBytes.Damaged("a class table's ranges overlap");
                for (int g = start; g <= end; g++)
                    classes[(ushort)g] = value;
            }
        }
        return classes;
    }

    private static int U16(ReadOnlySpan<byte> span, int at) => FontBytes.U16(span, at);

    private static int I16(ReadOnlySpan<byte> span, int at) => FontBytes.I16(span, at);
}
