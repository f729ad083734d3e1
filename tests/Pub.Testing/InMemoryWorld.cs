using System.Text;
using Pub.Syntax;

namespace Pub.Testing;

/// <summary>A world held in memory with a fixed clock, for tests that need no disk.</summary>
public sealed class InMemoryWorld : IWorld
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outside = new(StringComparer.Ordinal);

    public string Root => "/memory";

    public DateTimeOffset Now { get; set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public InMemoryWorld Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public InMemoryWorld Add(string path, byte[] bytes)
    {
        _files[ProjectPath.Normalize(path)] = bytes;
        return this;
    }

    /// <summary>Makes a path a symbolic link that leads outside the project: it is listed, but never read.</summary>
    public InMemoryWorld AddOutsideLink(string path)
    {
        _outside.Add(ProjectPath.Normalize(path));
        return this;
    }

    public bool IsOutside(string path)
    {
        var normalized = ProjectPath.Normalize(path);
        return ProjectPath.EscapesRoot(normalized) || _outside.Any(o => normalized == o || normalized.StartsWith(o + "/", StringComparison.Ordinal));
    }

    public InMemoryWorld SetEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public string Text(string path) => Encoding.UTF8.GetString(_files[path]);

    public bool FileExists(string path) => !IsOutside(path) && _files.ContainsKey(ProjectPath.Normalize(path));

    public bool DirectoryExists(string path)
    {
        var prefix = ProjectPath.Normalize(path);
        return prefix.Length == 0 || _files.Keys.Any(k => k.StartsWith(prefix + "/", StringComparison.Ordinal));
    }

    public bool HasEntries(string folder) => ListFiles(folder).Count > 0;

    public byte[]? ReadBytes(string path) => !IsOutside(path) && _files.TryGetValue(ProjectPath.Normalize(path), out var bytes) ? bytes : null;

    public IReadOnlyList<string> ListFiles(string folder)
    {
        var prefix = ProjectPath.Normalize(folder);
        return [.. _files.Keys.Concat(_outside).Distinct().Where(k => prefix.Length == 0 || k.StartsWith(prefix + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        _files[ProjectPath.Normalize(path)] = content.ToArray();
        return null;
    }

    /// <summary>Folders exist only through their files here, so deleting one is nothing to do.</summary>
    public string? Delete(string path)
    {
        _files.Remove(ProjectPath.Normalize(path));
        return null;
    }

    public string? Environment(string name) => _environment.TryGetValue(name, out var value) ? value : null;
}
