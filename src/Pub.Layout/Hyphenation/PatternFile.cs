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
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '%' or '#')
                continue;
            var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (fields[0])
            {
                case "LEFTHYPHENMIN":
                    leftMin = Number(fields, leftMin);
                    continue;
                case "RIGHTHYPHENMIN":
                    rightMin = Number(fields, rightMin);
                    continue;
                case "COMPOUNDLEFTHYPHENMIN":
                    compoundLeft = Number(fields, compoundLeft);
                    continue;
                case "COMPOUNDRIGHTHYPHENMIN":
                    compoundRight = Number(fields, compoundRight);
                    continue;
                case "NOHYPHEN":
                    if (fields.Length > 1)
                        noHyphen.AddRange(fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries));
                    continue;
                case "NEXTLEVEL":
                    levels.Add(new Hyphenator.Level());
                    continue;
            }
            var pattern = fields[0];
            if (pattern.Contains('/', StringComparison.Ordinal))
                continue;
            AddPattern(levels[^1], pattern);
        }
        if (levels[0].Patterns.Count == 0 && levels.Count > 1)
            levels.RemoveAt(0); // NEXTLEVEL at the top: a single level after all
        return new Hyphenator(levels, leftMin, rightMin, compoundLeft == 0 ? leftMin : compoundLeft, compoundRight == 0 ? rightMin : compoundRight, noHyphen);
    }

    private static int Number(string[] fields, int fallback) =>
        fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>"a1b4c" → letters "abc", votes [0, 1, 4, 0].</summary>
    private static void AddPattern(Hyphenator.Level level, string pattern)
    {
        var letters = new StringBuilder(pattern.Length);
        var votes = new List<byte> { 0 };
        foreach (char c in pattern)
        {
            if (c is >= '0' and <= '9')
                votes[^1] = (byte)(c - '0');
            else
            {
                letters.Append(char.ToLowerInvariant(c));
                votes.Add(0);
            }
        }
        if (letters.Length > 0)
            level.Add(letters.ToString(), [.. votes]);
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
