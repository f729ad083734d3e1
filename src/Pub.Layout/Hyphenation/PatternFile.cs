using System.Globalization;
using System.Text;

namespace Pub.Layout.Hyphenation;

/// <summary>
/// Reads the <c>hyph_*.dic</c> pattern format: the first line names the file's character encoding
/// (UTF-8, ISO8859-1, KOI8-R …); then come optional settings (<c>LEFTHYPHENMIN 2</c>, <c>RIGHTHYPHENMIN 3</c>,
/// <c>COMPOUNDLEFTHYPHENMIN</c>, <c>COMPOUNDRIGHTHYPHENMIN</c>, <c>NOHYPHEN</c>), comments (<c>%</c> or
/// <c>#</c>), <c>NEXTLEVEL</c> between levels, and one pattern per line. Patterns with a non-standard
/// replacement (<c>c1k/k=k,1,2</c>, for spelling changes at a break) are skipped: layout can only insert a hyphen.
/// </summary>
public static class PatternFile
{
    /// <exception cref="InvalidDataException">The encoding line names an encoding that cannot be decoded.</exception>
    public static Hyphenator Parse(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int firstEnd = Array.IndexOf(data, (byte)'\n');
        if (firstEnd < 0)
            firstEnd = data.Length;
        string encodingName = Encoding.ASCII.GetString(data, 0, firstEnd).Trim();
        var encoding = EncodingFor(encodingName)
            ?? throw new InvalidDataException($"pattern file names an unknown encoding '{encodingName}'");
        string text = encoding.GetString(data, Math.Min(data.Length, firstEnd + 1), Math.Max(0, data.Length - firstEnd - 1));

        var levels = new List<Hyphenator.Level> { new() };
        int leftMin = 2, rightMin = 2, compoundLeft = 0, compoundRight = 0;
        var noHyphen = new List<string>();
        // Read line by line as spans: a file has thousands of patterns, and only each pattern's letters and
        // votes are kept.
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.Length == 0 || line[0] is '%' or '#')
                continue;
            var first = Fields(line, out var second);
            switch (first)
            {
                case "LEFTHYPHENMIN":
                    leftMin = Number(second, leftMin);
                    continue;
                case "RIGHTHYPHENMIN":
                    rightMin = Number(second, rightMin);
                    continue;
                case "COMPOUNDLEFTHYPHENMIN":
                    compoundLeft = Number(second, compoundLeft);
                    continue;
                case "COMPOUNDRIGHTHYPHENMIN":
                    compoundRight = Number(second, compoundRight);
                    continue;
                case "NOHYPHEN":
                    if (second.Length > 0)
                        noHyphen.AddRange(second.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries));
                    continue;
                case "NEXTLEVEL":
                    levels.Add(new Hyphenator.Level());
                    continue;
            }
            if (first.Contains('/'))
                continue;
            AddPattern(levels[^1], first);
        }
        if (levels[0].Patterns.Count == 0 && levels.Count > 1)
            levels.RemoveAt(0); // NEXTLEVEL at the top: a single level after all
        return new Hyphenator(levels, leftMin, rightMin, compoundLeft == 0 ? leftMin : compoundLeft, compoundRight == 0 ? rightMin : compoundRight, noHyphen);
    }

    /// <summary>The first field of a trimmed line and, in <paramref name="second"/>, the second (empty when there is
    /// none); fields are separated by spaces or tabs.</summary>
    private static ReadOnlySpan<char> Fields(ReadOnlySpan<char> line, out ReadOnlySpan<char> second)
    {
        int end = line.IndexOfAny(' ', '\t');
        if (end < 0)
        {
            second = [];
            return line;
        }
        var rest = line[end..].TrimStart(" \t");
        int next = rest.IndexOfAny(' ', '\t');
        second = next < 0 ? rest : rest[..next];
        return line[..end];
    }

    private static int Number(ReadOnlySpan<char> field, int fallback) =>
        field.Length > 0 && int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>"a1b4c" → letters "abc", votes [0, 1, 4, 0].</summary>
    private static void AddPattern(Hyphenator.Level level, ReadOnlySpan<char> pattern)
    {
        Span<char> letters = pattern.Length <= 256 ? stackalloc char[pattern.Length] : new char[pattern.Length];
        Span<byte> votes = pattern.Length <= 256 ? stackalloc byte[pattern.Length + 1] : new byte[pattern.Length + 1];
        int count = 0;
        votes[0] = 0;
        foreach (char c in pattern)
        {
            if (c is >= '0' and <= '9')
                votes[count] = (byte)(c - '0');
            else
            {
                letters[count++] = char.ToLowerInvariant(c);
                votes[count] = 0;
            }
        }
        if (count > 0)
            level.Add(new string(letters[..count]), votes[..(count + 1)].ToArray());
    }

    private static Encoding? EncodingFor(string name)
    {
        string key = name.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return key switch
        {
            "UTF8" => new UTF8Encoding(false),
            "ISO88591" => Encoding.Latin1,
            _ => CodePage(name),
        };
    }

    private static Encoding? CodePage(string name)
    {
        // ISO8859-5 → iso-8859-5; KOI8-R and microsoft-cp1251 / cp1251 → the names the code-page provider knows.
        string normalized = name.ToLowerInvariant();
        if (normalized.StartsWith("iso8859", StringComparison.Ordinal))
            normalized = "iso-8859" + normalized["iso8859".Length..];
        normalized = normalized.Replace("microsoft-", "", StringComparison.Ordinal);
        if (normalized.StartsWith("cp", StringComparison.Ordinal))
            normalized = "windows-" + normalized[2..];
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
