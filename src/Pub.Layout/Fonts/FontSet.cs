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
    private readonly Dictionary<(FontRole, bool, bool), FontFace> _resolved = [];
    private readonly Dictionary<(int, string), FontFace?> _fallbacks = [];
    private readonly Lock _gate = new();

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
    /// <exception cref="InvalidDataException">A <c>.ttf</c> file is not a readable TrueType font.</exception>
    public static FontSet Load(IEnumerable<(string FileName, byte[] Data)> files, IReadOnlyDictionary<FontRole, string>? roles = null)
    {
        var faces = files
            .Where(f => f.FileName.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.FileName, StringComparer.Ordinal)
            .Select(f => TrueTypeReader.Read(f.FileName, f.Data))
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (faces.Count == 0)
            throw new InvalidDataException("no TrueType font was given");
        var map = new Dictionary<FontRole, string>(DefaultRoles);
        foreach (var (role, family) in roles ?? new Dictionary<FontRole, string>())
            map[role] = family;
        return new FontSet(faces, map);
    }

    public FontFace? Find(string id) => _faces.Find(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>The face for a role and style: the exact style of the role's family if loaded, else the nearest
    /// style of that family, else the nearest face of any family (so layout always has something to measure).</summary>
    public FontFace Resolve(FontRole role, bool bold, bool italic)
    {
        lock (_gate)
        {
            if (_resolved.TryGetValue((role, bold, italic), out var face))
                return face;
            string family = _roles[role];
            var candidates = _faces.Where(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count == 0)
                candidates = _faces;
            face = candidates
                .OrderBy(f => (f.Bold == bold ? 0 : 2) + (f.Italic == italic ? 0 : 1))
                .ThenBy(f => f.Id, StringComparer.Ordinal)
                .First();
            _resolved[(role, bold, italic)] = face;
            return face;
        }
    }

    /// <summary>Another loaded face that has the code point, preferring the same style; null when none does.</summary>
    public FontFace? Fallback(int codePoint, FontFace primary)
    {
        lock (_gate)
        {
            if (_fallbacks.TryGetValue((codePoint, primary.Id), out var found))
                return found;
            found = _faces
                .Where(f => f != primary && f.HasGlyph(codePoint))
                .OrderBy(f => (f.Bold == primary.Bold ? 0 : 2) + (f.Italic == primary.Italic ? 0 : 1))
                .ThenBy(f => f.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            _fallbacks[(codePoint, primary.Id)] = found;
            return found;
        }
    }
}
