// CSL-JSON (an array of items) → Reference list. A value of the wrong type is reported with its line
// and column and skipped (or, for a number in a text field, converted); the other items still load.
using System.Globalization;
using Pub.Syntax;

namespace Pub.Citations;

public sealed record CslJsonResult(IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics);

public static class CslJsonReader
{
    private static readonly HashSet<string> NumberVariables = new(StringComparer.Ordinal)
    {
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue",
        "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
        "printing-number", "section", "supplement-number", "version", "volume", "year-suffix",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["shortTitle"] = "title-short",
        ["journalAbbreviation"] = "container-title-short",
        ["journal-abbreviation"] = "container-title-short",
    };

    public static CslJsonResult Read(SourceText source)
    {
        var diagnostics = new List<Diagnostic>();
        if (!JsonSource.TryParse(source, Codes.InvalidBibItem, "CSL-JSON", out var root, out var syntaxError))
        {
            diagnostics.Add(syntaxError);
            return new CslJsonResult([], diagnostics);
        }
        var items = root switch
        {
            JsonArray a => a.Items,
            JsonObject o => [o],
            _ => null,
        };
        if (items is null)
        {
            diagnostics.Add(Diagnostic.Error(Codes.InvalidBibItem, "CSL-JSON must be an array of items", source.Span(root.Offset, 1)));
            return new CslJsonResult([], diagnostics);
        }
        var refs = new List<Reference>();
        // Where each id was first given: a later item with the same id is reported and skipped, as the
        // CSL-YAML and BibTeX readers do, so that every reader hands on one item per key.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not JsonObject obj)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidBibItem, "a CSL-JSON item must be an object", source.Span(item.Offset, 1)));
                continue;
            }
            var (id, idOffset) = ItemId(obj, source, seen, diagnostics);
            if (seen.TryGetValue(id, out var first))
            {
                diagnostics.Add(Diagnostic.Warning(Codes.DuplicateBibKey,
                    $"item id '{id}' is already used at line {source.LineColumn(first).Line.ToString(CultureInfo.InvariantCulture)}; this item is ignored",
                    source.Span(idOffset, 1)));
                continue;
            }
            seen[id] = idOffset;
            refs.Add(ReadItem(obj, id, source, diagnostics));
        }
        return new CslJsonResult(refs, diagnostics);
    }

    /// <summary>The item's id and where it is written. An item without one is named after its line
    /// ("item-12"), or its line and column when another item on that line took the name already.</summary>
    private static (string Id, int Offset) ItemId(JsonObject obj, SourceText source, Dictionary<string, int> seen, List<Diagnostic> diagnostics)
    {
        var written = obj["id"];
        switch (written)
        {
            case JsonString s:
                return (s.Value, s.Offset);
            case JsonNumber n:
                return (n.Raw, n.Offset);
        }
        var (line, column) = source.LineColumn(obj.Offset);
        var id = "item-" + line.ToString(CultureInfo.InvariantCulture);
        if (seen.ContainsKey(id))
        {
            id += "-" + column.ToString(CultureInfo.InvariantCulture);
        }
        diagnostics.Add(written is null or JsonNull
            ? Diagnostic.Warning(Codes.InvalidBibItem, $"CSL-JSON item has no \"id\"; using '{id}'", source.Span(obj.Offset, 1))
            : Diagnostic.Warning(Codes.InvalidBibItem, $"a CSL-JSON item's \"id\" must be text or a number; using '{id}'", source.Span(written.Offset, 1)));
        return (id, obj.Offset);
    }

    private static Reference ReadItem(JsonObject obj, string id, SourceText source, List<Diagnostic> diagnostics)
    {
        var type = (obj["type"] as JsonString)?.Value;
        if (type is null)
        {
            diagnostics.Add(obj["type"] is { } wrong and not JsonNull
                ? Diagnostic.Warning(Codes.InvalidBibItem, $"item '{id}': \"type\" must be a string; using \"article\"", source.Span(wrong.Offset, 1))
                : Diagnostic.Warning(Codes.InvalidBibItem, $"item '{id}' has no \"type\"; using \"article\"", source.Span(obj.Offset, 1)));
            type = "article";
        }
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);
        var dates = new Dictionary<string, DateValue>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in obj.Members)
        {
            var key = Aliases.GetValueOrDefault(rawKey, rawKey);
            if (key is "id" or "type")
            {
                continue;
            }
            if (key != rawKey && obj.Members.Any(m => m.Key == key))
            {
                // An alias ("journalAbbreviation") stands in only for a missing variable: the
                // item's own "container-title-short" wins wherever it is written.
                continue;
            }
            if (Evaluator.IsNameVariable(key))
            {
                if (value is JsonArray arr)
                {
                    var list = new List<Name>();
                    foreach (var n in arr.Items)
                    {
                        if (n is JsonObject no)
                        {
                            list.Add(ReadName(no, part => $"item '{id}': \"{part}\" of a name in \"{rawKey}\"", source, diagnostics));
                        }
                        else
                        {
                            diagnostics.Add(Diagnostic.Error(Codes.InvalidBibValue, $"item '{id}': a name in \"{rawKey}\" must be an object", source.Span(n.Offset, 1)));
                        }
                    }
                    names[key] = list;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(Codes.InvalidBibValue, $"item '{id}': \"{rawKey}\" must be an array of names", source.Span(value.Offset, 1)));
                }
                continue;
            }
            if (Evaluator.IsDateVariable(key))
            {
                var d = ReadDate(value, $"item '{id}': \"{rawKey}\"", source, diagnostics);
                if (d is null)
                {
                    diagnostics.Add(Diagnostic.Error(Codes.InvalidBibValue, $"item '{id}': \"{rawKey}\" is not a date", source.Span(value.Offset, 1)));
                }
                else
                {
                    if (value is JsonNumber number)
                    {
                        // CSL-JSON dates are objects or EDTF strings; a bare number is most likely a year.
                        // citeproc-js drops such a date (the entry prints "n.d."); pub reads it as written
                        // and says so, so that the author can fix the file instead of losing the year.
                        diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, $"item '{id}': \"{rawKey}\" should be a date object or a string, found a number; it is read as \"{number.Raw}\"",
                            source.Span(number.Offset, number.Raw.Length), "write {\"date-parts\": [[2001, 5, 31]]} or \"2001-05-31\""));
                    }
                    dates[key] = d;
                }
                continue;
            }
            switch (value)
            {
                case JsonString s:
                    vars[key] = s.Value;
                    break;
                case JsonNumber n:
                    if (!NumberVariables.Contains(key))
                    {
                        diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, $"item '{id}': \"{rawKey}\" should be a string, found a number", source.Span(n.Offset, n.Raw.Length)));
                    }
                    vars[key] = n.Raw;
                    break;
                case JsonNull:
                case JsonBool:
                    break;
                default:
                    // Non-CSL keys may hold anything; report only known text variables.
                    if (KnownText(key))
                    {
                        diagnostics.Add(Diagnostic.Error(Codes.InvalidBibValue, $"item '{id}': \"{rawKey}\" should be a string", source.Span(value.Offset, 1)));
                    }
                    break;
            }
        }
        ReadNoteFields(vars, names, dates);
        return new Reference
        {
            Id = id,
            Type = type,
            Variables = vars,
            Names = names,
            Dates = dates,
            Span = source.Span(obj.Offset, 1),
        };
    }

    /// <summary>Lines "variable: value" in the note field supply variables the item lacks (a common
    /// convention of reference managers for fields their own schema does not have). A name is written
    /// "Family || Given", or as one literal name; each line of a name variable adds one name.</summary>
    private static void ReadNoteFields(Dictionary<string, string> vars, Dictionary<string, IReadOnlyList<Name>> names, Dictionary<string, DateValue> dates)
    {
        if (!vars.TryGetValue("note", out var note) || !note.Contains(':', StringComparison.Ordinal))
        {
            return;
        }
        var fromNote = new Dictionary<string, List<Name>>(StringComparer.Ordinal);
        foreach (var line in note.Split('\n'))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line.Trim(), @"^\{?:?([a-z][a-z-]*[a-z]):\s*(.+?)\}?$");
            if (!m.Success)
            {
                continue;
            }
            var key = m.Groups[1].Value;
            var value = m.Groups[2].Value.Trim();
            if (Evaluator.IsNameVariable(key))
            {
                if ((!names.ContainsKey(key) || fromNote.ContainsKey(key)) && NoteName(value) is { } name)
                {
                    var list = fromNote.TryGetValue(key, out var l) ? l : fromNote[key] = [];
                    list.Add(name);
                    names[key] = list;
                }
                continue;
            }
            if (Evaluator.IsDateVariable(key))
            {
                if (!dates.ContainsKey(key))
                {
                    dates[key] = DateParsing.FromRaw(value);
                }
                continue;
            }
            if (KnownText(key) || NumberVariables.Contains(key) || key.EndsWith("-title", StringComparison.Ordinal) || key.EndsWith("-short", StringComparison.Ordinal))
            {
                vars.TryAdd(key, value);
            }
        }
    }

    private static Name? NoteName(string written)
    {
        var parts = written.Split("||");
        return parts.Length switch
        {
            1 => new Name { Literal = written.Trim() },
            2 => new Name { Family = parts[0].Trim(), Given = parts[1].Trim() },
            _ => null,
        };
    }

    private static bool KnownText(string key) => key is "title" or "container-title" or "collection-title" or "publisher" or "publisher-place"
        or "URL" or "DOI" or "ISBN" or "ISSN" or "abstract" or "note" or "genre" or "medium" or "event" or "event-place"
        or "authority" or "archive" or "title-short" or "container-title-short" or "language" or "source" or "status";

    private static string? Str(JsonValue? v) => v switch
    {
        JsonString s => s.Value,
        JsonNumber n => n.Raw,
        _ => null,
    };

    private static bool Truthy(JsonValue? v) => v switch
    {
        JsonBool b => b.Value,
        JsonString s => s.Value is "true" or "1" or "yes",
        JsonNumber n => n.Raw != "0",
        _ => false,
    };

    /// <summary>A name object. A part of the wrong kind is reported at its value: a number is kept as
    /// written (a warning), a list, object or true/false is dropped (an error).</summary>
    /// <param name="where">The start of a message about a part: item 'x': "family" of a name in "author".</param>
    private static Name ReadName(JsonObject o, Func<string, string> where, SourceText source, List<Diagnostic> diagnostics)
    {
        string? Part(string key)
        {
            switch (o[key])
            {
                case JsonString s:
                    return s.Value;
                case JsonNumber n:
                    diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, where(key) + " should be a string, found a number",
                        source.Span(n.Offset, n.Raw.Length)));
                    return n.Raw;
                case null or JsonNull:
                    return null;
                case var other:
                    diagnostics.Add(Diagnostic.Error(Codes.InvalidBibValue, where(key) + " should be a string", source.Span(other.Offset, 1)));
                    return null;
            }
        }
        var name = new Name
        {
            Family = Part("family"),
            Given = Part("given"),
            DroppingParticle = Part("dropping-particle"),
            NonDroppingParticle = Part("non-dropping-particle"),
            Suffix = Part("suffix"),
            Literal = Part("literal"),
            CommaSuffix = Truthy(o["comma-suffix"]),
            StaticOrdering = Truthy(o["static-ordering"]),
            ParseNames = o["parse-names"] is null || Truthy(o["parse-names"]),
        };
        if (name.Literal is null && Truthy(o["isInstitution"]) && name.Family is not null && name.Given is null)
        {
            name = name with { Literal = name.Family, Family = null };
        }
        return NameParsing.Normalize(name);
    }

    /// <param name="where">The start of a message: item 'x': "issued".</param>
    private static DateValue? ReadDate(JsonValue v, string where, SourceText source, List<Diagnostic> diagnostics)
    {
        if (v is JsonString s)
        {
            return DateParsing.FromRaw(s.Value);
        }
        if (v is JsonNumber num)
        {
            return DateParsing.FromRaw(num.Raw);
        }
        if (v is not JsonObject o)
        {
            return null;
        }
        var parts = new List<IReadOnlyList<int>>();
        if (o["date-parts"] is JsonArray dp)
        {
            foreach (var p in dp.Items)
            {
                if (p is not JsonArray pa)
                {
                    continue;
                }
                var ints = new List<int>();
                foreach (var x in pa.Items)
                {
                    var str = Str(x)?.Trim();
                    if (str is null || !int.TryParse(str, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                    {
                        // An empty string stands for a missing part; anything else is a mistake worth
                        // showing. Either way the parts before it are kept.
                        if (str is not "")
                        {
                            diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, $"{where} has a date part that is not a whole number; it and the parts after it are dropped",
                                source.Span(x.Offset, 1)));
                        }
                        break;
                    }
                    ints.Add(i);
                }
                if (ints.Count > 0)
                {
                    parts.Add(ints);
                }
            }
        }
        int? season = null;
        if (Str(o["season"]) is { } seasonText)
        {
            season = int.TryParse(seasonText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) ? si
                : seasonText.ToLowerInvariant() switch { "spring" => 1, "summer" => 2, "autumn" or "fall" => 3, "winter" => 4, _ => null };
        }
        var raw = Str(o["raw"]);
        var literal = Str(o["literal"]);
        if (parts.Count == 0 && raw is not null)
        {
            var parsed = DateParsing.FromRaw(raw);
            parts.AddRange(parsed.Parts);
            season ??= parsed.Season;
            if (parsed.Parts.Count == 0)
            {
                literal ??= raw;
            }
        }
        if (parts.Count == 0 && literal is null && raw is null)
        {
            return null;
        }
        return new DateValue { Parts = parts, Season = season, Circa = Truthy(o["circa"]), Literal = literal, Raw = raw };
    }
}
