using Pub.Layout.Fonts;
using Pub.Layout.Paged;
using Pub.Model;

namespace Pub.Layout.Text;

/// <summary>
/// Collect: flattens the inline tree into styled spans. Styles nest (emphasis inside a link inside strong);
/// each inline kind changes the style it passes down. Citations render their processed form, cross-references
/// their resolved text, footnote references a superscript number linked to the note.
/// </summary>
internal static class InlineCollector
{
    public static readonly Colour LinkColour = new(0x1F, 0x3A, 0x6E);

    /// <param name="noteScope">Prefix of footnote destinations: each handbook chapter numbers its notes from 1.</param>
    /// <param name="structure">Where links and note references become structure elements; null when the text
    /// is only wanted as plain text.</param>
    public static List<Span> Collect(IReadOnlyList<Inline> inlines, TextStyle style, string noteScope = "", Flow.StructureBuilder? structure = null)
    {
        var spans = new List<Span>();
        new Walker(spans, noteScope, structure).Walk(inlines, style);
        return spans;
    }

    private sealed class Walker(List<Span> spans, string scope, Flow.StructureBuilder? structure)
    {
        public void Walk(IReadOnlyList<Inline> inlines, TextStyle style)
        {
            foreach (var inline in inlines)
                Walk(inline, style);
        }

        /// <summary>A new Link element inside the inline element in force, or floating until its text is set.</summary>
        private int Link(TextStyle style) => structure?.Add(Paged.StructureRole.Link, style.Tag != 0 ? style.Tag : -1) ?? 0;

        private void Walk(Inline inline, TextStyle style)
        {
            switch (inline)
            {
                case Pub.Model.Text t:
                    spans.Add(new TextSpan(t.Value, style));
                    break;
                case Emphasis e:
                    Walk(e.Content, style with { Italic = !style.Italic });
                    break;
                case Strong s:
                    Walk(s.Content, style with { Bold = true });
                    break;
                case Upright u:
                    Walk(u.Content, style with { Italic = false });
                    break;
                case NormalWeight n:
                    Walk(n.Content, style with { Bold = false });
                    break;
                case SmallCaps sc:
                    Walk(sc.Content, style with { SmallCaps = true });
                    break;
                case Superscript sup:
                    Walk(sup.Content, Superscript(style));
                    break;
                case Subscript sub:
                    Walk(sub.Content, style with { Size = style.Size * 0.68, Rise = style.Rise - style.Size * 0.15 });
                    break;
                case Underline ul:
                    Walk(ul.Content, style with { Underline = true });
                    break;
                case SpanInline si:
                    Walk(si.Content, si.Attributes["lang"] is { Length: > 0 } lang ? style with { Language = lang } : style);
                    break;
                case Code c:
                    spans.Add(new TextSpan(c.Value, style with { Role = FontRole.Mono, Size = style.Size * 0.88, Bold = false, Italic = false, Hyphenate = false }));
                    break;
                case Link l:
                    var linked = l.Url.StartsWith('#')
                        ? style with { Destination = l.Url[1..], Url = null, Colour = LinkColour, Tag = Link(style) }
                        : style with { Url = l.Url, Destination = null, Colour = LinkColour, Hyphenate = Hyphenate(l) && style.Hyphenate, Tag = Link(style) };
                    Walk(l.Content, linked);
                    break;
                case InlineImage img:
                    Walk(img.Description, style);
                    break;
                case LineBreak:
                    spans.Add(new BreakSpan());
                    break;
                case SoftBreak:
                    spans.Add(new TextSpan(" ", style));
                    break;
                case RawInline:
                    break; // raw HTML has no meaning on paper
                case NoteRef r:
                    string anchor = NoteAnchors.Reference(scope, r.Number);
                    int tag = structure?.NoteReference(anchor, style.Tag != 0 ? style.Tag : -1) ?? 0;
                    spans.Add(new AnchorSpan(anchor));
                    spans.Add(new TextSpan(r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Superscript(style) with { Destination = NoteAnchors.Note(scope, r.Number), Url = null, Colour = style.Colour, Tag = tag }));
                    break;
                case CrossRef x:
                    var target = style with { Destination = x.Label, Url = null, Colour = LinkColour, Tag = Link(style) };
                    if (x.Resolved is { } resolved)
                        Walk(resolved, target);
                    else
                        spans.Add(new TextSpan(x.Label, target));
                    break;
                case CitedWork work:
                    // Links to the work's bibliography entry (a link with no destination in the document is dropped
                    // by the writer); a web address inside keeps its own link. The text keeps its colour.
                    Walk(work.Content, style.Url is null && style.Destination is null
                        ? style with { Destination = NoteAnchors.Entry(scope, work.Key), Tag = Link(style) }
                        : style);
                    break;
                case Cite cite:
                    if (cite.Rendered is { } rendered)
                        Walk(rendered, style);
                    else
                        spans.Add(new TextSpan(string.Join("; ", cite.Items.Select(i => i.Key)), style));
                    break;
                default:
                    throw new InvalidOperationException($"layout does not handle inline {inline.GetType().Name}");
            }
        }
    }

    /// <summary>A link whose text is its address (an autolink) is a URL on the page and is never hyphenated.</summary>
    private static bool Hyphenate(Link link)
    {
        string text = Plain(link.Content);
        string bare = link.Url.StartsWith("mailto:", StringComparison.Ordinal) ? link.Url[7..] : link.Url;
        return !string.Equals(text, link.Url, StringComparison.Ordinal) && !string.Equals(text, bare, StringComparison.Ordinal)
            && !text.Contains("://", StringComparison.Ordinal) && !text.StartsWith("www.", StringComparison.Ordinal);
    }

    private static TextStyle Superscript(TextStyle style) =>
        style with { Size = style.Size * 0.68, Rise = style.Rise + style.Size * 0.36 };

    /// <summary>Plain text of inlines, for bookmarks, running heads and metadata.</summary>
    public static string Plain(IReadOnlyList<Inline> inlines)
    {
        var text = new System.Text.StringBuilder();
        foreach (var span in Collect(inlines, new TextStyle(FontRole.Text, false, false, 10)))
        {
            if (span is TextSpan t)
                text.Append(t.Text);
            else if (span is BreakSpan)
                text.Append(' ');
        }
        return string.Join(' ', text.ToString().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Names of footnote destinations, shared by the reference and the note.</summary>
internal static class NoteAnchors
{
    public static string Note(string scope, int number) => scope + "note-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Reference(string scope, int number) => scope + "noteref-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The destination of a bibliography entry.</summary>
    public static string Entry(string scope, string key) => scope + "ref-" + key;
}
