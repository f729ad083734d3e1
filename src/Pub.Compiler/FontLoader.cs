using Pub.Layout.Fonts;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Loads the fonts a PDF may use: the project's templates/fonts and the folders pub.yaml names.
/// The machine's own fonts are never looked at, so a PDF is the same everywhere.</summary>
internal static class FontLoader
{
    /// <summary>The fonts, or null when not one could be read (the diagnostics say why; no PDF can be made).</summary>
    public static FontSet? Load(IWorld world, ProjectConfig config, List<Diagnostic> diagnostics)
    {
        var folders = new[] { ProjectPath.Combine(config.Templates, "fonts") }.Concat(config.Fonts);
        var files = new List<(string, byte[])>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var found = ProjectFiles.List(world, folder, diagnostics)
                .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (found.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, Codes.MissingFont.Id, $"no font files in {folder}", Path: folder,
                    Hints: ["the PDF editions need the fonts shipped in templates/fonts"]));
            }
            files.AddRange(found.Select(f => (ProjectPath.FileName(f), world.ReadBytes(f) ?? [])));
            foreach (var file in found)
                paths.TryAdd(ProjectPath.FileName(file), file);
        }
        var problems = new List<Diagnostic>();
        var fonts = FontSet.Read(files, problems);
        // The font set knows files by name; the editor needs the path.
        diagnostics.AddRange(problems.Select(p => p.Path is { } name && paths.TryGetValue(name, out var path) ? p with { Path = path } : p));
        return fonts;
    }

    /// <summary>Hyphenation patterns from templates/hyphenation, keyed by language tag (hyph_en_GB.dic → en-GB).
    /// A missing folder only means no hyphenation. A file is read when its language is first looked up, not
    /// before: the shipped German patterns alone are a megabyte, and most papers are in one language.</summary>
    public static IReadOnlyDictionary<string, byte[]> LoadHyphenation(IWorld world, ProjectConfig config)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in world.ListFiles(ProjectPath.Combine(config.Templates, "hyphenation")).Order(StringComparer.Ordinal))
        {
            if (Pub.Layout.Hyphenation.HyphenationFiles.LanguageOf(ProjectPath.FileName(file)) is { } language)
                files[language] = file;
        }
        return new FilesOnDemand(world, files);
    }

    /// <summary>Files by key, each read on first use and kept (the same array every time, which the parsed
    /// patterns are cached by); a file that cannot be read is empty.</summary>
    private sealed class FilesOnDemand(IWorld world, Dictionary<string, string> paths) : IReadOnlyDictionary<string, byte[]>
    {
        private readonly Dictionary<string, Lazy<byte[]>> _files = paths.ToDictionary(
            p => p.Key, p => new Lazy<byte[]>(() => world.ReadBytes(p.Value) ?? []), StringComparer.OrdinalIgnoreCase);

        public byte[] this[string key] => _files[key].Value;

        public IEnumerable<string> Keys => _files.Keys;

        public IEnumerable<byte[]> Values => _files.Values.Select(f => f.Value);

        public int Count => _files.Count;

        public bool ContainsKey(string key) => _files.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out byte[] value)
        {
            value = _files.TryGetValue(key, out var file) ? file.Value : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() =>
            _files.Select(f => KeyValuePair.Create(f.Key, f.Value.Value)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
