using System.Collections.Concurrent;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// One build's world, remembering the digest of each file it has hashed until the build writes, copies over or
/// deletes that file, and the listing of each folder until the build changes something below it. A build
/// hashes a font up to five times otherwise: as an input of the cache, as the source of its copy and the
/// copy, for the cache's record of the copy and for the manifest; and it lists the templates for every
/// edition's record, for the assets and for the site's pages. Files changed by something else during the
/// build are not noticed, as they would not be by a build that read them once.
/// </summary>
internal sealed class DigestMemoWorld(IWorld inner) : IWorld
{
    private readonly ConcurrentDictionary<string, FileDigest?> _digests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _listings = new(StringComparer.Ordinal);

    public string Root => inner.Root;

    public DateTimeOffset Now => inner.Now;

    public bool FileExists(string path) => inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public bool HasEntries(string folder) => inner.HasEntries(folder);

    public byte[]? ReadBytes(string path) => inner.ReadBytes(path);

    public FileDigest? Digest(string path) => _digests.GetOrAdd(path, inner.Digest);

    public long? FileSize(string path) => _digests.TryGetValue(path, out var digest) && digest is not null ? digest.Size : inner.FileSize(path);

    public IReadOnlyList<string> ListFiles(string folder) => _listings.GetOrAdd(folder, inner.ListFiles);

    public bool IsOutside(string path) => inner.IsOutside(path);

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        Changing(path);
        return inner.WriteAtomic(path, content);
    }

    public string? WriteAtomicUnsynced(string path, ReadOnlySpan<byte> content)
    {
        Changing(path);
        return inner.WriteAtomicUnsynced(path, content);
    }

    public string? Copy(string source, string target)
    {
        Changing(target);
        var error = inner.Copy(source, target);
        if (error is null && _digests.TryGetValue(source, out var digest))
        {
            // The copy has the source's bytes.
            _digests[target] = digest;
        }
        return error;
    }

    public void PrepareCopy(string source, string target)
    {
        // The prepared copy is a new file in the target's folder; the target itself is as it was.
        ListingsChanged(target);
        inner.PrepareCopy(source, target);
    }

    public void DiscardPreparedCopies()
    {
        _listings.Clear();
        inner.DiscardPreparedCopies();
    }

    public string? Delete(string path)
    {
        Changing(path);
        return inner.Delete(path);
    }

    /// <summary>Forgets what a change to a file or folder makes stale: its digest, and the listings of the folders
    /// it is in (and of those in it, when it is a folder).</summary>
    private void Changing(string path)
    {
        _digests.TryRemove(path, out _);
        ListingsChanged(path);
    }

    /// <summary>Forgets the listings of the folders a file or folder is in (and of those in it).</summary>
    private void ListingsChanged(string path)
    {
        var trimmed = path.TrimEnd('/');
        foreach (var folder in _listings.Keys)
        {
            var listed = folder.TrimEnd('/');
            if (listed.Length == 0 || listed == "." || Below(trimmed, listed) || Below(listed, trimmed) || listed == trimmed)
            {
                _listings.TryRemove(folder, out _);
            }
        }
    }

    private static bool Below(string path, string folder) =>
        path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/';

    public string? Environment(string name) => inner.Environment(name);
}
