using System.Globalization;
using System.Text;
using Pub.Model;

namespace Pub.Html.Fragments;

// Inlines. Invariant: no <a> is ever written inside another <a>. While _linkDepth > 0 (inside a link, or
// writing table-of-contents text that will itself be a link) links, cross-references and note
// references write their content only.
public sealed partial class HtmlFragmentWriter
{
    private readonly Dictionary<int, string> _noteRefIds = [];
    private int _linkDepth;
    private bool _omitNoteRefs;

    public string WriteInlines(IReadOnlyList<Inline> inlines)
    {
        var html = new StringBuilder();
        WriteInlines(html, inlines);
        return html.ToString();
    }

    /// <summary>Inlines for use as the text of a link (a table-of-contents entry): no nested links, no
    /// footnote references.</summary>
    public string WriteLinkText(IReadOnlyList<Inline> inlines)
    {
        var html = new StringBuilder();
        _linkDepth++;
        _omitNoteRefs = true;
        try
        {
            WriteInlines(html, inlines);
        }
        finally
        {
            _linkDepth--;
            _omitNoteRefs = false;
        }
        return html.ToString();
    }

    private void WriteInlines(StringBuilder html, IReadOnlyList<Inline> inlines)
    {
        // Raw HTML comes as one inline per tag ("<kbd>", "Ctrl", "</kbd>"), so one filter sees the
        // whole run of inlines and closes what is left open at its end.
        RawHtmlFilter? raw = null;
        var linkOpenedByRaw = false;
        foreach (var inline in inlines)
        {
            if (inline is RawInline r)
            {
                raw ??= new RawHtmlFilter(phrasingOnly: true, insideOuterLink: _linkDepth > 0, Options.Ids.Claim);
                raw.Write(html, r.Html);
                // While a raw <a> is open, Markdown links inside it write their text only.
                if (raw.InsideLink != linkOpenedByRaw)
                {
                    _linkDepth += raw.InsideLink ? 1 : -1;
                    linkOpenedByRaw = raw.InsideLink;
                }
                continue;
            }
            WriteInline(html, inline);
        }
        if (raw is not null)
        {
            raw.Close(html);
            if (linkOpenedByRaw)
            {
                _linkDepth--;
            }
        }
    }

    private void WriteInline(StringBuilder html, Inline inline)
    {
        switch (inline)
        {
            case Text t: HtmlText.Escape(html, t.Value); break;
            case SoftBreak: html.Append('\n'); break;
            case LineBreak: html.Append("<br>\n"); break;
            case Emphasis e: Wrap(html, "<em>", e.Content, "</em>"); break;
            case Strong s: Wrap(html, "<strong>", s.Content, "</strong>"); break;
            case SmallCaps s: Wrap(html, "<span class=\"smallcaps\">", s.Content, "</span>"); break;
            case Superscript s: Wrap(html, "<sup>", s.Content, "</sup>"); break;
            case Subscript s: Wrap(html, "<sub>", s.Content, "</sub>"); break;
            case Underline u: Wrap(html, "<span class=\"underline\">", u.Content, "</span>"); break;
            case Upright u: Wrap(html, "<span class=\"upright\">", u.Content, "</span>"); break;
            case NormalWeight n: Wrap(html, "<span class=\"normal-weight\">", n.Content, "</span>"); break;
            case SpanInline s: WriteSpan(html, s); break;
            case Code c:
                html.Append("<code>");
                HtmlText.Escape(html, c.Value);
                html.Append("</code>");
                break;
            case Link l: WriteLink(html, l); break;
            case InlineImage i: WriteInlineImage(html, i); break;
            case RawInline r:
                WriteInlines(html, [r]);
                break;
            case NoteRef n: WriteNoteRef(html, n); break;
            case CrossRef x: WriteCrossRef(html, x); break;
            case Cite c: WriteCite(html, c); break;
            case CitedWork w: WriteCitedWork(html, w); break;
            default:
                throw new InvalidOperationException($"HtmlFragmentWriter has no case for {inline.GetType().Name}.");
        }
    }

    private void Wrap(StringBuilder html, string open, IReadOnlyList<Inline> content, string close)
    {
        html.Append(open);
        WriteInlines(html, content);
        html.Append(close);
    }

    private void WriteSpan(StringBuilder html, SpanInline span)
    {
        var attributes = span.Attributes with
        {
            Id = null,
            Classes = [.. span.Attributes.Classes.Where(c => !string.Equals(c, "nocase", StringComparison.Ordinal))],
        };
        var hasAttributes = span.Attributes.Id is { Length: > 0 } || attributes.Classes.Count > 0 || attributes.Pairs.Count > 0;
        if (!hasAttributes)
        {
            WriteInlines(html, span.Content);
            return;
        }
        html.Append("<span");
        if (span.Attributes.Id is { Length: > 0 } id)
        {
            html.Append(" id=\"");
            HtmlText.Escape(html, Options.Ids.Claim(id));
            html.Append('"');
        }
        WriteClassesAndPairs(html, attributes, skip: null);
        html.Append('>');
        WriteInlines(html, span.Content);
        html.Append("</span>");
    }

    private void WriteLink(StringBuilder html, Link link)
    {
        if (_linkDepth > 0 || !HtmlText.IsSafeUrl(link.Url))
        {
            WriteInlines(html, link.Content);
            return;
        }
        html.Append("<a href=\"");
        HtmlText.Escape(html, link.Url);
        html.Append('"');
        // A link that shows its own address: print does not repeat it after the text.
        if (Walk.PlainText(link.Content) == link.Url)
        {
            html.Append(" class=\"url\"");
        }
        if (link.Title is { Length: > 0 } title)
        {
            html.Append(" title=\"");
            HtmlText.Escape(html, title);
            html.Append('"');
        }
        html.Append('>');
        _linkDepth++;
        WriteInlines(html, link.Content);
        _linkDepth--;
        html.Append("</a>");
    }

    private static void WriteInlineImage(StringBuilder html, InlineImage image)
    {
        html.Append("<img src=\"");
        HtmlText.Escape(html, HtmlText.IsSafeUrl(image.Path) ? image.Path : "");
        html.Append("\" alt=\"");
        HtmlText.Escape(html, HtmlText.Plain(image.Description));
        html.Append('"');
        if (image.Title is { Length: > 0 } title)
        {
            html.Append(" title=\"");
            HtmlText.Escape(html, title);
            html.Append('"');
        }
        html.Append('>');
    }

    private void WriteNoteRef(StringBuilder html, NoteRef note)
    {
        if (_omitNoteRefs)
        {
            return;
        }
        var number = note.Number.ToString(CultureInfo.InvariantCulture);
        if (_linkDepth > 0)
        {
            html.Append("<sup class=\"footnote-ref\">").Append(number).Append("</sup>");
            return;
        }
        // A note referenced twice gets a second, distinct reference id; its back-link returns to the first.
        var refId = Options.Ids.Claim(Options.NoteIdPrefix + "fnref-" + number);
        _noteRefIds.TryAdd(note.Number, refId);
        html.Append("<a href=\"#");
        HtmlText.Escape(html, NoteId(note.Number));
        html.Append("\" id=\"");
        HtmlText.Escape(html, refId);
        html.Append("\" class=\"footnote-ref\" role=\"doc-noteref\"><sup>").Append(number).Append("</sup></a>");
    }

    private void WriteCrossRef(StringBuilder html, CrossRef reference)
    {
        var link = _linkDepth == 0;
        if (link)
        {
            html.Append("<a href=\"#");
            HtmlText.Escape(html, reference.Label);
            html.Append(reference.Resolved is null ? "\" class=\"xref unresolved\">" : "\" class=\"xref\">");
        }
        _linkDepth++;
        if (reference.Resolved is { } resolved)
        {
            WriteInlines(html, resolved);
        }
        else
        {
            HtmlText.Escape(html, reference.Label);
        }
        _linkDepth--;
        if (link)
        {
            html.Append("</a>");
        }
    }

    private void WriteCite(StringBuilder html, Cite cite)
    {
        html.Append("<span class=\"citation");
        if (cite.Rendered is null)
        {
            html.Append(" unresolved");
        }
        html.Append("\" data-cites=\"");
        HtmlText.Escape(html, string.Join(' ', cite.Items.Select(i => i.Key)));
        html.Append('"');
        if (_firstCitationIds.TryGetValue(cite, out var firstId))
        {
            html.Append(" id=\"");
            HtmlText.Escape(html, firstId);
            html.Append('"');
        }
        html.Append('>');
        if (cite.Rendered is { } rendered)
        {
            WriteInlines(html, rendered);
        }
        else
        {
            HtmlText.Escape(html, HtmlText.CiteFallback(cite));
        }
        html.Append("</span>");
    }

    /// <summary>One work's part of a citation links to the work's bibliography entry, unless it holds links of
    /// its own (a full note citation with a URL), which must stay followable, or stands inside a link.</summary>
    private void WriteCitedWork(StringBuilder html, CitedWork work)
    {
        var href = _entryIds.TryGetValue(work.Key, out var entryId) ? "#" + entryId : Options.ExternalEntries.GetValueOrDefault(work.Key);
        if (_linkDepth > 0 || href is null || Walk.Inlines(work.Content).OfType<Link>().Any())
        {
            WriteInlines(html, work.Content);
            return;
        }
        html.Append("<a href=\"");
        HtmlText.Escape(html, href);
        html.Append("\" role=\"doc-biblioref\">");
        _linkDepth++;
        WriteInlines(html, work.Content);
        _linkDepth--;
        html.Append("</a>");
    }

    private string NoteId(int number) => Options.NoteIdPrefix + "fn-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the footnotes as an ordered list, each with a link back to where it was
    /// referenced. Call after the body, so that the reference ids are known. Unnumbered notes (never
    /// referenced) are left out; an empty string when there is nothing to show. The notes are a named
    /// region; on a page with several lists of notes (a handbook) <paramref name="ownerTitleId"/> names
    /// the heading of the part they belong to, so that each region's name is unique ("Notes, Chapter 2").</summary>
    public string WriteNotes(IReadOnlyList<Note> notes, string headingId = "footnotes-title", int headingLevel = 2, string? ownerTitleId = null)
    {
        var numbered = notes.Where(n => n.Number > 0).OrderBy(n => n.Number).ToList();
        if (numbered.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder();
        var level = headingLevel.ToString(CultureInfo.InvariantCulture);
        var titleId = Options.Ids.Claim(headingId);
        html.Append("<section class=\"footnotes\" aria-labelledby=\"").Append(HtmlText.Escape(titleId));
        if (ownerTitleId is not null)
        {
            html.Append(' ').Append(HtmlText.Escape(ownerTitleId));
        }
        html.Append("\">\n");
        html.Append("<h").Append(level).Append(" id=\"").Append(HtmlText.Escape(titleId)).Append("\">");
        HtmlText.Escape(html, Options.Labels.Notes);
        html.Append("</h").Append(level).Append(">\n<ol");
        if (numbered[0].Number != 1)
        {
            html.Append(" start=\"").Append(numbered[0].Number.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        html.Append(">\n");
        var expected = numbered[0].Number;
        foreach (var note in numbered)
        {
            html.Append("<li id=\"");
            HtmlText.Escape(html, Options.Ids.Claim(NoteId(note.Number)));
            html.Append('"');
            if (note.Number != expected)
            {
                html.Append(" value=\"").Append(note.Number.ToString(CultureInfo.InvariantCulture)).Append('"');
            }
            expected = note.Number + 1;
            html.Append(">\n");
            WriteNoteBody(html, note);
            html.Append("</li>\n");
        }
        html.Append("</ol>\n</section>\n");
        return html.ToString();
    }

    /// <summary>The back-link goes at the end of the note's last paragraph, where a reader finishes.</summary>
    private void WriteNoteBody(StringBuilder html, Note note)
    {
        var blocks = note.Blocks;
        var lastIsParagraph = blocks.Count > 0 && blocks[^1] is Paragraph;
        WriteBlocks(html, lastIsParagraph ? blocks.Take(blocks.Count - 1).ToList() : blocks);
        var backLink = BackLink(note.Number);
        if (lastIsParagraph)
        {
            html.Append("<p>");
            WriteInlines(html, ((Paragraph)blocks[^1]).Content);
            html.Append(backLink.Length > 0 ? " " + backLink : "").Append("</p>\n");
        }
        else if (backLink.Length > 0)
        {
            html.Append("<p>").Append(backLink).Append("</p>\n");
        }
    }

    private string BackLink(int number)
    {
        if (!_noteRefIds.TryGetValue(number, out var refId))
        {
            return "";
        }
        var label = HtmlText.Escape(Options.Labels.BackToReference + " " + number.ToString(CultureInfo.InvariantCulture));
        return "<a href=\"#" + HtmlText.Escape(refId) + "\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"" + label + "\">\u21A9\uFE0E</a>";
    }
}
