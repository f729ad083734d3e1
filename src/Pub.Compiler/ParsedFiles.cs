using Pub.Citations;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Bibliography and style files as parsed by an earlier build of the same process (the preview builds a
/// manuscript again on every save), each kept under the SHA-256 of every file its parse read: a build reads
/// the files again, and a file is parsed again only when its bytes differ. Only the latest parse of each path
/// is kept. Safe to use from several threads.
/// </summary>
public sealed class ParsedFiles
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (FileDigest Digest, IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems)> _bibliographies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StyleParse> _styles = new(StringComparer.Ordinal);

    /// <summary>A style's parse and what it rests on: the folders a dependent style's parent was looked for in,
    /// and each file read (null where there was none).</summary>
    internal sealed record StyleParse(
        IReadOnlyList<string> Folders,
        IReadOnlyList<(string Path, FileDigest? Digest)> Inputs,
        (Style? Style, IReadOnlyList<string> Read, IReadOnlyList<Diagnostic> Problems) Result);

    internal static FileDigest? Digest(byte[]? bytes) => bytes is null ? null : FileDigest.Of(bytes);

    internal (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems)? Bibliography(string path, byte[] bytes)
    {
        var digest = FileDigest.Of(bytes);
        lock (_gate)
        {
            return _bibliographies.TryGetValue(path, out var known) && known.Digest == digest ? (known.References, known.Problems) : null;
        }
    }

    internal void RememberBibliography(string path, byte[] bytes, IReadOnlyList<Reference> references, IReadOnlyList<Diagnostic> problems)
    {
        var digest = FileDigest.Of(bytes);
        lock (_gate)
        {
            _bibliographies[path] = (digest, references, problems);
        }
    }

    /// <summary>The style parsed from <paramref name="path"/>, if every file it read still holds the same bytes
    /// (<paramref name="read"/> reads one, null where there is none) and the folders are the same.</summary>
    internal (Style? Style, IReadOnlyList<string> Read, IReadOnlyList<Diagnostic> Problems)? Style(string path, IReadOnlyList<string> folders, Func<string, byte[]?> read)
    {
        StyleParse? known;
        lock (_gate)
        {
            known = _styles.GetValueOrDefault(path);
        }
        return known is not null && known.Folders.SequenceEqual(folders, StringComparer.Ordinal)
            && known.Inputs.All(input => Digest(read(input.Path)) == input.Digest)
            ? known.Result
            : null;
    }

    internal void RememberStyle(string path, StyleParse parse)
    {
        lock (_gate)
        {
            _styles[path] = parse;
        }
    }
}
