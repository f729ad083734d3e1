using System.Security.Cryptography;
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
    private readonly Dictionary<string, (byte[] Hash, IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems)> _bibliographies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StyleParse> _styles = new(StringComparer.Ordinal);

    /// <summary>A style's parse and what it rests on: the folders a dependent style's parent was looked for in,
    /// and each file read (null where there was none).</summary>
    internal sealed record StyleParse(
        IReadOnlyList<string> Folders,
        IReadOnlyList<(string Path, byte[]? Hash)> Inputs,
        (Style? Style, IReadOnlyList<string> Read, IReadOnlyList<Diagnostic> Problems) Result);

    internal static byte[]? Hash(byte[]? bytes) => bytes is null ? null : SHA256.HashData(bytes);

    internal (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems)? Bibliography(string path, byte[] bytes)
    {
        lock (_gate)
        {
            if (!_bibliographies.TryGetValue(path, out var known))
            {
                return null;
            }
            return Hash(bytes).AsSpan().SequenceEqual(known.Hash) ? (known.References, known.Problems) : null;
        }
    }

    internal void RememberBibliography(string path, byte[] bytes, IReadOnlyList<Reference> references, IReadOnlyList<Diagnostic> problems)
    {
        var hash = Hash(bytes)!;
        lock (_gate)
        {
            _bibliographies[path] = (hash, references, problems);
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
        if (known is null || !known.Folders.SequenceEqual(folders, StringComparer.Ordinal))
        {
            return null;
        }
        foreach (var (input, hash) in known.Inputs)
        {
            var now = Hash(read(input));
            if (now is null != hash is null || (now is not null && !now.AsSpan().SequenceEqual(hash)))
            {
                return null;
            }
        }
        return known.Result;
    }

    internal void RememberStyle(string path, StyleParse parse)
    {
        lock (_gate)
        {
            _styles[path] = parse;
        }
    }
}
