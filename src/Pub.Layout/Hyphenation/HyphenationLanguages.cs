using System.Runtime.CompilerServices;

namespace Pub.Layout.Hyphenation;

/// <summary>
/// Picks the patterns for a language tag from those handed to layout (keyed by BCP 47 tag, as bytes: layout
/// reads no files). An exact tag wins ("en-GB"); otherwise the primary language ("ru-RU" → "ru"), and for a
/// bare tag the first regional variant in a fixed order ("en" → "en-US"). Parsed files are cached per byte
/// array, so the passes of one build and the editions of one run parse each file once. Only the value picked is
/// taken (the keys are looked at first): a build hands over patterns it reads from disk when first asked for.
/// </summary>
public static class HyphenationFiles
{
    /// <summary>The language tag a pattern file's name stands for: hyph_en_GB.dic → en-GB, hyph_fr.dic → fr;
    /// null for any other file (licences, READMEs).</summary>
    public static string? LanguageOf(string fileName)
    {
        string name = Path.GetFileName(fileName);
        if (!name.StartsWith("hyph_", StringComparison.Ordinal) || !name.EndsWith(".dic", StringComparison.OrdinalIgnoreCase))
            return null;
        return name["hyph_".Length..^".dic".Length].Replace('_', '-');
    }

    /// <summary>Parses the patterns layout will pick for <paramref name="language"/> now, into the cache that
    /// layout reads, so that a build can do it while other work goes on.</summary>
    public static void Prepare(IReadOnlyDictionary<string, byte[]> patterns, string? language) =>
        _ = new HyphenationLanguages(patterns).For(language);
}

internal sealed class HyphenationLanguages(IReadOnlyDictionary<string, byte[]> patterns)
{
    // Lazy, so that a file is parsed once even when a build prepares it on one thread while layout on another
    // asks for it: the table may run its factory on both, but hands both the same Lazy.
    private static readonly ConditionalWeakTable<byte[], Lazy<Hyphenator>> Parsed = [];
    private readonly Dictionary<string, Hyphenator?> _byTag = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The regional variant a bare language takes when the data has no bare entry.</summary>
    private static readonly Dictionary<string, string> Preferred = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-US",
        ["de"] = "de-DE",
        ["fr"] = "fr-FR",
        ["ru"] = "ru-RU",
    };

    public Hyphenator? For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
            return null;
        if (_byTag.TryGetValue(language, out var cached))
            return cached;
        var data = Find(language.Replace('_', '-'));
        var hyphenator = data is null ? null : Parsed.GetValue(data, static d => new Lazy<Hyphenator>(() => PatternFile.Parse(d))).Value;
        _byTag[language] = hyphenator;
        return hyphenator;
    }

    private byte[]? Find(string tag)
    {
        if (Lookup(tag) is { } exact)
            return exact;
        string primary = tag.Split('-')[0];
        if (Lookup(primary) is { } bare)
            return bare;
        if (Preferred.TryGetValue(primary, out var preferred) && Lookup(preferred) is { } regional)
            return regional;
        return patterns.Keys
            .Where(k => k.Split('-', '_')[0].Equals(primary, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() is { } key ? patterns[key] : null;
    }

    // By key first, then the value: the patterns may be read only when looked up.
    private byte[]? Lookup(string tag) =>
        patterns.Keys.FirstOrDefault(k => k.Replace('_', '-').Equals(tag, StringComparison.OrdinalIgnoreCase)) is { } key ? patterns[key] : null;
}
