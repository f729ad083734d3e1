using System.Globalization;
using System.Text;
using Pub.Layout.Fonts;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>
/// A kerned run drawn as one text-showing operator. PDFsharp sets a string by the plain advance widths and has no
/// way to move single glyphs, so the run is drawn whole after a placeholder comment that says where its glyphs
/// move ("% pub:tj 3 12.5 7 -4"), and <see cref="TaggedContent.ReplacePlaceholders"/> turns the "&lt;…&gt; Tj"
/// PDFsharp wrote after it into "[&lt;…&gt; 12.5 &lt;…&gt; -4 &lt;…&gt;] TJ". Each glyph after a kerned pair starts exactly where
/// layout put it: the adjustment is the distance between that place and where the plain advances of the
/// glyphs before it (as the PDF's widths give them) would put it.
/// </summary>
internal static class KernedText
{
    public const string Prefix = "pub:tj";

    /// <summary>The prefix and the space after it, as the comment's line holds them.</summary>
    public static ReadOnlySpan<byte> PrefixBytes => "pub:tj "u8;

    /// <summary>The placeholder comment for a run with kerns: pairs of a glyph's position in the run (counted in
    /// code points, as the glyphs in the string PDFsharp writes) and the TJ adjustment before it, in thousandths of
    /// an em, positive to the left.</summary>
    public static string Comment(TextRun run, FontFace face)
    {
        var comment = new StringBuilder(Prefix, Prefix.Length + 12 * run.Kerns.Count);
        int glyph = 0, at = 0;
        long units = 0;
        // Where the glyph at the last kern stands as the PDF places it: the adjustments are written to a thousandth
        // of an em, and each next one makes up for the rounding of those before, so that the words of a line shown
        // as one string do not drift.
        double start = 0;
        Span<char> number = stackalloc char[32];
        foreach (var kern in run.Kerns)
        {
            while (at < kern.Index)
            {
                Rune.DecodeFromUtf16(run.Text.AsSpan(at), out var rune, out int length);
                units += face.Advance(rune.Value);
                at += length;
                glyph++;
            }
            double plain = start + units * run.Size / face.UnitsPerEm;
            // Formatted and read back in place: a string each was most of what drawing a kerned run allocated.
            if (!((plain - kern.Offset) * 1000 / run.Size).TryFormat(number, out int written, "0.###", CultureInfo.InvariantCulture))
                throw new InvalidOperationException("a kerning adjustment does not fit its buffer");
            var adjustment = number[..written];
            comment.Append(' ').Append(glyph).Append(' ').Append(adjustment);
            start = plain - double.Parse(adjustment, CultureInfo.InvariantCulture) * run.Size / 1000;
            units = 0;
        }
        return comment.ToString();
    }

    /// <summary>"&lt;hex&gt; Tj" with the adjustments of a placeholder comment (its text after the prefix) as a TJ
    /// array. The string holds two bytes (four hex digits) per glyph, as PDFsharp writes Unicode text.</summary>
    public static byte[] ToTj(ReadOnlySpan<byte> tj, string adjustments)
    {
        int open = tj.IndexOf((byte)'<'), close = tj.IndexOf((byte)'>');
        if (open != 0 || close < 0 || !tj[(close + 1)..].Trim((byte)' ').SequenceEqual("Tj"u8) || (close - 1) % 4 != 0)
            throw new InvalidOperationException("a kerned run was not written as one hex string shown with Tj: " + Encoding.ASCII.GetString(tj[..Math.Min(tj.Length, 40)]));
        var hex = tj[1..close];
        var parts = adjustments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<byte>(tj.Length + adjustments.Length + 8) { (byte)'[', (byte)'<' };
        int from = 0;
        for (int i = 0; i + 1 < parts.Length; i += 2)
        {
            int glyph = int.Parse(parts[i], CultureInfo.InvariantCulture);
            if (glyph <= from / 4 || glyph * 4 >= hex.Length)
                throw new InvalidOperationException("a kern falls outside its run's glyphs");
            output.AddRange(hex[from..(glyph * 4)]);
            output.AddRange("> "u8);
            output.AddRange(Encoding.ASCII.GetBytes(parts[i + 1]));
            output.AddRange(" <"u8);
            from = glyph * 4;
        }
        output.AddRange(hex[from..]);
        output.AddRange(">] TJ"u8);
        return [.. output];
    }
}
