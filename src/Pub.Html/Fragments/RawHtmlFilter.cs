using System.Net;
using System.Text;

namespace Pub.Html.Fragments;

/// <summary>
/// Lets raw HTML from a manuscript through an allow-list, and escapes everything else so that it shows
/// as text. Allowed: common text-level and block elements (no script, style, iframe, object, form,
/// heading or media elements), with a few harmless attributes each; never an event handler, a style
/// attribute, a <c>javascript:</c> URL, or an image from another host. A tag that breaks any rule is
/// escaped whole, and so is its end tag; comments are dropped.
/// <para>Invariants of the output: every element it opens it closes (<see cref="Close"/> ends those
/// left open); an element appears only where its parent allows it (a list item in a list, a cell in a
/// row, no block inside a paragraph or a phrase), so a page stays valid whatever the manuscript holds.
/// Character references are decoded and text re-escaped, so "jav&amp;#97;script:" is caught too.</para>
/// </summary>
internal sealed class RawHtmlFilter(bool phrasingOnly, bool insideOuterLink, Func<string, string> claimId)
{
    private static readonly HashSet<string> Phrasing = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly HashSet<string> Flow = new(StringComparer.Ordinal)
    {
        "address", "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "hr", "li", "ol", "p", "pre", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "col", "hr", "img", "wbr" };

    /// <summary>Elements whose content is phrasing only: no block may open inside them.</summary>
    private static readonly HashSet<string> PhrasingParents = new(Phrasing, StringComparer.Ordinal) { "p", "pre", "dt", "summary" };

    /// <summary>Elements that may only stand inside certain parents.</summary>
    private static readonly Dictionary<string, string[]> Parents = new(StringComparer.Ordinal)
    {
        ["li"] = ["ul", "ol"],
        ["dt"] = ["dl"],
        ["dd"] = ["dl"],
        ["caption"] = ["table"],
        ["colgroup"] = ["table"],
        ["col"] = ["colgroup"],
        ["thead"] = ["table"],
        ["tbody"] = ["table"],
        ["tfoot"] = ["table"],
        ["tr"] = ["thead", "tbody", "tfoot"],
        ["td"] = ["tr"],
        ["th"] = ["tr"],
        ["summary"] = ["details"],
        ["figcaption"] = ["figure"],
    };

    /// <summary>Elements that only hold other allowed elements, never text.</summary>
    private static readonly HashSet<string> NoText = new(StringComparer.Ordinal)
    {
        "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup",
    };

    private static readonly HashSet<string> GlobalAttributes = new(StringComparer.Ordinal) { "class", "title", "lang", "dir", "id" };

    private static readonly Dictionary<string, HashSet<string>> ElementAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "hreflang"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan", "headers"],
        ["th"] = ["colspan", "rowspan", "headers", "scope", "abbr"],
        ["ol"] = ["start", "reversed", "type"],
        ["li"] = ["value"],
        ["time"] = ["datetime"],
        ["data"] = ["value"],
        ["q"] = ["cite"],
        ["blockquote"] = ["cite"],
        ["del"] = ["cite", "datetime"],
        ["ins"] = ["cite", "datetime"],
        ["col"] = ["span"],
        ["colgroup"] = ["span"],
        ["details"] = ["open"],
    };

    private static readonly HashSet<string> NumericAttributes = new(StringComparer.Ordinal)
    {
        "width", "height", "colspan", "rowspan", "start", "value", "span",
    };

    private readonly List<string> _open = [];

    /// <summary>True while an &lt;a&gt; opened here is open: the writer must not start another link.</summary>
    public bool InsideLink => _open.Contains("a");

    /// <summary>The text of raw HTML without its tags, for alt text and meta descriptions.</summary>
    public static string PlainText(string raw)
    {
        var builder = new StringBuilder();
        var at = 0;
        while (at < raw.Length)
        {
            var lt = raw.IndexOf('<', at);
            var end = lt < 0 ? -1 : FindTagEnd(raw, lt);
            if (lt < 0 || end < 0)
            {
                builder.Append(raw, at, raw.Length - at);
                break;
            }
            builder.Append(raw, at, lt - at);
            at = end;
        }
        return WebUtility.HtmlDecode(builder.ToString());
    }

    public void Write(StringBuilder html, string raw)
    {
        var at = 0;
        var text = new StringBuilder();
        while (at < raw.Length)
        {
            var c = raw[at];
            if (c != '<')
            {
                text.Append(c);
                at++;
                continue;
            }
            if (string.CompareOrdinal(raw, at, "<!--", 0, 4) == 0)
            {
                // Comments are the author's notes to themselves: dropped.
                FlushText(html, text);
                var close = raw.IndexOf("-->", at + 4, StringComparison.Ordinal);
                at = close < 0 ? raw.Length : close + 3;
                continue;
            }
            var end = FindTagEnd(raw, at);
            if (end < 0)
            {
                text.Append(c);
                at++;
                continue;
            }
            FlushText(html, text);
            var tag = raw[at..end];
            if (!(tag[1] == '/' ? TryEndTag(html, tag) : TryStartTag(html, tag)))
            {
                HtmlText.Escape(html, tag);
            }
            at = end;
        }
        FlushText(html, text);
    }

    /// <summary>Closes every element still open, innermost first.</summary>
    public void Close(StringBuilder html)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            html.Append("</").Append(_open[i]).Append('>');
        }
        _open.Clear();
    }

    private void FlushText(StringBuilder html, StringBuilder text)
    {
        if (text.Length == 0)
        {
            return;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString());
        // Whitespace between the rows of a table is fine; words there are not, so they are dropped.
        if (_open.Count == 0 || !NoText.Contains(_open[^1]) || string.IsNullOrWhiteSpace(decoded))
        {
            HtmlText.Escape(html, decoded);
        }
        text.Clear();
    }

    private bool TryEndTag(StringBuilder html, string tag)
    {
        var name = tag[2..^1].Trim().ToLowerInvariant();
        var index = _open.LastIndexOf(name);
        if (index < 0)
        {
            return false;
        }
        for (var i = _open.Count - 1; i >= index; i--)
        {
            html.Append("</").Append(_open[i]).Append('>');
        }
        _open.RemoveRange(index, _open.Count - index);
        return true;
    }

    private bool TryStartTag(StringBuilder html, string tag)
    {
        if (!TryParseStartTag(tag, out var name, out var attributes) || !MayOpen(name))
        {
            return false;
        }
        var output = new StringBuilder("<").Append(name);
        foreach (var (key, value) in attributes)
        {
            if (!IsAllowed(name, key, value))
            {
                return false;
            }
            output.Append(' ').Append(key);
            if (value is not null)
            {
                output.Append("=\"");
                HtmlText.Escape(output, key == "id" ? claimId(value) : value);
                output.Append('"');
            }
        }
        html.Append(output).Append('>');
        if (!Void.Contains(name))
        {
            _open.Add(name);
        }
        return true;
    }

    private bool MayOpen(string name)
    {
        if (!Phrasing.Contains(name) && !Flow.Contains(name))
        {
            return false;
        }
        var parent = _open.Count > 0 ? _open[^1] : null;
        if (Parents.TryGetValue(name, out var parents))
        {
            return (parent is not null && parents.Contains(parent)) || (name == "tr" && parent == "table");
        }
        if (parent is not null && NoText.Contains(parent))
        {
            return false;
        }
        if (name == "a" && (InsideLink || insideOuterLink))
        {
            return false;
        }
        var phrasingContext = phrasingOnly || _open.Any(PhrasingParents.Contains);
        return !phrasingContext || Phrasing.Contains(name);
    }

    private static bool IsAllowed(string element, string attribute, string? value)
    {
        if (!GlobalAttributes.Contains(attribute)
            && !(ElementAttributes.TryGetValue(element, out var allowed) && allowed.Contains(attribute)))
        {
            return false;
        }
        if (NumericAttributes.Contains(attribute))
        {
            return value is { Length: > 0 and <= 6 } && value.All(char.IsAsciiDigit);
        }
        return attribute switch
        {
            "href" or "cite" => value is not null && HtmlText.IsSafeUrl(value),
            // An image from elsewhere would make the page request another host.
            "src" => value is { Length: > 0 } && IsSameSite(value),
            "id" => value is { Length: > 0 } && !value.Any(char.IsWhiteSpace),
            "dir" => value is "ltr" or "rtl" or "auto",
            "scope" => value is "row" or "col" or "rowgroup" or "colgroup",
            _ => true,
        };
    }

    private static bool IsSameSite(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('\\') || trimmed.StartsWith("/\\", StringComparison.Ordinal))
        {
            return false;
        }
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var delimiter = trimmed.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (delimiter >= 0 && delimiter < colon);
    }

    /// <summary>The index just past the '&gt;' of a well-formed tag starting at <paramref name="start"/>,
    /// or -1 when the '&lt;' there does not start one (and is text).</summary>
    private static int FindTagEnd(string raw, int start)
    {
        var at = start + 1;
        if (at < raw.Length && raw[at] == '/')
        {
            at++;
        }
        if (at >= raw.Length || !char.IsAsciiLetter(raw[at]))
        {
            return -1;
        }
        char? quote = null;
        for (; at < raw.Length; at++)
        {
            var c = raw[at];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return at + 1;
            }
            else if (c == '<')
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>Reads a start tag's name and attributes, values decoded; false when it is malformed or
    /// names an attribute twice.</summary>
    private static bool TryParseStartTag(string tag, out string name, out List<(string Key, string? Value)> attributes)
    {
        attributes = [];
        var at = 1;
        var nameStart = at;
        while (at < tag.Length && (char.IsAsciiLetterOrDigit(tag[at]) || tag[at] == '-'))
        {
            at++;
        }
        name = tag[nameStart..at].ToLowerInvariant();
        var body = tag[at..^1].TrimEnd();
        if (body.EndsWith('/'))
        {
            body = body[..^1];
        }
        at = 0;
        while (true)
        {
            while (at < body.Length && char.IsWhiteSpace(body[at]))
            {
                at++;
            }
            if (at >= body.Length)
            {
                return true;
            }
            var keyStart = at;
            while (at < body.Length && !char.IsWhiteSpace(body[at]) && body[at] is not ('=' or '"' or '\'' or '/' or '<'))
            {
                at++;
            }
            if (at == keyStart)
            {
                return false;
            }
            var key = body[keyStart..at].ToLowerInvariant();
            while (at < body.Length && char.IsWhiteSpace(body[at]))
            {
                at++;
            }
            string? value = null;
            if (at < body.Length && body[at] == '=')
            {
                at++;
                while (at < body.Length && char.IsWhiteSpace(body[at]))
                {
                    at++;
                }
                if (at < body.Length && body[at] is '"' or '\'')
                {
                    var quote = body[at];
                    var close = body.IndexOf(quote, at + 1);
                    if (close < 0)
                    {
                        return false;
                    }
                    value = body[(at + 1)..close];
                    at = close + 1;
                }
                else
                {
                    var valueStart = at;
                    while (at < body.Length && !char.IsWhiteSpace(body[at]))
                    {
                        at++;
                    }
                    value = body[valueStart..at];
                }
                value = WebUtility.HtmlDecode(value);
            }
            if (attributes.Any(a => a.Key == key))
            {
                return false;
            }
            attributes.Add((key, value));
        }
    }
}
