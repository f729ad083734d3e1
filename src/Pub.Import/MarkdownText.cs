using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Import;

/// <summary>
/// Text from the document as Markdown that reads back as the same text: every character Markdown or pub's
/// citation syntax gives a meaning is escaped. Two things typed as text are kept as syntax on purpose: a
/// Pandoc citation whose keys the project's bibliography defines (<c>[@osce-2010, p. 4]</c>, as in a .docx
/// written by Pandoc from a manuscript) and a cross-reference to a label (<c>@tbl-measures</c>), with a
/// trailing attribute block <c>{#tbl-id}</c> in a caption. An author-in-text citation keeps its bracketed
/// locator (<c>@gallagher-2010 [chap. 1]</c>).
/// </summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"\[[^\[\]]*?-?@(?<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)[^\[\]]*\]|(?<![\p{L}\p{N}\\])@(?<ref>(?:sec|fig|tbl)-[\p{L}\p{N}_-]*[\p{L}\p{N}_])|(?<![\p{L}\p{N}\\])@(?<bare>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])(?: \[[^\[\]@]*\])?")]
    private static partial Regex TypedCitation();

    [GeneratedRegex(@"-?@(?<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])")]
    private static partial Regex KeyInCitation();

    /// <summary>Escapes text; <paramref name="knownKey"/> says which typed citation keys to keep as citations.</summary>
    public static string Escape(string text, Func<string, bool> knownKey)
    {
        var builder = new StringBuilder(text.Length + 8);
        var at = 0;
        foreach (Match match in TypedCitation().Matches(text))
        {
            var keep = match.Groups["ref"].Success
                || (match.Groups["bare"].Success ? knownKey(match.Groups["bare"].Value)
                : KeyInCitation().Matches(match.Value).All(k => knownKey(k.Groups["key"].Value) || IsLabel(k.Groups["key"].Value)));
            if (!keep)
            {
                continue;
            }
            EscapePlain(text.AsSpan(at, match.Index - at), builder);
            builder.Append(match.Value);
            at = match.Index + match.Length;
        }
        EscapePlain(text.AsSpan(at), builder);
        return builder.ToString();
    }

    private static bool IsLabel(string key) => key.StartsWith("sec-", StringComparison.Ordinal) || key.StartsWith("fig-", StringComparison.Ordinal) || key.StartsWith("tbl-", StringComparison.Ordinal);

    private static void EscapePlain(ReadOnlySpan<char> text, StringBuilder builder)
    {
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '^' or '~' or '|' or '@' or '#' or '&' or '{' or '}' or '$')
            {
                builder.Append('\\');
            }
            builder.Append(c switch
            {
                '\u00A0' => ' ',
                '\t' or '\r' or '\n' or '\v' => ' ',
                _ => c,
            });
        }
    }

    /// <summary>A paragraph's text as the start of a line: markers that would make it a list item or a code
    /// block are escaped.</summary>
    public static string AtLineStart(string markdown)
    {
        var text = markdown.TrimStart(' ');
        if (text.Length > 1 && text[0] is '-' or '+' or '=' && (text[1] == ' ' || text.All(ch => ch == text[0])))
        {
            return "\\" + text;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits > 0 && digits < text.Length - 1 && text[digits] is '.' or ')' && text[digits + 1] == ' ')
        {
            return text[..digits] + "\\" + text[digits..];
        }
        return text;
    }

    /// <summary>An attribute value in <c>{… alt="…"}</c>: pub's attribute parser reads up to the next quote.</summary>
    public static string AttributeValue(string value) => value.Replace('"', '\'').Replace('\n', ' ').Replace('\r', ' ').Trim();
}
