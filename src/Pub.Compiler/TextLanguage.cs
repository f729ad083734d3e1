using Pub.Model;

namespace Pub.Compiler;

/// <summary>
/// A rough guess at the language a manuscript is written in, among those pub has words for (English, German,
/// French, Russian): Cyrillic letters mean Russian; otherwise the commonest short words of each language are
/// counted. It answers only when the text is long enough and one language clearly leads, so that a chapter
/// quoting another language at length is not mistaken for one written in it.
/// </summary>
internal static class TextLanguage
{
    private const int MinimumWords = 150;

    private static readonly (string Language, HashSet<string> Words)[] Common =
    [
        ("en", new(StringComparer.Ordinal) { "the", "and", "of", "to", "in", "is", "that", "for", "are", "with", "which", "by", "be", "this", "or" }),
        ("de", new(StringComparer.Ordinal) { "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "ein", "eine", "zu", "auf", "für", "dem", "sich", "werden" }),
        ("fr", new(StringComparer.Ordinal) { "le", "la", "les", "et", "des", "est", "une", "un", "du", "dans", "que", "pour", "pas", "sur", "qui", "au", "aux" }),
    ];

    public static string? Guess(Document document)
    {
        var words = new List<string>();
        int cyrillic = 0, latin = 0;
        foreach (var text in Walk.AllInlines(document.Blocks).OfType<Text>())
        {
            foreach (var word in text.Value.Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '«', '»', '“', '”', '"', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(word.ToLowerInvariant());
                foreach (var c in word)
                {
                    if (c is >= '\u0400' and <= '\u04FF')
                        cyrillic++;
                    else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
                        latin++;
                }
            }
        }
        if (words.Count < MinimumWords)
            return null;
        if (cyrillic > 2 * latin)
            return "ru";
        if (latin < 2 * cyrillic)
            return null;
        var counts = Common.Select(c => (c.Language, Count: words.Count(w => c.Words.Contains(w)))).OrderByDescending(c => c.Count).ToList();
        return counts[0].Count >= words.Count / 20 && counts[0].Count >= 2 * counts[1].Count ? counts[0].Language : null;
    }
}
