using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pub.Compiler.Incremental;

/// <summary>
/// What one unit of a build (an edition, or a whole-build output such as the stylesheet or the series index)
/// read and wrote: a fingerprint of every input and the SHA-256 of every output. Stored as lines of text:
/// <code>
/// pub-build-cache 1
/// tool 0.1.0
/// unit papers/op-001/paper.md
/// options 4f1c…
/// in 9a0b… file:papers/op-001/paper.md
/// out 77e2… dist/op-001-en-ed1.html
/// diag warning PUB0904 1234 56 cGFw… cGFy… aGlu…
/// sha256 c3d4…
/// </code>
/// A <c>diag</c> line is a diagnostic the unit reported: severity, code, the span's start and length (-1 when
/// it has none), then its file, message and hints in Base64. The last line is the SHA-256 of everything above it, so a truncated or damaged entry is recognised and
/// never trusted.
/// </summary>
internal sealed record CacheEntry(string Unit, string Options, IReadOnlyDictionary<string, string> Inputs, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>The warnings and infos the unit reported when it was built, replayed when it is skipped.</summary>
    public IReadOnlyList<StoredDiagnostic> Diagnostics { get; init; } = [];

    public const string Format = "pub-build-cache 1";

    /// <summary>The entry as the UTF-8 bytes of its file.</summary>
    public byte[] Serialize()
    {
        var body = new StringBuilder();
        body.Append(Format).Append('\n');
        body.Append("tool ").Append(PubVersion.Fingerprint).Append('\n');
        body.Append("unit ").Append(Unit).Append('\n');
        body.Append("options ").Append(Options).Append('\n');
        foreach (var (input, fingerprint) in Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            body.Append("in ").Append(fingerprint).Append(' ').Append(input).Append('\n');
        }
        foreach (var (output, sha) in Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            body.Append("out ").Append(sha).Append(' ').Append(output).Append('\n');
        }
        foreach (var d in Diagnostics)
        {
            body.Append("diag ").Append(d.Severity).Append(' ').Append(d.Code).Append(' ')
                .Append(d.Start.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(d.Length.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .AppendJoin(' ', new[] { d.Path ?? "", d.Message }.Concat(d.Hints).Select(Encode)).Append('\n');
        }
        // Encoded from the builder's pieces: the whole build's entry, with every diagnostic it replays, is large
        // enough that a string of it would be a large object, and allocating those soon costs a full collection.
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            foreach (var chunk in body.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }
        var checksum = Hash(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        bytes.Write(Encoding.ASCII.GetBytes("sha256 " + checksum + "\n"));
        return bytes.ToArray();
    }

    /// <summary>The entry, or null and the reason it cannot be trusted.</summary>
    public static CacheEntry? Parse(string text, out CacheProblem? problem)
    {
        problem = null;
        var end = text.LastIndexOf("sha256 ", StringComparison.Ordinal);
        if (end < 0 || (end > 0 && text[end - 1] != '\n') || !text.EndsWith('\n'))
        {
            problem = CacheProblem.Truncated;
            return null;
        }
        var body = text[..end];
        if (!string.Equals(text[(end + 7)..^1], Hash(body), StringComparison.Ordinal))
        {
            problem = CacheProblem.Checksum;
            return null;
        }
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 4 || lines[0] != Format)
        {
            problem = CacheProblem.Format;
            return null;
        }
        if (lines[1] != "tool " + PubVersion.Fingerprint)
        {
            problem = CacheProblem.WrittenBy(lines[1]);
            return null;
        }
        if (!lines[2].StartsWith("unit ", StringComparison.Ordinal) || !lines[3].StartsWith("options ", StringComparison.Ordinal))
        {
            problem = CacheProblem.Format;
            return null;
        }
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<StoredDiagnostic>();
        foreach (var line in lines.Skip(4))
        {
            if (line.StartsWith("diag ", StringComparison.Ordinal))
            {
                if (StoredDiagnostic.Parse(line) is not { } stored)
                {
                    problem = CacheProblem.Format;
                    return null;
                }
                diagnostics.Add(stored);
                continue;
            }
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
            if (second < 0)
            {
                problem = CacheProblem.Format;
                return null;
            }
            var (kind, hash, name) = (line[..first], line[(first + 1)..second], line[(second + 1)..]);
            var target = kind switch
            {
                "in" => inputs,
                "out" => outputs,
                _ => null,
            };
            if (target is null)
            {
                problem = CacheProblem.Format;
                return null;
            }
            target[name] = hash;
        }
        return new CacheEntry(lines[2][5..], lines[3][8..], inputs, outputs) { Diagnostics = diagnostics };
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    public static string Hash(ReadOnlySpan<byte> bytes) => Pub.Syntax.FileDigest.Of(bytes).Sha256;

    /// <summary>The entry's file name: from the unit and the options, not the tool version, so that an entry
    /// written by another version is found, recognised as foreign and replaced.</summary>
    public static string FileNameFor(string unit, string options) =>
        Hash(unit + "\n" + options)[..32].ToString(CultureInfo.InvariantCulture) + ".entry";
}

/// <summary>A diagnostic as the cache keeps it: its span as offsets into its file, which is one of the unit's
/// inputs and therefore unchanged whenever the diagnostic is replayed.</summary>
internal sealed record StoredDiagnostic(string Severity, string Code, int Start, int Length, string? Path, string Message, IReadOnlyList<string> Hints)
{
    public static StoredDiagnostic From(Pub.Syntax.Diagnostic d) =>
        new(d.Severity.ToString(), d.Code, d.Span?.Start ?? -1, d.Span?.Length ?? -1, d.FilePath, d.Message, d.HintList);

    public static StoredDiagnostic? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length < 7
            || !int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length))
        {
            return null;
        }
        try
        {
            var texts = parts.Skip(5).Select(p => Encoding.UTF8.GetString(Convert.FromBase64String(p))).ToList();
            return new StoredDiagnostic(parts[1], parts[2], start, length, texts[0].Length == 0 ? null : texts[0], texts[1], texts.Skip(2).ToList());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Why a cache entry is not trusted, worded for one entry and for several, so that many entries
/// discarded for one reason (every entry, after switching between two builds of pub) make one message.</summary>
internal sealed record CacheProblem(string One, string Many)
{
    public static readonly CacheProblem Truncated = new("it is truncated", "they are truncated");
    public static readonly CacheProblem Checksum = new("its checksum does not match its content", "their checksums do not match their content");
    public static readonly CacheProblem Format = new("it was written in another format", "they were written in another format");
    public static readonly CacheProblem OtherUnit = new("it belongs to another unit", "they belong to other units");

    /// <summary>From an entry's <c>tool</c> line ("tool 0.1.0 3f2a…"). Two builds of the same version differ in
    /// their assemblies' hash (<c>dotnet run</c> and the installed tool, say): say so, rather than "another
    /// version", which would read as a contradiction.</summary>
    public static CacheProblem WrittenBy(string toolLine)
    {
        var tool = toolLine.StartsWith("tool ", StringComparison.Ordinal) ? toolLine[5..] : toolLine;
        var version = tool.Split(' ')[0];
        var by = version == PubVersion.Text
            ? $"another build of pub {version} (its assemblies differ from this one's, as those of 'dotnet run' and an installed pub do)"
            : $"another version of pub ({tool}; this is {PubVersion.Text})";
        return new($"it was written by {by}", $"they were written by {by}");
    }
}
