using Pub.Syntax;

namespace Pub.Layout.Fonts;

/// <summary>What a face is used for; each role maps to one family.</summary>
public enum FontRole
{
    Text,
    Heading,
    Mono,
}

/// <summary>
/// The faces available to layout, loaded from bytes (layout never opens files), and the map from
/// <see cref="FontRole"/> to family name.
/// </summary>
public sealed class FontSet
{
    private readonly List<FontFace> _faces;
    private readonly Dictionary<FontRole, string> _roles;
    // Layout asks for a face with every piece of text it measures, from as many threads as manuscripts are laid
    // out at once: the answers are cached without a lock. A face is a pure function of the key, so two threads
    // that compute the same entry at once store the same face.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(FontRole, bool, bool), FontFace> _resolved = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, string), FontFace?> _fallbacks = new();

    private FontSet(List<FontFace> faces, Dictionary<FontRole, string> roles)
    {
        _faces = faces;
        _roles = roles;
    }

    public static IReadOnlyDictionary<FontRole, string> DefaultRoles { get; } = new Dictionary<FontRole, string>
    {
        [FontRole.Text] = "Source Serif 4",
        [FontRole.Heading] = "Source Sans 3",
        [FontRole.Mono] = "Roboto Mono",
    };

    public IReadOnlyList<FontFace> Faces => _faces;

    public IReadOnlyDictionary<FontRole, string> Roles => _roles;

    /// <summary>Reads every TrueType file given; non-font files (licences, READMEs) are skipped by extension.</summary>
    /// <exception cref="InvalidDataException">No <c>.ttf</c> file given is a readable TrueType font.</exception>
    public static FontSet Load(IEnumerable<(string FileName, byte[] Data)> files, IReadOnlyDictionary<FontRole, string>? roles = null)
    {
        var problems = new List<Diagnostic>();
        return Read(files, problems, roles) ?? throw new InvalidDataException(
            problems.Count > 0 ? string.Join("; ", problems.Select(p => p.Message)) : "no TrueType font was given");
    }

    /// <summary>
    /// Reads every TrueType file given, as <see cref="Load"/> does, except that a file that is not a readable font
    /// is left out with an error in <paramref name="problems"/> (its path is the file name given) rather than
    /// stopping the others. Null when no face could be read; <paramref name="problems"/> then says why when a
    /// file was given.
    /// </summary>
    public static FontSet? Read(IEnumerable<(string FileName, byte[] Data)> files, ICollection<Diagnostic> problems, IReadOnlyDictionary<FontRole, string>? roles = null)
    {
        var faces = new List<FontFace>();
        foreach (var (fileName, data) in files
            .Where(f => f.FileName.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            try
            {
                faces.Add(TrueTypeReader.Read(fileName, data));
            }
            catch (InvalidDataException e)
            {
                problems.Add(new Diagnostic(Severity.Error, Codes.UnreadableFont.Id, $"font file '{fileName}' cannot be read: {e.Message}",
                    Path: fileName, Hints: ["replace the file with a TrueType (.ttf) font, or remove it; the other fonts are used meanwhile"]));
            }
        }
        faces = [.. faces.GroupBy(f => f.Id, StringComparer.Ordinal).Select(g => g.First())];
        if (faces.Count == 0)
            return null;
        var map = new Dictionary<FontRole, string>(DefaultRoles);
        foreach (var (role, family) in roles ?? new Dictionary<FontRole, string>())
            map[role] = family;
        return new FontSet(faces, map);
    }

    public FontFace? Find(string id) => _faces.Find(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>The face for a role and style: the exact style of the role's family if loaded, else the nearest
    /// style of that family, else the nearest face of any family (so layout always has something to measure).</summary>
    public FontFace Resolve(FontRole role, bool bold, bool italic) =>
        _resolved.TryGetValue((role, bold, italic), out var face) ? face : _resolved.GetOrAdd((role, bold, italic), Nearest);

    private FontFace Nearest((FontRole Role, bool Bold, bool Italic) key)
    {
        string family = _roles[key.Role];
        var candidates = _faces.Where(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
            candidates = _faces;
        return candidates
            .OrderBy(f => (f.Bold == key.Bold ? 0 : 2) + (f.Italic == key.Italic ? 0 : 1))
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .First();
    }

    /// <summary>Another loaded face that has the code point, preferring the same style; null when none does.</summary>
    public FontFace? Fallback(int codePoint, FontFace primary) =>
        _fallbacks.TryGetValue((codePoint, primary.Id), out var found) ? found : _fallbacks.GetOrAdd((codePoint, primary.Id), _ => FirstWith(codePoint, primary));

    private FontFace? FirstWith(int codePoint, FontFace primary) =>
        _faces
            .Where(f => f != primary && f.HasGlyph(codePoint))
            .OrderBy(f => (f.Bold == primary.Bold ? 0 : 2) + (f.Italic == primary.Italic ? 0 : 1))
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .FirstOrDefault();
}
