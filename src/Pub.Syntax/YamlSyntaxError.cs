// The one place where a YAML syntax error (front matter, pub.yaml, CSL-YAML bibliographies, the series
// registry) becomes words an editor can act on. The YAML reader says what its grammar missed ("While
// parsing a block collection, did not find expected '-' indicator") at the point where it gave up; the
// usual causes are few — a colon inside an unquoted value, no space after a colon, a line indented unlike
// its neighbours, a tab, an apostrophe inside '…', an unclosed quotation or bracket — and each is
// recognised from the text around that point and explained where it is.
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Pub.Syntax;

/// <summary>A YAML syntax error explained: where (one-based line and column of the YAML text), what, and
/// how to mend it.</summary>
public sealed partial record YamlSyntaxError(int Line, int Column, string Message, string Hint)
{
    private const string QuoteHint = "put the value in double quotes: title: \"Debt Bondage: Evidence\"";

    /// <summary>Explains an exception the YAML reader threw while reading <paramref name="yaml"/>.</summary>
    public static YamlSyntaxError Explain(string yaml, Exception error)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (error is not YamlException ex)
        {
            // The scanner fails without a position when the text ends inside an unclosed '[' or '{'.
            return Unclosed(lines, "[", "]") ?? Unclosed(lines, "{", "}")
                ?? new YamlSyntaxError(lines.Length, 1, "the text ends inside an unclosed '[' or '{'", "close every '[' with ']' and every '{' with '}'");
        }
        var raw = Raw(ex);
        var line = Math.Max(1, (int)ex.Start.Line);
        var column = Math.Max(1, (int)ex.Start.Column);
        string Text(int n) => n >= 1 && n <= lines.Length ? lines[n - 1] : string.Empty;

        if (raw.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(lines) is var (tabLine, tabColumn))
        {
            return new(tabLine, tabColumn, "a tab indents this line", "indent with spaces: YAML does not allow tabs in indentation");
        }
        if (raw == YamlText.MissingValueMessage)
        {
            return new(line, column, raw, "write the field's name before the ':' and its value after it, or remove the line");
        }
        if (raw == YamlText.TooDeepMessage)
        {
            return new(line, column, raw, "pub's files need only a few levels: close the '[' and '{' left open, or indent less");
        }
        if (raw.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = raw["Duplicate key".Length..].Trim();
            return new(line, column, $"the field '{key}' appears twice", "each field may appear only once; remove or merge one of the two");
        }
        if (raw.Contains("invalid mapping", StringComparison.Ordinal))
        {
            return InvalidMapping(lines, line, column, raw);
        }
        if (raw.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
        {
            return new(line, column, "this line is not indented like the list it follows",
                "each entry of a list starts with '- ' at the same indentation, and the fields of an entry line up under its first field");
        }
        if (raw.Contains("did not find expected key", StringComparison.Ordinal))
        {
            var text = Text(line);
            if (NoSpaceAfterColon(lines, line, line) is { } joined)
            {
                return joined;
            }
            if (SingleQuoted().Match(text) is { Success: true } quoted && quoted.Groups[2].Value.Contains('\'', StringComparison.Ordinal))
            {
                return new(line, column, "an apostrophe ends the value quoted with '…' early",
                    "write the apostrophe twice inside single quotes (It''s) or quote the value with double quotes");
            }
            return new(line, column, "this line is not indented like the fields around it",
                "fields of the same level start in the same column; the lines of a block value (after '|' or '>') are indented more than its field");
        }
        if (raw.Contains("double-quoted scalar", StringComparison.Ordinal) || raw.Contains("single-quoted scalar", StringComparison.Ordinal)
            || raw.Contains("end of stream", StringComparison.Ordinal) && raw.Contains("quoted", StringComparison.Ordinal))
        {
            var opened = OpeningQuote(lines, line);
            return new(opened.Line, opened.Column, "a quotation opened here is not closed on its line", "close the value's quotation mark before the end of the line");
        }
        if (raw.Contains("cannot start any token", StringComparison.Ordinal))
        {
            var first = column - 1 < Text(line).Length ? Text(line)[column - 1].ToString() : "this character";
            return new(line, column, $"a value cannot start with '{first}' unless it is quoted", QuoteHint.Replace("Debt Bondage: Evidence", first + "…", StringComparison.Ordinal));
        }
        return new(line, column, "not valid YAML: " + char.ToLowerInvariant(raw[0]) + raw[1..],
            "check indentation and quoting; values containing ': ' or starting with '@', '[' or '{' need quotes");
    }

    /// <summary>"found invalid mapping": a ': ' where YAML cannot start a field. Either the value of the
    /// field on this line holds ': ', or the line before it has no space after its colon, or this line is
    /// indented under a plain value and so continues it.</summary>
    private static YamlSyntaxError InvalidMapping(string[] lines, int line, int column, string raw)
    {
        var text = line <= lines.Length ? lines[line - 1] : string.Empty;
        if (FieldWithValue().Match(text) is { Success: true } field && field.Groups[3].Value.Contains(": ", StringComparison.Ordinal)
            && !field.Groups[3].Value.StartsWith('"') && !field.Groups[3].Value.StartsWith('\''))
        {
            var value = field.Groups[3].Value.TrimEnd();
            return new(line, field.Groups[3].Index + 1, $"the value of '{field.Groups[2].Value}' holds ': ', which YAML reads as the start of another field",
                $"put the value in double quotes: {field.Groups[2].Value}: \"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
        if (raw.Contains("multiline", StringComparison.Ordinal) && NoSpaceAfterColon(lines, line - 1, 1) is { } joined)
        {
            return joined;
        }
        return new(line, column, "this line is indented more than the field above it, so YAML reads it as part of that field's value",
            "start the line in the same column as the field above it");
    }

    /// <summary>The nearest non-blank line from <paramref name="from"/> back to <paramref name="to"/>, if it is
    /// a field with no space after its colon ("title:Debt"), which YAML reads as plain text.</summary>
    private static YamlSyntaxError? NoSpaceAfterColon(string[] lines, int from, int to)
    {
        for (var n = Math.Min(from, lines.Length); n >= Math.Max(1, to); n--)
        {
            if (lines[n - 1].Trim().Length == 0)
            {
                continue;
            }
            if (NoSpaceAfterColon().Match(lines[n - 1]) is not { Success: true } joined)
            {
                return null;
            }
            var key = joined.Groups[2].Value;
            return new(n, joined.Groups[2].Index + key.Length + 1, $"'{key}:' has no space after the colon, so YAML reads the line as text, not as a field",
                $"write '{key}: {joined.Groups[3].Value}'");
        }
        return null;
    }

    private static YamlSyntaxError? Unclosed(string[] lines, string open, string close)
    {
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var at = lines[i].LastIndexOf(open, StringComparison.Ordinal);
            if (at >= 0 && lines[i].IndexOf(close, at, StringComparison.Ordinal) < 0)
            {
                return new(i + 1, at + 1, $"this '{open}' is never closed", $"end the list with '{close}' on the same line");
            }
        }
        return null;
    }

    /// <summary>The quotation mark that opens the last quoted value at or before <paramref name="line"/>.</summary>
    private static (int Line, int Column) OpeningQuote(string[] lines, int line)
    {
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            if (FieldWithValue().Match(lines[i]) is { Success: true } field && field.Groups[3].Value is ['"' or '\'', ..])
            {
                return (i + 1, field.Groups[3].Index + 1);
            }
        }
        return (line, 1);
    }

    private static (int Line, int Column)? FirstIndentingTab(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    /// <summary>The reader's message without the position it starts with (ours says where).</summary>
    private static string Raw(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }
        message = message.TrimEnd('.');
        return message.Length == 0 ? "unreadable YAML" : message;
    }

    /// <summary>"  - title: value": indentation with an optional list dash, the key, the value.</summary>
    [GeneratedRegex(@"^(\s*(?:-\s+)?)([\w.-]+):\s+(.+)$")]
    private static partial Regex FieldWithValue();

    /// <summary>"title:Debt": a key followed by a colon and, without a space, more text.</summary>
    [GeneratedRegex(@"^(\s*(?:-\s+)?)([\w.-]+):([^\s:/].*)$")]
    private static partial Regex NoSpaceAfterColon();

    [GeneratedRegex(@"^(\s*(?:-\s+)?[\w.-]+:\s+)'(.*)'\s*$")]
    private static partial Regex SingleQuoted();
}
