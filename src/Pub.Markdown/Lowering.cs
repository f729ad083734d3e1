using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.SmartyPants;
using TableColumnAlign = Markdig.Extensions.Tables.TableColumnAlign;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pub.Model;
using Pub.Syntax;
using MdBlock = Markdig.Syntax.Block;
using MdInline = Markdig.Syntax.Inlines.Inline;
using MdTable = Markdig.Extensions.Tables.Table;
using ModelBlock = Pub.Model.Block;
using ModelInline = Pub.Model.Inline;
using SourceSpan = Pub.Syntax.SourceSpan;
using DefinitionList = Pub.Model.DefinitionList;
using DefinitionItem = Pub.Model.DefinitionItem;
using DefinitionTerm = Markdig.Extensions.DefinitionLists.DefinitionTerm;
using CodeBlock = Pub.Model.CodeBlock;
using MdCodeBlock = Markdig.Syntax.CodeBlock;

namespace Pub.Markdown;

/// <summary>
/// Lowers a Markdig syntax tree into pub's document model. Markdig types stop here. Spans are offsets
/// into the whole manuscript file, because the front matter is blanked out (not removed) before parsing.
/// </summary>
internal sealed class Lowering
{
    private readonly SourceText? _source;
    private readonly Quotes _quotes;
    private readonly List<Note> _notes = [];
    private readonly List<Diagnostic> _diagnostics = [];

    public Lowering(SourceText? source, string language)
    {
        _source = source;
        _quotes = Quotes.For(language);
    }

    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>Problems found while lowering: nesting cut off at the limit (reported once, at its first line).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public List<ModelBlock> Blocks(ContainerBlock container)
    {
        var result = new List<ModelBlock>();
        for (var i = 0; i < container.Count; i++)
        {
            var block = container[i];
            if (block is MdTable table)
            {
                // Pandoc's caption: a paragraph "Table: …" (or ": …") right after the table.
                ParagraphBlock? caption = i + 1 < container.Count && container[i + 1] is ParagraphBlock p && IsTableCaption(p) ? p : null;
                result.Add(LowerTable(table, caption));
                if (caption is not null)
                {
                    i++;
                }
                continue;
            }
            if (LowerBlock(block) is { } lowered)
            {
                result.Add(lowered);
            }
        }
        return result;
    }

    private ModelBlock? LowerBlock(MdBlock block)
    {
        ModelBlock? lowered = block switch
        {
            HeadingBlock heading => LowerHeading(heading),
            ParagraphBlock paragraph => LowerParagraph(paragraph),
            ListBlock list => LowerList(list),
            QuoteBlock quote => new BlockQuote(Blocks(quote)),
            FencedCodeBlock fenced => new CodeBlock(string.IsNullOrEmpty(fenced.Info) ? null : fenced.Info, CodeText(fenced)),
            MdCodeBlock code => new CodeBlock(null, CodeText(code)),
            ThematicBreakBlock => new ThematicBreak(),
            HtmlBlock html => new RawBlock(CodeText(html)),
            TooDeepBlock deep => TooDeep(deep),
            Markdig.Extensions.DefinitionLists.DefinitionList definitions => LowerDefinitions(definitions),
            CustomContainer div => new Div(AttributesOf(div, div.Info), Blocks(div)),
            FootnoteGroup group => CollectNotes(group),
            LinkReferenceDefinitionGroup or BlankLineBlock => null,
            ContainerBlock other => new Div(Attributes.Empty, Blocks(other)),
            _ => null,
        };
        return lowered is null ? null : lowered with { Span = SpanOf(block) };
    }

    private Paragraph TooDeep(TooDeepBlock block)
    {
        if (!_diagnostics.Exists(d => d.Code == Codes.NestedTooDeep.Id))
        {
            _diagnostics.Add(Diagnostic.Error(Codes.NestedTooDeep,
                $"{block.What}; the rest of the line is kept as text", SpanOf(block) is { } span ? span with { Length = 1 } : null,
                "a manuscript rarely needs more than a few levels: close some quotes or lists, or indent less"));
        }
        return new Paragraph([new Text(CodeText(block))]);
    }

    private ModelBlock? CollectNotes(FootnoteGroup group)
    {
        foreach (var item in group)
        {
            if (item is Footnote footnote)
            {
                _notes.Add(new Note(footnote.Label ?? footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), Blocks(footnote)) { Span = SpanOf(footnote) });
            }
        }
        return null;
    }

    private Heading LowerHeading(HeadingBlock heading)
    {
        var content = Inlines(heading.Inline);
        var attributes = AttributesOf(heading, null);
        var numbered = !attributes.HasClass("unnumbered");
        // An attribute block at the end of a heading leaves the space before it behind.
        if (content.Count > 0 && content[^1] is Text { Value: var tail } end && tail.Length > 0 && char.IsWhiteSpace(tail[^1]))
        {
            content = [.. content.Take(content.Count - 1), .. tail.TrimEnd().Length > 0 ? [end with { Value = tail.TrimEnd() }] : Array.Empty<ModelInline>()];
        }
        // "{-}" is Pandoc's shorthand for .unnumbered; Markdig leaves it as text.
        if (content.Count > 0 && content[^1] is Text last && last.Value.TrimEnd().EndsWith("{-}", StringComparison.Ordinal))
        {
            var trimmed = last.Value.TrimEnd()[..^3].TrimEnd();
            content = [.. content.Take(content.Count - 1), .. trimmed.Length > 0 ? [last with { Value = trimmed }] : Array.Empty<ModelInline>()];
            numbered = false;
        }
        return new Heading(heading.Level, content, attributes, numbered);
    }

    private ModelBlock LowerParagraph(ParagraphBlock paragraph)
    {
        var images = paragraph.Inline?.Where(i => !(i is LiteralInline l && l.Content.IsEmptyOrWhitespace())).ToList();
        if (images is [LinkInline { IsImage: true } image])
        {
            var attributes = AttributesOf(image, null);
            return new Figure(image.Url ?? "", Inlines(image), attributes["alt"], attributes);
        }
        return new Paragraph(Inlines(paragraph.Inline));
    }

    private ModelBlock LowerList(ListBlock list)
    {
        var items = new List<ListItem>();
        foreach (var item in list)
        {
            if (item is ListItemBlock listItem)
            {
                items.Add(new ListItem(Blocks(listItem)) { Span = SpanOf(listItem) });
            }
        }
        var tight = !list.IsLoose;
        if (list.IsOrdered)
        {
            var start = int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
            return new OrderedList(start, list.OrderedDelimiter, items, tight);
        }
        return new BulletList(items, tight);
    }

    private DefinitionList LowerDefinitions(Markdig.Extensions.DefinitionLists.DefinitionList list)
    {
        var items = new List<DefinitionItem>();
        foreach (var child in list)
        {
            if (child is not Markdig.Extensions.DefinitionLists.DefinitionItem item)
            {
                continue;
            }
            var term = new List<ModelInline>();
            var definitions = new List<IReadOnlyList<ModelBlock>>();
            var current = new List<ModelBlock>();
            foreach (var part in item)
            {
                if (part is DefinitionTerm t)
                {
                    if (term.Count > 0)
                    {
                        term.Add(new LineBreak());
                    }
                    term.AddRange(Inlines(t.Inline));
                }
                else if (LowerBlock(part) is { } block)
                {
                    current.Add(block);
                }
            }
            definitions.Add(current);
            items.Add(new DefinitionItem(term, definitions));
        }
        return new DefinitionList(items);
    }

    private static bool IsTableCaption(ParagraphBlock paragraph)
    {
        var first = paragraph.Inline?.FirstChild as LiteralInline;
        var text = first?.Content.ToString() ?? "";
        return text.StartsWith("Table:", StringComparison.Ordinal) || text.StartsWith(": ", StringComparison.Ordinal)
            || text.StartsWith("Таблица:", StringComparison.Ordinal) || text.StartsWith("Tabelle:", StringComparison.Ordinal) || text.StartsWith("Tableau :", StringComparison.Ordinal);
    }

    private Pub.Model.Table LowerTable(MdTable table, ParagraphBlock? captionParagraph)
    {
        var alignments = table.ColumnDefinitions.Select(c => c.Alignment switch
        {
            TableColumnAlign.Left => ColumnAlignment.Left,
            TableColumnAlign.Center => ColumnAlignment.Center,
            TableColumnAlign.Right => ColumnAlignment.Right,
            _ => ColumnAlignment.Default,
        }).ToList();
        var totalWidth = table.ColumnDefinitions.Sum(c => c.Width);
        IReadOnlyList<double>? widths = totalWidth > 0 && table.ColumnDefinitions.All(c => c.Width > 0)
            ? [.. table.ColumnDefinitions.Select(c => (double)c.Width / totalWidth)]
            : null;
        var header = new List<Pub.Model.TableRow>();
        var body = new List<Pub.Model.TableRow>();
        foreach (var rowBlock in table)
        {
            if (rowBlock is not Markdig.Extensions.Tables.TableRow row)
            {
                continue;
            }
            // Loops rather than Select over OfType and Concat here and below: in the native executable a Select over
            // another query's result is a generic virtual call, which is resolved at its first use for about a
            // millisecond.
            var cells = new List<Pub.Model.TableCell>(row.Count);
            foreach (var block in row)
            {
                if (block is Markdig.Extensions.Tables.TableCell c)
                {
                    cells.Add(new Pub.Model.TableCell(Blocks(c), Math.Max(1, c.ColumnSpan), Math.Max(1, c.RowSpan)));
                }
            }
            (row.IsHeader ? header : body).Add(new Pub.Model.TableRow(cells));
        }
        // Grid tables and pipe tables may be wider in the definitions than in the rows.
        var columns = 1;
        foreach (var row in header)
        {
            columns = Math.Max(columns, row.Cells.Sum(c => c.ColumnSpan));
        }
        foreach (var row in body)
        {
            columns = Math.Max(columns, row.Cells.Sum(c => c.ColumnSpan));
        }
        if (alignments.Count > columns)
        {
            alignments = alignments.Take(columns).ToList();
            widths = widths?.Take(columns).ToList();
        }
        while (alignments.Count < columns)
        {
            alignments.Add(ColumnAlignment.Default);
        }
        var caption = new List<ModelInline>();
        var attributes = Attributes.Empty;
        if (captionParagraph is not null)
        {
            caption = Inlines(captionParagraph.Inline);
            attributes = AttributesOf(captionParagraph, null);
            if (caption.Count > 0 && caption[0] is Text first)
            {
                var colon = first.Value.IndexOf(':', StringComparison.Ordinal);
                caption[0] = first with { Value = first.Value[(colon + 1)..].TrimStart() };
            }
            caption = TrimTrailingAttributes(caption, ref attributes);
        }
        return new Pub.Model.Table(alignments, widths, header, body, caption, attributes) { Span = SpanOf(table) };
    }

    /// <summary>Takes a trailing "{#id .class}" the attribute parser could not attach and makes it the block's.</summary>
    private static List<ModelInline> TrimTrailingAttributes(List<ModelInline> inlines, ref Attributes attributes)
    {
        if (inlines.Count > 0 && inlines[^1] is Text last)
        {
            var value = last.Value.TrimEnd();
            var open = value.LastIndexOf('{');
            if (value.EndsWith('}') && open >= 0)
            {
                var parsed = AttributeText.Parse(value[(open + 1)..^1]);
                if (parsed is not null)
                {
                    attributes = parsed;
                    var rest = value[..open].TrimEnd();
                    inlines = [.. inlines.Take(inlines.Count - 1)];
                    if (rest.Length > 0)
                    {
                        inlines.Add(last with { Value = rest });
                    }
                }
            }
        }
        while (inlines.Count > 0 && inlines[^1] is Text { Value: var v } && string.IsNullOrWhiteSpace(v))
        {
            inlines.RemoveAt(inlines.Count - 1);
        }
        if (inlines.Count > 0 && inlines[^1] is Text t && t.Value != t.Value.TrimEnd())
        {
            inlines[^1] = t with { Value = t.Value.TrimEnd() };
        }
        return inlines;
    }

    private static string CodeText(LeafBlock block)
    {
        var lines = block.Lines.Lines?.Take(block.Lines.Count).Select(l => l.Slice.ToString()) ?? [];
        return string.Join('\n', lines);
    }

    /// <summary>Emphasis, links and spans inside one another; past this depth their content is kept as plain text.</summary>
    public const int MaxInlineDepth = 64;

    private int _inlineDepth;

    public List<ModelInline> Inlines(ContainerInline? container)
    {
        var result = new List<ModelInline>();
        if (container is null)
        {
            return result;
        }
        if (_inlineDepth >= MaxInlineDepth)
        {
            return TooDeep(container);
        }
        _inlineDepth++;
        try
        {
            // A bracket or emphasis delimiter that found no partner stays in the tree as a container holding
            // everything that followed it; its own character is text and its children still count. They are
            // walked with a stack of where to resume rather than by recursion: a line of 10,000 '[' nests
            // 10,000 deep.
            var resume = new Stack<MdInline?>();
            var next = container.FirstChild;
            while (next is not null || resume.Count > 0)
            {
                if (next is null)
                {
                    next = resume.Pop();
                    continue;
                }
                var inline = next;
                next = inline.NextSibling;
                if (inline is DelimiterInline delimiter)
                {
                    Append(result, new Text(delimiter.ToLiteral()) { Span = SpanOf(delimiter) });
                    resume.Push(next);
                    next = delimiter.FirstChild;
                    continue;
                }
                foreach (var lowered in LowerInlines(inline))
                {
                    Append(result, lowered);
                }
            }
            return result;
        }
        finally
        {
            _inlineDepth--;
        }
    }

    /// <summary>Adjacent text runs are merged, so later passes see words whole.</summary>
    private static void Append(List<ModelInline> result, ModelInline lowered)
    {
        if (lowered is Text text && result.Count > 0 && result[^1] is Text previous)
        {
            result[^1] = previous with { Value = previous.Value + text.Value, Span = Join(previous.Span, text.Span) };
        }
        else
        {
            result.Add(lowered);
        }
    }

    /// <summary>The text of inlines nested past <see cref="MaxInlineDepth"/>, gathered without recursion, and a
    /// warning (once) that their formatting is dropped.</summary>
    private List<ModelInline> TooDeep(ContainerInline container)
    {
        if (!_diagnostics.Exists(d => d.Code == Codes.InlinesNestedTooDeep.Id))
        {
            _diagnostics.Add(Diagnostic.Warning(Codes.InlinesNestedTooDeep,
                $"emphasis, links or brackets nested deeper than {MaxInlineDepth} levels; the text inside is kept without its formatting",
                SpanOf(container) is { } span ? span with { Length = 1 } : null,
                "close the emphasis or brackets that are left open before this point"));
        }
        var text = new System.Text.StringBuilder();
        var pending = new Stack<MdInline>();
        pending.Push(container);
        while (pending.TryPop(out var inline))
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case DelimiterInline delimiter:
                    text.Append(delimiter.ToLiteral());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
            if (inline is ContainerInline children)
            {
                for (var child = children.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push(child);
                }
            }
        }
        return text.Length == 0 ? [] : [new Text(text.ToString()) { Span = SpanOf(container) }];
    }

    /// <summary>One Markdig inline as zero or more model inlines, each with its span.</summary>
    private IEnumerable<ModelInline> LowerInlines(MdInline inline)
    {
        if (inline is CitationInline citation && IsCrossReferenceCluster(citation))
        {
            foreach (var part in LowerCrossReferences(citation))
            {
                yield return part;
            }
            yield break;
        }
        if (LowerInline(inline) is { } lowered)
        {
            yield return lowered.Span is null ? lowered with { Span = SpanOf(inline) } : lowered;
        }
    }

    private ModelInline? LowerInline(MdInline inline) => inline switch
    {
        CitationInline citation => LowerCitation(citation),
        LiteralInline literal => new Text(Apostrophes(literal)),
        SmartyPant smarty => new Text(_quotes.Map(smarty.Type)),
        HtmlEntityInline entity => new Text(entity.Transcoded.ToString()),
        CodeInline code => new Code(code.Content),
        LineBreakInline lineBreak => lineBreak.IsHard ? new LineBreak() : new SoftBreak(),
        AutolinkInline auto => new Link(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, [new Text(auto.Url)]),
        LinkInline { IsImage: true } image => new InlineImage(image.Url ?? "", image.Title, Inlines(image)),
        LinkInline link => new Link(link.Url ?? "", string.IsNullOrEmpty(link.Title) ? null : link.Title, Inlines(link)),
        FootnoteLink { IsBackLink: false } note => new NoteRef(note.Footnote.Label ?? note.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        FootnoteLink => null,
        HtmlInline html => new RawInline(html.Tag),
        EmphasisInline emphasis => LowerEmphasis(emphasis),
        ContainerInline container => Wrap(Inlines(container)),
        _ => null,
    };

    private static ModelInline Wrap(List<ModelInline> content) =>
        content.Count == 1 ? content[0] : new SpanInline(Attributes.Empty, content);

    private ModelInline LowerEmphasis(EmphasisInline emphasis)
    {
        var content = Inlines(emphasis);
        return (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
        {
            ('^', _) => new Superscript(content),
            ('~', 1) => new Subscript(content),
            ('~', _) => new SpanInline(new Attributes(null, ["strikeout"], []), content),
            (_, 2) => new Strong(content),
            _ => new Emphasis(content),
        };
    }

    /// <summary>Markdig turns only paired single quotes into quotation marks; a straight quote left in
    /// running text is an apostrophe (it's, the '90s, the victims' rights). An escaped one stays straight.</summary>
    private static string Apostrophes(LiteralInline literal)
    {
        var text = literal.Content.ToString();
        if (!text.Contains('\'', StringComparison.Ordinal))
        {
            return text;
        }
        if (literal.IsFirstCharacterEscaped)
        {
            return text[..1] + text[1..].Replace('\'', '’');
        }
        return text.Replace('\'', '’');
    }

    /// <summary>A cluster whose every key has a label prefix (<c>[see @fig-chart]</c>, <c>[@sec-a; @sec-b]</c>)
    /// refers to labels, not to the bibliography.</summary>
    private static bool IsCrossReferenceCluster(CitationInline citation) =>
        citation.Cites.Count > 0 && citation.Cites.All(c => LabelPrefixes.IsLabel(c.Key) && c.Locator is null && !c.SuppressAuthor);

    private IEnumerable<ModelInline> LowerCrossReferences(CitationInline citation)
    {
        for (var i = 0; i < citation.Cites.Count; i++)
        {
            var cite = citation.Cites[i];
            if (i > 0)
            {
                yield return new Text("; ");
            }
            if (cite.Prefix.Length > 0)
            {
                yield return new Text(cite.Prefix + " ");
            }
            yield return new CrossRef(cite.Key) { Span = _source?.Span(cite.KeyStart - 1, cite.KeyLength + 1) };
            if (cite.Suffix.Length > 0)
            {
                yield return new Text(char.IsPunctuation(cite.Suffix[0]) ? cite.Suffix : " " + cite.Suffix);
            }
        }
    }

    private ModelInline LowerCitation(CitationInline citation)
    {
        var items = citation.Cites.Select(c => new CiteItem(
            c.Key,
            _source?.Span(c.KeyStart, c.KeyLength),
            c.Prefix.Length == 0 ? [] : [new Text(c.Prefix)],
            c.Locator,
            c.Label,
            c.Suffix.Length == 0 ? [] : [new Text(c.Suffix)],
            c.SuppressAuthor,
            citation.AuthorInText)).ToList();
        return new Cite(items);
    }

    private Attributes AttributesOf(IMarkdownObject node, string? info)
    {
        var html = node.TryGetAttributes();
        if (html is null)
        {
            return info is { Length: > 0 } ? AttributeText.Parse(info.Trim('{', '}', ' ')) ?? new Attributes(null, [info.Trim()], []) : Attributes.Empty;
        }
        var pairs = html.Properties?.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? "")).ToList() ?? [];
        var classes = html.Classes?.ToList() ?? [];
        if (info is { Length: > 0 } && !info.StartsWith('{'))
        {
            classes.Insert(0, info.Trim());
        }
        return new Attributes(html.Id, classes, pairs);
    }

    private SourceSpan? SpanOf(MarkdownObject node)
    {
        if (_source is null || node.Span.IsEmpty)
        {
            return null;
        }
        var start = Math.Max(0, node.Span.Start);
        return _source.Span(start, Math.Max(1, node.Span.End - start + 1));
    }

    private static SourceSpan? Join(SourceSpan? a, SourceSpan? b) =>
        a is { } x && b is { } y ? x with { Length = Math.Max(x.End, y.End) - x.Start } : a ?? b;
}

/// <summary>Label prefixes that make <c>@key</c> a cross-reference rather than a citation.</summary>
public static class LabelPrefixes
{
    public static readonly IReadOnlyList<string> All = ["sec-", "fig-", "tbl-", "eq-", "lst-"];

    public static bool IsLabel(string key) => All.Any(p => key.StartsWith(p, StringComparison.Ordinal));
}
