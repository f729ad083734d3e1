using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace Pub.Markdown;

/// <summary>One cite as written, with offsets into the source text.</summary>
internal sealed record ParsedCite(string Key, int KeyStart, int KeyLength, string Prefix, string? Locator, string? Label, string Suffix, bool SuppressAuthor);

/// <summary>A Pandoc citation (<c>[see @a, p. 4; @b]</c>, <c>@a [p. 4]</c>) found by <see cref="CitationParser"/>.</summary>
internal sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<ParsedCite> Cites { get; init; }

    public bool AuthorInText { get; init; }
}

/// <summary>
/// Recognises Pandoc's citation syntax inside Markdown inlines. A bracketed cluster is tried before
/// links, so <c>[@a]</c> is a citation while <c>[text](url)</c> stays a link. A bare <c>@key</c> counts
/// only at the start of a word, so e-mail addresses are not citations, and <c>\@</c> is an escaped at-sign.
/// </summary>
internal sealed partial class CitationParser : InlineParser
{
    public CitationParser()
    {
        OpeningCharacters = ['[', '@'];
    }

    // A key starts with a letter, digit or underscore and may contain internal punctuation; a key in
    // braces may contain anything but a closing brace.
    private const string KeyPattern = @"(?:\{[^{}]+\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])?)";

    // Not followed by "(" or "[label]": then the brackets are a link's text. Another cluster may follow.
    [GeneratedRegex(@"\G\[(?<body>[^\[\]]*(?<![\p{L}\p{N}])-?@" + KeyPattern + @"[^\[\]]*)\](?!\(|\[(?!-?@))", RegexOptions.CultureInvariant)]
    private static partial Regex Cluster();

    [GeneratedRegex(@"(?<dash>-)?@(?<key>" + KeyPattern + ")", RegexOptions.CultureInvariant)]
    private static partial Regex KeyInCluster();

    [GeneratedRegex(@"\G@(?<key>" + KeyPattern + @")(?:\s\[(?<locator>[^\[\]@]*)\](?![(\[]))?", RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (slice.CurrentChar == '[')
        {
            if (start + 1 < text.Length && text[start + 1] == '^')
            {
                return false;
            }
            var match = Cluster().Match(text, start);
            if (!match.Success || match.Index != start || match.Index + match.Length > slice.End + 1)
            {
                return false;
            }
            var cites = ParseCluster(match.Groups["body"].Value, match.Groups["body"].Index, processor);
            if (cites is null)
            {
                return false;
            }
            processor.Inline = new CitationInline { Cites = cites, Span = SourceSpanOf(processor, start, match.Length) };
            slice.Start = start + match.Length;
            return true;
        }

        // '@' in running text: only at the start of a word.
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.' or '-' or '+'))
        {
            return false;
        }
        var inText = InText().Match(text, start);
        if (!inText.Success || inText.Index != start || inText.Index + inText.Length > slice.End + 1)
        {
            return false;
        }
        var key = inText.Groups["key"];
        var (locator, label, suffix) = inText.Groups["locator"].Success ? Locators.Split(inText.Groups["locator"].Value) : (null, null, "");
        var cite = new ParsedCite(Unbrace(key.Value), SourceOffset(processor, key.Index), key.Length, "", locator, label, suffix, false);
        processor.Inline = new CitationInline { Cites = [cite], AuthorInText = true, Span = SourceSpanOf(processor, start, inText.Length) };
        slice.Start = start + inText.Length;
        return true;
    }

    /// <summary>Splits the inside of a cluster at semicolons; each part needs exactly one key.
    /// Returns null when a part has none (then the brackets are ordinary text).</summary>
    private static List<ParsedCite>? ParseCluster(string body, int bodyOffset, InlineProcessor processor)
    {
        var cites = new List<ParsedCite>();
        var partStart = 0;
        foreach (var part in body.Split(';'))
        {
            var match = KeyInCluster().Match(part);
            while (match.Success && match.Index > 0 && (char.IsLetterOrDigit(part[match.Index - 1]) || part[match.Index - 1] == '.'))
            {
                match = match.NextMatch();
            }
            if (!match.Success)
            {
                return null;
            }
            var key = match.Groups["key"];
            var prefix = part[..match.Index].Trim();
            var after = part[(match.Index + match.Length)..];
            var (locator, label, suffix) = Locators.Split(after);
            cites.Add(new ParsedCite(Unbrace(key.Value), SourceOffset(processor, bodyOffset + partStart + key.Index), key.Length, prefix, locator, label, suffix, match.Groups["dash"].Success));
            partStart += part.Length + 1;
        }
        return cites;
    }

    /// <summary>The slice an inline parser sees holds the paragraph's lines joined, not the file; Markdig
    /// maps an index in it back to an offset in the source.</summary>
    private static int SourceOffset(InlineProcessor processor, int index) => processor.GetSourcePosition(index, out _, out _);

    private static Markdig.Syntax.SourceSpan SourceSpanOf(InlineProcessor processor, int index, int length)
    {
        var start = SourceOffset(processor, index);
        var end = SourceOffset(processor, index + length - 1);
        return new(start, Math.Max(start, end));
    }

    private static string Unbrace(string key) => key.StartsWith('{') ? key[1..^1] : key;
}
