namespace Pub.Layout.Fonts;

/// <summary>
/// One TrueType face and the metrics layout needs from it, in font units. Advance widths are looked up
/// once per glyph from <c>hmtx</c>; the width of a text is the sum of its advances plus the pair kerning
/// between neighbours (GPOS, else the legacy <c>kern</c> table). The PDF writer does not shape or kern, so
/// layout tells it where kerning moves the text (<see cref="Kerns"/>) and what is measured is what is drawn.
/// </summary>
public sealed class FontFace
{
    private readonly Dictionary<int, ushort> _cmap;
    private readonly ushort[] _advances;
    private readonly Dictionary<uint, short> _kerning;
    private readonly PairKerning? _pairs;

    internal FontFace(string id, string family, string subfamily, bool bold, bool italic, byte[] data,
        int unitsPerEm, int ascent, int descent, int lineGap, int capHeight, int xHeight,
        Dictionary<int, ushort> cmap, ushort[] advances, Dictionary<uint, short> kerning, PairKerning? pairs = null)
    {
        _pairs = pairs is { IsEmpty: false } ? pairs : null;
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
    public bool HasKerning => _pairs is not null || _kerning.Count > 0;

    public bool HasGlyph(int codePoint) => codePoint is >= 0 and < CachedChars && CharGlyph((char)codePoint) > 0 || _cmap.ContainsKey(codePoint);

    /// <summary>Glyph index for a code point; 0 (.notdef) when the face lacks it.</summary>
    public ushort GlyphId(int codePoint) => codePoint is >= 0 and < CachedChars ? (ushort)CharGlyph((char)codePoint) : _cmap.GetValueOrDefault(codePoint);

    /// <summary>Advance width of a glyph in font units.</summary>
    public int GlyphAdvance(int glyph) => _advances[glyph];

    /// <summary>Advance width in font units; the .notdef advance for an unmapped code point.</summary>
    public int Advance(int codePoint) => _advances[GlyphId(codePoint)];

    /// <summary>Pair adjustment in font units between two code points (negative: closer; 0 when the face has none):
    /// from GPOS when the face has a 'kern' feature there, else from the legacy <c>kern</c> table.</summary>
    public int Kerning(int left, int right) => GlyphKerning(GlyphId(left), GlyphId(right));

    private int GlyphKerning(ushort a, ushort b)
    {
        if (a == 0 || b == 0)
            return 0;
        if (_pairs is not null)
            return _pairs.Get(a, b);
        return _kerning.Count == 0 ? 0 : _kerning.GetValueOrDefault(((uint)a << 16) | b);
    }

    /// <summary>Width of text at a size in points, kerning included; every code point must be mapped or is
    /// measured as .notdef.</summary>
    public double Measure(string text, double size)
    {
        long units = 0;
        int previous = -1;
        foreach (char c in text)
        {
            if (c >= CachedChars || char.IsSurrogate(c))
                return MeasureRunes(text, size);
            int glyph = CharGlyph(c);
            if (previous >= 0)
                units += GlyphKerning((ushort)previous, (ushort)glyph);
            units += _advances[glyph];
            previous = glyph;
        }
        return units * size / UnitsPerEm;
    }

    private double MeasureRunes(string text, double size)
    {
        long units = 0;
        int previous = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            ushort glyph = GlyphId(rune.Value);
            if (previous >= 0)
                units += GlyphKerning((ushort)previous, glyph);
            units += _advances[glyph];
            previous = glyph;
        }
        return units * size / UnitsPerEm;
    }

    /// <summary>Glyphs of the characters below U+0600 (Latin, Greek, Cyrillic and their punctuation), looked up
    /// once each: measuring is the typesetter's innermost loop. −1 until looked up; races only repeat a lookup.</summary>
    private readonly int[] _charGlyphs = Enumerable.Repeat(-1, CachedChars).ToArray();

    private const int CachedChars = 0x600;

    private int CharGlyph(char c)
    {
        int glyph = _charGlyphs[c];
        if (glyph < 0)
            _charGlyphs[c] = glyph = _cmap.GetValueOrDefault(c);
        return glyph;
    }

    /// <summary>Where kerning moves a text at a size: for each kerned pair, the index of the right character and
    /// where it starts, from the start of the text, in points. Empty when nothing is kerned.</summary>
    public IReadOnlyList<Paged.KernAt> Kerns(string text, double size)
    {
        if (!HasKerning)
            return [];
        List<Paged.KernAt>? kerns = null;
        long units = 0;
        int previous = -1, index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            ushort glyph = GlyphId(rune.Value);
            if (previous >= 0 && GlyphKerning((ushort)previous, glyph) is var kern && kern != 0)
            {
                units += kern;
                (kerns ??= []).Add(new Paged.KernAt(index, units * size / UnitsPerEm));
            }
            units += _advances[glyph];
            previous = glyph;
            index += rune.Utf16SequenceLength;
        }
        return kerns ?? (IReadOnlyList<Paged.KernAt>)[];
    }

    public override string ToString() => Id;
}
