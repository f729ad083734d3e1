using System.Collections.Concurrent;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// One build's world, remembering the digest of each file it has hashed until the build writes, copies over or
/// deletes that file. A build hashes a font up to five times otherwise: as an input of the cache, as the
/// source of its copy and the copy, for the cache's record of the copy and for the manifest. Files changed by
/// something else during the build are not noticed, as they would not be by a build that read them once.
/// </summary>
internal sealed class DigestMemoWorld(IWorld inner) : IWorld
{
    private readonly ConcurrentDictionary<string, FileDigest?> _digests = new(StringComparer.Ordinal);

    public string Root => inner.Root;

    public DateTimeOffset Now => inner.Now;

    public bool FileExists(string path) => inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public bool HasEntries(string folder) => inner.HasEntries(folder);

    public byte[]? ReadBytes(string path) => inner.ReadBytes(path);

    public FileDigest? Digest(string path) => _digests.GetOrAdd(path, inner.Digest);

    public IReadOnlyList<string> ListFiles(string folder) => inner.ListFiles(folder);

    public bool IsOutside(string path) => inner.IsOutside(path);

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        _digests.TryRemove(path, out _);
        return inner.WriteAtomic(path, content);
    }

    public string? Copy(string source, string target)
    {
        _digests.TryRemove(target, out _);
        var error = inner.Copy(source, target);
        if (error is null && _digests.TryGetValue(source, out var digest))
        {
            // The copy has the source's bytes.
            _digests[target] = digest;
        }
        return error;
    }

    public string? Delete(string path)
    {
        _digests.TryRemove(path, out _);
        return inner.Delete(path);
    }

    public string? Environment(string name) => inner.Environment(name);
}
