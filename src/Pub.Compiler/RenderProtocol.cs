using System.Buffers.Binary;
using System.Text;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// What a build and its render workers (see <see cref="RenderService"/>) say to each other over a pair of streams.
/// Each message is a frame: its length as a 32-bit little-endian integer, then its body, written with
/// <see cref="BinaryWriter"/>. The build sends one <see cref="Setup"/> first, then one manuscript path per request;
/// the worker answers each request with one reply, in order. Closing the request stream ends the worker.
/// </summary>
internal static class RenderProtocol
{
    /// <summary>The first string of the setup; a worker that reads another one answers nothing.</summary>
    public const string Format = "pub-render 1";

    /// <summary>The options a worker renders with: those of the build that decide what a rendered edition holds.</summary>
    public sealed record Setup(IReadOnlyList<string> Paths, string? OutputFolder, OutputFormats Formats, bool Draft, bool LinkPdf, bool Write)
    {
        public static Setup Of(BuildOptions options) =>
            new(options.Paths, options.OutputFolder, options.Formats, options.Draft, options.LinkPdf, options.Write);

        public BuildOptions Options => new()
        {
            Paths = Paths,
            OutputFolder = OutputFolder,
            Formats = Formats,
            Draft = Draft,
            LinkPdf = LinkPdf,
            Write = Write,
            Manifest = false,
        };
    }

    /// <summary>A manuscript as a worker rendered it, without what the build's own preparation knows already:
    /// the diagnostics rendering added, and those of shared files (styles, bibliographies, locales) the worker's
    /// loader reported so far.</summary>
    public sealed record Reply(bool Stopped, TimeSpan Elapsed, int Editions, IReadOnlyList<string> EarlierFiles, IReadOnlyList<string> Inputs,
        IReadOnlyList<Diagnostic> Added, IReadOnlyList<Diagnostic> FileDiagnostics, IReadOnlyList<(string Path, byte[] Content)> Files);

    public static byte[] EncodeSetup(Setup setup) => Frame(writer =>
    {
        writer.Write(Format);
        WriteStrings(writer, setup.Paths);
        WriteOptional(writer, setup.OutputFolder);
        writer.Write((int)setup.Formats);
        writer.Write(setup.Draft);
        writer.Write(setup.LinkPdf);
        writer.Write(setup.Write);
    });

    public static Setup? DecodeSetup(byte[] body)
    {
        var reader = Reader(body);
        if (reader.ReadString() != Format)
        {
            return null;
        }
        return new Setup(ReadStrings(reader), ReadOptional(reader), (OutputFormats)reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean());
    }

    public static byte[] EncodeRequest(string manuscript) => Frame(writer => writer.Write(manuscript));

    public static string DecodeRequest(byte[] body) => Reader(body).ReadString();

    /// <summary>The reply for a manuscript the worker did not render (it prepared it otherwise, or rendering threw):
    /// the build renders it itself, and reports what it finds then.</summary>
    public static byte[] EncodeNotRendered() => Frame(writer => writer.Write(false));

    public static byte[] EncodeReply(Reply reply) => Frame(writer =>
    {
        writer.Write(true);
        writer.Write(reply.Stopped);
        writer.Write(reply.Elapsed.Ticks);
        writer.Write(reply.Editions);
        WriteStrings(writer, reply.EarlierFiles);
        WriteStrings(writer, reply.Inputs);
        // The texts the diagnostics point into, each once, so that a diagnostic keeps its line, column and excerpt.
        var sources = new Dictionary<SourceText, int>(ReferenceEqualityComparer.Instance);
        foreach (var span in reply.Added.Concat(reply.FileDiagnostics).Select(d => d.Span).OfType<SourceSpan>())
        {
            sources.TryAdd(span.Source, sources.Count);
        }
        writer.Write(sources.Count);
        foreach (var source in sources.Keys)
        {
            writer.Write(source.Path);
            writer.Write(source.Text);
        }
        WriteDiagnostics(writer, reply.Added, sources);
        WriteDiagnostics(writer, reply.FileDiagnostics, sources);
        writer.Write(reply.Files.Count);
        foreach (var (path, content) in reply.Files)
        {
            writer.Write(path);
            writer.Write(content.Length);
            writer.Write(content);
        }
    });

    /// <summary>A reply, or null for a manuscript the worker did not render.</summary>
    public static Reply? DecodeReply(byte[] body)
    {
        var reader = Reader(body);
        if (!reader.ReadBoolean())
        {
            return null;
        }
        var (stopped, elapsed, editions) = (reader.ReadBoolean(), TimeSpan.FromTicks(reader.ReadInt64()), reader.ReadInt32());
        var (earlier, inputs) = (ReadStrings(reader), ReadStrings(reader));
        var sources = new SourceText[reader.ReadInt32()];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = new SourceText(reader.ReadString(), reader.ReadString());
        }
        var (added, files) = (ReadDiagnostics(reader, sources), ReadDiagnostics(reader, sources));
        var outputs = new (string, byte[])[reader.ReadInt32()];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = (reader.ReadString(), reader.ReadBytes(reader.ReadInt32()));
        }
        return new Reply(stopped, elapsed, editions, earlier, inputs, added, files, outputs);
    }

    /// <summary>Writes a frame and flushes it.</summary>
    public static async Task WriteAsync(Stream stream, byte[] frame, CancellationToken stop)
    {
        await stream.WriteAsync(frame, stop).ConfigureAwait(false);
        await stream.FlushAsync(stop).ConfigureAwait(false);
    }

    public static void Write(Stream stream, byte[] frame)
    {
        stream.Write(frame);
        stream.Flush();
    }

    /// <summary>The next frame's body; null when the stream ends before a frame begins.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken stop)
    {
        var header = new byte[4];
        if (await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, stop).ConfigureAwait(false) < 4)
        {
            return null;
        }
        var body = new byte[Length(header)];
        await stream.ReadExactlyAsync(body, stop).ConfigureAwait(false);
        return body;
    }

    public static byte[]? Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[4];
        if (stream.ReadAtLeast(header, 4, throwOnEndOfStream: false) < 4)
        {
            return null;
        }
        var body = new byte[Length(header)];
        stream.ReadExactly(body);
        return body;
    }

    /// <summary>A frame's length from its header; a negative one is not pub's.</summary>
    private static int Length(ReadOnlySpan<byte> header) =>
        BinaryPrimitives.ReadInt32LittleEndian(header) is var length and >= 0 ? length : throw new InvalidDataException("a frame with a negative length");

    private static byte[] Frame(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0);
            write(writer);
        }
        var frame = buffer.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(frame, frame.Length - 4);
        return frame;
    }

    private static BinaryReader Reader(byte[] body) => new(new MemoryStream(body, writable: false), Encoding.UTF8);

    private static void WriteDiagnostics(BinaryWriter writer, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SourceText, int> sources)
    {
        writer.Write(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            writer.Write((byte)d.Severity);
            writer.Write(d.Code);
            writer.Write(d.Message);
            writer.Write(d.Hints is null ? -1 : d.Hints.Count);
            foreach (var hint in d.Hints ?? [])
            {
                writer.Write(hint);
            }
            WriteOptional(writer, d.Path);
            writer.Write(d.Span is { } span ? sources[span.Source] : -1);
            writer.Write(d.Span?.Start ?? 0);
            writer.Write(d.Span?.Length ?? 0);
        }
    }

    private static List<Diagnostic> ReadDiagnostics(BinaryReader reader, SourceText[] sources)
    {
        var diagnostics = new List<Diagnostic>(reader.ReadInt32());
        for (var i = diagnostics.Capacity; i > 0; i--)
        {
            var (severity, code, message) = ((Severity)reader.ReadByte(), reader.ReadString(), reader.ReadString());
            var count = reader.ReadInt32();
            List<string>? hints = count < 0 ? null : [];
            for (var h = 0; h < count; h++)
            {
                hints!.Add(reader.ReadString());
            }
            var path = ReadOptional(reader);
            var (source, start, length) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            SourceSpan? span = source < 0 ? null : new SourceSpan(sources[source], start, length);
            diagnostics.Add(new Diagnostic(severity, code, message, span, hints, path));
        }
        return diagnostics;
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    private static List<string> ReadStrings(BinaryReader reader)
    {
        var strings = new List<string>(reader.ReadInt32());
        for (var i = strings.Capacity; i > 0; i--)
        {
            strings.Add(reader.ReadString());
        }
        return strings;
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
