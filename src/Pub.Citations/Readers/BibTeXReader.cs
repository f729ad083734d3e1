// Reads BibTeX and BibLaTeX files into CSL items. Three steps, one file each:
//   BibTeXSyntax   items and fields, @string and '#', malformed-entry recovery
//   (this file)    duplicate keys, crossref and xdata inheritance
//   BibTeXMapping  entry → Reference, with BibTeXLatex (LaTeX → Unicode), BibTeXNames, EdtfDate
using Pub.Syntax;

namespace Pub.Citations.Readers;

public static class BibTeXReader
{
    /// <summary>Reads every entry of a BibTeX/BibLaTeX file. Problems come back as diagnostics;
    /// a malformed entry is skipped and the rest of the file still loads.</summary>
    public static (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics) Read(SourceText source)
    {
        var diagnostics = new List<Diagnostic>();
        var entries = BibTeXSyntax.Parse(source, diagnostics);

        var byKey = new Dictionary<string, BibTeXEntry>(StringComparer.Ordinal);
        var unique = new List<BibTeXEntry>();
        foreach (var entry in entries)
        {
            if (byKey.TryAdd(entry.Key, entry))
            {
                unique.Add(entry);
            }
            else
            {
                var first = byKey[entry.Key].Span;
                diagnostics.Add(Diagnostic.Warning(Codes.DuplicateBibKey,
                    $"entry key '{entry.Key}' is already used at line {first.Line}; this entry is ignored", entry.Span));
            }
        }

        var inheritance = new Inheritance(byKey, diagnostics);
        var references = new List<Reference>();
        foreach (var entry in unique)
        {
            if (entry.Type == "xdata")
            {
                continue; // xdata entries only lend fields to others
            }
            references.Add(BibTeXMapping.ToReference(entry, inheritance.Resolve(entry), diagnostics));
        }
        return (references, diagnostics);
    }

    /// <summary>
    /// Field inheritance. xdata copies every field the child lacks. crossref follows BibLaTeX's
    /// defaults: the parent's title becomes the child's booktitle (maintitle for multi-volume
    /// parents), the parent's author is also the child's bookauthor for parts of books, and the
    /// remaining fields are copied when the child lacks them, except the parent's own identity
    /// (titles, keys, labels). Parents resolve first, so chains work; a cycle stops at the repeat.
    /// </summary>
    private sealed class Inheritance(Dictionary<string, BibTeXEntry> byKey, List<Diagnostic> diagnostics)
    {
        private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal)
        {
            "crossref", "xref", "xdata", "ids", "entryset", "label", "shorthand", "sortkey", "options",
            "title", "subtitle", "titleaddon", "shorttitle", "sorttitle", "indextitle", "indexsorttitle",
        };

        private readonly Dictionary<string, IReadOnlyDictionary<string, BibTeXField>> _resolved = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, BibTeXField> Resolve(BibTeXEntry entry)
        {
            if (_resolved.TryGetValue(entry.Key, out var done))
            {
                return done;
            }
            if (!_inProgress.Add(entry.Key))
            {
                return entry.Fields;
            }
            var fields = new Dictionary<string, BibTeXField>(entry.Fields, StringComparer.Ordinal);
            if (entry.Fields.TryGetValue("xdata", out var xdata))
            {
                foreach (var key in xdata.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Find(key, xdata) is { } parent)
                    {
                        foreach (var (name, field) in Resolve(parent))
                        {
                            if (name != "xdata")
                            {
                                fields.TryAdd(name, field);
                            }
                        }
                    }
                }
            }
            if (entry.Fields.TryGetValue("crossref", out var crossref) && Find(crossref.Value.Trim(), crossref) is { } crossParent)
            {
                InheritFrom(crossParent, Resolve(crossParent), entry.Type, fields);
            }
            _inProgress.Remove(entry.Key);
            _resolved[entry.Key] = fields;
            return fields;
        }

        private static void InheritFrom(BibTeXEntry parent, IReadOnlyDictionary<string, BibTeXField> parentFields, string childType, Dictionary<string, BibTeXField> fields)
        {
            var multiVolume = parent.Type.StartsWith("mv", StringComparison.Ordinal);
            void Map(string from, string to)
            {
                if (parentFields.TryGetValue(from, out var field))
                {
                    fields.TryAdd(to, field with { Name = to });
                }
            }
            Map("title", multiVolume ? "maintitle" : "booktitle");
            Map("subtitle", multiVolume ? "mainsubtitle" : "booksubtitle");
            if (childType is "inbook" or "bookinbook" or "suppbook")
            {
                Map("author", "bookauthor");
            }
            foreach (var (name, field) in parentFields)
            {
                if (!NotInherited.Contains(name))
                {
                    fields.TryAdd(name, field);
                }
            }
        }

        private BibTeXEntry? Find(string key, BibTeXField reference)
        {
            if (byKey.TryGetValue(key, out var entry))
            {
                return entry;
            }
            // BibTeX itself compares keys without case; accept that, but only if it is unambiguous.
            var matches = byKey.Values.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
            diagnostics.Add(Diagnostic.Warning(Codes.UnknownCrossref,
                $"{reference.Name} names '{key}', which is not an entry of this file", reference.ValueSpan));
            return null;
        }
    }
}
