// Pub.Compiler: the facade over the pipeline. It loads the project through an IWorld, parses every
// manuscript, runs the resolve passes and both writers per edition, and writes the results atomically.
// It is the only project that references every stage.
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>The real world: files below a project folder, the system clock and the process environment.
/// Writes go to a temporary file in the same folder and are then renamed over the target, so no reader ever
/// sees a half-written file. A project-relative path that leaves the project folder, by ".." or through a
/// symbolic link to something outside it, is neither read nor written: a manuscript, or a pull request, that
/// commits a link to /etc/passwd gets an error, not the file.</summary>
public sealed class FileSystemWorld(string root) : IWorld
{
    /// <summary>How many symbolic links one path may pass through before it is taken as a loop.</summary>
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly Lazy<string> _realRoot = new(() => RealPath(Path.GetFullPath(root)) ?? Path.GetFullPath(root));

    public string Root { get; } = Path.GetFullPath(root);

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>The full path of a project-relative or absolute path; null when a relative path leads out of the
    /// project, by ".." or through a symbolic link. Absolute paths come from the command line (an output folder
    /// named with --out) and are taken as they are.</summary>
    private string? Full(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var normalized = ProjectPath.Normalize(path);
        if (ProjectPath.EscapesRoot(normalized))
        {
            return null;
        }
        var full = Path.Combine(Root, normalized);
        return Inside(full) ? full : null;
    }

    /// <summary>Whether the file or folder a full path names, after following every link on the way, is in the
    /// project. A path that does not exist yet is judged by the part of it that does.</summary>
    /// <remarks>A path below the project folder is resolved from the project folder's own real path, found once,
    /// rather than from the file system's root: a third of the links looked up, most of them never links.</remarks>
    private bool Inside(string full)
    {
        var real = full.StartsWith(Root + Path.DirectorySeparatorChar, PathComparison)
            ? RealPath(_realRoot.Value, full[(Root.Length + 1)..])
            : RealPath(full);
        return real is not null && IsWithin(real, _realRoot.Value);
    }

    private static bool IsWithin(string path, string folder) =>
        path.Equals(folder, PathComparison)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, PathComparison);

    /// <summary>A full path with every symbolic link on its way resolved, as realpath(3) gives it, except that
    /// the part that does not exist is kept as written; null for a loop of links.</summary>
    private static string? RealPath(string full)
    {
        var rootLength = Path.GetPathRoot(full)!.Length;
        return RealPath(full[..rootLength], full[rootLength..]);
    }

    /// <summary>As <see cref="RealPath(string)"/>, for <paramref name="relative"/> below a folder whose path,
    /// <paramref name="resolved"/>, has no link on it.</summary>
    private static string? RealPath(string resolved, string relative)
    {
        var hops = 0;
        var rest = new Queue<string>(relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        while (rest.TryDequeue(out var part))
        {
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }
            var next = Path.Combine(resolved, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }
            if (target is null)
            {
                resolved = next;
                continue;
            }
            if (++hops > MaxLinkHops)
            {
                return null;
            }
            // The link's target replaces the link: an absolute target starts over from its root, a relative one
            // continues from the folder the link is in.
            var absolute = Path.GetFullPath(target, resolved);
            var rootLength = Path.GetPathRoot(absolute)!.Length;
            resolved = absolute[..rootLength];
            rest = new Queue<string>(absolute[rootLength..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
        }
        return resolved;
    }

    public bool IsOutside(string path) => !Path.IsPathRooted(path) && Full(path) is null;

    public bool FileExists(string path) => Full(path) is { } full && File.Exists(full);

    public bool DirectoryExists(string path) => Full(path) is { } full && Directory.Exists(full);

    public long? FileSize(string path)
    {
        if (Full(path) is not { } full)
        {
            return null;
        }
        try
        {
            var file = new FileInfo(full);
            return file.Exists ? file.Length : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool HasEntries(string folder)
    {
        try
        {
            return Full(folder) is { } full && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be listed is not known to be empty.
            return true;
        }
    }

    public byte[]? ReadBytes(string path)
    {
        if (Full(path) is not { } full)
        {
            return null;
        }
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private const int DigestPiece = 1 << 16;

    /// <summary>One buffer per thread for <see cref="Digest"/>: small enough for the ordinary heap, where a
    /// megabyte-sized rented one was fresh memory (and a page fault per page) for every size class it met.</summary>
    [ThreadStatic]
    private static byte[]? t_digestBuffer;

    public FileDigest? Digest(string path)
    {
        if (Full(path) is not { } full)
        {
            return null;
        }
        try
        {
            // Read in 64 KB pieces: a stream hashed as is reads 4 KB at a time, a thousand reads for the fonts alone.
            using var file = File.OpenHandle(full);
            var size = RandomAccess.GetLength(file);
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var buffer = t_digestBuffer ??= new byte[DigestPiece];
            for (long offset = 0; ;)
            {
                var read = RandomAccess.Read(file, buffer, offset);
                if (read == 0)
                {
                    break;
                }
                hash.AppendData(buffer, 0, read);
                offset += read;
            }
            return new FileDigest(size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> ListFiles(string folder)
    {
        if (Full(folder) is not { } full || !Directory.Exists(full))
        {
            return [];
        }
        var found = new List<string>();
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        Walk(full, found, visited);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Lists a folder's files recursively. Links are followed only while they stay in the project, and
    /// a folder is entered once however many links lead to it, so a link to a folder above it is no loop.</summary>
    private void Walk(string folder, List<string> found, HashSet<string> visited)
    {
        if (RealPath(folder) is not { } real || !visited.Add(real))
        {
            return;
        }
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var entry in entries)
        {
            var relative = Path.GetRelativePath(Root, entry.FullName).Replace('\\', '/');
            var isLink = entry.LinkTarget is not null;
            if (isLink && !Inside(entry.FullName) && Directory.Exists(entry.FullName))
            {
                found.Add(relative + "/");
            }
            else if (Directory.Exists(entry.FullName))
            {
                Walk(entry.FullName, found, visited);
            }
            else
            {
                found.Add(relative);
            }
        }
    }

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        return Replace(path, content, static (stream, bytes) => stream.Write(bytes));
    }

    public string? WriteAtomicUnsynced(string path, ReadOnlySpan<byte> content)
    {
        return Replace(path, content, static (stream, bytes) => stream.Write(bytes), durable: false);
    }

    private delegate void Fill<TState>(FileStream stream, TState state) where TState : allows ref struct;

    /// <summary>Makes a file beside <paramref name="path"/> with <paramref name="fill"/>, puts it on disk (unless
    /// it need not be <paramref name="durable"/>) and renames it over the path, so that readers see the old file
    /// or the new one, never half of one.</summary>
    private string? Replace<TState>(string path, TState state, Fill<TState> fill, bool durable = true) where TState : allows ref struct
    {
        if (Full(path) is not { } target)
        {
            return Refused(path);
        }
        var (temporary, error) = WriteBeside(target, state, fill, durable);
        return error ?? PutInPlace(temporary!, target);
    }

    /// <summary>The hidden file beside <paramref name="target"/> that <see cref="Replace"/> writes first.</summary>
    private static string Temporary(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");

    private static (string? Temporary, string? Error) WriteBeside<TState>(string target, TState state, Fill<TState> fill, bool durable) where TState : allows ref struct
    {
        var temporary = Temporary(target);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                fill(stream, state);
                stream.Flush(flushToDisk: durable);
            }
            return (temporary, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(temporary);
            return (null, ex.Message);
        }
    }

    private static string? PutInPlace(string temporary, string target)
    {
        try
        {
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(temporary);
            return ex.Message;
        }
    }

    /// <summary>Deletes a temporary file of ours; if it cannot be removed either, the first error is the one to report.</summary>
    private static void Remove(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Copies prepared by <see cref="PrepareCopy"/>: the full target path, with the full source path and the
    /// hidden file that holds the copy.</summary>
    private readonly Dictionary<string, (string Source, string Temporary)> _prepared = new(StringComparer.Ordinal);

    /// <summary>The folders <see cref="PrepareCopy"/> made for its copies.</summary>
    private readonly List<string> _preparedFolders = [];

    public string? Copy(string source, string target)
    {
        if (Full(source) is not { } from)
        {
            return Refused(source);
        }
        if (Full(target) is { } to && TakePrepared(to) is { } prepared)
        {
            if (prepared.Source == from && PutInPlace(prepared.Temporary, to) is null)
            {
                return null;
            }
            Remove(prepared.Temporary);
        }
        return CopyNow(from, target);
    }

    private string? CopyNow(string from, string target)
    {
        try
        {
            using var read = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return Replace(target, read, static (stream, source) => source.CopyTo(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    public void PrepareCopy(string source, string target)
    {
        if (Full(source) is not { } from || Full(target) is not { } to)
        {
            return;
        }
        lock (_prepared)
        {
            if (_prepared.ContainsKey(to))
            {
                return;
            }
        }
        SweepOnce(Path.GetDirectoryName(to)!);
        // The folders the preparation makes are removed again if nothing is put in place there.
        var made = new List<string>();
        for (var folder = Path.GetDirectoryName(to); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            made.Add(folder);
        }
        try
        {
            using var read = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (WriteBeside(to, read, static (stream, source) => source.CopyTo(stream), durable: true) is ({ } temporary, null))
            {
                lock (_prepared)
                {
                    _prepared[to] = (from, temporary);
                    _preparedFolders.AddRange(made);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Copy tries again and reports what it finds.
        }
    }

    /// <summary>The folders whose leftovers <see cref="SweepOnce"/> has removed.</summary>
    private readonly HashSet<string> _swept = new(StringComparer.Ordinal);

    /// <summary>
    /// Removes, once per folder and build, the hidden files that another pub left beside its targets and that
    /// no running process will put in place: a copy is prepared long before it is used, and a build killed
    /// meanwhile (by SIGKILL or a power cut; an interrupted build removes its own) would otherwise leave it in
    /// the output folder for good. A file counts as such a leftover when its name is one this world writes
    /// (".name.PID.tmp") and no process with that id is running.
    /// </summary>
    private void SweepOnce(string folder)
    {
        lock (_swept)
        {
            if (!_swept.Add(folder))
            {
                return;
            }
        }
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                var name = Path.GetFileName(file);
                var dot = name.LastIndexOf('.', name.Length - ".tmp".Length - 1);
                if (dot > 1 && int.TryParse(name.AsSpan(dot + 1, name.Length - ".tmp".Length - dot - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var process)
                    && process != System.Environment.ProcessId && !IsRunning(process))
                {
                    Remove(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers only take room; the build does not depend on their removal.
        }
    }

    private static bool IsRunning(int process)
    {
        try
        {
            using var found = System.Diagnostics.Process.GetProcessById(process);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private (string Source, string Temporary)? TakePrepared(string target)
    {
        lock (_prepared)
        {
            return _prepared.Remove(target, out var prepared) ? prepared : null;
        }
    }

    public void DiscardPreparedCopies()
    {
        List<string> left;
        List<string> folders;
        lock (_prepared)
        {
            left = [.. _prepared.Values.Select(p => p.Temporary)];
            folders = [.. _preparedFolders];
            _prepared.Clear();
            _preparedFolders.Clear();
        }
        foreach (var temporary in left)
        {
            Remove(temporary);
        }
        // Deepest first, so that a folder is empty once the folders in it are gone.
        foreach (var folder in folders.Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Only an empty folder was to go; one that cannot be removed is left as it is.
            }
        }
    }

    public string? Delete(string path)
    {
        if (Full(path) is not { } target)
        {
            return Refused(path);
        }
        try
        {
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            else if (Directory.Exists(target))
            {
                if (Directory.EnumerateFileSystemEntries(target).Any())
                {
                    return "the folder is not empty";
                }
                Directory.Delete(target);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static string Refused(string path) => $"'{path}' leads outside the project folder (by '..' or a symbolic link); pub writes only inside it";

    public string? Environment(string name) => System.Environment.GetEnvironmentVariable(name);
}
