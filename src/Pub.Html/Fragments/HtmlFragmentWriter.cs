// Pub.Html: the HTML edition. HtmlFragmentWriter turns the resolved document model into HTML fragments
// (body, notes, table of contents) in C#; HtmlEditionWriter hands them to a Scriban page shell loaded
// through ITemplateSource. Templates never see the model itself, only ready-to-insert HTML and text.
using System.Globalization;
using System.Text;
using Pub.Model;

namespace Pub.Html.Fragments;

/// <summary>
/// Writes one document's blocks, inlines and footnotes as HTML5. It holds the state of that document:
/// the headings seen (for the table of contents) and the footnote references written (for back-links),
/// so use one writer per document and write the body before the notes.
/// Output is deterministic: one block per line, LF only, attributes in a fixed order.
/// </summary>
public sealed partial class HtmlFragmentWriter(HtmlFragmentOptions options)
{
    private readonly List<HtmlHeading> _headings = [];
    private readonly Dictionary<string, string> _entryIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _entriesWritten = new(StringComparer.Ordinal);
    // The first citation of each work, found before anything is written: its span gets an id, and the
    // work's bibliography entry links back to it.
    private readonly Dictionary<Cite, string> _firstCitationIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _citationBackIds = new(StringComparer.Ordinal);

    public HtmlFragmentWriter() : this(new HtmlFragmentOptions())
    {
    }

    public HtmlFragmentOptions Options { get; } = options;

    /// <summary>Headings written so far, in document order.</summary>
    public IReadOnlyList<HtmlHeading> Headings => _headings;

    /// <summary>The ids of the bibliography entries written on this page, by citation key.</summary>
    public IReadOnlyDictionary<string, string> EntryIds => _entryIds;

    /// <summary>Writes a document body: blocks, with each heading opening a <c>&lt;section&gt;</c> that
    /// runs to the next heading of the same or a higher level. <paramref name="notes"/> are the document's
    /// footnotes (written later with <see cref="WriteNotes"/>): citations in them count where they are referenced.</summary>
    public string WriteBody(IReadOnlyList<Block> blocks, IReadOnlyList<Note>? notes = null)
    {
        ClaimEntryIds(blocks);
        ClaimFirstCitations(blocks, notes ?? []);
        var html = new StringBuilder();
        var open = new Stack<int>();
        foreach (var block in blocks)
        {
            if (block is Heading heading)
            {
                while (open.Count > 0 && open.Peek() >= heading.Level)
                {
                    open.Pop();
                    html.Append("</section>\n");
                }
                open.Push(heading.Level);
                html.Append("<section class=\"level").Append(heading.Level.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
            }
            WriteBlock(html, block);
        }
        while (open.Count > 0)
        {
            open.Pop();
            html.Append("</section>\n");
        }
        return html.ToString();
    }

    /// <summary>Bibliography entries get their ids before the body is written, so that a citation
    /// can link to its entry wherever the bibliography stands (normally after the citations).</summary>
    private void ClaimEntryIds(IReadOnlyList<Block> blocks)
    {
        foreach (var entry in Walk.Blocks(blocks).OfType<BibliographyBlock>().SelectMany(b => b.Entries))
        {
            if (!_entryIds.ContainsKey(entry.Key))
            {
                _entryIds[entry.Key] = Options.Ids.Claim("ref-" + entry.Key);
            }
        }
    }

    /// <summary>Finds the first citation of every work that has an entry, in reading order (a footnote's
    /// content where the note is first referenced), and claims an id for its span.</summary>
    private void ClaimFirstCitations(IReadOnlyList<Block> blocks, IReadOnlyList<Note> notes)
    {
        var notesByLabel = new Dictionary<string, Note>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            notesByLabel.TryAdd(note.Label, note);
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Visit(IEnumerable<Block> content)
        {
            foreach (var inline in Walk.AllInlines(content))
            {
                if (inline is NoteRef reference && visited.Add(reference.Label) && notesByLabel.TryGetValue(reference.Label, out var note))
                {
                    Visit(note.Blocks);
                }
                else if (inline is Cite cite)
                {
                    foreach (var key in cite.Items.Select(i => i.Key).Where(k => _entryIds.ContainsKey(k) && !_citationBackIds.ContainsKey(k)))
                    {
                        if (!_firstCitationIds.TryGetValue(cite, out var id))
                        {
                            id = Options.Ids.Claim("cite-" + key);
                            _firstCitationIds[cite] = id;
                        }
                        _citationBackIds[key] = id;
                    }
                }
            }
        }
        Visit(blocks);
    }

    public string WriteBlocks(IReadOnlyList<Block> blocks)
    {
        var html = new StringBuilder();
        WriteBlocks(html, blocks);
        return html.ToString();
    }

    private void WriteBlocks(StringBuilder html, IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            WriteBlock(html, block);
        }
    }

    private void WriteBlock(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append("<p>");
                WriteInlines(html, p.Content);
                html.Append("</p>\n");
                break;
            case Heading h:
                WriteHeading(html, h);
                break;
            case BulletList l:
                html.Append("<ul>\n");
                WriteItems(html, l.Items, l.Tight);
                html.Append("</ul>\n");
                break;
            case OrderedList l:
                html.Append("<ol");
                if (l.Start != 1)
                {
                    html.Append(" start=\"").Append(l.Start.ToString(CultureInfo.InvariantCulture)).Append('"');
                }
                html.Append(">\n");
                WriteItems(html, l.Items, l.Tight);
                html.Append("</ol>\n");
                break;
            case DefinitionList d:
                WriteDefinitionList(html, d);
                break;
            case BlockQuote q:
                html.Append("<blockquote>\n");
                WriteBlocks(html, q.Blocks);
                html.Append("</blockquote>\n");
                break;
            case CodeBlock c:
                WriteCodeBlock(html, c);
                break;
            case ThematicBreak:
                html.Append("<hr>\n");
                break;
            case RawBlock r:
                var raw = new RawHtmlFilter(phrasingOnly: false, insideOuterLink: false, Options.Ids.Claim);
                raw.Write(html, r.Html.TrimEnd('\n', '\r'));
                raw.Close(html);
                html.Append('\n');
                break;
            case Div d:
                html.Append("<div");
                WriteAttributes(html, d.Attributes, claimId: true);
                html.Append(">\n");
                WriteBlocks(html, d.Blocks);
                html.Append("</div>\n");
                break;
            case Table t:
                WriteTable(html, t);
                break;
            case Figure f:
                WriteFigure(html, f);
                break;
            case BibliographyBlock b:
                WriteBibliography(html, b);
                break;
            default:
                throw new InvalidOperationException($"HtmlFragmentWriter has no case for {block.GetType().Name}.");
        }
    }

    private void WriteHeading(StringBuilder html, Heading heading)
    {
        var level = Math.Clamp(heading.Level + Options.HeadingOffset, 1, 6).ToString(CultureInfo.InvariantCulture);
        var id = heading.Attributes.Id is { Length: > 0 } label
            ? Options.Ids.Claim(label)
            : Options.Ids.Claim(HtmlIdSet.Slug(HtmlText.Plain(heading.Content)));
        var number = heading.Numbered ? heading.Number : null;

        html.Append("<h").Append(level).Append(" id=\"");
        HtmlText.Escape(html, id);
        html.Append('"');
        WriteClassesAndPairs(html, heading.Attributes, skip: "unnumbered");
        html.Append('>');
        if (number is not null)
        {
            html.Append("<span class=\"secno\">");
            HtmlText.Escape(html, number);
            html.Append("</span> ");
        }
        WriteInlines(html, heading.Content);
        html.Append("</h").Append(level).Append(">\n");

        var listed = !heading.Attributes.HasClass("unlisted");
        _headings.Add(new HtmlHeading(id, heading.Level, number, WriteLinkText(heading.Content), listed));
    }

    private void WriteItems(StringBuilder html, IReadOnlyList<ListItem> items, bool tight)
    {
        foreach (var item in items)
        {
            html.Append("<li>");
            WriteFlow(html, item.Blocks, tight);
            html.Append("</li>\n");
        }
    }

    /// <summary>Writes blocks inside a list item, table cell or definition. A tight list's paragraphs
    /// lose their &lt;p&gt; so that they do not gain paragraph spacing.</summary>
    private void WriteFlow(StringBuilder html, IReadOnlyList<Block> blocks, bool tight)
    {
        if (tight && blocks.Count == 1 && blocks[0] is Paragraph only)
        {
            WriteInlines(html, only.Content);
            return;
        }
        if (tight && blocks.Count > 0 && blocks[0] is Paragraph first)
        {
            WriteInlines(html, first.Content);
            html.Append('\n');
            WriteBlocks(html, blocks.Skip(1).ToList());
            return;
        }
        html.Append('\n');
        WriteBlocks(html, blocks);
    }

    private void WriteDefinitionList(StringBuilder html, DefinitionList list)
    {
        html.Append("<dl>\n");
        foreach (var item in list.Items)
        {
            html.Append("<dt>");
            WriteInlines(html, item.Term);
            html.Append("</dt>\n");
            foreach (var definition in item.Definitions)
            {
                html.Append("<dd>");
                WriteFlow(html, definition, tight: true);
                html.Append("</dd>\n");
            }
        }
        html.Append("</dl>\n");
    }

    private static void WriteCodeBlock(StringBuilder html, CodeBlock code)
    {
        html.Append("<pre><code");
        if (code.Language is { Length: > 0 } language)
        {
            html.Append(" class=\"language-");
            foreach (var c in language)
            {
                // A class name cannot hold spaces; keep what a language name is made of.
                html.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#' or '.' ? c : '-');
            }
            html.Append('"');
        }
        html.Append('>');
        HtmlText.Escape(html, code.Code.EndsWith('\n') ? code.Code[..^1] : code.Code);
        html.Append("</code></pre>\n");
    }

    private void WriteBibliography(StringBuilder html, BibliographyBlock bibliography)
    {
        html.Append("<div");
        var id = bibliography.Attributes.Id is { Length: > 0 } label ? label : "refs";
        html.Append(" id=\"");
        HtmlText.Escape(html, Options.Ids.Claim(id));
        html.Append("\" class=\"references csl-bib-body\" role=\"list\">\n");
        foreach (var entry in bibliography.Entries)
        {
            html.Append("<div id=\"");
            if (!_entryIds.TryGetValue(entry.Key, out var entryId) || !_entriesWritten.Add(entry.Key))
            {
                entryId = Options.Ids.Claim("ref-" + entry.Key);
            }
            HtmlText.Escape(html, entryId);
            html.Append("\" class=\"csl-entry\" role=\"listitem\">");
            WriteInlines(html, entry.Content);
            if (_citationBackIds.TryGetValue(entry.Key, out var citationId))
            {
                html.Append(" <a href=\"#");
                HtmlText.Escape(html, citationId);
                html.Append("\" class=\"citation-back\" role=\"doc-backlink\" aria-label=\"");
                HtmlText.Escape(html, Options.Labels.BackToCitation);
                html.Append("\">\u21A9\uFE0E</a>");
            }
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
    }

    /// <summary>Writes id (claimed on the page), classes, <c>lang</c> and <c>dir</c>; other key-value
    /// pairs become <c>data-</c> attributes when their names are safe.</summary>
    private void WriteAttributes(StringBuilder html, Attributes attributes, bool claimId)
    {
        if (claimId && attributes.Id is { Length: > 0 } id)
        {
            html.Append(" id=\"");
            HtmlText.Escape(html, Options.Ids.Claim(id));
            html.Append('"');
        }
        WriteClassesAndPairs(html, attributes, skip: null);
    }

    private static void WriteClassesAndPairs(StringBuilder html, Attributes attributes, string? skip)
    {
        var classes = attributes.Classes.Where(c => c.Length > 0 && !string.Equals(c, skip, StringComparison.Ordinal)).ToList();
        if (classes.Count > 0)
        {
            html.Append(" class=\"");
            HtmlText.Escape(html, string.Join(' ', classes));
            html.Append('"');
        }
        foreach (var (key, value) in attributes.Pairs)
        {
            string? name = key switch
            {
                "lang" or "dir" => key,
                _ when IsSafeAttributeName(key) => "data-" + key.ToLowerInvariant(),
                _ => null,
            };
            if (name is null)
            {
                continue;
            }
            html.Append(' ').Append(name).Append("=\"");
            HtmlText.Escape(html, value);
            html.Append('"');
        }
    }

    private static bool IsSafeAttributeName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
