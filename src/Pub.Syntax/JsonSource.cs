// JSON input files (CSL-JSON bibliographies, pub cite's citations) read with System.Text.Json into a
// small tree whose values keep their offsets in the SourceText, so readers can point a diagnostic at
// the exact value that is wrong. The syntax is strict RFC 8259: no comments, no trailing commas, no
// '+' before a number, only space, tab, CR and LF between tokens. A syntax error is found by the reader
// and put into words by JsonSyntaxError.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pub.Syntax;

/// <summary>A JSON value; Offset is the character offset of its first character in the source text.</summary>
public abstract record JsonValue(int Offset);

public sealed record JsonString(int Offset, string Value) : JsonValue(Offset);

/// <summary>A number as written, so "2.50" and "007" survive as text variables.</summary>
public sealed record JsonNumber(int Offset, string Raw) : JsonValue(Offset);

public sealed record JsonBool(int Offset, bool Value) : JsonValue(Offset);

public sealed record JsonNull(int Offset) : JsonValue(Offset);

public sealed record JsonArray(int Offset, IReadOnlyList<JsonValue> Items) : JsonValue(Offset);

/// <summary>An object's members in the order written; a repeated key keeps every occurrence.</summary>
public sealed record JsonObject(int Offset, IReadOnlyList<KeyValuePair<string, JsonValue>> Members) : JsonValue(Offset)
{
    /// <summary>The first member with this key, or null.</summary>
    public JsonValue? this[string key] => Members.FirstOrDefault(m => m.Key == key).Value;
}

public static class JsonSource
{
    /// <summary>Parses the whole text as one JSON value. On a syntax error returns false and a
    /// diagnostic with the error's line and column (characters, not bytes) and what is wrong in plain
    /// words; this is the one place where a JSON syntax error becomes a diagnostic.</summary>
    /// <param name="document">What the file is, for the message: "CSL-JSON", "the citations file".</param>
    public static bool TryParse(SourceText source, DiagnosticCode code, string document,
        [NotNullWhen(true)] out JsonValue? root, [NotNullWhen(false)] out Diagnostic? error)
    {
        root = null;
        // A byte-order mark is not JSON; TextDecoding drops it from files, but text may still carry one.
        var start = source.Text.StartsWith('\uFEFF') ? 1 : 0;
        var bytes = Encoding.UTF8.GetBytes(source.Text, start, source.Text.Length - start);
        var tree = new TreeReader(new Utf8Positions(source.Text, start));
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
        try
        {
            (root, error) = (tree.Document(ref reader), null);
            return true;
        }
        catch (JsonException ex)
        {
            var after = tree.Positions.CharOffset(tree.Consumed);
            var readerOffset = tree.Positions.CharOffset(ByteOffset(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0));
            var (offset, reason) = JsonSyntaxError.Explain(source.Text, after, tree.Expecting, tree.Key, tree.Depth, readerOffset);
            error = SyntaxError(source, code, document, offset, reason);
            return false;
        }
        catch (InvalidStringException ex)
        {
            error = SyntaxError(source, code, document, ex.Offset, "a string holds a \\u escape that is not a whole character (a lone surrogate)");
            return false;
        }
    }

    private static Diagnostic SyntaxError(SourceText source, DiagnosticCode code, string document, int offset, string reason) =>
        Diagnostic.Error(code, $"{document} is not valid JSON: {reason}", source.Span(offset, 1));

    /// <summary>Builds the tree from the reader's tokens and remembers, before each read, what the
    /// reader is to read next and where its last token ended, so that a syntax error can be explained.</summary>
    private sealed class TreeReader(Utf8Positions positions)
    {
        public Utf8Positions Positions { get; } = positions;

        /// <summary>The byte offset just after the last token read.</summary>
        public long Consumed { get; private set; }

        public JsonExpectation Expecting { get; private set; } = JsonExpectation.Document;

        /// <summary>The name of the member whose value is read next or was read last.</summary>
        public string? Key { get; private set; }

        /// <summary>How many arrays and objects are open.</summary>
        public int Depth { get; private set; }

        public JsonValue Document(ref Utf8JsonReader reader)
        {
            Next(ref reader, JsonExpectation.Document, null);
            var value = Value(ref reader);
            // A second value (or any other text) after the first makes the reader throw.
            Next(ref reader, JsonExpectation.End, null);
            return value;
        }

        private bool Next(ref Utf8JsonReader reader, JsonExpectation expecting, string? key)
        {
            (Expecting, Key) = (expecting, key);
            var read = reader.Read();
            Consumed = reader.BytesConsumed;
            return read;
        }

        private JsonValue Value(ref Utf8JsonReader reader)
        {
            var offset = Positions.CharOffset(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Depth++;
                    var members = new List<KeyValuePair<string, JsonValue>>();
                    string? last = null;
                    while (Next(ref reader, last is null ? JsonExpectation.FirstMember : JsonExpectation.NextMember, last)
                        && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        last = Text(ref reader);
                        Next(ref reader, JsonExpectation.MemberValue, last);
                        members.Add(new(last, Value(ref reader)));
                    }
                    Depth--;
                    return new JsonObject(offset, members);
                case JsonTokenType.StartArray:
                    Depth++;
                    var items = new List<JsonValue>();
                    while (Next(ref reader, items.Count == 0 ? JsonExpectation.FirstElement : JsonExpectation.NextElement, null)
                        && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Value(ref reader));
                    }
                    Depth--;
                    return new JsonArray(offset, items);
                case JsonTokenType.String:
                    return new JsonString(offset, Text(ref reader));
                case JsonTokenType.Number:
                    return new JsonNumber(offset, Encoding.UTF8.GetString(reader.ValueSpan));
                case JsonTokenType.True or JsonTokenType.False:
                    return new JsonBool(offset, reader.GetBoolean());
                case JsonTokenType.Null:
                    return new JsonNull(offset);
                default:
                    // The reader validates structure, so only a value token can start a value here.
                    throw new InvalidOperationException($"unexpected JSON token {reader.TokenType} at offset {offset.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        private string Text(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                // Valid JSON syntax, but "\ud800" alone is no Unicode text.
                throw new InvalidStringException(Positions.CharOffset(reader.TokenStartIndex));
            }
        }
    }

    /// <summary>The byte offset of a zero-based line (lines end at LF, as the reader counts them) and a
    /// zero-based byte position in that line.</summary>
    private static long ByteOffset(byte[] bytes, long line, long bytePositionInLine)
    {
        var lineStart = 0;
        for (var i = 0; i < line && lineStart < bytes.Length; i++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', lineStart);
            if (next < 0)
            {
                break;
            }
            lineStart = next + 1;
        }
        return Math.Min(lineStart + bytePositionInLine, bytes.Length);
    }

    private sealed class InvalidStringException(int offset) : Exception
    {
        public int Offset { get; } = offset;
    }

    /// <summary>Turns byte offsets of the UTF-8 encoding of a text (from a start character on) into
    /// character offsets. Offsets mostly grow, so it walks on from the last answer.</summary>
    private sealed class Utf8Positions
    {
        private readonly string _text;
        private readonly int _start;
        private long _byte;
        private int _char;

        public Utf8Positions(string text, int start)
        {
            _text = text;
            _start = start;
            _char = start;
        }

        public int CharOffset(long byteOffset)
        {
            if (byteOffset < _byte)
            {
                (_byte, _char) = (0, _start);
            }
            while (_byte < byteOffset && _char < _text.Length)
            {
                var c = _text[_char];
                if (char.IsHighSurrogate(c) && _char + 1 < _text.Length && char.IsLowSurrogate(_text[_char + 1]))
                {
                    _byte += 4;
                    _char += 2;
                    continue;
                }
                // A lone surrogate is encoded as U+FFFD, three bytes.
                _byte += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                _char++;
            }
            return _char;
        }
    }
}
