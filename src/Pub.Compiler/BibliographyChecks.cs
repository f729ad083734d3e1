using System.Globalization;
using System.Text;
using Pub.Citations;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Consistency checks over the bibliographies a build uses, reported once per build at the entries'
/// positions: the same work entered twice, a key defined in two files a manuscript uses, an entry that
/// no manuscript cites, and a cited entry without a field the house style prints for its type.
/// </summary>
internal static class BibliographyChecks
{
    /// <summary>Fields the house styles print for each type; an entry without one renders incomplete.</summary>
    private static readonly Dictionary<string, string[]> ExpectedFields = new(StringComparer.Ordinal)
    {
        ["book"] = ["title", "issued", "publisher"],
        ["chapter"] = ["title", "container-title", "issued", "publisher"],
        ["article-journal"] = ["title", "container-title", "issued"],
        ["article"] = ["title", "issued"],
        ["report"] = ["title", "issued", "publisher"],
        ["legal_case"] = ["title", "authority", "issued"],
        ["legislation"] = ["title", "issued"],
        ["treaty"] = ["title", "issued"],
        ["webpage"] = ["title", "URL"],
        ["thesis"] = ["title", "issued", "publisher"],
    };

    public static IEnumerable<Diagnostic> Duplicates(IReadOnlyList<Reference> all)
    {
        var seen = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var reference in all)
        {
            foreach (var identity in Identities(reference))
            {
                if (seen.TryGetValue(identity, out var first) && !ReferenceEquals(first, reference) && first.Id != reference.Id)
                {
                    yield return Diagnostic.Warning(Codes.DuplicateWork,
                        $"'{reference.Id}' is the same work as '{first.Id}' at {Where(first)}",
                        reference.Span, identity.StartsWith("doi:", StringComparison.Ordinal) ? "both have the same DOI: keep one entry and cite it everywhere" : "both have the same title, year and first author: keep one entry and cite it everywhere");
                    break;
                }
                seen.TryAdd(identity, reference);
            }
        }
    }

    /// <summary>Two files a manuscript uses define the same key: the first file named wins.</summary>
    public static Diagnostic Shadowed(Reference winner, Reference loser) =>
        Diagnostic.Warning(Codes.ShadowedKey,
            $"key '{loser.Id}' is also defined at {Where(winner)}; that entry wins, this one is not used",
            loser.Span, "a manuscript's bibliographies are searched in the order the front matter names them; rename one of the keys or delete one entry");

    /// <summary>How many uncited entries of one file a build reports one by one; more are summed up in one line.</summary>
    internal const int UncitedListedEach = 5;

    /// <summary>
    /// Entries no manuscript cites. A series' shared bibliography may hold hundreds, and a build would print
    /// each of them every time: unless <paramref name="listEach"/> (pub check), a file with more than
    /// <see cref="UncitedListedEach"/> gets one line at its first uncited entry, with their number and the first
    /// keys.
    /// </summary>
    public static IEnumerable<Diagnostic> Uncited(IReadOnlyList<Reference> all, ISet<string> cited, bool listEach)
    {
        var uncited = all.Where(r => r.Span is not null && !cited.Contains(r.Id)).ToList();
        foreach (var file in uncited.GroupBy(r => r.Span!.Value.Source.Path, StringComparer.Ordinal))
        {
            var entries = file.ToList();
            if (listEach || entries.Count <= UncitedListedEach)
            {
                foreach (var r in entries)
                {
                    yield return Diagnostic.Info(Codes.UncitedEntry, $"entry '{r.Id}' is not cited by any manuscript", r.Span,
                        "cite it, list it under nocite in a front matter, or delete it");
                }
                continue;
            }
            var count = entries.Count.ToString(CultureInfo.InvariantCulture);
            var more = (entries.Count - 3).ToString(CultureInfo.InvariantCulture);
            yield return Diagnostic.Info(Codes.UncitedEntry,
                $"{count} entries of this file are not cited by any manuscript: {string.Join(", ", entries.Take(3).Select(r => $"'{r.Id}'"))} and {more} more",
                entries[0].Span,
                "'pub check' lists each of them at its entry; cite them, list them under nocite in a front matter, or delete them");
        }
    }

    public static IEnumerable<Diagnostic> MissingFields(IEnumerable<Reference> cited)
    {
        foreach (var reference in cited)
        {
            if (!ExpectedFields.TryGetValue(reference.Type, out var fields))
            {
                continue;
            }
            var missing = fields.Where(f => !Has(reference, f)).ToList();
            if (reference.Type is "book" or "report" or "chapter" or "article-journal" && !reference.Names.ContainsKey("author") && !reference.Names.ContainsKey("editor"))
            {
                missing.Insert(0, "author");
            }
            if (missing.Count > 0)
            {
                yield return Diagnostic.Warning(Codes.IncompleteEntry,
                    $"entry '{reference.Id}' ({reference.Type}) has no {string.Join(", ", missing)}", reference.Span,
                    $"the citation style prints {string.Join(", ", missing)} for a {reference.Type.Replace('_', ' ')}; add {(missing.Count == 1 ? "it" : "them")} to the entry");
            }
        }
    }

    private static bool Has(Reference reference, string field) =>
        reference.Variables.ContainsKey(field) || reference.Dates.ContainsKey(field) || reference.Names.ContainsKey(field);

    private static IEnumerable<string> Identities(Reference reference)
    {
        if (reference.Variables.TryGetValue("DOI", out var doi) && doi.Trim().Length > 0)
        {
            yield return "doi:" + doi.Trim().ToLowerInvariant();
        }
        if (reference.Variables.TryGetValue("title", out var title) && reference.Dates.TryGetValue("issued", out var issued)
            && issued.Parts.Count > 0 && issued.Parts[0].Count > 0)
        {
            var names = reference.Names.TryGetValue("author", out var a) ? a : reference.Names.TryGetValue("editor", out var e) ? e : [];
            var first = names.Count > 0 ? (names[0].Family ?? names[0].Literal ?? "") : "";
            yield return string.Create(CultureInfo.InvariantCulture, $"work:{Normalize(title)}|{issued.Parts[0][0]}|{Normalize(first)}");
        }
    }

    private static string Normalize(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    private static string Where(Reference reference) => reference.Span is { } span ? span.ToString() : "(generated)";

    /// <summary>Every key cited anywhere in the documents, chapters and notes included.</summary>
    public static HashSet<string> CitedKeys(IEnumerable<Document> documents) =>
        [.. documents.SelectMany(d => new[] { d }.Concat(d.Chapters))
            .SelectMany(d => Walk.AllInlines(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))))
            .OfType<Cite>()
            .SelectMany(c => c.Items)
            .Select(i => i.Key)
            .Concat(documents.SelectMany(d => new[] { d }.Concat(d.Chapters)).SelectMany(d => d.Meta.Nocite))];
}
