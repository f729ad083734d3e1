using System.Text.RegularExpressions;
using Pub.Citations;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>One style a project can name: its name (the file name without <c>.csl</c>), its file and what the
/// file says about itself (null when it is not a readable CSL style).</summary>
public sealed record StyleEntry(string Name, string Path, StyleDescription? Description);

/// <summary>A style as <c>pub styles</c> lists it. <paramref name="Class"/> is null when the file is not a
/// readable CSL style; <paramref name="ParentPath"/> is the file a dependent style's parent is loaded from,
/// null when it is missing.</summary>
public sealed record StyleListing(string Name, string? Class, string? Title, string Path, string? ParentId, string? ParentPath);

/// <summary>Where a style value led: the file to load (null when none was found), every path looked at on the
/// way (a file created at one of them later would change the answer) and, for a miss, the nearest name.</summary>
public sealed record StyleLookup(string? Path, IReadOnlyList<string> Probed, string? Suggestion)
{
    /// <summary>The value named a file that leads outside the project (by ".." or a symbolic link); it is refused,
    /// not looked up by name.</summary>
    public string? Outside { get; init; }
}

/// <summary>
/// The citation styles a project can name by name or id: the house styles in <c>templates/csl</c>, then the
/// folders pub.yaml names under <c>styles:</c>, each searched with its subfolders (the official repository
/// keeps dependent styles in <c>dependent/</c>). When two files share a name, the first folder wins, and
/// within a folder the shallower file, then the ordinal first; so a name always means the same file.
/// </summary>
public sealed partial class StyleCatalogue(IWorld world, ProjectConfig config)
{
    private IReadOnlyList<(string Name, string Path)>? _files;
    private IReadOnlyList<StyleEntry>? _entries;
    private readonly Dictionary<string, StyleDescription?> _descriptions = new(StringComparer.Ordinal);

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Folders { get; } = [ProjectPath.Combine(config.Templates, "csl"), .. config.Styles];

    /// <summary>Every style that can be named, one per name, sorted by name.</summary>
    public IReadOnlyList<StyleEntry> Entries => _entries ??= [.. Files.Select(f => new StyleEntry(f.Name, f.Path, Describe(f.Path)))];

    /// <summary>The name and file of every style, without reading them: a lookup by name needs no more.</summary>
    private IReadOnlyList<(string Name, string Path)> Files => _files ??= Collect();

    /// <summary>
    /// Finds the style a front-matter <c>csl:</c> or pub.yaml <c>citation-style</c> value means. A value that
    /// names an existing file relative to <paramref name="baseFolder"/> is that file; otherwise a style id
    /// (a URI, as in the style's <c>&lt;info&gt;&lt;id&gt;</c>) or a bare name, with or without <c>.csl</c>, is
    /// looked up in <see cref="Folders"/>.
    /// </summary>
    public StyleLookup Find(string value, string baseFolder)
    {
        var probed = new List<string>();
        var asPath = ProjectPath.Combine(baseFolder, value);
        if (world.IsOutside(asPath))
        {
            return new StyleLookup(null, probed, null) { Outside = asPath };
        }
        {
            probed.Add(asPath);
            if (world.FileExists(asPath))
            {
                return new StyleLookup(asPath, probed, null);
            }
        }
        string name;
        if (value.Contains("://", StringComparison.Ordinal))
        {
            var id = IdKey(value);
            if (Entries.FirstOrDefault(e => e.Description is { Id: { } own } && IdKey(own) == id) is { } byId)
            {
                return new StyleLookup(byId.Path, probed, null);
            }
            name = value.TrimEnd('/').Split('/')[^1];
        }
        else
        {
            name = ProjectPath.FileName(value);
            if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
            {
                // A path that does not exist is not looked up by name: only a suggestion is offered.
                return new StyleLookup(null, probed, Suggest(StripExtension(name)));
            }
        }
        name = StripExtension(name);
        return Files.FirstOrDefault(f => f.Name == name) is { Path: not null } byName
            ? new StyleLookup(byName.Path, probed, null)
            : new StyleLookup(null, probed, Suggest(name));
    }

    /// <summary>What a style file says about itself; read once per file.</summary>
    public StyleDescription? Describe(string path)
    {
        if (!_descriptions.TryGetValue(path, out var description))
        {
            description = world.ReadBytes(path) is { } bytes && TextDecoding.Decode(bytes, out _) is { } text ? StyleDescription.Read(text) : null;
            _descriptions[path] = description;
        }
        return description;
    }

    /// <summary>The file a dependent style's parent is loaded from, as <see cref="StyleResolver"/> looks for it
    /// (beside the dependent style, then in <see cref="Folders"/>); null when it is missing.</summary>
    public string? ParentOf(StyleEntry entry)
    {
        if (entry.Description?.ParentId is not { } parentId)
        {
            return null;
        }
        var file = parentId.TrimEnd('/').Split('/')[^1] + ".csl";
        return new[] { ProjectPath.Folder(entry.Path) }.Concat(Folders)
            .Select(folder => ProjectPath.Combine(folder, file))
            .FirstOrDefault(world.FileExists);
    }

    /// <summary>
    /// The nearest style name to a name that was not found. Editors most often confuse "note" and "notes"
    /// (the official Chicago style is <c>chicago-notes-bibliography</c>), and that may come with another slip,
    /// so names are first compared with that difference set aside; then by edit distance.
    /// </summary>
    private string? Suggest(string name)
    {
        var names = Files.Select(f => f.Name).ToList();
        var singular = Singular(name);
        return names.FirstOrDefault(n => Singular(n) == singular) ?? Suggestions.Closest(name, names)
            ?? names.Where(n => Suggestions.EditDistance(Singular(n), singular) <= Math.Max(1, singular.Length / 4))
                .OrderBy(n => Suggestions.EditDistance(Singular(n), singular)).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
    }

    private static string Singular(string name) => NotesWord().Replace(name.ToLowerInvariant(), "note");

    [GeneratedRegex("(?<=^|[-_])notes(?=$|[-_])")]
    private static partial Regex NotesWord();

    private static string StripExtension(string name) =>
        name.EndsWith(".csl", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;

    /// <summary>Ids compare without their scheme and trailing '/', since both http: and https: forms circulate.</summary>
    private static string IdKey(string id)
    {
        var trimmed = id.Trim().TrimEnd('/');
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? trimmed : trimmed[(scheme + 3)..];
    }

    private List<(string Name, string Path)> Collect()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            var files = world.ListFiles(folder)
                .Where(p => p.EndsWith(".csl", StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Count(c => c == '/'))
                .ThenBy(p => p, StringComparer.Ordinal);
            foreach (var path in files)
            {
                var name = StripExtension(ProjectPath.FileName(path));
                byName.TryAdd(name, path);
            }
        }
        return [.. byName.Select(kv => (kv.Key, kv.Value)).OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }
}
