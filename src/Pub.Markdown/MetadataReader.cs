using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Markdown;

/// <summary>Validates front matter and turns it into <see cref="Metadata"/>. Every problem is reported with
/// the position of the offending key or value; reading goes on after a problem so that all are reported.</summary>
internal sealed partial class MetadataReader
{
    /// <summary>Every field a manuscript may carry; documented in the README.</summary>
    public static readonly IReadOnlyList<string> KnownFields =
    [
        "series", "number", "edition", "title", "subtitle", "short-title", "authors", "editors", "date",
        "language", "abstract", "keywords", "isbn", "doi", "licence", "copyright", "disclaimer", "status",
        "bibliography", "csl", "type", "chapters", "chapters-open", "bibliography-scope", "nocite",
    ];

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly int _lineOffset;
    private readonly Func<string, IReadOnlyList<Block>> _parseMarkdown;
    private readonly Dictionary<string, SourceSpan> _spans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceSpan> _valueSpans = new(StringComparer.Ordinal);

    public MetadataReader(SourceText source, DiagnosticBag diagnostics, int firstYamlLine, Func<string, IReadOnlyList<Block>> parseMarkdown)
    {
        _source = source;
        _diagnostics = diagnostics;
        _lineOffset = firstYamlLine - 1;
        _parseMarkdown = parseMarkdown;
    }

    public IReadOnlyDictionary<string, SourceSpan> Spans => _spans;

    /// <summary>Where each field's value stands (the whole value, quotes included).</summary>
    public IReadOnlyDictionary<string, SourceSpan> ValueSpans => _valueSpans;

    public Metadata Read(YamlMappingNode map, ManuscriptKind expected, SourceSpan wholeFile)
    {
        var meta = new Metadata();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keySpan = SpanOf(keyNode);
            _spans[key] = keySpan;
            _valueSpans[key] = SpanOf(value);
            if (value is YamlSequenceNode items && key != "chapters")
            {
                // Each item of a list, for diagnostics about one of them ("chapters/2" is the third chapter).
                var index = 0;
                foreach (var item in items)
                {
                    _valueSpans[string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}/{index++}")] = SpanOf(item);
                }
            }
            if (!KnownFields.Contains(key, StringComparer.Ordinal))
            {
                var guess = Suggestions.Closest(key, KnownFields);
                _diagnostics.Add(Diagnostic.Warning(Codes.UnknownField, $"unknown front-matter field '{key}': its value is not used", keySpan,
                    guess is null ? $"known fields: {string.Join(", ", KnownFields)}" : $"did you mean '{guess}'?"));
                continue;
            }
            seen[key] = value;
        }

        var kind = expected;
        if (seen.TryGetValue("type", out var typeNode))
        {
            var type = Scalar(typeNode, "type");
            kind = type switch
            {
                "paper" or "report" => expected == ManuscriptKind.Chapter ? ManuscriptKind.Chapter : ManuscriptKind.Paper,
                "handbook" => ManuscriptKind.Handbook,
                "chapter" => ManuscriptKind.Chapter,
                null => kind,
                _ => Invalid(typeNode, "type", $"'{type}' is not a manuscript type", "use 'paper' or 'handbook'", kind),
            };
        }
        meta = meta with { Kind = kind };

        foreach (var (key, node) in seen)
        {
            meta = key switch
            {
                "series" => meta with { Series = Scalar(node, key) },
                "number" => meta with { Number = PositiveInt(node, key) },
                "edition" => meta with { Edition = PositiveInt(node, key) ?? 1 },
                "title" => meta with { Title = Scalar(node, key) ?? "" },
                "subtitle" => meta with { Subtitle = Scalar(node, key) },
                "short-title" => meta with { ShortTitle = Scalar(node, key) },
                "authors" => meta with { Authors = People(node, key) },
                "editors" => meta with { Editors = People(node, key) },
                "date" => meta with { Date = Date(node, key) },
                "language" => meta with { Language = Language(node, key) ?? meta.Language },
                "abstract" => meta with { Abstract = Scalar(node, key) is { } text ? _parseMarkdown(text) : [] },
                "keywords" => meta with { Keywords = StringList(node, key, splitCommas: true) },
                "isbn" => meta with { Isbn = Scalar(node, key) },
                "doi" => meta with { Doi = Doi(node, key) },
                "licence" => meta with { Licence = Scalar(node, key) },
                "copyright" => meta with { Copyright = Scalar(node, key) },
                "disclaimer" => meta with { Disclaimer = Scalar(node, key) },
                "status" => meta with { Status = Status(node, key) },
                "bibliography" => meta with { Bibliography = StringList(node, key, splitCommas: false) },
                "csl" => meta with { Csl = Scalar(node, key) },
                "chapters" => ChaptersField(meta, node, key),
                "chapters-open" => meta with { ChaptersOpenRight = ChaptersOpen(node, key) },
                "bibliography-scope" => meta with { BibliographyScope = Scope(node, key, kind) },
                "nocite" => meta with { Nocite = Nocite(node, key) },
                _ => meta,
            };
        }

        RequireFields(meta, seen, wholeFile);
        return meta;
    }

    private void RequireFields(Metadata meta, Dictionary<string, YamlNode> seen, SourceSpan wholeFile)
    {
        var required = new List<string> { "title" };
        if (meta.Kind != ManuscriptKind.Chapter)
        {
            required.Add("series");
        }
        required.Add(meta.Kind == ManuscriptKind.Handbook ? "editors" : "authors");
        if (meta.Kind == ManuscriptKind.Handbook)
        {
            required.Add("chapters");
        }
        if (meta.Status == ManuscriptStatus.Final && meta.Kind != ManuscriptKind.Chapter)
        {
            required.Add("number");
            required.Add("date");
        }
        foreach (var field in required)
        {
            if (!seen.ContainsKey(field))
            {
                var why = field is "number" or "date" ? " (a manuscript with status: final needs it)" : "";
                _diagnostics.Add(Diagnostic.Error(Codes.MissingField, $"required field '{field}' is missing{why}", wholeFile,
                    $"add a line '{field}: …' to the front matter"));
            }
        }
    }

    /// <summary>The span of a node, on its first line. YamlDotNet gives a collection the end mark of its
    /// start, so a collection reaches to the end of its last descendant (and a flow collection's closing
    /// bracket); a node over several lines is cut at the end of its first line.</summary>
    private SourceSpan SpanOf(YamlNode node)
    {
        var line = (int)node.Start.Line + _lineOffset;
        var start = _source.Offset(line, (int)node.Start.Column);
        var lineEnd = _source.Offset(line, 1) + _source.Line(line).Length;
        var last = LastMark(node);
        var end = last.Line == node.Start.Line ? _source.Offset((int)last.Line + _lineOffset, (int)last.Column) : lineEnd;
        if (node is YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } or YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow })
        {
            // Take in the closing brackets (of this collection and of nested ones) after the last value.
            var text = _source.Text;
            for (var at = end; at < lineEnd && text[at] is ' ' or '\t' or ']' or '}'; at++)
            {
                if (text[at] is ']' or '}')
                {
                    end = at + 1;
                }
            }
        }
        end = Math.Min(end, lineEnd);
        return _source.Span(start, Math.Max(1, end - start));
    }

    private static YamlDotNet.Core.Mark LastMark(YamlNode node) => node switch
    {
        YamlMappingNode map when map.Children.Count > 0 => LastMark(map.Children.Last().Value),
        YamlSequenceNode list when list.Children.Count > 0 => LastMark(list.Children[^1]),
        _ => node.End,
    };

    private T Invalid<T>(YamlNode node, string key, string message, string hint, T fallback)
    {
        _diagnostics.Add(Diagnostic.Error(Codes.InvalidField, $"field '{key}': {message}", SpanOf(node), hint));
        return fallback;
    }

    private string? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }
        return Invalid<string?>(node, key, "expected a single value, found a " + (node is YamlSequenceNode ? "list" : "set of fields"),
            $"write '{key}: value' on one line", null);
    }

    private int? PositiveInt(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }
        return Invalid<int?>(node, key, $"'{text}' is not a positive whole number", $"write for example '{key}: 3'", null);
    }

    private PublicationDate? Date(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }
        if (IsoDate.TryParse(text, out var date))
        {
            return new PublicationDate(date.Year, date.Month, date.Day);
        }
        return Invalid<PublicationDate?>(node, key, $"'{text}' is not a date", "write the date as YYYY-MM-DD, for example 2024-03-15", null);
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    private string? Language(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }
        if (LanguageTag().IsMatch(text))
        {
            return text;
        }
        return Invalid<string?>(node, key, $"'{text}' is not a BCP 47 language tag", "write for example 'en', 'ru' or 'en-GB'", null);
    }

    [GeneratedRegex(@"^10\.\d{4,9}/\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();

    private string? Doi(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        if (text is null || DoiPattern().IsMatch(text))
        {
            return text;
        }
        return Invalid<string?>(node, key, $"'{text}' is not a DOI", "a DOI looks like 10.1234/abcd (without https://doi.org/)", text);
    }

    private ManuscriptStatus Status(YamlNode node, string key) => Scalar(node, key) switch
    {
        "draft" or null => ManuscriptStatus.Draft,
        "final" => ManuscriptStatus.Final,
        var other => Invalid(node, key, $"'{other}' is not a status", "use 'draft' or 'final'", ManuscriptStatus.Draft),
    };

    /// <summary>
    /// A handbook's contributions: a list of chapter files, in which an item may instead be a part, a mapping
    /// with its title under <c>part</c> and its own list of files under <c>chapters</c>. The files of all parts
    /// make one list of chapters; where each file stands is kept as "chapters/N" (N counting every file), where
    /// each part stands as "parts/N".
    /// </summary>
    private Metadata ChaptersField(Metadata meta, YamlNode node, string key)
    {
        if (node is not YamlSequenceNode items)
        {
            return meta with { Chapters = StringList(node, key, splitCommas: false) };
        }
        var files = new List<string>();
        var parts = new List<VolumePart>();
        foreach (var item in items)
        {
            if (item is YamlMappingNode part)
            {
                var title = part.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "part").Value is { } titleNode ? Scalar(titleNode, "part") : null;
                var listed = part.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "chapters").Value;
                var unknown = part.Children.Select(c => (c.Key as YamlScalarNode)?.Value).FirstOrDefault(k => k is not ("part" or "chapters"));
                if (title is null || unknown is not null)
                {
                    Invalid(part, key, unknown is null ? "a part needs a title" : $"a part has a title and chapters, not '{unknown}'",
                        "write a part as '- part: \"Title\"' with its files under 'chapters:' indented below it", 0);
                    continue;
                }
                var first = files.Count;
                var partFiles = listed is null ? [] : StringList(listed, key, splitCommas: false);
                for (var i = 0; i < partFiles.Count; i++)
                {
                    _valueSpans[string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chapters/{files.Count}")] =
                        listed is YamlSequenceNode list && i < list.Children.Count ? SpanOf(list.Children[i]) : SpanOf(listed!);
                    files.Add(partFiles[i]);
                }
                var span = SpanOf(part);
                if (partFiles.Count == 0)
                {
                    _diagnostics.Add(Diagnostic.Error(Codes.EmptyPart, $"part '{title}' lists no chapters", span,
                        "list its chapter files under 'chapters:' indented below the part, or delete the part"));
                }
                _valueSpans[string.Create(System.Globalization.CultureInfo.InvariantCulture, $"parts/{parts.Count}")] = span;
                parts.Add(new VolumePart(title, first, partFiles.Count) { Span = span });
            }
            else if (Scalar(item, key) is { } file)
            {
                _valueSpans[string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chapters/{files.Count}")] = SpanOf(item);
                files.Add(file);
            }
        }
        return meta with { Chapters = files, Parts = parts };
    }

    private bool ChaptersOpen(YamlNode node, string key) => Scalar(node, key) switch
    {
        "right" or null => true,
        "any" => false,
        var other => Invalid(node, key, $"'{other}' is not a page chapters can open on", "use 'right' (a right-hand page, the default) or 'any' (the next page)", true),
    };

    private BibliographyScope Scope(YamlNode node, string key, ManuscriptKind kind)
    {
        var scope = Scalar(node, key) switch
        {
            "chapter" or null => BibliographyScope.Chapter,
            "volume" => BibliographyScope.Volume,
            var other => Invalid(node, key, $"'{other}' is not a bibliography scope",
                "use 'chapter' (a bibliography at the end of each chapter, the default) or 'volume' (one bibliography after the last chapter)", BibliographyScope.Chapter),
        };
        if (kind != ManuscriptKind.Handbook)
        {
            _diagnostics.Add(Diagnostic.Warning(Codes.UnknownField, $"field '{key}' is used only in a handbook's front matter: its value is not used", SpanOf(node),
                "a paper has one bibliography; in a handbook, set it in the volume's front matter, not a chapter's"));
            return BibliographyScope.Chapter;
        }
        return scope;
    }

    private List<string> StringList(YamlNode node, string key, bool splitCommas)
    {
        if (node is YamlScalarNode)
        {
            var text = Scalar(node, key);
            if (text is null)
            {
                return [];
            }
            return splitCommas
                ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [text];
        }
        if (node is YamlSequenceNode list)
        {
            var result = new List<string>();
            foreach (var item in list)
            {
                if (Scalar(item, key) is { } value)
                {
                    result.Add(value);
                }
            }
            return result;
        }
        return Invalid(node, key, "expected a list of values", $"write '{key}: [a, b]'", new List<string>());
    }

    private List<string> Nocite(YamlNode node, string key) =>
        [.. StringList(node, key, splitCommas: true)
            .SelectMany(s => s.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.TrimStart('@'))];

    private List<Person> People(YamlNode node, string key)
    {
        if (node is YamlScalarNode)
        {
            return Scalar(node, key) is { } name ? [new Person(name)] : [];
        }
        if (node is not YamlSequenceNode list)
        {
            return Invalid(node, key, "expected a list of people", $"write '{key}:' followed by lines '  - name: …'", new List<Person>());
        }
        var people = new List<Person>();
        foreach (var item in list)
        {
            if (item is YamlScalarNode)
            {
                if (Scalar(item, key) is { } name)
                {
                    people.Add(new Person(name));
                }
                continue;
            }
            if (item is not YamlMappingNode map)
            {
                Invalid<object?>(item, key, "each entry must be a name or a set of fields (name, affiliation, orcid, email)", "write '- name: …'", null);
                continue;
            }
            string? Field(string field) =>
                map.Children.TryGetValue(new YamlScalarNode(field), out var v) ? Scalar(v, $"{key}.{field}") : null;
            foreach (var child in map.Children.Keys)
            {
                var childKey = (child as YamlScalarNode)?.Value ?? "";
                if (childKey is not ("name" or "family" or "affiliation" or "orcid" or "email"))
                {
                    var guess = Suggestions.Closest(childKey, ["name", "family", "affiliation", "orcid", "email"]);
                    _diagnostics.Add(Diagnostic.Warning(Codes.UnknownField, $"unknown field '{childKey}' in {key}: its value is not used", SpanOf(child),
                        guess is null ? "a person has name, family, affiliation, orcid and email" : $"did you mean '{guess}'?"));
                }
            }
            var personName = Field("name");
            if (personName is null)
            {
                _diagnostics.Add(Diagnostic.Error(Codes.MissingField, $"an entry of '{key}' has no name", SpanOf(item), "add '  name: …' to the entry"));
                continue;
            }
            var family = Field("family");
            if (family is not null && !personName.EndsWith(" " + family, StringComparison.Ordinal))
            {
                family = Invalid<string?>(map.Children[new YamlScalarNode("family")], $"{key}.family",
                    $"'{family}' is not the end of the name '{personName}'", "write the family name as it ends the name, e.g. 'family: Ferrer Molina' for 'Lucía Ferrer Molina'", null);
            }
            people.Add(new Person(personName, Field("affiliation"), Field("orcid"), Field("email"), family));
        }
        return people;
    }
}
