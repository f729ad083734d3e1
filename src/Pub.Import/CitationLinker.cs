using System.Globalization;
using System.Text;
using Pub.Citations;

namespace Pub.Import;

/// <summary>
/// Gives each item a citation field carries a key of the project's bibliography. An item is the project's
/// entry when their DOIs agree, or else when title, year and first author's family name agree (compared
/// without case, accents or punctuation: reference managers and hand-kept files differ in those). An item
/// the bibliography lacks gets a key in the house style, family name (or an organisation's initials) and
/// year, "-b", "-c" … for a second work of the same name and year, and is collected in <see cref="Added"/>.
/// The same work cited twice gets the same key.
/// </summary>
public sealed class CitationLinker
{
    private readonly Dictionary<string, string> _byDoi = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bySignature = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);
    private readonly List<Reference> _added = [];

    /// <param name="otherKeys">Keys that cite something without an entry in a file: the series' own papers ("op-1").</param>
    public CitationLinker(IEnumerable<Reference> bibliography, IEnumerable<string>? otherKeys = null)
    {
        _keys.UnionWith(otherKeys ?? []);
        foreach (var reference in bibliography)
        {
            Remember(reference, reference.Id);
        }
    }

    /// <summary>Items that were cited but are not in the bibliography, under their new keys, in order of first citation.</summary>
    public IReadOnlyList<Reference> Added => _added;

    /// <summary>How many distinct entries of the bibliography were cited.</summary>
    public int Matched => _matched.Count;

    /// <summary>True when a key names an entry of the bibliography or one added by this import.</summary>
    public bool Knows(string key) => _keys.Contains(key);

    public string KeyFor(Reference item)
    {
        if (Doi(item) is { } doi && _byDoi.TryGetValue(doi, out var byDoi))
        {
            return Used(byDoi);
        }
        if (Signature(item) is { } signature && _bySignature.TryGetValue(signature, out var bySignature))
        {
            return Used(bySignature);
        }
        var key = NewKey(item);
        var entry = item with { Id = key, Span = null };
        _added.Add(entry);
        Remember(entry, key);
        return key;
    }

    private string Used(string key)
    {
        if (!_added.Any(r => r.Id == key))
        {
            _matched.Add(key);
        }
        return key;
    }

    private void Remember(Reference reference, string key)
    {
        _keys.Add(key);
        if (Doi(reference) is { } doi)
        {
            _byDoi.TryAdd(doi, key);
        }
        if (Signature(reference) is { } signature)
        {
            _bySignature.TryAdd(signature, key);
        }
    }

    private string NewKey(Reference item)
    {
        var stem = $"{NameStem(item)}-{Year(item)?.ToString(CultureInfo.InvariantCulture) ?? "nd"}";
        var key = stem;
        for (var suffix = 'b'; _keys.Contains(key); suffix++)
        {
            key = suffix <= 'z' ? $"{stem}-{suffix}" : $"{stem}-{_keys.Count.ToString(CultureInfo.InvariantCulture)}";
        }
        return key;
    }

    /// <summary>The first author's (else editor's) family name in plain lower-case letters; an organisation's
    /// initials ("OSCE" for "Organization for Security and Co-operation in Europe"); else the title's first word.</summary>
    private static string NameStem(Reference item)
    {
        var name = FirstName(item);
        var stem = name switch
        {
            { Family: { Length: > 0 } family } => Plain((name.NonDroppingParticle ?? "") + family),
            { Literal: { Length: > 0 } literal } => Initials(literal),
            _ => Plain(item.Variables.GetValueOrDefault("title", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? ""),
        };
        return stem.Length == 0 ? "anon" : stem;
    }

    private static string Initials(string literal)
    {
        var words = literal.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var capitals = new string([.. words.Where(w => char.IsUpper(w[0])).Select(w => w[0])]);
        return capitals.Length >= 2 ? Plain(capitals) : Plain(words.FirstOrDefault() ?? "");
    }

    private static Name? FirstName(Reference item) =>
        item.Names.TryGetValue("author", out var authors) && authors.Count > 0 ? authors[0]
        : item.Names.TryGetValue("editor", out var editors) && editors.Count > 0 ? editors[0]
        : null;

    private static int? Year(Reference item) =>
        item.Dates.TryGetValue("issued", out var issued) && issued.Parts.Count > 0 && issued.Parts[0].Count > 0 ? issued.Parts[0][0] : null;

    private static string? Doi(Reference item)
    {
        if (!item.Variables.TryGetValue("DOI", out var doi) || string.IsNullOrWhiteSpace(doi))
        {
            return null;
        }
        var value = doi.Trim().ToLowerInvariant();
        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                value = value[prefix.Length..];
            }
        }
        return value;
    }

    private static string? Signature(Reference item)
    {
        var title = Plain(item.Variables.GetValueOrDefault("title", ""));
        if (title.Length == 0)
        {
            return null;
        }
        var name = FirstName(item);
        var who = Plain(name?.Family ?? name?.Literal ?? "");
        return $"{title}|{Year(item)?.ToString(CultureInfo.InvariantCulture) ?? ""}|{who}";
    }

    /// <summary>Lower-case ASCII letters and digits only: accents dropped, everything else removed.</summary>
    internal static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
