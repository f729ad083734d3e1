using Pub.Syntax;

namespace Pub.Preview;

/// <summary>
/// The project as the compiler sees it during one preview build: reads go to the real files, writes into
/// the preview output folder are kept in memory, and any other write is refused. So a preview never
/// writes into dist/ or anywhere else on disk.
/// </summary>
internal sealed class CapturingWorld(IWorld files) : IWorld
{
    /// <summary>The output folder the compiler is told to write to; nothing is written there on disk.</summary>
    public const string OutputFolder = ".pub/preview";

    private readonly Dictionary<string, byte[]> _written = new(StringComparer.Ordinal);

    /// <summary>What the build wrote, keyed by the path below the output folder (the URL path).</summary>
    public IReadOnlyDictionary<string, byte[]> Written => _written;

    public string Root => files.Root;

    public DateTimeOffset Now => files.Now;

    public bool FileExists(string path) => files.FileExists(path);

    public bool DirectoryExists(string path) => files.DirectoryExists(path);

    public byte[]? ReadBytes(string path) => files.ReadBytes(path);

    public IReadOnlyList<string> ListFiles(string folder) => files.ListFiles(folder);

    public string? Environment(string name) => files.Environment(name);

    public bool IsOutside(string path) => files.IsOutside(path);

    public bool HasEntries(string folder) => files.HasEntries(folder);

    public string? Delete(string path) => "the preview deletes nothing";

    public string? WriteAtomic(string path, ReadOnlySpan<byte> content) => Capture(path, content.ToArray());

    /// <summary>A copy keeps the bytes read, without a second copy of them (the fonts, on every rebuild).</summary>
    public string? Copy(string source, string target) =>
        files.ReadBytes(source) is { } bytes ? Capture(target, bytes) : $"cannot read '{source}'";

    private string? Capture(string path, byte[] content)
    {
        var normalized = ProjectPath.Normalize(path);
        if (!normalized.StartsWith(OutputFolder + "/", StringComparison.Ordinal) || ProjectPath.EscapesRoot(normalized))
        {
            return "the preview writes only to memory";
        }
        _written[normalized[(OutputFolder.Length + 1)..]] = content;
        return null;
    }
}
