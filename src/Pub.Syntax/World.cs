namespace Pub.Syntax;

/// <summary>
/// Everything pub reads from or writes to the outside: files, the clock and the environment. The real
/// world is rooted at the project folder; tests use an in-memory world with a fixed clock. All paths are
/// project-relative with forward slashes.
/// </summary>
public interface IWorld
{
    /// <summary>The project folder, for messages only.</summary>
    string Root { get; }

    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>True when a folder exists and holds anything, a file or a folder; it does not look further.</summary>
    bool HasEntries(string folder);

    /// <summary>The bytes of a file, or null when it does not exist or cannot be read.</summary>
    byte[]? ReadBytes(string path);

    /// <summary>The size of a file in bytes, or null when <see cref="ReadBytes"/> would give null. A world on disk
    /// asks the file system instead of reading the file.</summary>
    long? FileSize(string path) => ReadBytes(path)?.LongLength;

    /// <summary>The size and SHA-256 of a file, or null when <see cref="ReadBytes"/> would give null. A world on
    /// disk streams the file instead of holding it whole.</summary>
    FileDigest? Digest(string path) => ReadBytes(path) is { } bytes ? FileDigest.Of(bytes) : null;

    /// <summary>Copies a file unchanged, as <see cref="WriteAtomic"/> writes one. Returns an error message on
    /// failure (the source cannot be read included), null on success.</summary>
    string? Copy(string source, string target) =>
        ReadBytes(source) is { } bytes ? WriteAtomic(target, bytes) : $"cannot read '{source}'";

    /// <summary>Makes the copy of <paramref name="source"/> that a later <see cref="Copy"/> to <paramref name="target"/>
    /// puts in place, hidden beside the target and already on disk, so that the copy itself is only a rename: a build
    /// prepares its assets' copies while it waits for manuscripts to render. Nothing is reported; a copy that could not
    /// be prepared is made by <see cref="Copy"/> as usual. A world that keeps nothing on disk prepares nothing.</summary>
    void PrepareCopy(string source, string target)
    {
    }

    /// <summary>Removes the prepared copies that no <see cref="Copy"/> put in place (when every edition failed).</summary>
    void DiscardPreparedCopies()
    {
    }

    /// <summary>Files below a folder (recursively), project-relative, in ordinal order. A symbolic link to a
    /// folder outside the project is not descended into: it is listed as its own path with a trailing slash,
    /// so that the caller can say it was refused.</summary>
    IReadOnlyList<string> ListFiles(string folder);

    /// <summary>True when a project-relative path leads outside the project: it climbs out with "..", or a
    /// symbolic link on its way points outside. Such a path is never read: <see cref="FileExists"/>,
    /// <see cref="DirectoryExists"/> and <see cref="ReadBytes"/> treat it as absent, and the caller uses this
    /// to say why. Absolute paths (an output folder named on the command line) are not the project's and
    /// are never outside.</summary>
    bool IsOutside(string path);

    /// <summary>Writes a file so that readers never see it half-written: a temporary file beside it,
    /// then a rename. Returns an error message on failure, null on success.</summary>
    string? WriteAtomic(string path, ReadOnlySpan<byte> content);

    /// <summary>As <see cref="WriteAtomic"/>, without waiting for the file to reach the disk before it replaces
    /// the old one: for files that are verified whenever they are read (the build cache's checksummed entries),
    /// which a power failure can only cost the work of making them again.</summary>
    string? WriteAtomicUnsynced(string path, ReadOnlySpan<byte> content) => WriteAtomic(path, content);

    /// <summary>Deletes a file, or a folder that holds nothing. Something already absent is not an error.
    /// Returns an error message on failure, null on success.</summary>
    string? Delete(string path);

    DateTimeOffset Now { get; }

    string? Environment(string name);
}

/// <summary>A file's size and SHA-256, in lower-case hexadecimal.</summary>
public sealed record FileDigest(long Size, string Sha256)
{
    public static FileDigest Of(ReadOnlySpan<byte> bytes) =>
        new(bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
}

/// <summary>Path arithmetic on project-relative paths (forward slashes, no leading slash).</summary>
public static class ProjectPath
{
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    public static string Combine(string folder, string relative) =>
        relative.StartsWith('/') ? Normalize(relative) : Normalize(folder.Length == 0 ? relative : folder + "/" + relative);

    public static string Folder(string path)
    {
        var index = path.LastIndexOf('/');
        return index < 0 ? "" : path[..index];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>True when a normalized path climbs out of the project ("../x").</summary>
    public static bool EscapesRoot(string normalized) => normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal);

    /// <summary>The hint for a path that <see cref="IWorld.IsOutside"/> refuses: why, and what to do instead.</summary>
    public static string OutsideHint(string path) => EscapesRoot(Normalize(path))
        ? $"it resolves to {Normalize(path)}, above the project folder; pub reads only files inside the project: copy the file into it"
        : $"{Normalize(path)} is, or lies in, a symbolic link to a place outside the project; pub reads only files inside the project: copy the file into it instead of linking to it";
}
