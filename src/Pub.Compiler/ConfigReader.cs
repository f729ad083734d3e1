using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Reads and validates pub.yaml, reporting each problem at its position like a manuscript.</summary>
public static class ConfigReader
{
    public const string FileName = "pub.yaml";

    private static readonly string[] TopKeys = ["publisher", "series", "language", "templates", "output", "citation-style", "fonts", "locales", "styles", "base-url"];
    private static readonly string[] PublisherKeys = ["name", "place", "logo"];
    private static readonly string[] SeriesKeys = ["id", "title", "short-title", "issn", "number-format", "file-pattern", "isbn-required"];

    public static (ProjectConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Read(IWorld world)
    {
        var diagnostics = new DiagnosticBag();
        var bytes = world.ReadBytes(FileName);
        if (bytes is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingConfig.Id, $"no {FileName} in {world.Root} or any folder above it", Path: FileName,
                Hints: ["run pub from the publication repository's root folder, the one that holds pub.yaml"]));
            return (null, diagnostics.Items);
        }
        var text = TextDecoding.Decode(bytes, out var reason);
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.NotText.Id, $"{FileName} is not UTF-8 text: {reason}", Path: FileName));
            return (null, diagnostics.Items);
        }
        var source = new SourceText(FileName, text);
        YamlMappingNode root;
        try
        {
            var stream = YamlText.Load(text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                diagnostics.Add(Diagnostic.Error(Codes.MalformedConfig, $"{FileName} must be a set of 'key: value' lines", source.Span(0, 0)));
                return (null, diagnostics.Items);
            }
            root = map;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            var error = YamlSyntaxError.Explain(text, ex);
            diagnostics.Add(Diagnostic.Error(Codes.MalformedConfig, $"{FileName} is not valid YAML: {error.Message}",
                source.SpanAt(error.Line, error.Column), error.Hint));
            return (null, diagnostics.Items);
        }

        var reader = new Reader(source, diagnostics, world);
        var config = reader.Project(root);
        return (diagnostics.HasErrors ? null : config, diagnostics.Items);
    }

    private sealed class Reader(SourceText source, DiagnosticBag diagnostics, IWorld world)
    {
        public ProjectConfig Project(YamlMappingNode root)
        {
            var map = Known(root, TopKeys, "pub.yaml");
            var publisher = map.TryGetValue("publisher", out var p) ? PublisherOf(p) : null;
            if (publisher is null)
            {
                Missing(root, "publisher", "add 'publisher:' with at least 'name:'");
            }
            var series = new List<SeriesConfig>();
            if (map.TryGetValue("series", out var s))
            {
                var nodes = s is YamlSequenceNode list ? list.Children.ToList() : [s];
                foreach (var node in nodes)
                {
                    if (SeriesOf(node) is { } one)
                    {
                        if (series.Any(x => x.Id == one.Id))
                        {
                            Error(Codes.InvalidConfig, node, $"series '{one.Id}' is defined twice", "give each series its own id");
                        }
                        series.Add(one);
                    }
                }
            }
            else
            {
                Missing(root, "series", "add 'series:' with the series' id, title, number-format and file-pattern");
            }
            var language = map.TryGetValue("language", out var l) ? Scalar(l) ?? "en" : "en";
            var templates = map.TryGetValue("templates", out var t) ? Folder(t, mustExist: true) ?? "templates" : "templates";
            var output = map.TryGetValue("output", out var o) ? Folder(o, mustExist: false) ?? "dist" : "dist";
            if (output.Length == 0)
            {
                Error(Codes.InvalidConfig, o!, "the output folder cannot be the project folder itself", "use a folder such as 'dist'");
                output = "dist";
            }
            var style = map.TryGetValue("citation-style", out var c) ? Scalar(c) : null;
            var fonts = new List<string>();
            if (map.TryGetValue("fonts", out var f))
            {
                foreach (var node in f is YamlSequenceNode list ? list.Children : [f])
                {
                    if (Folder(node, mustExist: true, Codes.MissingFont) is { } folder)
                    {
                        fonts.Add(folder);
                    }
                }
            }
            var locales = map.TryGetValue("locales", out var lo) ? Folder(lo, mustExist: true) : null;
            var styles = new List<string>();
            if (map.TryGetValue("styles", out var st))
            {
                foreach (var node in st is YamlSequenceNode list ? list.Children : [st])
                {
                    if (Folder(node, mustExist: true) is { } folder)
                    {
                        styles.Add(folder);
                    }
                }
            }
            var baseUrl = map.TryGetValue("base-url", out var b) ? BaseUrlOf(b) : null;
            return new ProjectConfig(publisher ?? new Publisher("", null, null), series, language, templates, output, style, fonts, locales, styles)
            {
                BaseUrl = baseUrl,
                CitationStyleSpan = c is null ? null : SpanOf(c),
            };
        }

        /// <summary>An absolute http(s) URL without query or fragment; pages append file names to it, so it
        /// is kept with exactly one trailing '/'.</summary>
        private string? BaseUrlOf(YamlNode node)
        {
            if (Scalar(node) is not { } text)
            {
                return null;
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Host.Length == 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || text.Any(char.IsWhiteSpace))
            {
                Error(Codes.InvalidBaseUrl, node, $"base-url '{text}' is not an absolute http or https address",
                    "write the address the site is published at, such as 'https://example.org/papers/'");
                return null;
            }
            return text.TrimEnd('/') + "/";
        }

        private Publisher? PublisherOf(YamlNode node)
        {
            if (node is not YamlMappingNode mapNode)
            {
                Error(Codes.InvalidConfig, node, "'publisher' must hold 'name:', 'place:' and optionally 'logo:'", "indent the fields under 'publisher:'");
                return null;
            }
            var map = Known(mapNode, PublisherKeys, "publisher");
            var name = map.TryGetValue("name", out var n) ? Scalar(n) : null;
            if (name is null)
            {
                Missing(mapNode, "publisher.name", "add '  name: …' under 'publisher:'");
                return null;
            }
            string? logo = null;
            if (map.TryGetValue("logo", out var lg) && Scalar(lg) is { } path)
            {
                logo = ProjectPath.Normalize(path);
                if (!world.FileExists(logo))
                {
                    Error(Codes.InvalidConfig, lg, $"logo file '{path}' does not exist", "give the logo's path relative to the project folder");
                }
                else if (logo.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && world.ReadBytes(logo) is { } svg)
                {
                    // The logo goes on every cover: an SVG that a figure could not use stops the build here, at pub.yaml.
                    foreach (var problem in Pub.Layout.Vector.SvgReader.Read(svg).Problems.Where(p => p.Refused))
                    {
                        var (code, message, hint) = VectorFigureChecks.Describe(problem, $"logo '{path}'");
                        Error(code, lg, message, hint);
                    }
                }
            }
            return new Publisher(name, map.TryGetValue("place", out var pl) ? Scalar(pl) : null, logo);
        }

        private SeriesConfig? SeriesOf(YamlNode node)
        {
            if (node is not YamlMappingNode mapNode)
            {
                Error(Codes.InvalidConfig, node, "each series must be a set of fields (id, title, number-format, file-pattern …)", "write '- id: op' and the fields under it");
                return null;
            }
            var map = Known(mapNode, SeriesKeys, "series");
            string? Field(string key) => map.TryGetValue(key, out var v) ? Scalar(v) : null;
            var id = Field("id");
            var title = Field("title");
            foreach (var (key, value) in new[] { ("id", id), ("title", title) })
            {
                if (value is null)
                {
                    Missing(mapNode, "series." + key, $"add '{key}: …' to the series");
                }
            }
            var numberFormat = Field("number-format") ?? "No. {number}";
            var filePattern = Field("file-pattern") ?? (id ?? "paper") + "-{number:000}-{lang}-ed{edition}";
            if (map.TryGetValue("file-pattern", out var fp))
            {
                foreach (var unknown in FilePatterns.UnknownPlaceholders(filePattern))
                {
                    Error(Codes.InvalidConfig, fp, $"unknown placeholder {unknown} in file-pattern", "use {number}, {number:000}, {lang} and {edition}");
                }
                if (filePattern.IndexOfAny(['/', '\\']) >= 0 || filePattern.Contains("..", StringComparison.Ordinal))
                {
                    Error(Codes.InvalidConfig, fp, "file-pattern must name a file, not a folder", "remove '/' and '..' from the pattern");
                }
            }
            if (map.TryGetValue("issn", out var issnNode) && issnNode is YamlScalarNode { Value: { Length: > 0 } rawIssn } && rawIssn.Trim() is var issn && Publishing.Identifiers.CheckIssn(issn) is { } issnProblem)
            {
                Error(Codes.InvalidIssn, issnNode, $"'{issn}' is not a valid ISSN: {issnProblem}", "copy the ISSN from the series' ISSN record");
            }
            var isbnRequired = Field("isbn-required") is "true" or "yes";
            return id is null || title is null ? null : new SeriesConfig(id, title, Field("short-title"), Field("issn"), numberFormat, filePattern, isbnRequired);
        }

        private Dictionary<string, YamlNode> Known(YamlMappingNode map, string[] known, string where)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(key, StringComparer.Ordinal))
                {
                    var guess = Suggestions.Closest(key, known);
                    diagnostics.Add(Diagnostic.Warning(Codes.UnknownConfigKey, $"unknown key '{key}' in {where}", SpanOf(keyNode),
                        guess is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean '{guess}'?"));
                    continue;
                }
                result[key] = value;
            }
            return result;
        }

        private string? Folder(YamlNode node, bool mustExist, DiagnosticCode? code = null)
        {
            if (Scalar(node) is not { } path)
            {
                return null;
            }
            var normalized = ProjectPath.Normalize(path);
            if (ProjectPath.EscapesRoot(normalized) || Path.IsPathRooted(path))
            {
                Error(Codes.InvalidConfig, node, $"'{path}' is outside the project folder", "give a folder inside the project, relative to pub.yaml");
                return null;
            }
            if (world.IsOutside(normalized))
            {
                Error(Codes.OutsideProject, node, $"folder '{path}' leads outside the project and is refused", ProjectPath.OutsideHint(normalized));
                return null;
            }
            if (mustExist && !world.DirectoryExists(normalized))
            {
                Error(code ?? Codes.InvalidConfig, node, $"folder '{path}' does not exist", "create it or correct the path");
                return null;
            }
            return normalized;
        }

        private string? Scalar(YamlNode node)
        {
            if (node is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }
            Error(Codes.InvalidConfig, node, "expected a single value", "write 'key: value' on one line");
            return null;
        }

        private void Missing(YamlNode near, string key, string hint) =>
            diagnostics.Add(Diagnostic.Error(Codes.InvalidConfig, $"required key '{key}' is missing", SpanOf(near), hint));

        private void Error(DiagnosticCode code, YamlNode node, string message, string hint) =>
            diagnostics.Add(Diagnostic.Error(code, message, SpanOf(node), hint));

        private SourceSpan SpanOf(YamlNode node)
        {
            var start = source.Offset((int)node.Start.Line, (int)node.Start.Column);
            var end = node.End.Line == node.Start.Line ? source.Offset((int)node.End.Line, (int)node.End.Column) : start + 1;
            return source.Span(start, Math.Max(1, end - start));
        }
    }
}
