// Reads cs:locale elements, both standalone locale files and the overrides inside a style.
using System.Xml.Linq;
using Pub.Syntax;

namespace Pub.Citations;

public static class LocaleParser
{
    /// <summary>Parses a locale file. Returns null when the XML cannot be read.</summary>
    public static Locale? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var doc = Xml.Load(source, diagnostics, Codes.MalformedLocale);
        if (doc?.Root is null)
        {
            return null;
        }
        if (doc.Root.Name.LocalName != "locale")
        {
            diagnostics.Add(Diagnostic.Error(Codes.MalformedLocale, $"root element is <{doc.Root.Name.LocalName}>, expected <locale>", Xml.SpanOf(source, doc.Root)));
            return null;
        }
        return ReadLocale(doc.Root, new CslAttributes(source, diagnostics));
    }

    internal static Locale ReadLocale(XElement e, CslAttributes attributes)
    {
        var terms = new Dictionary<string, List<Term>>(StringComparer.Ordinal);
        var dates = new Dictionary<DateForm, DateElement>();
        bool? punctuationInQuote = null;
        bool? limitDayOrdinalsToDay1 = null;
        foreach (var c in e.Elements())
        {
            switch (c.Name.LocalName)
            {
                case "style-options":
                    punctuationInQuote = attributes.OptionalBool(c, "punctuation-in-quote");
                    limitDayOrdinalsToDay1 = attributes.OptionalBool(c, "limit-day-ordinals-to-day-1");
                    break;
                case "terms":
                    foreach (var t in c.Elements().Where(x => x.Name.LocalName == "term"))
                    {
                        if (ReadTerm(t, attributes) is { } term)
                        {
                            AddTerm(terms, term);
                        }
                    }
                    break;
                case "date":
                    var d = StyleElements.ReadDate(c, attributes);
                    if (d.Form is { } form)
                    {
                        dates[form] = d;
                    }
                    break;
                case "info":
                    break;
                default:
                    attributes.Diagnostics.Add(Diagnostic.Warning(Codes.MalformedLocale, $"unknown element <{c.Name.LocalName}> in <locale>", attributes.SpanOf(c)));
                    break;
            }
        }
        return new Locale
        {
            Lang = e.Attribute(XNamespace.Xml + "lang")?.Value,
            Terms = terms.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Term>)kv.Value, StringComparer.Ordinal),
            Dates = dates,
            PunctuationInQuote = punctuationInQuote,
            LimitDayOrdinalsToDay1 = limitDayOrdinalsToDay1,
        };
    }

    /// <summary>A later definition of a term in the same form, gender form and match replaces the earlier one.</summary>
    private static void AddTerm(Dictionary<string, List<Term>> terms, Term term)
    {
        if (!terms.TryGetValue(term.Name, out var list))
        {
            list = [];
            terms[term.Name] = list;
        }
        list.RemoveAll(t => t.Form == term.Form && t.GenderForm == term.GenderForm && t.Match == term.Match);
        list.Add(term);
    }

    /// <summary>A term left empty over several lines (<c>&lt;term name="and others"&gt;</c>, a line break,
    /// <c>&lt;/term&gt;</c>) holds only the indentation of the file: it is empty, as citeproc-js reads it
    /// (label_EditorTranslator1 of the CSL test suite). Spaces typed on one line stay.</summary>
    private static string TermText(string text) =>
        text.Contains('\n', StringComparison.Ordinal) && text.All(c => c is ' ' or '\t' or '\r' or '\n') ? string.Empty : text;

    private static Term? ReadTerm(XElement t, CslAttributes attributes)
    {
        var name = t.Attribute("name")?.Value;
        if (name is null)
        {
            return null;
        }
        var form = attributes.Value(t, "form", CslValues.TermForms, TermForm.Long);
        string single, multiple;
        var s = t.Elements().FirstOrDefault(x => x.Name.LocalName == "single");
        var m = t.Elements().FirstOrDefault(x => x.Name.LocalName == "multiple");
        if (s is not null || m is not null)
        {
            single = TermText(s?.Value ?? m!.Value);
            multiple = m is null ? single : TermText(m.Value);
        }
        else
        {
            single = multiple = TermText(t.Value);
        }
        return new Term(name, form, single, multiple, attributes.Optional(t, "gender", CslValues.Genders), attributes.Optional(t, "gender-form", CslValues.Genders),
            attributes.Optional(t, "match", CslValues.OrdinalMatches));
    }
}

/// <summary>
/// A set of locale files (from a folder or supplied in memory), parsed once and cached. Resolve gives
/// the locale chain for a style and language with the fallback exact tag → primary dialect → en-US.
/// </summary>
public sealed class LocaleSet
{
    private static readonly Dictionary<string, string> PrimaryDialects = new(StringComparer.Ordinal)
    {
        ["af"] = "af-ZA", ["ar"] = "ar", ["bg"] = "bg-BG", ["ca"] = "ca-AD", ["cs"] = "cs-CZ", ["cy"] = "cy-GB",
        ["da"] = "da-DK", ["de"] = "de-DE", ["el"] = "el-GR", ["en"] = "en-US", ["es"] = "es-ES", ["et"] = "et-EE",
        ["eu"] = "eu", ["fa"] = "fa-IR", ["fi"] = "fi-FI", ["fr"] = "fr-FR", ["he"] = "he-IL", ["hr"] = "hr-HR",
        ["hu"] = "hu-HU", ["id"] = "id-ID", ["is"] = "is-IS", ["it"] = "it-IT", ["ja"] = "ja-JP", ["km"] = "km-KH",
        ["ko"] = "ko-KR", ["la"] = "la", ["lt"] = "lt-LT", ["lv"] = "lv-LV", ["mn"] = "mn-MN", ["nb"] = "nb-NO",
        ["nl"] = "nl-NL", ["nn"] = "nn-NO", ["pl"] = "pl-PL", ["pt"] = "pt-PT", ["ro"] = "ro-RO", ["ru"] = "ru-RU",
        ["sk"] = "sk-SK", ["sl"] = "sl-SI", ["sr"] = "sr-RS", ["sv"] = "sv-SE", ["th"] = "th-TH", ["tr"] = "tr-TR",
        ["uk"] = "uk-UA", ["vi"] = "vi-VN", ["zh"] = "zh-CN",
    };

    private readonly Func<string, SourceText?> _load;
    private readonly Dictionary<string, Locale?> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a set whose files are produced by <paramref name="load"/> from a tag ("en-US"); null when absent.</summary>
    public LocaleSet(Func<string, SourceText?> load) => _load = load;

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Locale files named locales-xx-YY.xml in one or more folders, searched in order.</summary>
    public static LocaleSet FromFolders(params string[] folders) => new(tag =>
    {
        foreach (var folder in folders)
        {
            var path = System.IO.Path.Combine(folder, "locales-" + tag + ".xml");
            if (File.Exists(path))
            {
                return new SourceText(path, File.ReadAllText(path));
            }
        }
        return null;
    });

    /// <summary>The locale files shipped with pub (embedded resources).</summary>
    public static LocaleSet Builtin { get; } = new(BuiltinLocales.Load);

    public Locale? Get(string tag)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(tag, out var cached))
            {
                return cached;
            }
            var source = _load(tag);
            Locale? locale = null;
            if (source is not null)
            {
                var bag = new DiagnosticBag();
                locale = LocaleParser.Parse(source, bag);
                Diagnostics.AddRange(bag.Items);
            }
            _cache[tag] = locale;
            return locale;
        }
    }

    /// <summary>The chain of locales for a style and language (null: the style's default-locale or en-US).</summary>
    public ResolvedLocale Resolve(Style style, string? lang = null)
    {
        lang ??= style.DefaultLocale ?? "en-US";
        var baseLang = lang.Split('-')[0];
        var chain = new List<Locale>();
        chain.AddRange(style.Locales.Where(l => l.Lang == lang));
        chain.AddRange(style.Locales.Where(l => l.Lang is not null && l.Lang != lang && l.Lang == baseLang));
        chain.AddRange(style.Locales.Where(l => l.Lang is null));
        foreach (var tag in FileChain(lang))
        {
            if (Get(tag) is { } file && !chain.Contains(file))
            {
                chain.Add(file);
                break;
            }
        }
        var fallbackStart = chain.Count;
        if (Get("en-US") is { } en && !chain.Contains(en))
        {
            chain.Add(en);
        }
        return new ResolvedLocale(lang, chain, fallbackStart);
    }

    /// <summary>The tag of the locale file that serves <paramref name="lang"/> (itself or its primary dialect:
    /// "ru" → "ru-RU"), or null when the set has none and terms fall back to en-US.</summary>
    public string? FileFor(string lang) => FileChain(lang).FirstOrDefault(tag => Get(tag) is not null);

    private static IEnumerable<string> FileChain(string lang)
    {
        yield return lang;
        var baseLang = lang.Split('-')[0];
        if (PrimaryDialects.TryGetValue(baseLang, out var dialect) && dialect != lang)
        {
            yield return dialect;
        }
    }
}
