using System.Globalization;
using System.Text;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// The content stream of one page, written operator by operator: text as glyph ids of the embedded faces (two bytes
/// each, as the Type 0 fonts with Identity-H encoding that PDFsharp embeds read them), a kerned run as one TJ array,
/// rules, filled rectangles, placed artwork and the marked content of tagged PDF. Layout's coordinates (origin at
/// the top left, y down) become PDF user space (origin at the bottom left). Numbers are written to four decimals
/// and colours to three, invariantly, so the bytes depend on nothing but the page. The graphics and text state
/// last set is remembered, and an operator that would set it again is left out.
/// </summary>
internal sealed class PageContent(double height)
{
    private byte[] _bytes = new byte[16 * 1024];
    private int _length;
    private Colour? _fill, _stroke;
    private double _lineWidth = double.NaN;
    private string? _font;
    private double _size;

    public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

    /// <summary>Opens a marked-content sequence: an artifact, or an element's content with its MCID.</summary>
    public void BeginMarked(string? role, int mcid)
    {
        if (role is null)
        {
            Write("/Artifact BMC\n"u8);
            return;
        }
        Write((byte)'/');
        Write(role);
        Write(" <</MCID "u8);
        Integer(mcid);
        Write(">> BDC\n"u8);
    }

    public void EndMarked() => Write("EMC\n"u8);

    /// <summary>A run in the face it was measured with, <paramref name="font"/> being the face's resource name on
    /// the page. Kerned glyphs start exactly where layout put them (see <see cref="Shown"/>); a rotated run turns
    /// counter-clockwise about its start.</summary>
    public void Text(TextRun run, string font, FontFace face, CharacterSet used)
    {
        bool rotated = run.Rotation != 0;
        if (rotated)
        {
            double angle = run.Rotation * Math.PI / 180, cos = Math.Cos(angle), sin = Math.Sin(angle);
            Write("q\n"u8);
            Numbers(cos, sin, -sin, cos, run.X, height - run.Baseline);
            Write("cm\n"u8);
        }
        Fill(run.Colour ?? default);
        Write("BT\n"u8);
        if (_font != font || _size != run.Size)
        {
            Write(font);
            Write((byte)' ');
            Number(run.Size);
            Write(" Tf\n"u8);
            (_font, _size) = (font, run.Size);
        }
        if (rotated)
            Write("0 0 Td\n"u8);
        else
        {
            Numbers(run.X, height - run.Baseline);
            Write("Td\n"u8);
        }
        Shown(run, face, used);
        Write("ET\n"u8);
        if (rotated)
        {
            Write("Q\n"u8);
            Forget();
        }
    }

    /// <summary>
    /// The glyphs of a run: "&lt;…&gt; Tj", or with kerns a TJ array whose numbers move each glyph after a kerned pair
    /// from where the plain advances of the glyphs before it (as the PDF's widths give them) would put it to where
    /// layout put it. The numbers are written to a thousandth of an em, and each next one makes up for the rounding of
    /// those before, so the words of a line shown as one string do not drift.
    /// </summary>
    private void Shown(TextRun run, FontFace face, CharacterSet used)
    {
        var kerns = run.Kerns;
        var text = run.Text.AsSpan();
        if (kerns.Count == 0)
        {
            Write((byte)'<');
            Glyphs(text, face, used);
            Write("> Tj\n"u8);
            return;
        }
        Write("[<"u8);
        int at = 0;
        double start = 0;
        foreach (var kern in kerns)
        {
            if (kern.Index <= at || kern.Index > text.Length)
                throw new InvalidOperationException($"a kern at {kern.Index} falls outside the glyphs of '{run.Text}'");
            long units = Glyphs(text[at..kern.Index], face, used);
            at = kern.Index;
            double plain = start + units * run.Size / face.UnitsPerEm;
            long adjustment = Scaled((plain - kern.Offset) * 1000 / run.Size, Thousandths);
            Write("> "u8);
            Fixed(adjustment, Thousandths);
            Write(" <"u8);
            // Where the glyph stands as the PDF places it: after the adjustment as written.
            start = plain - adjustment / (double)Thousandths * run.Size / 1000;
        }
        Glyphs(text[at..], face, used);
        Write(">] TJ\n"u8);
    }

    /// <summary>Writes the glyph ids of a text in hexadecimal and returns its plain advance in font units.</summary>
    private long Glyphs(ReadOnlySpan<char> text, FontFace face, CharacterSet used)
    {
        long units = 0;
        Reserve(text.Length * 4);
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out var rune, out int length);
            text = text[length..];
            int glyph = face.GlyphId(rune.Value);
            units += face.GlyphAdvance(glyph);
            used.Add(rune.Value);
            Reserve(4);
            _bytes[_length++] = Hex[(glyph >> 12) & 0xF];
            _bytes[_length++] = Hex[(glyph >> 8) & 0xF];
            _bytes[_length++] = Hex[(glyph >> 4) & 0xF];
            _bytes[_length++] = Hex[glyph & 0xF];
        }
        return units;
    }

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    public void Rule(RuleItem rule)
    {
        if (_lineWidth != rule.Thickness)
        {
            Number(rule.Thickness);
            Write(" w\n"u8);
            _lineWidth = rule.Thickness;
        }
        Stroke(rule.Colour ?? default);
        Numbers(rule.X1, height - rule.Y1);
        Write("m\n"u8);
        Numbers(rule.X2, height - rule.Y2);
        Write("l\nS\n"u8);
    }

    public void Rect(RectItem rect)
    {
        Fill(rect.Fill);
        Numbers(rect.X, height - rect.Y - rect.Height, rect.Width, rect.Height);
        Write("re\nf\n"u8);
    }

    /// <summary>An XObject placed by a matrix from its own space into layout's box; a page imported from a PDF
    /// starts from black fill and stroke, which its content may assume without setting.</summary>
    public void Artwork(string name, double a, double d, double e, double f, bool resetColours)
    {
        Write(resetColours ? "q\n0 g\n0 G\n"u8 : "q\n"u8);
        Numbers(a, 0, 0, d, e, f);
        Write("cm\n"u8);
        Write(name);
        Write(" Do\nQ\n"u8);
    }

    /// <summary>A point of layout's page (y down) in PDF user space (y up).</summary>
    public double Up(double y) => height - y;

    private void Forget()
    {
        (_fill, _stroke, _font, _lineWidth) = (null, null, null, double.NaN);
    }

    private void Fill(Colour colour) => SetColour(ref _fill, colour, "rg\n"u8);

    private void Stroke(Colour colour) => SetColour(ref _stroke, colour, "RG\n"u8);

    /// <summary>Sets the fill or stroke colour (<paramref name="setter"/>) unless it is already set.</summary>
    private void SetColour(ref Colour? current, Colour colour, ReadOnlySpan<byte> setter)
    {
        if (current == colour)
            return;
        Colour(colour);
        Write(setter);
        current = colour;
    }

    private void Colour(Colour colour)
    {
        foreach (byte component in (ReadOnlySpan<byte>)[colour.R, colour.G, colour.B])
        {
            Fixed(Scaled(component / 255.0, Thousandths), Thousandths);
            Write((byte)' ');
        }
    }

    private void Numbers(params ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            Number(value);
            Write((byte)' ');
        }
    }

    private const long TenThousandths = 10_000, Thousandths = 1_000;

    /// <summary>A coordinate or size, to four decimals.</summary>
    private void Number(double value) => Fixed(Scaled(value, TenThousandths), TenThousandths);

    /// <summary>A value in units of 1/<paramref name="scale"/>, rounded half away from zero.</summary>
    private static long Scaled(double value, long scale)
    {
        double scaled = Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(scaled) < 1e15))
            throw new InvalidOperationException($"{value} is no number a page can hold");
        return (long)scaled;
    }

    /// <summary>A number of 1/<paramref name="scale"/> units as a decimal without trailing zeros ("12.5", "-3",
    /// "0.25"): the digits are written here, since formatting with a pattern was most of what writing a page cost.</summary>
    private void Fixed(long units, long scale)
    {
        Reserve(24);
        if (units < 0)
        {
            _bytes[_length++] = (byte)'-';
            units = -units;
        }
        long whole = Math.DivRem(units, scale, out long fraction);
        whole.TryFormat(_bytes.AsSpan(_length), out int written, provider: CultureInfo.InvariantCulture);
        _length += written;
        if (fraction == 0)
            return;
        _bytes[_length++] = (byte)'.';
        for (long digit = scale / 10; fraction != 0; digit /= 10)
        {
            _bytes[_length++] = (byte)('0' + fraction / digit);
            fraction %= digit;
        }
    }

    private void Integer(int value)
    {
        Reserve(12);
        value.TryFormat(_bytes.AsSpan(_length), out int written, provider: CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A PDF name as PDFsharp gives it (ASCII, "/F0", "/I1", "/P").</summary>
    private void Write(string ascii)
    {
        Reserve(ascii.Length);
        _length += Encoding.ASCII.GetBytes(ascii, _bytes.AsSpan(_length));
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Write(byte b)
    {
        Reserve(1);
        _bytes[_length++] = b;
    }

    private void Reserve(int count)
    {
        if (_length + count > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
    }
}
