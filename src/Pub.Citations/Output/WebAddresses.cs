using System.Text.RegularExpressions;
using Pub.Model;

namespace Pub.Citations;

/// <summary>
/// Turns web addresses in rendered citations into links: a style prints a URL or a DOI resolver address as
/// text, and a reader expects to follow it. An address runs to the next space; punctuation that closes the
/// sentence around it (".", ",", ";", ":", a closing bracket without its opening one) stays outside.
/// </summary>
internal static partial class WebAddresses
{
    [GeneratedRegex(@"https?://[^\s<>""\u201C\u201D]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    public static IReadOnlyList<Inline> Link(List<Inline> inlines)
    {
        if (!inlines.Exists(Contains))
        {
            return inlines;
        }
        var result = new List<Inline>(inlines.Count + 2);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    Split(t.Value, result);
                    break;
                case Emphasis e: result.Add(e with { Content = Link([.. e.Content]) }); break;
                case Strong s: result.Add(s with { Content = Link([.. s.Content]) }); break;
                case Upright u: result.Add(u with { Content = Link([.. u.Content]) }); break;
                case NormalWeight n: result.Add(n with { Content = Link([.. n.Content]) }); break;
                case SmallCaps sc: result.Add(sc with { Content = Link([.. sc.Content]) }); break;
                case Underline ul: result.Add(ul with { Content = Link([.. ul.Content]) }); break;
                case SpanInline si: result.Add(si with { Content = Link([.. si.Content]) }); break;
                case CitedWork w: result.Add(w with { Content = Link([.. w.Content]) }); break;
                default: result.Add(inline); break;
            }
        }
        return result;
    }

    private static bool Contains(Inline inline) => inline switch
    {
        Text t => t.Value.Contains("://", StringComparison.Ordinal),
        Emphasis or Strong or Upright or NormalWeight or SmallCaps or Underline or SpanInline or CitedWork => true,
        _ => false,
    };

    private static void Split(string text, List<Inline> into)
    {
        var at = 0;
        foreach (Match match in Address().Matches(text))
        {
            var url = Trim(match.Value);
            if (url.Length <= "https://".Length)
            {
                continue;
            }
            if (match.Index > at)
            {
                into.Add(new Text(text[at..match.Index]));
            }
            into.Add(new Pub.Model.Link(url, null, [new Text(url)]));
            at = match.Index + url.Length;
        }
        if (at < text.Length)
        {
            into.Add(new Text(at == 0 ? text : text[at..]));
        }
    }

    private static string Trim(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019')
            {
                end--;
            }
            else if ((c == ')' && Count(url, end, '(') < Count(url, end, ')')) || (c == ']' && Count(url, end, '[') < Count(url, end, ']')))
            {
                end--;
            }
            else
            {
                break;
            }
        }
        return url[..end];
    }

    private static int Count(string s, int end, char c)
    {
        var n = 0;
        for (var i = 0; i < end; i++)
        {
            if (s[i] == c)
            {
                n++;
            }
        }
        return n;
    }
}
