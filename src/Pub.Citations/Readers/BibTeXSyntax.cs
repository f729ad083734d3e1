// The BibTeX surface syntax: a file is free text in which '@type{...}' or '@type(...)' items stand.
// This layer only finds items and their fields, expands @string abbreviations and '#' concatenation,
// and reports malformed entries. Field values stay raw LaTeX; BibTeXLatex and BibTeXNames read them.
using Pub.Syntax;

namespace Pub.Citations.Readers;

/// <summary>One field of an entry; <see cref="Value"/> is raw LaTeX with outer delimiters removed.</summary>
internal sealed record BibTeXField(string Name, string Value, SourceSpan ValueSpan);

/// <summary>One entry as written: lower-case type and field names, fields in file order.</summary>
internal sealed record BibTeXEntry(string Type, string Key, SourceSpan Span, IReadOnlyDictionary<string, BibTeXField> Fields);

/// <summary>
/// Reads the items of a BibTeX file. A syntax error inside an entry drops that entry with a
/// PUB0801 diagnostic pointing at the offending character; reading resumes at the next '@type{'
/// so one broken entry never hides the rest of the file.
/// </summary>
internal sealed class BibTeXSyntax
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<BibTeXEntry> _entries = [];
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase)
    {
        // The abbreviations every standard style predefines.
        ["jan"] = "January", ["feb"] = "February", ["mar"] = "March", ["apr"] = "April",
        ["may"] = "May", ["jun"] = "June", ["jul"] = "July", ["aug"] = "August",
        ["sep"] = "September", ["oct"] = "October", ["nov"] = "November", ["dec"] = "December",
    };
    private int _pos;

    private BibTeXSyntax(SourceText source, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = diagnostics;
    }

    public static IReadOnlyList<BibTeXEntry> Parse(SourceText source, List<Diagnostic> diagnostics)
    {
        var parser = new BibTeXSyntax(source, diagnostics);
        parser.Run();
        return parser._entries;
    }

    /// <summary>Thrown inside the parser only, to abandon one entry; never escapes it.</summary>
    /// <summary>The hint for the syntax error being thrown, when it has one.</summary>
    private string? _pendingHint;

    private sealed class SyntaxError(string message, int offset, int length, int resumeAt) : Exception(message)
    {
        public int Offset { get; } = offset;
        public int Length { get; } = length;
        public int ResumeAt { get; } = resumeAt;
    }

    private void Run()
    {
        while (true)
        {
            var at = _text.IndexOf('@', _pos);
            if (at < 0)
            {
                return;
            }
            _pos = at;
            try
            {
                ParseItem();
            }
            catch (SyntaxError error)
            {
                var hint = _pendingHint;
                _pendingHint = null;
                _diagnostics.Add(hint is null
                    ? Diagnostic.Error(Codes.MalformedBibEntry, error.Message, _source.Span(error.Offset, error.Length))
                    : Diagnostic.Error(Codes.MalformedBibEntry, error.Message, _source.Span(error.Offset, error.Length), hint));
                _pos = NextItemStart(error.ResumeAt);
            }
        }
    }

    private void ParseItem()
    {
        var start = _pos;
        _pos++;
        SkipWhitespace();
        var typeStart = _pos;
        var type = ReadIdentifier().ToLowerInvariant();
        if (type.Length == 0)
        {
            return; // a lone '@' in the free text between entries
        }
        SkipWhitespace();
        if (_pos >= _text.Length || (_text[_pos] != '{' && _text[_pos] != '('))
        {
            // Text between entries is a comment, so '@word' there is harmless unless it opens a line,
            // where it can only be an entry whose brace is missing.
            if (type != "comment" && AtLineStart(start))
            {
                throw new SyntaxError($"expected '{{' after '@{type}'", _pos, 1, _pos);
            }
            _pos = typeStart;
            return;
        }
        var open = _pos;
        var close = _text[open] == '{' ? '}' : ')';
        _pos++;
        switch (type)
        {
            case "comment":
                SkipComment(open, close);
                return;
            case "preamble":
                ParseValue();
                ExpectClose(close, "@preamble");
                return;
            case "string":
                ParseMacro(close);
                return;
        }
        ParseEntry(type, start, open, close);
    }

    private void SkipComment(int open, char close)
    {
        var depth = 1;
        for (var i = open + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (close == '}' && c == '{')
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                _pos = i + 1;
                return;
            }
        }
        _pos = _text.Length;
    }

    private void ParseMacro(char close)
    {
        SkipWhitespace();
        var name = ReadIdentifier();
        if (name.Length == 0)
        {
            throw new SyntaxError("expected an abbreviation name in @string", _pos, 1, _pos);
        }
        SkipWhitespace();
        if (!Peek('='))
        {
            throw new SyntaxError($"expected '=' after '{name}'", _pos, 1, _pos);
        }
        _pos++;
        var (value, _) = ParseValue();
        ExpectClose(close, "@string");
        _macros[name] = value;
    }

    private void ParseEntry(string type, int start, int open, char close)
    {
        SkipWhitespace();
        var keyStart = _pos;
        while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] is not (',' or '{' or '}' or '(' or ')' or '=' or '"' or '#' or '@'))
        {
            _pos++;
        }
        var key = _text[keyStart.._pos];
        SkipWhitespace();
        if (key.Length == 0 || Peek('='))
        {
            throw new SyntaxError($"@{type} entry has no key", keyStart, Math.Max(1, key.Length), keyStart);
        }
        var fields = new Dictionary<string, BibTeXField>(StringComparer.Ordinal);
        if (!Peek(','))
        {
            if (Peek(close))
            {
                _pos++;
                Add();
                return;
            }
            throw new SyntaxError($"expected ',' after the key '{key}'", _pos, 1, _pos);
        }
        _pos++;
        while (true)
        {
            SkipWhitespace();
            if (Peek(close))
            {
                _pos++;
                Add();
                return;
            }
            if (Peek(','))
            {
                _pos++; // a doubled comma is harmless
                continue;
            }
            if (_pos >= _text.Length || Peek('@'))
            {
                throw NotClosed(key, open, close);
            }
            var nameStart = _pos;
            var name = ReadIdentifier().ToLowerInvariant();
            if (name.Length == 0)
            {
                throw new SyntaxError($"expected a field name or '{close}' in entry '{key}'", _pos, 1, _pos);
            }
            SkipWhitespace();
            if (!Peek('='))
            {
                throw new SyntaxError($"expected '=' after field name '{name}'", _pos, 1, _pos);
            }
            _pos++;
            var (value, valueSpan) = ParseValue();
            if (!fields.TryAdd(name, new BibTeXField(name, value, valueSpan)))
            {
                _diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue, $"field '{name}' appears twice in entry '{key}'; the second value is ignored",
                    _source.Span(nameStart, name.Length)));
            }
            var valueEnd = _pos;
            SkipWhitespace();
            if (Peek(','))
            {
                _pos++;
            }
            else if (!Peek(close))
            {
                if (_pos >= _text.Length || Peek('@'))
                {
                    throw NotClosed(key, open, close);
                }
                throw new SyntaxError($"expected ',' after the value of field '{name}'", valueEnd, 1, valueEnd);
            }
        }

        void Add() => _entries.Add(new BibTeXEntry(type, key, _source.Span(start, _pos - start), fields));
    }

    /// <summary>An entry that runs into the next one or the end of the file. The usual cause is a field whose
    /// braces do not balance (title = {A {Study}), which swallows the fields after it; that field is named
    /// and pointed at, since the entry's first line is not where the mistake is.</summary>
    private SyntaxError NotClosed(string key, int open, char close)
    {
        var fieldStart = new System.Text.RegularExpressions.Regex(@"^[ \t]*([A-Za-z][\w-]*)[ \t]*=", System.Text.RegularExpressions.RegexOptions.Multiline);
        var body = _text[open.._pos];
        var fields = fieldStart.Matches(body);
        for (var i = 0; i < fields.Count; i++)
        {
            var end = i + 1 < fields.Count ? fields[i + 1].Index : body.Length;
            var depth = 0;
            for (var at = fields[i].Index + fields[i].Length; at < end; at++)
            {
                depth += body[at] switch { '{' => 1, '}' => -1, _ => 0 };
            }
            if (depth > 0)
            {
                var name = fields[i].Groups[1].Value;
                _pendingHint = $"a '{{' in field '{name}' is not closed, so the field runs on over the rest of the entry; close it (BibTeX counts every brace, \\{{ included)";
                return new SyntaxError($"entry '{key}' is not closed: the braces of field '{name}' do not balance", open + fields[i].Groups[1].Index, name.Length, _pos);
            }
        }
        return new SyntaxError($"entry '{key}' is not closed: expected '{close}'", open, 1, _pos);
    }

    private void ExpectClose(char close, string what)
    {
        SkipWhitespace();
        if (!Peek(close))
        {
            throw new SyntaxError($"expected '{close}' to close {what}", _pos, 1, _pos);
        }
        _pos++;
    }

    /// <summary>Reads a value: quoted, braced, number or abbreviation parts joined by '#'.</summary>
    private (string Value, SourceSpan Span) ParseValue()
    {
        var builder = new System.Text.StringBuilder();
        SkipWhitespace();
        var start = _pos;
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw new SyntaxError("expected a field value", _pos, 0, _pos);
            }
            var c = _text[_pos];
            if (c == '{')
            {
                builder.Append(ReadDelimited(braced: true));
            }
            else if (c == '"')
            {
                builder.Append(ReadDelimited(braced: false));
            }
            else if (char.IsAsciiDigit(c))
            {
                var digitsStart = _pos;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
                builder.Append(_text, digitsStart, _pos - digitsStart);
            }
            else
            {
                var nameStart = _pos;
                var name = ReadIdentifier();
                if (name.Length == 0)
                {
                    throw new SyntaxError($"expected a field value, found '{c}'", _pos, 1, _pos);
                }
                if (_macros.TryGetValue(name, out var expansion))
                {
                    builder.Append(expansion);
                }
                else
                {
                    _diagnostics.Add(Diagnostic.Warning(Codes.UndefinedBibMacro, $"abbreviation '{name}' is not defined by any @string",
                        _source.Span(nameStart, name.Length), "put the text in braces if it is not an abbreviation"));
                }
            }
            var end = _pos;
            SkipWhitespace();
            if (!Peek('#'))
            {
                _pos = end;
                return (builder.ToString(), _source.Span(start, end - start));
            }
            _pos++;
        }
    }

    /// <summary>
    /// Reads a {braced} or "quoted" part and returns its content. Braces must balance inside either.
    /// An '@type{' opening a line inside the value means its closing delimiter is missing: the error
    /// points at the opening delimiter and reading resumes at that next entry.
    /// </summary>
    private string ReadDelimited(bool braced)
    {
        var open = _pos;
        var depth = braced ? 1 : 0;
        for (var i = open + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
                if (braced && depth == 0)
                {
                    _pos = i + 1;
                    return _text[(open + 1)..i];
                }
                if (depth < 0)
                {
                    throw new SyntaxError("unbalanced '}' in a quoted value", i, 1, i);
                }
            }
            else if (c == '"' && !braced && depth == 0)
            {
                _pos = i + 1;
                return _text[(open + 1)..i];
            }
            else if (c == '@' && AtLineStart(i) && LooksLikeItemStart(i))
            {
                throw Unclosed(open, braced, i);
            }
        }
        throw Unclosed(open, braced, _text.Length);
    }

    private static SyntaxError Unclosed(int open, bool braced, int resumeAt) =>
        new(braced ? "'{' is never closed" : "'\"' is never closed (or a '{' inside it is not)", open, 1, resumeAt);

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && IsIdentifierChar(_text[_pos]))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '+' or '/' or '!' or '?' or '*' or '&' or ';' or '<' or '>' or '[' or ']' or '|' or '^' or '`';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private bool AtLineStart(int offset)
    {
        for (var i = offset - 1; i >= 0; i--)
        {
            if (_text[i] == '\n')
            {
                return true;
            }
            if (!char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when '@' at the offset is followed by a name and an opening delimiter.</summary>
    private bool LooksLikeItemStart(int offset)
    {
        var i = offset + 1;
        var nameStart = i;
        while (i < _text.Length && char.IsAsciiLetter(_text[i]))
        {
            i++;
        }
        if (i == nameStart)
        {
            return false;
        }
        while (i < _text.Length && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }
        return i < _text.Length && _text[i] is '{' or '(';
    }

    /// <summary>Where reading resumes after an error: the next '@name{' at or after the offset.</summary>
    private int NextItemStart(int from)
    {
        for (var i = Math.Max(from, 0); i < _text.Length; i++)
        {
            if (_text[i] == '@' && LooksLikeItemStart(i))
            {
                return i;
            }
        }
        return _text.Length;
    }
}
