using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// The faces of a document's page content. Pages name a face "/F" and its number in the order faces are first
/// used; the characters each face shows are collected while pages are written. Once all pages are written, PDFsharp
/// draws every face's characters once, on a scratch page: that makes the face a font of the document (a Type 0 font,
/// Identity-H, embedded as a subset of exactly those glyphs, with their widths and a ToUnicode map), which the pages'
/// resources then refer to. The glyph ids PDFsharp wrote there are checked against the ones the pages were written
/// with, so that a page never shows a glyph the font does not carry.
/// </summary>
internal sealed class EmbeddedFaces(PdfDocument pdf, PagedDocument document, Func<string, XFont> font)
{
    private sealed record Face(string Name, FontFace Layout, CharacterSet Used);

    private readonly Dictionary<string, Face> _faces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FontFace> _layout = document.Faces.ToDictionary(
        f => f.Id, f => f.Face ?? throw new InvalidOperationException($"face '{f.Id}' comes without its metrics"), StringComparer.Ordinal);
    private readonly List<(PdfPage Page, List<Face> Faces)> _pages = [];

    /// <summary>Where a page's content shows text: the face, its resource name and the set its characters go into.</summary>
    public (string Name, FontFace Face, CharacterSet Used) Use(PdfPage page, string id)
    {
        if (!_faces.TryGetValue(id, out var face))
        {
            if (!_layout.TryGetValue(id, out var layout))
                throw new InvalidOperationException($"text run uses face '{id}' that the paged document does not carry");
            _faces[id] = face = new Face(string.Create(CultureInfo.InvariantCulture, $"/F{_faces.Count}"), layout, new CharacterSet());
        }
        if (_pages.Count == 0 || _pages[^1].Page != page)
            _pages.Add((page, []));
        var faces = _pages[^1].Faces;
        if (!faces.Contains(face))
            faces.Add(face);
        return (face.Name, face.Layout, face.Used);
    }

    /// <summary>Makes each used face a font of the document and names the fonts in the resources of the pages that
    /// show them.</summary>
    public void Embed()
    {
        var fonts = new Dictionary<Face, PdfObject>();
        foreach (var (id, face) in _faces)
        {
            var codePoints = face.Used.Ordered();
            var text = new StringBuilder(codePoints.Length + 8);
            foreach (int codePoint in codePoints)
                text.Append(char.ConvertFromUtf32(codePoint));
            var xfont = font(id);
            var (resource, content) = ScratchPage.Draw(pdf, "/Font", gfx => gfx.DrawString(text.ToString(), xfont, XBrushes.Black, 0, 0, XStringFormats.BaseLineLeft));
            if (resource is not PdfFont)
                throw new InvalidOperationException($"face '{id}' did not become a font");
            Check(id, face.Layout, codePoints, content);
            fonts[face] = resource;
        }
        foreach (var (page, faces) in _pages)
        {
            var dictionary = new PdfDictionary(pdf);
            foreach (var face in faces)
                dictionary.Elements.SetReference(face.Name, fonts[face]);
            page.Resources.Elements[PdfResources.Keys.Font] = dictionary;
        }
    }

    /// <summary>The glyph ids in the one hex string PDFsharp wrote must be those layout's face gives the characters.</summary>
    private static void Check(string id, FontFace face, int[] codePoints, byte[] content)
    {
        int open = content.AsSpan().IndexOf((byte)'<'), close = content.AsSpan().IndexOf((byte)'>');
        var hex = open < 0 || close < open ? [] : content.AsSpan(open + 1, close - open - 1).ToArray().Where(b => Uri.IsHexDigit((char)b)).ToArray();
        if (hex.Length != codePoints.Length * 4)
            throw new InvalidOperationException($"face '{id}': PDFsharp wrote {hex.Length / 4} glyphs for {codePoints.Length} characters");
        for (int i = 0; i < codePoints.Length; i++)
        {
            int pdf = int.Parse(Encoding.ASCII.GetString(hex.AsSpan(i * 4, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (pdf != face.GlyphId(codePoints[i]))
                throw new InvalidOperationException($"face '{id}': U+{codePoints[i]:X4} is glyph {pdf} in the PDF font and {face.GlyphId(codePoints[i])} in layout");
        }
    }
}

/// <summary>The characters a face shows: a bit for each of the Basic Multilingual Plane, a set for the rest.</summary>
internal sealed class CharacterSet
{
    private readonly ulong[] _plane = new ulong[0x10000 / 64];
    private HashSet<int>? _beyond;

    public void Add(int codePoint)
    {
        if (codePoint is >= 0 and < 0x10000)
            _plane[codePoint >> 6] |= 1UL << (codePoint & 63);
        else
            (_beyond ??= []).Add(codePoint);
    }

    /// <summary>The characters in code point order.</summary>
    public int[] Ordered()
    {
        var list = new List<int>();
        for (int word = 0; word < _plane.Length; word++)
        {
            for (ulong bits = _plane[word]; bits != 0; bits &= bits - 1)
                list.Add(word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits));
        }
        if (_beyond is not null)
            list.AddRange(_beyond.Order());
        return [.. list];
    }
}
