using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pub.Pdf;

/// <summary>
/// The last step of writing: PDFsharp saves without compressing anything, and this pass rewrites its file
/// object by object. Every stream is compressed here with zlib (RFC 1950, Adler-32 checksum included, which
/// PDFsharp's own encoder leaves out and <c>qpdf --check</c> warns about), except the XMP packet, which is
/// replaced by ours and stays readable as PDF/A recommends; the Info dictionary is replaced by ours, so that it
/// agrees with the XMP word for word; the cross-reference table is rebuilt for the new offsets; and the trailer
/// loses PDFsharp's comment naming the runtime it ran on. Only files PDFsharp wrote are read: one
/// cross-reference table, objects as "n 0 obj … endobj", stream lengths as direct integers.
/// </summary>
internal static class FileFinisher
{
    /// <summary>What the final pass puts in: the Info dictionary and the XMP packet in place of PDFsharp's, and
    /// text in place of placeholders PDFsharp wrote: <paramref name="Id"/> in the trailer, and
    /// <paramref name="Names"/> in the objects numbered <paramref name="Objects"/> only (none of them a stream),
    /// so that nothing else can be changed by chance.</summary>
    public sealed record FileEdits(string Info, byte[] Xmp, (string Placeholder, string Value) Id, IReadOnlySet<int> Objects,
        IReadOnlyDictionary<string, string> Names);

    /// <param name="pdf">A buffer holding the file PDFsharp wrote in its first <paramref name="length"/> bytes (the
    /// buffer of the stream it was saved to, not a copy: a long document is tens of megabytes uncompressed).</param>
    /// <param name="edits">What to put in, given the SHA-256 of the file as PDFsharp wrote it, except for its
    /// Info dictionary, its XMP packet (PDFsharp fills both with the time and random ids) and its trailer.</param>
    /// <param name="deflated">Streams compressed while the pages were still being drawn; any other stream is
    /// compressed here.</param>
    public static byte[] Finish(byte[] pdf, int length, Func<byte[], FileEdits> edits, DeflatedStreams? deflated = null)
    {
        var (offsets, trailer) = ReadXref(pdf, length);
        int infoNumber = Reference(trailer, "/Info");
        // Each object with where it starts and ends, found once for both the hash and the rewrite.
        var order = offsets.Where(o => o.Value > 0).OrderBy(o => o.Value).Select(o => (Number: o.Key, Start: o.Value, End: EndOfObject(pdf, o.Value))).ToList();
        var (info, xmp, id, objects, names) = edits(Hash(pdf, order, infoNumber, MetadataNumber(pdf, offsets, trailer)));
        int firstObject = order[0].Start;
        var newOffsets = new SortedDictionary<int, long>();
        // Compressing the streams is most of the work: runs of objects, about equal in size, are rewritten on as
        // many threads as there are cores and put together in order, so the file is the same however it was split.
        var runs = Runs(order, 4 * Environment.ProcessorCount);
        var rewritten = new (Pieces Bytes, long[] Offsets)[runs.Count];
        Parallel.For(0, runs.Count, r =>
        {
            var (from, to) = runs[r];
            var bytes = new Pieces();
            var at = new long[to - from];
            for (int i = from; i < to; i++)
            {
                var (number, start, end) = order[i];
                at[i - from] = bytes.Length;
                if (number == infoNumber)
                    bytes.AddAscii($"{number} 0 obj\n{info}\nendobj\n");
                else if (objects.Contains(number))
                    bytes.AddAscii(Edited(Encoding.Latin1.GetString(pdf, start, end - start), names) + "\n");
                else
                    Rewrite(bytes, pdf, start, end, xmp, deflated);
            }
            rewritten[r] = (bytes, at);
        });
        long xref = firstObject;
        for (int r = 0; r < runs.Count; r++)
        {
            for (int i = runs[r].From; i < runs[r].To; i++)
                newOffsets[order[i].Number] = xref + rewritten[r].Offsets[i - runs[r].From];
            xref += rewritten[r].Bytes.Length;
        }
        int size = offsets.Keys.Max() + 1;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
        for (int n = 1; n < size; n++)
        {
            if (newOffsets.TryGetValue(n, out var at))
                table.Append(CultureInfo.InvariantCulture, $"{at:0000000000} 00000 n \n");
            else
                table.Append("0000000000 65535 f \n");
        }
        table.Append("trailer\n").Append(trailer.Replace(id.Placeholder, id.Value, StringComparison.Ordinal)).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xref}\n%%EOF\n");
        // The file is put together once, in an array of its size: the header as PDFsharp wrote it, the objects
        // run by run, the new cross-reference table and trailer.
        var tail = Encoding.Latin1.GetBytes(table.ToString());
        var file = new byte[checked((int)xref + tail.Length)];
        pdf.AsSpan(0, firstObject).CopyTo(file);
        int next = firstObject;
        foreach (var (bytes, _) in rewritten)
            next = bytes.CopyTo(file, next);
        tail.CopyTo(file.AsSpan(next));
        return file;
    }

    /// <summary>A run's rewritten objects as the pieces they are made of, most of them parts of the file PDFsharp
    /// wrote or streams compressed already: copied once, into the finished file, and never into a buffer between.</summary>
    private sealed class Pieces
    {
        private readonly List<ReadOnlyMemory<byte>> _pieces = [];

        public long Length { get; private set; }

        public void Add(ReadOnlyMemory<byte> piece)
        {
            _pieces.Add(piece);
            Length += piece.Length;
        }

        public void AddAscii(string text) => Add(Encoding.Latin1.GetBytes(text));

        /// <summary>Copies the pieces into <paramref name="file"/> from <paramref name="at"/>; returns where they end.</summary>
        public int CopyTo(byte[] file, int at)
        {
            foreach (var piece in _pieces)
            {
                piece.Span.CopyTo(file.AsSpan(at));
                at += piece.Length;
            }
            return at;
        }
    }

    /// <summary>Consecutive runs of objects (from, to exclusive), at most <paramref name="count"/>, each about an
    /// equal share of the file's bytes.</summary>
    private static List<(int From, int To)> Runs(List<(int Number, int Start, int End)> order, int count)
    {
        long total = 0;
        foreach (var (_, start, end) in order)
            total += end - start;
        long share = Math.Max(1, total / Math.Max(1, count));
        var runs = new List<(int, int)>();
        int from = 0;
        long size = 0;
        for (int i = 0; i < order.Count; i++)
        {
            size += order[i].End - order[i].Start;
            if (size >= share || i == order.Count - 1)
            {
                runs.Add((from, i + 1));
                (from, size) = (i + 1, 0);
            }
        }
        return runs;
    }

    private static byte[] Hash(byte[] pdf, List<(int Number, int Start, int End)> order, params int[] skipped)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(pdf, 0, order[0].Start);
        foreach (var (number, start, end) in order)
        {
            if (!skipped.Contains(number))
                sha.AppendData(pdf, start, end - start);
        }
        return sha.GetHashAndReset();
    }

    /// <summary>The number of the XMP packet's object, which the catalog names; -1 when there is none.</summary>
    private static int MetadataNumber(byte[] pdf, Dictionary<int, int> offsets, string trailer)
    {
        if (!offsets.TryGetValue(Reference(trailer, "/Root"), out var catalog))
            return -1;
        return Reference(Encoding.Latin1.GetString(pdf, catalog, EndOfObject(pdf, catalog) - catalog), "/Metadata");
    }

    private static string Edited(string text, IReadOnlyDictionary<string, string> names)
    {
        foreach (var (placeholder, value) in names)
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Object offsets by number, and the trailer dictionary (without anything after it).</summary>
    private static (Dictionary<int, int> Offsets, string Trailer) ReadXref(byte[] pdf, int length)
    {
        string tail = Encoding.Latin1.GetString(pdf, Math.Max(0, length - 64), Math.Min(64, length));
        int sx = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (sx < 0)
            throw new InvalidDataException("PDF has no startxref");
        int xref = int.Parse(tail[(sx + 9)..].Trim().Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
        string text = Encoding.Latin1.GetString(pdf, xref, length - xref);
        if (!text.StartsWith("xref", StringComparison.Ordinal))
            throw new InvalidDataException("PDF has no cross-reference table where startxref points");
        var offsets = new Dictionary<int, int>();
        var lines = text.Split('\n');
        int line = 1;
        while (!lines[line].StartsWith("trailer", StringComparison.Ordinal))
        {
            var head = lines[line++].Trim().Split(' ');
            int first = int.Parse(head[0], CultureInfo.InvariantCulture), count = int.Parse(head[1], CultureInfo.InvariantCulture);
            for (int k = 0; k < count; k++)
            {
                var entry = lines[line++];
                if (entry.Length >= 17 && entry[17] == 'n')
                    offsets[first + k] = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            }
        }
        int trailerAt = text.IndexOf("trailer", StringComparison.Ordinal) + 7;
        int dictStart = text.IndexOf("<<", trailerAt, StringComparison.Ordinal);
        int dictEnd = DictionaryEnd(Encoding.Latin1.GetBytes(text), dictStart);
        return (offsets, text[dictStart..dictEnd]);
    }

    private static int Reference(string dictionary, string key)
    {
        int at = dictionary.IndexOf(key + " ", StringComparison.Ordinal);
        if (at < 0)
            return -1;
        var rest = dictionary[(at + key.Length)..].TrimStart();
        return int.Parse(rest[..rest.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    private static int EndOfObject(byte[] pdf, int start)
    {
        int at = IndexOf(pdf, "endobj"u8, start);
        if (at < 0)
            throw new InvalidDataException("PDF object without endobj");
        return at + 6;
    }

    private static void Rewrite(Pieces output, byte[] pdf, int start, int end, byte[] xmp, DeflatedStreams? deflated)
    {
        int dict = SkipSpace(pdf, IndexOf(pdf, "obj"u8, start) + 3);
        if (pdf[dict] != '<' || pdf[dict + 1] != '<')
        {
            Copy(output, pdf, start, end);
            return;
        }
        int dictEnd = DictionaryEnd(pdf, dict);
        int keyword = SkipSpace(pdf, dictEnd);
        if (!pdf.AsSpan(keyword).StartsWith("stream"u8))
        {
            Copy(output, pdf, start, end);
            return;
        }
        int data = keyword + 6;
        data += pdf[data] == '\r' ? 2 : 1;
        string dictionary = Encoding.Latin1.GetString(pdf, dict, dictEnd - dict);
        var entries = Entries(dictionary);
        int length = int.Parse(entries["/Length"], CultureInfo.InvariantCulture);
        var content = pdf.AsSpan(data, length);
        string? filter = entries.GetValueOrDefault("/Filter")?.Trim();

        byte[] encoded;
        string? newFilter;
        if (entries.GetValueOrDefault("/Type") == "/Metadata")
            (encoded, newFilter) = (xmp, null);
        else if (filter is null)
            (encoded, newFilter) = (deflated?.Find(content) ?? Deflate(content), "/FlateDecode");
        else if (filter is "/FlateDecode" or "[/FlateDecode]")
            (encoded, newFilter) = (Deflate(Inflate(content)), "/FlateDecode");
        else
            (encoded, newFilter) = (content.ToArray(), filter);

        entries.Remove("/Length");
        entries.Remove("/Filter");
        var head = new StringBuilder();
        head.Append(Encoding.Latin1.GetString(pdf, start, dict - start));
        head.Append(CultureInfo.InvariantCulture, $"<</Length {encoded.Length}");
        if (newFilter is not null)
            head.Append("/Filter").Append(newFilter);
        foreach (var (key, value) in entries)
            head.Append(key).Append(value.StartsWith('/') || value.StartsWith('<') || value.StartsWith('[') || value.StartsWith('(') ? "" : " ").Append(value);
        head.Append(">>\nstream\n");
        output.AddAscii(head.ToString());
        output.Add(encoded);
        output.Add(EndStream);
    }

    /// <summary>Top-level entries of a dictionary, in order, values as written.</summary>
    private static OrderedDictionary<string, string> Entries(string dictionary)
    {
        var bytes = Encoding.Latin1.GetBytes(dictionary);
        var entries = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        int at = 2, end = bytes.Length - 2;
        while (true)
        {
            at = SkipSpace(bytes, at);
            if (at >= end)
                break;
            int keyEnd = TokenEnd(bytes, at + 1);
            string key = dictionary[at..keyEnd];
            int valueStart = SkipSpace(bytes, keyEnd);
            int valueEnd = ValueEnd(bytes, valueStart);
            entries[key] = dictionary[valueStart..valueEnd].Trim();
            at = valueEnd;
        }
        return entries;
    }

    /// <summary>End of one value: a dictionary, array, string, name, or number — or an indirect reference "n g R".</summary>
    private static int ValueEnd(byte[] b, int at)
    {
        switch (b[at])
        {
            case (byte)'<' when b[at + 1] == '<':
                return DictionaryEnd(b, at);
            case (byte)'<':
                return Array.IndexOf(b, (byte)'>', at) + 1;
            case (byte)'[':
                return Nested(b, at, (byte)'[', (byte)']');
            case (byte)'(':
                return StringEnd(b, at);
            case (byte)'/':
                return TokenEnd(b, at + 1);
        }
        int end = TokenEnd(b, at);
        // A number followed by "g R" is a reference.
        int next = SkipSpace(b, end);
        if (next < b.Length && char.IsAsciiDigit((char)b[next]))
        {
            int genEnd = TokenEnd(b, next);
            int r = SkipSpace(b, genEnd);
            if (r < b.Length && b[r] == 'R')
                return r + 1;
        }
        return end;
    }

    private static int DictionaryEnd(byte[] b, int at)
    {
        int depth = 0;
        for (int i = at; i < b.Length - 1; i++)
        {
            if (b[i] == '(')
            {
                i = StringEnd(b, i) - 1;
                continue;
            }
            if (b[i] == '<' && b[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (b[i] == '>' && b[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0)
                    return i + 1;
            }
        }
        throw new InvalidDataException("unterminated dictionary");
    }

    private static int Nested(byte[] b, int at, byte open, byte close)
    {
        int depth = 0;
        for (int i = at; i < b.Length; i++)
        {
            if (b[i] == '(')
            {
                i = StringEnd(b, i) - 1;
                continue;
            }
            if (b[i] == open)
                depth++;
            else if (b[i] == close && --depth == 0)
                return i + 1;
        }
        throw new InvalidDataException("unterminated array");
    }

    private static int StringEnd(byte[] b, int at)
    {
        int depth = 0;
        for (int i = at; i < b.Length; i++)
        {
            if (b[i] == '\\')
                i++;
            else if (b[i] == '(')
                depth++;
            else if (b[i] == ')' && --depth == 0)
                return i + 1;
        }
        throw new InvalidDataException("unterminated string");
    }

    private static int TokenEnd(byte[] b, int at)
    {
        while (at < b.Length && !IsSpace(b[at]) && b[at] is not ((byte)'/' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')'))
            at++;
        return at;
    }

    private static int SkipSpace(byte[] b, int at)
    {
        while (at < b.Length && IsSpace(b[at]))
            at++;
        return at;
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0 or 12;

    private static int IndexOf(byte[] pdf, ReadOnlySpan<byte> what, int from)
    {
        int at = pdf.AsSpan(from).IndexOf(what);
        return at < 0 ? -1 : from + at;
    }

    private static void Copy(Pieces output, byte[] pdf, int start, int end)
    {
        output.Add(pdf.AsMemory(start, end - start));
        output.Add(NewLine);
    }

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private static readonly byte[] EndStream = "\nendstream\nendobj\n"u8.ToArray();

    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        // Sized for the content of a page, which compresses to about a third: the buffer grows once at most.
        using var buffer = new MemoryStream(data.Length / 2 + 64);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return buffer.ToArray();
    }

    /// <summary>Inflates a zlib stream; the two header bytes are skipped and the raw deflate data read, so a
    /// missing or wrong Adler-32 trailer (PDFsharp's images) does not matter.</summary>
    public static byte[] Inflate(ReadOnlySpan<byte> data)
    {
        using var input = new MemoryStream(data[2..].ToArray());
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>
/// Streams compressed ahead of the final pass, on another thread while later pages are drawn. The final pass finds a
/// stream here by its bytes (the same bytes compress to the same output, so the file does not depend on which
/// streams were ready) and compresses whatever it does not find.
/// </summary>
internal sealed class DeflatedStreams
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Length, int Hash), (byte[] Content, byte[] Deflated)> _streams = new();

    public void Add(byte[] content) => _streams.TryAdd(Key(content), (content, FileFinisher.Deflate(content)));

    /// <summary>The compressed form of <paramref name="content"/>, when it was added; null otherwise.</summary>
    public byte[]? Find(ReadOnlySpan<byte> content) =>
        _streams.TryGetValue(Key(content), out var found) && found.Content.AsSpan().SequenceEqual(content) ? found.Deflated : null;

    private static (int, int) Key(ReadOnlySpan<byte> content)
    {
        var hash = new HashCode();
        hash.AddBytes(content);
        return (content.Length, hash.ToHashCode());
    }
}
