// CSL locales: terms (with forms, plurals and genders), localized date formats and options.
// A ResolvedLocale chains the style's own cs:locale overrides before the locale files, so a lookup
// walks: style locale for the exact language → style locale for the base language → style locale
// without xml:lang → locale file for the language → its primary dialect → en-US.
namespace Pub.Citations;

public sealed record Term(string Name, TermForm Form, string Single, string Multiple, TermGender? Gender, TermGender? GenderForm, OrdinalMatch? Match);

/// <summary>One cs:locale element or locale file, read-only once parsed.</summary>
public sealed class Locale
{
    public string? Lang { get; init; }
    /// <summary>The terms by name; one name has a term per form, gender form and match.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<Term>>(StringComparer.Ordinal);
    public IReadOnlyDictionary<DateForm, DateElement> Dates { get; init; } = new Dictionary<DateForm, DateElement>();
    public bool? PunctuationInQuote { get; init; }
    public bool? LimitDayOrdinalsToDay1 { get; init; }

    public bool DefinesOrdinals => Terms.Keys.Any(k => k.StartsWith("ordinal", StringComparison.Ordinal));
}

/// <summary>A locale chain for one style and language: the lookups the evaluator needs.</summary>
public sealed class ResolvedLocale
{
    private readonly List<Locale> _chain;
    private readonly int _fallbackStart;
    private readonly Dictionary<(string, TermForm, bool, TermGender?), string?> _cache = [];

    /// <param name="chain">The locales in order of precedence: the style's own, then the locale file of
    /// the language, then the en-US file.</param>
    /// <param name="fallbackStart">Where the en-US fallback begins in the chain: a term is looked up in
    /// every form the requested one falls back to (short → long) in the locales before it first, so a
    /// German "Gesetz" wins over an English "legis.".</param>
    public ResolvedLocale(string lang, IEnumerable<Locale> chain, int? fallbackStart = null)
    {
        Lang = lang;
        _chain = [.. chain];
        _fallbackStart = Math.Clamp(fallbackStart ?? _chain.Count, 0, _chain.Count);
        PunctuationInQuote = _chain.Select(l => l.PunctuationInQuote).FirstOrDefault(v => v.HasValue) ?? false;
        LimitDayOrdinalsToDay1 = _chain.Select(l => l.LimitDayOrdinalsToDay1).FirstOrDefault(v => v.HasValue) ?? false;
    }

    public string Lang { get; }
    public bool PunctuationInQuote { get; }
    public bool LimitDayOrdinalsToDay1 { get; }

    public DateElement? Date(DateForm form) => _chain.Select(l => l.Dates.GetValueOrDefault(form)).FirstOrDefault(d => d is not null);

    /// <summary>Finds a term with form fallback (verb-short → verb → long, symbol → short → long, short → long).
    /// Returns null when the term is not defined anywhere; an empty string when defined empty.</summary>
    public string? Term(string name, TermForm form = TermForm.Long, bool plural = false, TermGender? genderForm = null)
    {
        var key = (name, form, plural, genderForm);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = FindTerm(name, form, genderForm) is { } t ? (plural ? t.Multiple : t.Single) : null;
        _cache[key] = result;
        return result;
    }

    public Term? FindTerm(string name, TermForm form = TermForm.Long, TermGender? genderForm = null) =>
        FindTerm(_chain.Take(_fallbackStart), name, form, genderForm) ?? FindTerm(_chain.Skip(_fallbackStart), name, form, genderForm);

    private static Term? FindTerm(IEnumerable<Locale> locales, string name, TermForm form, TermGender? genderForm)
    {
        foreach (var f in FormChain(form))
        {
            foreach (var locale in locales)
            {
                if (!locale.Terms.TryGetValue(name, out var list))
                {
                    continue;
                }
                Term? fallback = null;
                foreach (var t in list)
                {
                    if (t.Form != f || t.Match is not null)
                    {
                        continue;
                    }
                    if (t.GenderForm == genderForm)
                    {
                        return t;
                    }
                    if (t.GenderForm is null)
                    {
                        fallback = t;
                    }
                }
                if (fallback is not null)
                {
                    return fallback;
                }
            }
        }
        return null;
    }

    public TermGender? Gender(string name) => FindTerm(name)?.Gender;

    private static TermForm[] FormChain(TermForm form) => form switch
    {
        TermForm.VerbShort => [TermForm.VerbShort, TermForm.Verb, TermForm.Long],
        TermForm.Symbol => [TermForm.Symbol, TermForm.Short, TermForm.Long],
        TermForm.Short => [TermForm.Short, TermForm.Long],
        TermForm.Verb => [TermForm.Verb, TermForm.Long],
        _ => [TermForm.Long],
    };

    /// <summary>The ordinal suffix for a number, following the CSL 1.0.1 ordinal-00…99 rules with
    /// match="last-digit|last-two-digits|whole-number", and the legacy "ordinal" term.</summary>
    public string OrdinalSuffix(int number, TermGender? genderForm)
    {
        // The first locale in the chain that defines ordinals wins as a whole set.
        foreach (var locale in _chain)
        {
            if (!locale.DefinesOrdinals)
            {
                continue;
            }
            var found = FindOrdinal(locale, number, genderForm) ?? FindOrdinal(locale, number, null);
            if (found is not null)
            {
                return found;
            }
            if (locale.Terms.TryGetValue("ordinal", out var general))
            {
                var g = general.FirstOrDefault(t => t.GenderForm == genderForm && t.Form == TermForm.Long) ?? general.FirstOrDefault(t => t.Form == TermForm.Long);
                if (g is not null)
                {
                    return g.Single;
                }
            }
        }
        return string.Empty;
    }

    private static string? FindOrdinal(Locale locale, int number, TermGender? genderForm)
    {
        Term? best = null;
        var bestRank = int.MaxValue;
        foreach (var (name, list) in locale.Terms)
        {
            if (name.Length != 10 || !name.StartsWith("ordinal-", StringComparison.Ordinal)
                || !int.TryParse(name.AsSpan(8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nn))
            {
                continue;
            }
            foreach (var t in list)
            {
                if (t.GenderForm != genderForm || t.Form != TermForm.Long)
                {
                    continue;
                }
                var match = t.Match ?? (nn >= 10 ? OrdinalMatch.LastTwoDigits : OrdinalMatch.LastDigit);
                var rank = match switch
                {
                    OrdinalMatch.WholeNumber when number == nn => 0,
                    OrdinalMatch.LastTwoDigits when number % 100 == nn => 1,
                    OrdinalMatch.LastDigit when number % 10 == nn => 2,
                    _ => int.MaxValue,
                };
                if (rank < bestRank)
                {
                    best = t;
                    bestRank = rank;
                }
            }
        }
        return best?.Single;
    }

    public string LongOrdinal(int number, TermGender? genderForm)
    {
        if (number is >= 1 and <= 10)
        {
            var name = "long-ordinal-" + number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var t = FindTerm(name, TermForm.Long, genderForm);
            if (t is not null)
            {
                return t.Single;
            }
        }
        return number.ToString(System.Globalization.CultureInfo.InvariantCulture) + OrdinalSuffix(number, genderForm);
    }
}
