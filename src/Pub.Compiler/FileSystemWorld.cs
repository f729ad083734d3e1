// Pub.Compiler: the facade over the pipeline. It loads the project through an IWorld, parses every
// manuscript, runs the resolve passes and both writers per edition, and writes the results atomically.
// It is the only project that references every stage.
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>The real world: files below a project folder, the system clock and the process environment.
/// Writes go to a temporary file in the same folder and are then renamed over the target, so no reader ever
/// sees a half-written file; a path that would leave the project folder is refused.</summary>
public sealed class FileSystemWorld(string root) : IWorld
{
    public string Root { get; } = Path.GetFullPath(root);

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    private string Full(string path)
    {
        // An absolute path is taken as it is: the output folder may be named anywhere with --out.
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var normalized = ProjectPath.Normalize(path);
        if (ProjectPath.EscapesRoot(normalized))
        {
            throw new InvalidOperationException($"path '{path}' leaves the project folder");
        }
        return Path.Combine(Root, normalized);
    }

    public bool FileExists(string path) => File.Exists(Full(path));

    public bool DirectoryExists(string path) => Directory.Exists(Full(path));

    public byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(Full(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> ListFiles(string folder)
    {
        var full = Full(folder);
        if (!Directory.Exists(full))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content)
    {
        var target = Full(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The temporary file is ours; if it cannot be removed either, the first error is the one to report.
            }
            return ex.Message;
        }
    }

    public string? Delete(string path)
    {
        var target = Full(path);
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

    public string? Environment(string name) => System.Environment.GetEnvironmentVariable(name);
}
