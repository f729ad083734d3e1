using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CsCheck;

namespace Pub.Fuzz.Tests;

/// <summary>One change to a seed. Positions and sizes are taken modulo what the input allows, so that any
/// generated edit applies to any seed and shrinking towards small numbers shrinks towards small changes.</summary>
internal readonly record struct Edit(EditKind Kind, int At, int Size, int Pick)
{
    public override string ToString() => $"{Kind}(at {At}, size {Size}, pick {Pick})";
}

internal enum EditKind
{
    Replace,
    Insert,
    Delete,
    Truncate,
    Repeat,
    LongToken,
    Nest,
}

/// <summary>A seed file and the edits made to it: what a failure prints, so that it can be rebuilt by hand.</summary>
internal sealed record Mutant<T>(string Seed, IReadOnlyList<Edit> Edits, T Value);

internal static class Mutations
{
    /// <summary>What parsers choke on: delimiters of every syntax pub reads, control and format characters,
    /// lone surrogates, byte-order marks, line ends of every kind and numbers at their limits.</summary>
    public static readonly string[] Specials =
    [
        "{", "}", "[", "]", "@", "<", ">", "&", "\\", "\0", "\uD800", "\uDC00", "\uFEFF", "\r", "\r\n", "\n", "\t",
        "\"", "'", ":", "#", "|", "-", "*", "_", "`", "^", "~", "$", "%", "=", ",", ";", "!", "?", "(", ")",
        "[@", "{#", "@fig-x", "[^1]", "[^1]: ", ":::", "---", "```", "<!--", "-->", "]]>", "<![CDATA[", "&#0;", "&amp", "&#x110000;",
        "\u0301", "\U0001D49C", "\u202E", "\u00AD", "\u200B", "{{", "}}", "\\\\", "0", "-1", "99999999999999999999", "1e309",
        "NaN", "null", "*&a", "&a ", "? ", "- ", "> ", "1. ", "    ", "+ ", "|---|", "+---+", "{.unnumbered}", "{-}",
        "@string{", "@comment", "#{", "xmlns=\"\"", "/>", "</", "<?xml", "<!DOCTYPE x [<!ENTITY e \"ee\">]>",
    ];

    /// <summary>Prefixes that nest a block once more when repeated at the start of a line.</summary>
    private static readonly string[] Nesters =
    [
        ">", "> ", "- ", "  ", "* ", "1. ", "::: ", "[^n]: ", "    > ", "| ", "{", "[", "(", "*", "_", "*a ", "[a ",
        "<group>", "<i>", "\"a '", "{\\em ", "- - ", "? ", "[{",
    ];

    private static readonly char[] LongChars = ['a', 'x', '-', '{', '[', '@', ' ', '\u00e9', '\u0416', '*', '_', '`', '|', '\\', '9'];

    public static Gen<Edit> Edit { get; } = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1_000_000], Gen.Int[0, 100_000], Gen.Int[0, 1000],
        (kind, at, size, pick) => new Edit((EditKind)kind, at, size, pick));

    /// <summary>A seed picked from <paramref name="seeds"/> with up to <paramref name="maxEdits"/> edits applied.</summary>
    public static Gen<Mutant<string>> Text(IReadOnlyList<(string Name, string Text)> seeds, int maxEdits = 8) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Edit.Array[0, maxEdits], (i, edits) =>
            new Mutant<string>(seeds[i].Name, edits, Apply(seeds[i].Text, edits)));

    public static Gen<Mutant<byte[]>> Bytes(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int maxEdits = 6) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Edit.Array[0, maxEdits], (i, edits) =>
            new Mutant<byte[]>(seeds[i].Name, edits, Apply(seeds[i].Bytes, edits)));

    /// <summary>Text built from nothing but the given syntax pieces, in any order.</summary>
    public static Gen<string> Structure(string[] pieces, int maxPieces = 120) =>
        Gen.Int[0, pieces.Length - 1].Array[0, maxPieces].Select(picks => string.Concat(picks.Select(p => pieces[p])));

    public static string Apply(string seed, IEnumerable<Edit> edits)
    {
        var text = new StringBuilder(seed);
        foreach (var edit in edits)
        {
            int at = edit.At % (text.Length + 1);
            switch (edit.Kind)
            {
                case EditKind.Replace:
                    text.Remove(at, Math.Min(1 + edit.Size % 8, text.Length - at)).Insert(at, Specials[edit.Pick % Specials.Length]);
                    break;
                case EditKind.Insert:
                    text.Insert(at, Specials[edit.Pick % Specials.Length]);
                    break;
                case EditKind.Delete:
                    text.Remove(at, Math.Min(edit.Size % 256, text.Length - at));
                    break;
                case EditKind.Truncate:
                    text.Length = at;
                    break;
                case EditKind.Repeat:
                    var slice = text.ToString(at, Math.Min(1 + edit.Size % 64, text.Length - at));
                    text.Insert(at, string.Concat(Enumerable.Repeat(slice, 1 + edit.Pick % 300)));
                    break;
                case EditKind.LongToken:
                    text.Insert(at, new string(LongChars[edit.Pick % LongChars.Length], 1 + edit.Size % 20_000));
                    break;
                case EditKind.Nest:
                    int lineStart = at == 0 ? 0 : text.ToString(0, at).LastIndexOf('\n') + 1;
                    var nester = Nesters[edit.Pick % Nesters.Length];
                    text.Insert(lineStart, string.Concat(Enumerable.Repeat(nester, 1 + edit.Size % 400)));
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Numbers that break size and offset arithmetic when a header field holds them.</summary>
    private static readonly uint[] Interesting = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 100_000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF];

    public static byte[] Apply(byte[] seed, IEnumerable<Edit> edits)
    {
        var bytes = new List<byte>(seed);
        foreach (var edit in edits)
        {
            int at = edit.At % (bytes.Count + 1);
            switch (edit.Kind)
            {
                case EditKind.Replace when at < bytes.Count:
                    bytes[at] = (byte)edit.Pick;
                    break;
                case EditKind.Insert:
                    // a header field overwritten with a number at a limit, big-endian as TrueType, PNG and JPEG store them
                    var field = new byte[4];
                    BinaryPrimitives.WriteUInt32BigEndian(field, Interesting[edit.Pick % Interesting.Length]);
                    int width = edit.Size % 2 == 0 ? 4 : 2;
                    for (int i = 0; i < width && at + i < bytes.Count; i++)
                        bytes[at + i] = field[4 - width + i];
                    break;
                case EditKind.Delete:
                    bytes.RemoveRange(at, Math.Min(edit.Size % 4096, bytes.Count - at));
                    break;
                case EditKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case EditKind.Repeat:
                    var slice = bytes.GetRange(at, Math.Min(1 + edit.Size % 64, bytes.Count - at));
                    for (int r = 0; r < 1 + edit.Pick % 16; r++)
                        bytes.InsertRange(at, slice);
                    break;
                case EditKind.LongToken or EditKind.Nest:
                    // random bytes from a generator seeded by the edit itself
                    var random = new Random(edit.Size ^ edit.Pick);
                    var noise = new byte[1 + edit.Size % 512];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>A generated text as C# would write it, cut short when long: non-ASCII and control characters escaped.</summary>
    public static string Show(string text, int max = 4000)
    {
        var shown = new StringBuilder("\"");
        foreach (char c in text.Length > max ? text[..max] : text)
        {
            shown.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        shown.Append('"');
        return text.Length > max ? shown + $" … ({text.Length} characters)" : shown.ToString();
    }

    public static string Show(Mutant<string> mutant) =>
        $"{mutant.Seed} with [{string.Join(", ", mutant.Edits)}]: {Show(mutant.Value)}";

    public static string Show(Mutant<byte[]> mutant) =>
        $"{mutant.Seed} with [{string.Join(", ", mutant.Edits)}] ({mutant.Value.Length} bytes)";
}
