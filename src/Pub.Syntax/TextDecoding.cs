using System.Text;

namespace Pub.Syntax;

/// <summary>Turns input bytes into text, refusing what is not UTF-8 text.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (a byte-order mark is dropped; CRLF becomes LF). Returns null and a
    /// reason when the bytes hold a NUL (a binary file) or are not valid UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        // Offsets in reasons are offsets in the file, so they count the byte-order mark.
        var skipped = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            skipped = 3;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // Notepad's "Unicode": every other byte is NUL, which would otherwise read as a binary file.
            reason = "it is UTF-16 text; save the file as UTF-8";
            return null;
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            reason = $"it holds a NUL byte at offset {nul + skipped}: it looks like a binary file";
            return null;
        }
        try
        {
            var text = Strict.GetString(bytes);
            return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
        }
        catch (DecoderFallbackException ex)
        {
            reason = $"byte offset {ex.Index + skipped} is not valid UTF-8; save the file as UTF-8";
            return null;
        }
    }
}
