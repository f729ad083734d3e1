using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>The project as it will be once published: one file replaced by its stamped text, and every
/// write kept in memory. Publishing builds into this world first, so that a refusal changes nothing.</summary>
internal sealed class CapturingWorld(IWorld inner, string replacedPath, byte[] replacement) : IWorld
{
    private readonly SortedDictionary<string, byte[]> _written = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Written => _written;

    public string Root => inner.Root;

    public DateTimeOffset Now => inner.Now;

    public bool FileExists(string path) => _written.ContainsKey(path) || inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public byte[]? ReadBytes(string path) =>
        path == replacedPath ? replacement : _written.TryGetValue(path, out var bytes) ? bytes : inner.ReadBytes(path);

    public IReadOnlyList<string> ListFiles(string folder) => inner.ListFiles(folder);

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        _written[path] = content.ToArray();
        return null;
    }

    public string? Delete(string path) => "publishing deletes nothing here";

    public string? Environment(string name) => inner.Environment(name);
}
