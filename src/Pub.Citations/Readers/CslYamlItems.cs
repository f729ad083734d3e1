// One CSL-YAML item → Reference: ids, types, text and number variables, names, dates.
using System.Globalization;
using Pub.Syntax;
using YamlDotNet.RepresentationModel;

namespace Pub.Citations.Readers;

internal sealed class CslYamlItems(SourceText source, List<Diagnostic> diagnostics)
{
    /// <summary>The item types of CSL 1.0.2.</summary>
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
        "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
        "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
        "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
        "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
        "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
        "standard", "thesis", "treaty", "webpage",
    };

    private static readonly HashSet<string> NameVariables = new(StringComparer.Ordinal)
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer",
        "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
    };

    private static readonly HashSet<string> DateVariables = new(StringComparer.Ordinal)
    {
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    };

    /// <summary>Identifier variables are upper case in CSL; the lower-case spelling is common in YAML.</summary>
    private static readonly Dictionary<string, string> UpperCaseVariables = new(StringComparer.Ordinal)
    {
        ["doi"] = "DOI", ["isbn"] = "ISBN", ["issn"] = "ISSN", ["pmcid"] = "PMCID", ["pmid"] = "PMID", ["url"] = "URL",
    };

    /// <summary>Keys that are not variables and carry nothing the processor reads.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "custom", "categories", "citation-key" };

    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    /// <summary>The item nodes of a document: its root list, or the list under 'references'.</summary>
    public IEnumerable<YamlNode> Items(YamlNode? root)
    {
        switch (root)
        {
            case null:
                return [];
            case YamlScalarNode scalar when IsNull(scalar):
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children;
            case YamlMappingNode map when Child(map, "references") is { } references:
                if (references is YamlSequenceNode list)
                {
                    return list.Children;
                }
                if (references is YamlScalarNode empty && IsNull(empty))
                {
                    return [];
                }
                Error(Codes.InvalidBibItem, "'references' must be a list of items", references);
                return [];
            default:
                Error(Codes.InvalidBibItem, "expected a list of items, or a map with a 'references' list", root);
                return [];
        }
    }

    public Reference? Item(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(Codes.InvalidBibItem, "an item must be a map of CSL variables", node);
            return null;
        }
        var idNode = Child(map, "id");
        if (idNode is not YamlScalarNode { Value: { Length: > 0 } id } || IsNull((YamlScalarNode)idNode))
        {
            Error(Codes.InvalidBibItem, idNode is null ? "item has no 'id'" : "item 'id' must be text or a number", idNode ?? map);
            return null;
        }
        var type = ItemType(map, id);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);
        var dates = new Dictionary<string, DateValue>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || key is "id" or "type" || Ignored.Contains(key))
            {
                continue;
            }
            if (value is YamlScalarNode scalar && IsNull(scalar))
            {
                continue;
            }
            if (NameVariables.Contains(key))
            {
                if (NameList(value) is { Count: > 0 } list)
                {
                    names[key] = list;
                }
            }
            else if (DateVariables.Contains(key))
            {
                if (Date(key, value) is { } date)
                {
                    dates[key] = date;
                }
            }
            else if (Text(key, value) is { } text)
            {
                variables[UpperCaseVariables.GetValueOrDefault(key, key)] = text;
            }
        }
        return new Reference
        {
            Id = id,
            Type = type,
            Variables = variables,
            Names = names,
            Dates = dates,
            Span = Span(map),
        };
    }

    private string ItemType(YamlMappingNode map, string id)
    {
        var typeNode = Child(map, "type");
        if (typeNode is YamlScalarNode { Value: { } type } && Types.Contains(type))
        {
            return type;
        }
        var what = typeNode is YamlScalarNode { Value: { Length: > 0 } written } && !IsNull((YamlScalarNode)typeNode)
            ? $"unknown item type '{written}'"
            : "item has no 'type'";
        diagnostics.Add(Diagnostic.Warning(Codes.UnknownBibType, $"{what} for '{id}'; it is read as a CSL 'document'",
            Point(typeNode ?? map), "CSL types include article-journal, book, chapter, report, legal_case, legislation, treaty, webpage"));
        return "document";
    }

    /// <summary>A standard or number variable; numbers stay as written. A list of plain values (keywords)
    /// is joined with commas.</summary>
    private string? Text(string key, YamlNode value)
    {
        switch (value)
        {
            case YamlScalarNode scalar:
                return scalar.Value;
            case YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode):
                return string.Join(", ", list.Children.Select(c => ((YamlScalarNode)c).Value));
            default:
                Warning($"'{key}' must be text or a number", value);
                return null;
        }
    }

    private List<Name> NameList(YamlNode value)
    {
        var names = new List<Name>();
        var elements = value is YamlSequenceNode list ? list.Children : (IEnumerable<YamlNode>)[value];
        foreach (var element in elements)
        {
            switch (element)
            {
                case YamlScalarNode scalar when IsNull(scalar):
                    break;
                case YamlScalarNode scalar:
                    names.Add(NameFromText(scalar.Value ?? string.Empty));
                    break;
                case YamlMappingNode map:
                    if (NameFromMap(map) is { } name)
                    {
                        names.Add(name);
                    }
                    break;
                default:
                    Warning("a name must be a map (family, given …) or text, not a list", element);
                    break;
            }
        }
        return names;
    }

    /// <summary>"Family, Given" (or "Family, Suffix, Given"); without a comma, an institution.</summary>
    private static Name NameFromText(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => new Name { Literal = text.Trim() },
            2 => new Name { Family = parts[0], Given = NullIfEmpty(parts[1]) },
            _ => new Name { Family = parts[0], Suffix = NullIfEmpty(parts[1]), Given = NullIfEmpty(string.Join(", ", parts[2..])) },
        };
    }

    private Name? NameFromMap(YamlMappingNode map)
    {
        var name = new Name();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (valueNode is not YamlScalarNode scalar)
            {
                Warning($"name part '{key}' must be text", valueNode);
                continue;
            }
            if (IsNull(scalar))
            {
                continue;
            }
            var text = scalar.Value;
            switch (key)
            {
                case "family": name = name with { Family = text }; break;
                case "given": name = name with { Given = text }; break;
                case "literal": name = name with { Literal = text }; break;
                case "dropping-particle": name = name with { DroppingParticle = text }; break;
                case "non-dropping-particle": name = name with { NonDroppingParticle = text }; break;
                case "suffix": name = name with { Suffix = text }; break;
                case "comma-suffix": name = name with { CommaSuffix = IsTrue(scalar) }; break;
                case "static-ordering": name = name with { StaticOrdering = IsTrue(scalar) }; break;
                case "parse-names": name = name with { ParseNames = IsTrue(scalar) }; break;
                default:
                    Warning($"unknown name part '{key}' (expected family, given, literal, dropping-particle, non-dropping-particle or suffix)", keyNode);
                    break;
            }
        }
        if (name.Family is null && name.Given is null && name.Literal is null)
        {
            Warning("a name needs a family, given or literal part", map);
            return null;
        }
        return name;
    }

    /// <summary>
    /// A date: a map with date-parts (one or two [year, month?, day?] lists), season, circa, literal
    /// or raw; or text ("2010-01-07", "2010/2012"); or a bare year. An unreadable text date is kept
    /// as a literal with a warning so the item still shows it.
    /// </summary>
    private DateValue? Date(string key, YamlNode value)
    {
        if (value is YamlScalarNode scalar)
        {
            var text = scalar.Value ?? string.Empty;
            if (EdtfDate.Parse(text) is { } parsed)
            {
                return parsed;
            }
            Warning($"'{key}' date '{text}' is not a date such as 2010, 2010-01-07 or 2010/2012; it is kept as written", value);
            return new DateValue { Literal = text };
        }
        if (value is not YamlMappingNode map)
        {
            Warning($"'{key}' must be a date map (date-parts, literal, raw …) or text", value);
            return null;
        }
        var date = new DateValue();
        var readable = true;
        foreach (var (keyNode, part) in map.Children)
        {
            var partKey = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (partKey)
            {
                case "date-parts":
                    if (DateParts(part, out var season) is { } parts)
                    {
                        date = date with { Parts = parts, Season = date.Season ?? season };
                    }
                    else
                    {
                        readable = false;
                    }
                    break;
                case "season":
                    if (Season(part) is { } s)
                    {
                        date = date with { Season = s };
                    }
                    break;
                case "circa":
                    date = date with { Circa = part is YamlScalarNode c && IsTrue(c) };
                    break;
                case "literal" when part is YamlScalarNode literal:
                    date = date with { Literal = literal.Value };
                    break;
                case "raw" when part is YamlScalarNode raw:
                    date = date with { Raw = raw.Value };
                    if (date.Parts.Count == 0 && EdtfDate.Parse(raw.Value ?? string.Empty) is { } fromRaw)
                    {
                        date = date with { Parts = fromRaw.Parts, Season = date.Season ?? fromRaw.Season, Circa = date.Circa || fromRaw.Circa };
                    }
                    break;
                default:
                    Warning($"unknown date part '{partKey}' (expected date-parts, season, circa, literal or raw)", keyNode);
                    break;
            }
        }
        if (date.Parts.Count == 0 && date.Literal is null && date.Raw is null)
        {
            if (readable)
            {
                Warning($"'{key}' has no date-parts, literal or raw value", map);
            }
            return null;
        }
        return date;
    }

    private List<IReadOnlyList<int>>? DateParts(YamlNode node, out int? season)
    {
        season = null;
        if (node is not YamlSequenceNode { Children.Count: 1 or 2 } outer)
        {
            Warning("date-parts must be a list of one or two dates, such as [[2010, 1, 7]]", node);
            return null;
        }
        var result = new List<IReadOnlyList<int>>();
        foreach (var inner in outer.Children)
        {
            if (inner is not YamlSequenceNode { Children.Count: >= 1 and <= 3 } list)
            {
                Warning("each date in date-parts must be a list [year, month, day]", inner);
                return null;
            }
            var numbers = new List<int>();
            foreach (var element in list.Children)
            {
                if (element is not YamlScalarNode { Value: { } text }
                    || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    Warning("date-parts must hold whole numbers", element);
                    return null;
                }
                numbers.Add(number);
            }
            if (numbers.Count >= 2 && numbers[1] is >= 21 and <= 24)
            {
                season ??= numbers[1] - 20; // ISO 8601-2 seasons in the month position
                numbers.RemoveRange(1, numbers.Count - 1);
            }
            else if ((numbers.Count >= 2 && numbers[1] is < 1 or > 12) || (numbers.Count == 3 && numbers[2] is < 1 or > 31))
            {
                Warning("date-parts month must be 1-12 and day 1-31", list);
                return null;
            }
            result.Add(numbers);
        }
        return result;
    }

    private int? Season(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4)
            {
                return n;
            }
            var lower = text.Trim().ToLowerInvariant();
            var index = Array.IndexOf(Seasons, lower == "fall" ? "autumn" : lower);
            if (index >= 0)
            {
                return index + 1;
            }
        }
        Warning("season must be 1-4 or spring, summer, autumn, winter", node);
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A plain (unquoted) empty, "~" or "null" scalar is YAML's null.</summary>
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool IsTrue(YamlScalarNode scalar) =>
        scalar.Value is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v == "1");

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private SourceSpan Span(YamlNode node)
    {
        var start = CslYamlReader.Offset(source, node.Start);
        var end = CslYamlReader.Offset(source, node.End);
        return source.Span(start, Math.Max(0, end - start));
    }

    /// <summary>The node's span cut at the end of its first line, for diagnostics.</summary>
    private SourceSpan Point(YamlNode node)
    {
        var span = Span(node);
        var lineEnd = source.Text.IndexOf('\n', span.Start);
        var length = lineEnd < 0 ? span.Length : Math.Min(span.Length, lineEnd - span.Start);
        return source.Span(span.Start, Math.Max(1, length));
    }

    private void Error(DiagnosticCode code, string message, YamlNode node) =>
        diagnostics.Add(Diagnostic.Error(code, message, Point(node)));

    private void Warning(string message, YamlNode node) =>
        diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, message, Point(node)));
}
