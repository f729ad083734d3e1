using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>The project as it will be once published: some files replaced by their new content (the stamped
/// manuscript, the updated registry), and every write and deletion kept in memory, in order. Publishing
/// builds into this world first, so that a refusal changes nothing, and then carries out what it captured.</summary>
internal sealed class CapturingWorld(IWorld inner, IReadOnlyDictionary<string, byte[]> replaced) : IWorld
{
    private readonly SortedDictionary<string, byte[]> _written = new(StringComparer.Ordinal);
    private readonly List<string> _deleted = [];
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);

    public CapturingWorld(IWorld inner, string replacedPath, byte[] replacement)
        : this(inner, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [replacedPath] = replacement })
    {
    }

    /// <summary>The files written, by path, with their content.</summary>
    public IReadOnlyDictionary<string, byte[]> Written => _written;

    /// <summary>The files and empty folders deleted, in the order they were deleted.</summary>
    public IReadOnlyList<string> Deleted => _deleted;

    public string Root => inner.Root;

    public DateTimeOffset Now => inner.Now;

    public bool FileExists(string path) =>
        _written.ContainsKey(path) || (!_gone.Contains(path) && (replaced.ContainsKey(path) || inner.FileExists(path)));

    public bool DirectoryExists(string path) =>
        inner.DirectoryExists(path) || _written.Keys.Any(k => k.StartsWith(path + "/", StringComparison.Ordinal));

    public byte[]? ReadBytes(string path) =>
        _written.TryGetValue(path, out var bytes) ? bytes
        : _gone.Contains(path) ? null
        : replaced.TryGetValue(path, out var replacement) ? replacement
        : inner.ReadBytes(path);

    public IReadOnlyList<string> ListFiles(string folder)
    {
        var prefix = ProjectPath.Normalize(folder) + "/";
        return [.. inner.ListFiles(folder)
            .Where(f => !_gone.Contains(f))
            .Concat(_written.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        _written[path] = content.ToArray();
        _gone.Remove(path);
        return null;
    }

    public string? Delete(string path)
    {
        _written.Remove(path);
        _gone.Add(path);
        _deleted.Add(path);
        return null;
    }

    public string? Environment(string name) => inner.Environment(name);

    public bool IsOutside(string path) => inner.IsOutside(path);

    public bool HasEntries(string folder) => inner.HasEntries(folder);
}
