// A small JSON parser that keeps each value's offset, so reader diagnostics can point at the exact
// line and column of a wrong value.
using System.Globalization;
using System.Text;

namespace Pub.Citations;

internal abstract record JsonValue(int Offset);

internal sealed record JsonString(int Offset, string Value) : JsonValue(Offset);

internal sealed record JsonNumber(int Offset, string Raw) : JsonValue(Offset)
{
    public double Value => double.Parse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture);
}

internal sealed record JsonBool(int Offset, bool Value) : JsonValue(Offset);

internal sealed record JsonNull(int Offset) : JsonValue(Offset);

internal sealed record JsonArray(int Offset, List<JsonValue> Items) : JsonValue(Offset);

internal sealed record JsonObject(int Offset, List<KeyValuePair<string, JsonValue>> Members) : JsonValue(Offset)
{
    public JsonValue? this[string key] => Members.FirstOrDefault(m => m.Key == key).Value;
}

internal sealed class JsonException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

internal sealed class JsonParser
{
    private readonly string _s;
    private int _i;

    private JsonParser(string s) => _s = s;

    /// <summary>Parses JSON text; throws JsonException (caught by readers) on a syntax error.</summary>
    public static JsonValue Parse(string s)
    {
        var p = new JsonParser(s);
        p.Ws();
        if (p._i < s.Length && s[p._i] == '\uFEFF')
        {
            p._i++;
            p.Ws();
        }
        var v = p.Value();
        p.Ws();
        if (p._i != s.Length)
        {
            throw new JsonException("unexpected text after the JSON value", p._i);
        }
        return v;
    }

    private void Ws()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private JsonValue Value()
    {
        Ws();
        if (_i >= _s.Length)
        {
            throw new JsonException("unexpected end of JSON", _i);
        }
        var start = _i;
        switch (_s[_i])
        {
            case '{':
                _i++;
                var members = new List<KeyValuePair<string, JsonValue>>();
                Ws();
                if (Peek('}'))
                {
                    _i++;
                    return new JsonObject(start, members);
                }
                while (true)
                {
                    Ws();
                    if (!Peek('"'))
                    {
                        throw new JsonException("expected a property name", _i);
                    }
                    var key = String();
                    Ws();
                    Expect(':');
                    members.Add(new(key, Value()));
                    Ws();
                    if (Peek(','))
                    {
                        _i++;
                        continue;
                    }
                    Expect('}');
                    return new JsonObject(start, members);
                }
            case '[':
                _i++;
                var items = new List<JsonValue>();
                Ws();
                if (Peek(']'))
                {
                    _i++;
                    return new JsonArray(start, items);
                }
                while (true)
                {
                    items.Add(Value());
                    Ws();
                    if (Peek(','))
                    {
                        _i++;
                        continue;
                    }
                    Expect(']');
                    return new JsonArray(start, items);
                }
            case '"':
                return new JsonString(start, String());
            case 't' when Lit("true"):
                return new JsonBool(start, true);
            case 'f' when Lit("false"):
                return new JsonBool(start, false);
            case 'n' when Lit("null"):
                return new JsonNull(start);
            default:
                var n = _i;
                while (n < _s.Length && (char.IsDigit(_s[n]) || _s[n] is '-' or '+' or '.' or 'e' or 'E'))
                {
                    n++;
                }
                if (n == _i)
                {
                    throw new JsonException($"unexpected character '{_s[_i]}'", _i);
                }
                var raw = _s[_i..n];
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new JsonException($"invalid number '{raw}'", _i);
                }
                _i = n;
                return new JsonNumber(start, raw);
        }
    }

    private bool Lit(string word)
    {
        if (string.CompareOrdinal(_s, _i, word, 0, word.Length) == 0)
        {
            _i += word.Length;
            return true;
        }
        return false;
    }

    private bool Peek(char c) => _i < _s.Length && _s[_i] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw new JsonException($"expected '{c}'", _i);
        }
        _i++;
    }

    private string String()
    {
        Expect('"');
        var sb = new StringBuilder();
        while (true)
        {
            if (_i >= _s.Length)
            {
                throw new JsonException("unterminated string", _i);
            }
            var c = _s[_i++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_i >= _s.Length)
            {
                throw new JsonException("unterminated string", _i);
            }
            var e = _s[_i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (_i + 4 > _s.Length || !int.TryParse(_s.AsSpan(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonException("invalid \\u escape", _i);
                    }
                    sb.Append((char)code);
                    _i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
    }
}
