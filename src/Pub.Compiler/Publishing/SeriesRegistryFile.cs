using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>Reads and writes the series registry. Reading reports every problem at its position (PUB1107);
/// writing produces the same text for the same registry, so that version control shows only real changes.</summary>
public static class SeriesRegistryFile
{
    private const string Hint = "restore the registry from version control; pub publish writes it";

    /// <summary>The registry of a series; an empty one when the file does not exist yet.</summary>
    public static (SeriesRegistry? Registry, IReadOnlyList<Diagnostic> Diagnostics) Read(IWorld world, string series)
    {
        var path = SeriesRegistry.PathOf(series);
        var empty = new SeriesRegistry(series, []);
        var bytes = world.ReadBytes(path);
        if (bytes is null)
        {
            return (empty, []);
        }
        var text = TextDecoding.Decode(bytes, out var reason);
        if (text is null)
        {
            return (null, [new Diagnostic(Severity.Error, Codes.MalformedRegistry.Id, $"the registry is not UTF-8 text: {reason}", Path: path)]);
        }
        var source = new SourceText(path, text);
        var diagnostics = new List<Diagnostic>();
        try
        {
            var stream = YamlText.Load(text);
            if (stream.Documents.Count == 0)
            {
                return (empty, []);
            }
            var reader = new Reader(source, diagnostics);
            var registry = reader.Registry(stream.Documents[0].RootNode, series);
            return (diagnostics.Count == 0 ? registry : null, diagnostics);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            var error = YamlSyntaxError.Explain(source.Text, ex);
            diagnostics.Add(Diagnostic.Error(Codes.MalformedRegistry, "the registry is not valid YAML: " + error.Message,
                source.SpanAt(error.Line, error.Column), error.Hint + "; " + Hint));
            return (null, diagnostics);
        }
    }

    /// <summary>The registry as YAML that <see cref="Read"/> reads back to the same registry; an empty list is
    /// written "[]", since a key with nothing under it reads as no value at all.</summary>
    public static string Write(SeriesRegistry registry)
    {
        var text = new StringBuilder();
        text.Append("# Series registry, written by pub publish: which number belongs to which paper, and what was published.\n");
        text.Append("series: ").Append(YamlText.Quote(registry.Series)).Append('\n');
        text.Append("numbers:").Append(registry.Numbers.Count == 0 ? " []\n" : "\n");
        foreach (var number in registry.Numbers)
        {
            text.Append("  - number: ").Append(number.Number.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("    title: ").Append(YamlText.Quote(number.Title)).Append('\n');
            text.Append("    languages:").Append(number.Versions.Count == 0 ? " []\n" : "\n");
            foreach (var version in number.Versions)
            {
                text.Append("      - language: ").Append(YamlText.Quote(version.Language)).Append('\n');
                text.Append("        path: ").Append(YamlText.Quote(version.Path)).Append('\n');
                text.Append("        title: ").Append(YamlText.Quote(version.Title)).Append('\n');
                text.Append("        editions:").Append(version.Editions.Count == 0 ? " []\n" : "\n");
                foreach (var edition in version.Editions)
                {
                    text.Append("          - edition: ").Append(edition.Edition.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    text.Append("            date: ").Append(YamlText.Quote(edition.Date)).Append('\n');
                    if (edition.Isbn is { } isbn)
                    {
                        text.Append("            isbn: ").Append(YamlText.Quote(isbn)).Append('\n');
                    }
                    text.Append("            status: ").Append(YamlText.Quote(edition.Status)).Append('\n');
                    text.Append("            files:").Append(edition.Files.Count == 0 ? " []\n" : "\n");
                    foreach (var file in edition.Files)
                    {
                        text.Append("              - name: ").Append(YamlText.Quote(file.Name)).Append('\n');
                        text.Append("                sha256: ").Append(YamlText.Quote(file.Sha256)).Append('\n');
                    }
                }
            }
        }
        return text.ToString();
    }

    private sealed class Reader(SourceText source, List<Diagnostic> diagnostics)
    {
        public SeriesRegistry Registry(YamlNode root, string series)
        {
            var map = Map(root, "the registry");
            if (map is null)
            {
                return new SeriesRegistry(series, []);
            }
            if (Text(map, "series", required: true) is { } id && id != series)
            {
                Fail(Child(map, "series")!, $"the registry of series '{series}' says it belongs to series '{id}'");
            }
            var numbers = new List<RegistryNumber>();
            foreach (var node in List(map, "numbers"))
            {
                if (Map(node, "a number") is not { } entry || Int(entry, "number") is not { } number)
                {
                    continue;
                }
                if (numbers.Any(n => n.Number == number))
                {
                    Fail(Child(entry, "number")!, $"number {number} is listed twice");
                }
                var versions = new List<RegistryVersion>();
                foreach (var v in List(entry, "languages"))
                {
                    if (Map(v, "a language") is not { } version)
                    {
                        continue;
                    }
                    var editions = new List<RegistryEdition>();
                    foreach (var e in List(version, "editions"))
                    {
                        if (Map(e, "an edition") is not { } edition)
                        {
                            continue;
                        }
                        var files = new List<RegistryFile>();
                        foreach (var f in List(edition, "files"))
                        {
                            if (Map(f, "a file") is { } file)
                            {
                                files.Add(new RegistryFile(Text(file, "name", true) ?? "", Text(file, "sha256", true) ?? ""));
                            }
                        }
                        editions.Add(new RegistryEdition(Int(edition, "edition") ?? 1, Text(edition, "date", true) ?? "", Text(edition, "isbn", false),
                            Text(edition, "status", false) ?? "final", files));
                    }
                    versions.Add(new RegistryVersion(Text(version, "language", true) ?? "", Text(version, "path", true) ?? "", Text(version, "title", false) ?? "", editions));
                }
                numbers.Add(new RegistryNumber(number, Text(entry, "title", false) ?? "", versions));
            }
            return new SeriesRegistry(series, [.. numbers.OrderBy(n => n.Number)]);
        }

        private YamlMappingNode? Map(YamlNode node, string what)
        {
            if (node is YamlMappingNode map)
            {
                return map;
            }
            Fail(node, $"{what} must be a set of 'key: value' fields");
            return null;
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private IEnumerable<YamlNode> List(YamlMappingNode map, string key)
        {
            switch (Child(map, key))
            {
                case null:
                    return [];
                case YamlSequenceNode list:
                    return list.Children;
                case var other:
                    Fail(other, $"'{key}' must be a list");
                    return [];
            }
        }

        private string? Text(YamlMappingNode map, string key, bool required)
        {
            switch (Child(map, key))
            {
                case null when required:
                    Fail(map, $"required field '{key}' is missing");
                    return null;
                case null:
                    return null;
                case YamlScalarNode { Value: { } value }:
                    return value;
                case var other:
                    Fail(other, $"'{key}' must be a single value");
                    return null;
            }
        }

        private int? Int(YamlMappingNode map, string key)
        {
            if (Text(map, key, required: true) is not { } text)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
            Fail(Child(map, key)!, $"'{key}' must be a positive whole number");
            return null;
        }

        private void Fail(YamlNode node, string message)
        {
            var start = source.Offset((int)node.Start.Line, (int)node.Start.Column);
            diagnostics.Add(Diagnostic.Error(Codes.MalformedRegistry, message, source.Span(start, 1), Hint));
        }
    }
}
