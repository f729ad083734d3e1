using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pub.Syntax;

namespace Pub.Import;

/// <summary>
/// The block half of the conversion. The body is first listed as paragraphs and tables (content controls
/// opened, bookmarks attached to what follows them), captions are paired with their table or picture and
/// labels given to headings, figures and tables, so that a REF field anywhere can name the label of the
/// bookmark it points to; then each block is written in order.
/// </summary>
internal sealed partial class DocumentConverter
{
    private sealed record BodyItem(OpenXmlCompositeElement Element, IReadOnlyList<string> Bookmarks)
    {
        public ParagraphRole Role { get; set; }
        public int Level { get; set; }
        public (int Level, bool Ordered)? List { get; set; }
        public bool IsFigure { get; set; }
        public BodyItem? Caption { get; set; }
        public bool IsCaptionOf { get; set; }
        public string? Label { get; set; }
    }

    private readonly MainDocumentPart _main;
    private readonly WordStyles _styles;
    private readonly WordNumbering _numbering;
    private readonly CitationLinker _linker;
    private readonly TrackedChanges _changes;
    private readonly string _path;
    private readonly Dictionary<Paragraph, int> _numbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedLabels = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly List<ImportedFigure> _figures = [];
    private readonly List<ReviewNote> _review = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private OpenXmlPart _part;
    private int _citations;
    private int _endnotes;
    private int _crossReferences;
    private int _sections;
    private int _tables;
    private int _figureBlocks;

    public DocumentConverter(MainDocumentPart main, CitationLinker linker, TrackedChanges changes, string path)
    {
        _main = main;
        _part = main;
        _styles = new WordStyles(main);
        _numbering = new WordNumbering(main);
        _linker = linker;
        _changes = changes;
        _path = path;
        var number = 0;
        foreach (var paragraph in main.Document?.Body?.Descendants<Paragraph>() ?? [])
        {
            _numbers[paragraph] = ++number;
        }
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public DocumentPosition PositionOf(Paragraph paragraph)
    {
        var words = string.Join(' ', paragraph.Descendants<Text>().Select(t => t.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6);
        return new DocumentPosition(_numbers.GetValueOrDefault(paragraph), string.Join(' ', words));
    }

    private void Note(string message) => _review.Add(new ReviewNote(_position, message));

    public ImportResult Convert(IReadOnlyList<Revision> comments)
    {
        var items = new List<BodyItem>();
        var pending = new List<string>();
        Collect(_main.Document?.Body, items, pending);
        Classify(items);
        var front = new FrontMatterBuilder();
        var blocks = new List<(string Text, string Kind)>();
        foreach (var item in items)
        {
            WriteBlock(item, front, blocks);
            if (blocks.Count > 0 && blocks[^1].Kind is not ("list" or "quote-list"))
            {
                // A list ends at the first block that is not one of its items; the next list starts afresh.
                _openLists.Clear();
            }
        }
        var body = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                body.Append(Separator(blocks[i - 1].Kind, blocks[i].Kind));
            }
            body.Append(blocks[i].Text);
        }
        body.Append('\n');
        for (var n = 0; n < _notes.Count; n++)
        {
            body.Append('\n').Append("[^").Append((n + 1).ToString(CultureInfo.InvariantCulture)).Append("]: ").Append(_notes[n]).Append('\n');
        }
        var meta = front.Build(_main, _styles);
        var counts = new ImportCounts(_sections, _notes.Count, _tables, _figureBlocks, _citations, _linker.Matched, _linker.Added.Count);
        if (_endnotes > 0)
        {
            _review.Add(new ReviewNote(new DocumentPosition(0, ""), $"{_endnotes.ToString(CultureInfo.InvariantCulture)} endnote(s) became footnotes"));
        }
        return new ImportResult(meta, body.ToString(), _figures, _linker.Added, counts, _review, comments);
    }

    // Items of one list follow each other line by line; paragraphs of one quotation (and a list in it) share its "> ".
    private static string Separator(string previous, string next) => (previous, next) switch
    {
        ("list", "list") or ("quote-list", "quote-list") or ("term", "definition") => "\n",
        ("quote" or "quote-list", "quote" or "quote-list") => "\n>\n",
        _ => "\n\n",
    };

    /// <summary>Paragraphs and tables in reading order; a bookmark between blocks belongs to the next one.</summary>
    private static void Collect(OpenXmlElement? parent, List<BodyItem> items, List<string> pending, int depth = 0)
    {
        if (depth > MaxInlineDepth)
        {
            return;
        }
        foreach (var child in parent?.ChildElements ?? [])
        {
            switch (child)
            {
                case Paragraph paragraph:
                    items.Add(new BodyItem(paragraph, [.. pending, .. paragraph.Descendants<BookmarkStart>().Select(b => b.Name?.Value ?? "")]));
                    pending.Clear();
                    break;
                case Table table:
                    items.Add(new BodyItem(table, [.. pending]));
                    pending.Clear();
                    break;
                case BookmarkStart bookmark when bookmark.Name?.Value is { } name:
                    pending.Add(name);
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    Collect(child, items, pending, depth + 1);
                    break;
            }
        }
    }

    private void Classify(List<BodyItem> items)
    {
        foreach (var item in items)
        {
            if (item.Element is not Paragraph paragraph)
            {
                continue;
            }
            (item.Role, item.Level) = _styles.RoleOf(paragraph);
            if (item.Role is ParagraphRole.Body or ParagraphRole.Quote && _styles.NumberingOf(paragraph) is { } numbering)
            {
                item.List = _numbering.ListOf(numbering);
            }
            item.IsFigure = item.Role != ParagraphRole.Caption
                && paragraph.Descendants<DocumentFormat.OpenXml.Wordprocessing.Drawing>().Any()
                && string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim().Length == 0;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Element is Table || item.IsFigure)
            {
                // Word puts a table's caption above it and a picture's below; either is taken.
                var (first, second) = item.IsFigure ? (i + 1, i - 1) : (i - 1, i + 1);
                foreach (var at in new[] { first, second })
                {
                    if (at >= 0 && at < items.Count && items[at] is { Role: ParagraphRole.Caption, IsCaptionOf: false } caption)
                    {
                        item.Caption = caption;
                        caption.IsCaptionOf = true;
                        break;
                    }
                }
            }
        }
        var figures = 0;
        var tables = 0;
        foreach (var item in items)
        {
            var bookmarks = item.Bookmarks.Concat(item.Caption?.Bookmarks ?? []).Where(b => b.Length > 0 && b != "_GoBack").ToList();
            if (item.Element is Paragraph heading && item.Role == ParagraphRole.Heading)
            {
                item.Label = Unique(bookmarks.FirstOrDefault(b => b.StartsWith("sec-", StringComparison.Ordinal)) ?? "sec-" + Slug(HeadingText(heading)));
            }
            else if (item.IsFigure)
            {
                figures++;
                item.Label = Unique(bookmarks.FirstOrDefault(b => b.StartsWith("fig-", StringComparison.Ordinal)) ?? "fig-" + figures.ToString(CultureInfo.InvariantCulture));
            }
            else if (item.Element is Table)
            {
                tables++;
                var typed = item.Caption is null ? null : LabelInCaption().Match(string.Concat(item.Caption.Element.Descendants<Text>().Select(t => t.Text)));
                item.Label = Unique(typed is { Success: true } ? typed.Groups[1].Value
                    : bookmarks.FirstOrDefault(b => b.StartsWith("tbl-", StringComparison.Ordinal)) ?? "tbl-" + tables.ToString(CultureInfo.InvariantCulture));
            }
            if (item.Label is not null)
            {
                foreach (var bookmark in bookmarks)
                {
                    _labels.TryAdd(bookmark, item.Label);
                }
            }
        }
    }

    private string Unique(string label)
    {
        var result = label;
        for (var n = 2; !_usedLabels.Add(result); n++)
        {
            result = label + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>The segments without a number typed before the heading's text (it may span several runs).</summary>
    private static List<Segment> WithoutTypedNumber(List<Segment> segments)
    {
        var typed = TypedNumber().Match(SegmentText.Plain(segments).TrimStart());
        if (!typed.Success)
        {
            return segments;
        }
        var skip = typed.Length + (SegmentText.Plain(segments).Length - SegmentText.Plain(segments).TrimStart().Length);
        var result = new List<Segment>();
        foreach (var segment in segments)
        {
            if (skip > 0 && segment is Segment.Text text)
            {
                var cut = Math.Min(skip, text.Value.Length);
                skip -= cut;
                if (cut < text.Value.Length)
                {
                    result.Add(text with { Value = text.Value[cut..] });
                }
                continue;
            }
            result.Add(segment);
        }
        return result;
    }

    private static string HeadingText(Paragraph paragraph) => TypedNumber().Replace(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim(), "");

    private static string Slug(string text)
    {
        var words = Regex.Split(CitationLinkerPlainWords(text), "\\s+").Where(w => w.Length > 0).Take(4);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "section" : slug;
    }

    private static string CitationLinkerPlainWords(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CitationLinker.Plain).Where(w => w.Length > 0));

    // "1.", "2.3", "2.3.1", "IV.", "2<tab>" typed before a heading's text; Word's own numbering is never in the text.
    [GeneratedRegex(@"^(?:(?:\d+\.)+\d*|\d+(?:\.\d+)+|[IVXLC]+\.|\d+(?=\t))[\s\u00A0]+")]
    private static partial Regex TypedNumber();

    [GeneratedRegex(@"\{#(tbl-[\p{L}\p{N}_-]+)\}\s*$")]
    private static partial Regex LabelInCaption();

    // "Table 2:", "Figure 3.", "Fig. 1 –" before a caption's text: pub numbers its own.
    [GeneratedRegex(@"^(?:Table|Figure|Fig\.|Chart|Tabelle|Abbildung|Abb\.|Tableau|Таблица|Рисунок|Рис\.)\s*[\d.]*\d\s*[:.\-–—]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionNumber();

    private void WriteBlock(BodyItem item, FrontMatterBuilder front, List<(string Text, string Kind)> blocks)
    {
        if (item.IsCaptionOf || item.Role == ParagraphRole.ContentsHeading)
        {
            return;
        }
        if (item.Element is Table table)
        {
            blocks.Add((TableText(table, item), "table"));
            return;
        }
        var paragraph = (Paragraph)item.Element;
        var segments = Inlines(paragraph);
        if (item.Role == ParagraphRole.Heading)
        {
            segments = WithoutTypedNumber(segments);
        }
        var text = MarkdownText.AtLineStart(SegmentText.Render(segments, _linker.Knows).Trim());
        if (text.Length == 0 && !item.IsFigure)
        {
            return;
        }
        ReportTypedCitations(segments);
        if (front.Take(item.Role, text, blocks.Count == 0 && item.Role == ParagraphRole.Heading, HeadingText(paragraph)))
        {
            return;
        }
        switch (item.Role)
        {
            case ParagraphRole.Heading:
                _sections++;
                blocks.Add(($"{new string('#', Math.Min(item.Level, 6))} {text} {{#{item.Label}}}", "heading"));
                return;
            case ParagraphRole.Quote when item.List is null:
                blocks.Add(("> " + text, "quote"));
                return;
            case ParagraphRole.DefinitionTerm:
                blocks.Add((text, "term"));
                return;
            case ParagraphRole.Definition when blocks.Count > 0 && blocks[^1].Kind is "term":
                blocks.Add((":   " + text, "definition"));
                return;
            case ParagraphRole.Definition when blocks.Count > 0 && blocks[^1].Kind is "definition" or "definition-more":
                // A definition's further paragraphs are indented under it.
                blocks.Add(("    " + text, "definition-more"));
                return;
            case ParagraphRole.Caption:
                Note("a caption that belongs to no table or picture was kept as a paragraph");
                break;
        }
        if (item.IsFigure)
        {
            blocks.Add((FigureText(segments, item), "figure"));
            return;
        }
        if (item.List is { } list)
        {
            // The open lists are those indented less: an item nests one step below them however far it is
            // indented (a list Word starts at its third level starts at the first here; Markdown would read so
            // deep an indentation as code).
            while (_openLists.Count > 0 && _openLists[^1].WordLevel >= list.Level)
            {
                _openLists.RemoveAt(_openLists.Count - 1);
            }
            var quoted = item.Role == ParagraphRole.Quote;
            var indent = new string(' ', _openLists.Sum(l => l.MarkerWidth));
            blocks.Add(((quoted ? "> " : "") + indent + (list.Ordered ? "1. " : "- ") + text, quoted ? "quote-list" : "list"));
            _openLists.Add((list.Level, list.Ordered ? 3 : 2));
            return;
        }
        if (segments.OfType<Segment.Image>().Any())
        {
            Note("a picture inside running text was imported as an image without a caption");
        }
        blocks.Add((text, "paragraph"));
    }

    // The lists open at the current item: each one's indentation in Word and the width of its marker ("- ", "1. ").
    private readonly List<(int WordLevel, int MarkerWidth)> _openLists = [];

    // "(Gallagher 2010)", "(Allain and Bales, 2012, p. 4)": an author–year citation typed by hand; "[12]",
    // "[3, 7–9]": a numbered one.
    [GeneratedRegex(@"\((?:see |cf\. |e\.g\. )?\p{Lu}[\p{L}'’-]+(?: et al\.?|,? (?:and|&) \p{Lu}[\p{L}'’-]+)?,? (?:1[6-9]|20)\d\d[a-z]?\b[^()]{0,40}\)|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")]
    private static partial Regex TypedAuthorYear();

    private void ReportTypedCitations(List<Segment> segments)
    {
        foreach (Match match in TypedAuthorYear().Matches(SegmentText.Plain(segments)))
        {
            Note($"cited as text: not linked: {match.Value}");
        }
    }
}
