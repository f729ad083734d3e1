// Words for a JSON syntax error. System.Text.Json finds the error, but its message is written for
// programmers: it counts bytes from zero, names reader options to change, and says "'}' is invalid
// after a value" where an author needs to read "expected ',' or ']' after an array element". The reader
// fails inside one Read, which covers at most a comma, a member name, its colon and one value after the
// last token it returned, so the error is explained by re-reading those few characters from the end of
// that token, knowing what the reader expected there.
using System.Globalization;

namespace Pub.Syntax;

/// <summary>What the JSON reader expected to read next.</summary>
internal enum JsonExpectation
{
    /// <summary>The value that makes up the whole text.</summary>
    Document,

    /// <summary>Nothing after the whole text's value.</summary>
    End,

    /// <summary>Just after '[': a value or ']'.</summary>
    FirstElement,

    /// <summary>After an array element: ',' or ']'.</summary>
    NextElement,

    /// <summary>Just after '{': a member name or '}'.</summary>
    FirstMember,

    /// <summary>After a member's value: ',' or '}'.</summary>
    NextMember,

    /// <summary>After a member name: its value (the reader may or may not have taken the ':' with the name).</summary>
    MemberValue,
}

internal static class JsonSyntaxError
{
    /// <summary>The reader's default limit of nested arrays and objects.</summary>
    public const int MaxDepth = 64;

    /// <summary>Where the error is and what it is, in words.</summary>
    /// <param name="after">The character offset just after the last token the reader returned.</param>
    /// <param name="key">The name of the member being read or just read, if in an object.</param>
    /// <param name="depth">How many arrays and objects are open at <paramref name="after"/>.</param>
    /// <param name="readerOffset">Where the reader itself placed the error; used when the text gives no better answer.</param>
    public static (int Offset, string Reason) Explain(string text, int after, JsonExpectation expecting, string? key, int depth, int readerOffset) =>
        new Scanner(text, key, depth, readerOffset).Run(after, expecting) ?? Unexplained(readerOffset);

    private static (int, string) Unexplained(int readerOffset) => (readerOffset, "the text here is not valid JSON");

    private sealed class Scanner(string text, string? key, int depth, int readerOffset)
    {
        private string? _key = key;

        public (int, string)? Run(int i, JsonExpectation state)
        {
            var afterValue = state switch
            {
                JsonExpectation.Document or JsonExpectation.End => JsonExpectation.End,
                JsonExpectation.FirstElement or JsonExpectation.NextElement => JsonExpectation.NextElement,
                _ => JsonExpectation.NextMember,
            };
            if (state == JsonExpectation.MemberValue && !ColonBefore(i))
            {
                i = SkipSpace(i);
                if (At(i) != ':')
                {
                    return Found(i, $"':' after the member name {Quoted(_key)}");
                }
                i++;
            }
            // Each turn reads one token or returns; the error lies at or before where the reader put it.
            while ((i = SkipSpace(i)) <= readerOffset)
            {
                (int, string)? problem;
                switch (state)
                {
                    case JsonExpectation.Document:
                        if (i >= text.Length)
                        {
                            return (i, "the file holds no JSON value");
                        }
                        problem = Value(ref i, "a value");
                        break;
                    case JsonExpectation.End:
                        return Found(i, "the end of the file after the JSON value");
                    case JsonExpectation.FirstElement:
                        if (At(i) == ']')
                        {
                            return null;
                        }
                        problem = Value(ref i, "a value or ']'");
                        break;
                    case JsonExpectation.NextElement:
                        if (At(i) != ',')
                        {
                            return At(i) == ']' ? null : Found(i, "',' or ']' after an array element");
                        }
                        if (TrailingComma(i, ']') is { } trailing)
                        {
                            return trailing;
                        }
                        i = SkipSpace(i + 1);
                        problem = Value(ref i, "a value after ','");
                        break;
                    case JsonExpectation.FirstMember:
                        if (At(i) == '}')
                        {
                            return null;
                        }
                        problem = Member(ref i, "a member name in double quotes or '}'");
                        break;
                    case JsonExpectation.NextMember:
                        if (At(i) != ',')
                        {
                            return At(i) == '}' ? null : Found(i, $"',' or '}}' after the value of {Quoted(_key)}");
                        }
                        if (TrailingComma(i, '}') is { } trailingInObject)
                        {
                            return trailingInObject;
                        }
                        i = SkipSpace(i + 1);
                        problem = Member(ref i, "a member name in double quotes after ','");
                        break;
                    default:
                        problem = Value(ref i, $"a value for {Quoted(_key)}");
                        break;
                }
                if (problem is not null)
                {
                    return problem;
                }
                state = afterValue;
            }
            return null;
        }

        /// <summary>A member: its name, ':' and its value.</summary>
        private (int, string)? Member(ref int i, string expected)
        {
            if (At(i) != '"')
            {
                return Found(i, expected);
            }
            var start = i;
            if (String(ref i) is { } badName)
            {
                return badName;
            }
            _key = text[(start + 1)..(i - 1)];
            i = SkipSpace(i);
            if (At(i) != ':')
            {
                return Found(i, $"':' after the member name {Quoted(_key)}");
            }
            i = SkipSpace(i + 1);
            return Value(ref i, $"a value for {Quoted(_key)}");
        }

        /// <summary>One value; on success <paramref name="i"/> moves past it.</summary>
        private (int, string)? Value(ref int i, string expected)
        {
            var c = At(i);
            if (c == '"')
            {
                return String(ref i);
            }
            if (c == '-' || char.IsAsciiDigit(c))
            {
                return Number(ref i);
            }
            if (c is '[' or '{')
            {
                // The reader returns an opening bracket as a token of its own; it fails there only
                // when the brackets go deeper than its limit.
                return depth >= MaxDepth ? (i, $"arrays and objects are nested more than {MaxDepth} levels deep") : Unexplained(readerOffset);
            }
            if (char.IsAsciiLetter(c))
            {
                var word = Word(i);
                if (word is "true" or "false" or "null")
                {
                    i += word.Length;
                    return null;
                }
                var hint = word.ToLowerInvariant() is "true" or "false" or "null"
                    ? "JSON writes true, false and null in lower case"
                    : "text must be written in double quotes";
                return (i, $"expected {expected}, found '{word}' ({hint})");
            }
            return Found(i, expected);
        }

        /// <summary>A string from its opening quote; on success <paramref name="i"/> moves past the closing one.</summary>
        private (int, string)? String(ref int i)
        {
            var start = i;
            var j = i + 1;
            while (j < text.Length)
            {
                var c = text[j];
                if (c == '"')
                {
                    i = j + 1;
                    return null;
                }
                if (c == '\\')
                {
                    var escaped = At(j + 1);
                    if (escaped is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
                    {
                        j += 2;
                        continue;
                    }
                    if (escaped == 'u')
                    {
                        if (!(char.IsAsciiHexDigit(At(j + 2)) && char.IsAsciiHexDigit(At(j + 3)) && char.IsAsciiHexDigit(At(j + 4)) && char.IsAsciiHexDigit(At(j + 5))))
                        {
                            return (j, "'\\u' in a string must be followed by four hexadecimal digits");
                        }
                        j += 6;
                        continue;
                    }
                    if (j + 1 >= text.Length)
                    {
                        break;
                    }
                    return (j, $"'\\{escaped}' is not an escape JSON knows; write a backslash as '\\\\'");
                }
                if (c < ' ')
                {
                    return c switch
                    {
                        '\n' or '\r' => (j, "a line break inside a string (is its closing '\"' missing?)"),
                        '\t' => (j, "a tab inside a string; write it as '\\t'"),
                        _ => (j, $"the control character {CodePoint(c)} inside a string; write it as '\\u{(int)c:X4}'"),
                    };
                }
                j++;
            }
            return (start, "a string is never closed (its closing '\"' is missing)");
        }

        /// <summary>A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private (int, string)? Number(ref int i)
        {
            var j = i;
            if (At(j) == '-')
            {
                j++;
                if (!char.IsAsciiDigit(At(j)))
                {
                    return Found(j, "a digit after '-'");
                }
            }
            if (At(j) == '0' && char.IsAsciiDigit(At(j + 1)))
            {
                var end = j;
                while (char.IsAsciiDigit(At(end)))
                {
                    end++;
                }
                return (i, $"a number cannot start with 0 ('{text[i..end]}'); write it as a string if the zeros matter");
            }
            j = Digits(j);
            if (At(j) == '.')
            {
                if (!char.IsAsciiDigit(At(j + 1)))
                {
                    return Found(j + 1, "a digit after '.' in a number");
                }
                j = Digits(j + 1);
            }
            if (At(j) is 'e' or 'E')
            {
                j++;
                if (At(j) is '+' or '-')
                {
                    j++;
                }
                if (!char.IsAsciiDigit(At(j)))
                {
                    return Found(j, "a digit in the exponent of a number");
                }
                j = Digits(j);
            }
            i = j;
            return null;
        }

        private (int, string)? TrailingComma(int comma, char closing) =>
            At(SkipSpace(comma + 1)) == closing ? (comma, $"a comma before '{closing}' (JSON allows no trailing comma)") : null;

        private (int, string) Found(int i, string expected) => (i, $"expected {expected}, found {Describe(i)}");

        /// <summary>The character at an offset, named so that an author can find it, with the reason it
        /// is wrong where it is a common slip (a comment, a '+' sign, a typographic space).</summary>
        private string Describe(int i)
        {
            if (i >= text.Length)
            {
                return "the end of the file";
            }
            var c = text[i];
            if (c == '/' && At(i + 1) is '/' or '*')
            {
                return "a comment (JSON has no comments)";
            }
            if (c == '+')
            {
                return "'+' (a JSON number has no '+' sign)";
            }
            if (c == '\'')
            {
                return "a single quote (JSON strings are written in double quotes)";
            }
            if (char.IsAsciiLetter(c))
            {
                return $"'{Word(i)}'";
            }
            if (SpaceName(c) is { } space)
            {
                return $"{space} ({CodePoint(c)}); between values JSON allows only spaces, tabs and line breaks";
            }
            if (char.IsControl(c))
            {
                return $"the control character {CodePoint(c)}";
            }
            return char.IsHighSurrogate(c) && char.IsLowSurrogate(At(i + 1)) ? $"'{text.Substring(i, 2)}'" : $"'{c}'";
        }

        private static string? SpaceName(char c) => c switch
        {
            '\u00A0' => "a no-break space",
            '\u202F' => "a narrow no-break space",
            '\u2007' => "a figure space",
            '\u2009' => "a thin space",
            '\u200B' => "a zero-width space",
            '\u3000' => "an ideographic space",
            '\uFEFF' => "a byte-order mark",
            _ when char.IsWhiteSpace(c) && !char.IsControl(c) => "a space character",
            _ => null,
        };

        private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        private static string Quoted(string? name) => name is null ? "a member" : $"\"{name}\"";

        private char At(int i) => i < text.Length ? text[i] : '\0';

        private int SkipSpace(int i)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            return i;
        }

        private int Digits(int i)
        {
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
            return i;
        }

        private string Word(int i)
        {
            var end = i;
            while (end < text.Length && end - i < 40 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            return text[i..end];
        }

        /// <summary>Whether the reader has taken a member's ':' already: the last character before
        /// <paramref name="i"/> that is not a space is the colon.</summary>
        private bool ColonBefore(int i)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t' or '\r' or '\n')
            {
                i--;
            }
            return i > 0 && text[i - 1] == ':';
        }
    }
}
