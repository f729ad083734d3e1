namespace Pub.Layout.Fonts;

/// <summary>
/// One TrueType face and the metrics layout needs from it, in font units. Advance widths are looked up
/// once per glyph from <c>hmtx</c>; widths of text add up glyph by glyph because the PDF writer does not
/// shape or kern, so what is measured here is exactly what is drawn.
/// </summary>
public sealed class FontFace
{
    private readonly Dictionary<int, ushort> _cmap;
    private readonly ushort[] _advances;
    private readonly Dictionary<uint, short> _kerning;

    internal FontFace(string id, string family, string subfamily, bool bold, bool italic, byte[] data,
        int unitsPerEm, int ascent, int descent, int lineGap, int capHeight, int xHeight,
        Dictionary<int, ushort> cmap, ushort[] advances, Dictionary<uint, short> kerning)
    {
        Id = id;
        Family = family;
        Subfamily = subfamily;
        Bold = bold;
        Italic = italic;
        Data = data;
        UnitsPerEm = unitsPerEm;
        Ascent = ascent;
        Descent = descent;
        LineGap = lineGap;
        CapHeight = capHeight;
        XHeight = xHeight;
        _cmap = cmap;
        _advances = advances;
        _kerning = kerning;
    }

    /// <summary>The PostScript name from the <c>name</c> table: unique per face and safe as a PDF name.</summary>
    public string Id { get; }
    public string Family { get; }
    public string Subfamily { get; }
    public bool Bold { get; }
    public bool Italic { get; }
    public byte[] Data { get; }
    public int UnitsPerEm { get; }
    public int Ascent { get; }
    /// <summary>Negative: below the baseline, as stored in <c>hhea</c>.</summary>
    public int Descent { get; }
    public int LineGap { get; }
    public int CapHeight { get; }
    public int XHeight { get; }
    public int GlyphCount => _advances.Length;
    public bool HasKerning => _kerning.Count > 0;

    public bool HasGlyph(int codePoint) => _cmap.ContainsKey(codePoint);

    /// <summary>Glyph index for a code point; 0 (.notdef) when the face lacks it.</summary>
    public ushort GlyphId(int codePoint) => _cmap.GetValueOrDefault(codePoint);

    /// <summary>Advance width in font units; the .notdef advance for an unmapped code point.</summary>
    public int Advance(int codePoint) => _advances[GlyphId(codePoint)];

    /// <summary>Pair adjustment in font units from the <c>kern</c> table (0 when absent). Not applied by layout
    /// yet: the PDF writer positions whole runs and cannot reproduce per-pair offsets.</summary>
    public int Kerning(int left, int right) =>
        _kerning.GetValueOrDefault(((uint)GlyphId(left) << 16) | GlyphId(right));

    /// <summary>Width of text at a size in points; every code point must be mapped or is measured as .notdef.</summary>
    public double Measure(string text, double size)
    {
        long units = 0;
        foreach (char c in text)
        {
            if (c >= CachedChars || char.IsSurrogate(c))
                return MeasureRunes(text, size);
            int advance = _charAdvances[c];
            if (advance < 0)
                _charAdvances[c] = advance = Advance(c);
            units += advance;
        }
        return units * size / UnitsPerEm;
    }

    private double MeasureRunes(string text, double size)
    {
        long units = 0;
        foreach (var rune in text.EnumerateRunes())
            units += Advance(rune.Value);
        return units * size / UnitsPerEm;
    }

    /// <summary>Advances of the characters below U+0600 (Latin, Greek, Cyrillic and their punctuation), looked up
    /// once each: measuring is the typesetter's innermost loop. −1 until looked up; races only repeat a lookup.</summary>
    private readonly int[] _charAdvances = Enumerable.Repeat(-1, CachedChars).ToArray();

    private const int CachedChars = 0x600;

    public override string ToString() => Id;
}
