using System.Text;
using Pub.Model;

namespace Pub.Html.Fragments;

/// <summary>Escaping and plain-text extraction. Every string that reaches the page from a manuscript,
/// the front matter or the edition context passes through <see cref="Escape(string)"/> exactly once.</summary>
public static class HtmlText
{
    /// <summary>Escapes text for use both as element content and inside a double- or single-quoted
    /// attribute value. Carriage returns are dropped so output has LF line endings only.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        Escape(builder, text);
        return builder.ToString();
    }

    public static void Escape(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r': break;
                case '\0': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }
    }

    /// <summary>True for URLs a reader may safely follow: relative references, fragments and the
    /// http, https, mailto and tel schemes. Browsers ignore tabs and newlines inside a scheme
    /// ("java&#9;script:"), so those are removed before the scheme is read.</summary>
    public static bool IsSafeUrl(string url)
    {
        var compact = new StringBuilder(url.Length);
        foreach (var c in url.Trim())
        {
            if (c > ' ')
            {
                compact.Append(c);
            }
        }
        var text = compact.ToString();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }
        var firstDelimiter = text.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }
        var scheme = text[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text of inlines without markup, for attributes, meta tags and slugs. Footnote
    /// references are left out: they are not part of the sentence.</summary>
    public static string Plain(IReadOnlyList<Inline> inlines)
    {
        var builder = new StringBuilder();
        AppendPlain(builder, inlines);
        return builder.ToString();
    }

    /// <summary>The plain text of blocks, paragraphs separated by a space.</summary>
    public static string Plain(IReadOnlyList<Block> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            var start = builder.Length;
            AppendPlain(builder, block);
            if (builder.Length > start)
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().Trim();
    }

    private static void AppendPlain(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case Paragraph p: AppendPlain(builder, p.Content); break;
            case Heading h: AppendPlain(builder, h.Content); break;
            case BlockQuote q: builder.Append(Plain(q.Blocks)); break;
            case Div d: builder.Append(Plain(d.Blocks)); break;
            case BulletList l: foreach (var item in l.Items) { builder.Append(Plain(item.Blocks)).Append(' '); } break;
            case OrderedList l: foreach (var item in l.Items) { builder.Append(Plain(item.Blocks)).Append(' '); } break;
            default: break;
        }
    }

    private static void AppendPlain(StringBuilder builder, IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: builder.Append(t.Value); break;
                case Code c: builder.Append(c.Value); break;
                case SoftBreak or LineBreak: builder.Append(' '); break;
                case Emphasis e: AppendPlain(builder, e.Content); break;
                case Strong s: AppendPlain(builder, s.Content); break;
                case SmallCaps s: AppendPlain(builder, s.Content); break;
                case Superscript s: AppendPlain(builder, s.Content); break;
                case Subscript s: AppendPlain(builder, s.Content); break;
                case Underline u: AppendPlain(builder, u.Content); break;
                case CitedWork w: AppendPlain(builder, w.Content); break;
                case Upright u: AppendPlain(builder, u.Content); break;
                case NormalWeight n: AppendPlain(builder, n.Content); break;
                case SpanInline s: AppendPlain(builder, s.Content); break;
                case Link l: AppendPlain(builder, l.Content); break;
                case InlineImage i: AppendPlain(builder, i.Description); break;
                case CrossRef x: if (x.Resolved is { } resolved) { AppendPlain(builder, resolved); } else { builder.Append(x.Label); } break;
                case Cite c: if (c.Rendered is { } rendered) { AppendPlain(builder, rendered); } else { builder.Append(CiteFallback(c)); } break;
                case RawInline r: builder.Append(RawHtmlFilter.PlainText(r.Html)); break;
                default: break;
            }
        }
    }

    /// <summary>What a citation shows when the citation pass did not render it: its keys in brackets.</summary>
    internal static string CiteFallback(Cite cite) => "[" + string.Join("; ", cite.Items.Select(i => i.Key)) + "]";
}
