using Pub.Layout.Fonts;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Flow;

/// <summary>
/// Turns blocks into a galley of <see cref="FlowBox"/>es, top to bottom, without knowing about pages.
/// Vertical space between blocks is collapsed as CSS margins are: a block asks for space above it and the
/// largest request since the last box wins.
/// </summary>
internal sealed partial class BlockLayout(TextMeasurer measurer, LayoutSettings settings, DiagnosticSink diagnostics)
{
    private List<FlowBox> _flow = [];
    private double _pendingSpace;
    private int _listDepth;
    private int _headings;

    public List<FlowBox> Flow => _flow;

    /// <summary>Prefix of footnote destination names (each handbook chapter numbers notes from 1).</summary>
    public string NoteScope { get; set; } = "";

    /// <summary>Added to heading levels in the outline (a chapter's headings sit under the chapter title).</summary>
    public int OutlineOffset { get; set; }

    public Dictionary<string, byte[]> UsedImages { get; } = new(StringComparer.Ordinal);

    /// <summary>The logical structure of what is set: each block opens its element while its lines are emitted.</summary>
    public StructureBuilder Structure { get; } = new();

    /// <summary>Words layout adds itself ("Notes", "Figure"), in the language of the document being set.</summary>
    public Terms Labels { get; set; } = Terms.For("en");

    public void Space(double amount) => _pendingSpace = Math.Max(_pendingSpace, amount);

    public void Emit(FlowBox box)
    {
        for (int i = 0; i < box.Items.Count; i++)
        {
            if (box.Items[i].Tag == 0)
                box.Items[i] = Structure.Claim(box.Items[i]);
        }
        box.SpaceBefore = Math.Max(box.SpaceBefore, _pendingSpace);
        _pendingSpace = 0;
        _flow.Add(box);
    }

    /// <summary>Ordinary space between paragraphs.</summary>
    public static double Gap(Frame frame) => frame.Size * 0.65;

    public void Blocks(IReadOnlyList<Block> blocks, Frame frame, double? gap = null)
    {
        foreach (var block in blocks)
        {
            Space(gap ?? Gap(frame));
            Block(block, frame);
        }
    }

    /// <summary>Where the block being set stands in its manuscript, for diagnostics about its lines.</summary>
    private Pub.Syntax.SourceSpan? _source;

    public void Block(Block block, Frame frame)
    {
        var outer = _source;
        _source = block.Span ?? outer;
        if (settings.Stop.IsCancellationRequested)
            throw new LayoutStoppedException(_source);
        try
        {
            Set(block, frame);
        }
        finally
        {
            _source = outer;
        }
    }

    private void Set(Block block, Frame frame)
    {
        switch (block)
        {
            case Paragraph p:
                Paragraph(p.Content, frame);
                break;
            case Heading h:
                Heading(h, frame);
                break;
            case BulletList b:
                List(b.Items, _ => BulletFor(_listDepth), b.Tight, frame);
                break;
            case OrderedList o:
                List(o.Items, i => (o.Start + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + (o.Delimiter == ')' ? ")" : "."), o.Tight, frame);
                break;
            case DefinitionList d:
                Definitions(d, frame);
                break;
            case BlockQuote q:
                Structure.Within(StructureRole.BlockQuote, () => Blocks(q.Blocks, frame.Narrow(frame.Size * 1.6, frame.Size * 1.6).Sized(0.95)));
                break;
            case CodeBlock c:
                Structure.Within(StructureRole.P, () => CodeLines(c.Code, frame));
                break;
            case Pub.Model.ThematicBreak:
                Rule(frame);
                break;
            case RawBlock:
                break; // raw HTML has no meaning on paper
            case Div div:
                Anchor(div.Attributes.Id, frame);
                Blocks(div.Blocks, frame);
                break;
            case Table t:
                Table(t, frame);
                break;
            case Figure f:
                Figure(f, frame);
                break;
            case BibliographyBlock bib:
                Bibliography(bib, frame);
                break;
            default:
                throw new InvalidOperationException($"layout does not handle block {block.GetType().Name}");
        }
    }

    public List<Span> Collect(IReadOnlyList<Inline> inlines, TextStyle style) => InlineCollector.Collect(inlines, style, NoteScope, Structure);

    public List<FlowBox> Paragraph(IReadOnlyList<Inline> content, Frame frame)
    {
        Structure.Open(StructureRole.P);
        try
        {
            return SetText(Collect(content, frame.Style), frame);
        }
        finally
        {
            Structure.Close();
        }
    }

    /// <summary>
    /// Sets a bibliography: each entry a paragraph whose later lines hang. Where the style puts a label in the
    /// margin of every entry (second-field-align: "[12]" in a numeric style), the labels stand flush left in a
    /// column as wide as the widest of them and the entries' text is set beside it, every line at the same indent.
    /// </summary>
    private void Bibliography(BibliographyBlock bib, Frame frame)
    {
        Anchor(bib.Attributes.Id, frame);
        var entryFrame = frame with { Alignment = Alignment.Left };
        var labels = bib.Entries.Select(e => MarginLabel(e.Content)).ToList();
        bool labelled = labels.Count > 0 && labels.All(l => l is not null);
        double gap = frame.Size * 0.5;
        double column = labelled ? Math.Max(frame.Size * 1.6, labels.Max(l => measurer.Pieces(Walk.PlainText(l!.Content), entryFrame.Style).Sum(p => p.Width)) + gap) : 0;
        for (int i = 0; i < bib.Entries.Count; i++)
        {
            var entry = bib.Entries[i];
            Space(frame.Size * 0.45);
            var lines = new List<FlowBox>();
            int element = Structure.Open(StructureRole.P);
            if (labelled)
            {
                lines = SetText(Collect(entry.Content.Skip(1).ToList(), entryFrame.Style), entryFrame.Narrow(column));
                if (lines.Count == 0)
                    lines.Add(Emitted(LineBox(entryFrame)));
                double x = entryFrame.Indent;
                int at = 0;
                foreach (var piece in measurer.Pieces(Walk.PlainText(labels[i]!.Content), entryFrame.Style))
                {
                    lines[0].Items.Insert(at++, piece.ToRun(x, lines[0].FirstBaseline!.Value) with { Tag = element });
                    x += piece.Width;
                }
            }
            else
            {
                lines = SetText(Collect(entry.Content, entryFrame.Style), entryFrame, hang: frame.Size * 1.6);
            }
            Structure.Close();
            if (lines.Count > 0)
                lines[0].Items.Insert(0, new DestinationItem(NoteAnchors.Entry(NoteScope, entry.Key), frame.Indent, 0));
        }
    }

    /// <summary>The label a style sets in the margin of an entry, when the entry opens with one.</summary>
    private static SpanInline? MarginLabel(IReadOnlyList<Inline> content) =>
        content.Count > 1 && content[0] is SpanInline span && span.Attributes.Classes.Contains("csl-left-margin") ? span : null;

    private FlowBox Emitted(FlowBox box)
    {
        Emit(box);
        return box;
    }

    /// <summary>Sets spans as lines of the frame, one flow box per line. A paragraph keeps its first two lines
    /// together and its last two (no orphan, no widow).</summary>
    /// <param name="hang">Lines after the first are indented by this much (bibliography entries).</param>
    public List<FlowBox> SetText(List<Span> spans, Frame frame, double hang = 0)
    {
        var items = measurer.Measure(spans);
        var boxes = new List<FlowBox>();
        if (items.Count == 0)
            return boxes;
        // Ragged lines may fall short of the measure by up to three ems before they count as bad.
        double ragged = frame.Alignment == Alignment.Justify ? 0 : frame.Size * 3;
        double emergency = ragged == 0 ? frame.Size * LineBreaker.EmergencyStretchEms : 0;
        var result = LineBreaker.Break(items, frame.Width, frame.Width - hang, ragged, emergency);
        if (result.Quality != BreakQuality.Good)
            Report(items, result);
        var lines = result.Lines;
        for (int n = 0; n < lines.Count; n++)
        {
            double indent = n == 0 ? 0 : hang;
            var composed = LineComposer.Compose(items, lines[n], frame.Width - indent, frame.Alignment);
            var box = LineBox(frame);
            foreach (var item in composed)
                box.Add(Structure.Claim(item), frame.Indent + indent, box.FirstBaseline!.Value);
            boxes.Add(box);
        }
        if (boxes.Count >= 2)
            boxes[0].KeepWithNext = true;
        if (boxes.Count >= 3)
            boxes[^2].KeepWithNext = true;
        foreach (var box in boxes)
            Emit(box);
        return boxes;
    }

    /// <summary>A paragraph is always set. A word wider than the line is cut between two characters, which a reader
    /// notices: a warning, placed on the word where the manuscript has it. Lines looser than even the emergency
    /// stretch allows are information only: the text may be the author's or a citation style's, and nothing
    /// needs doing unless the page shows it.</summary>
    private void Report(List<LineItem> items, BreakResult result)
    {
        if (result.Quality == BreakQuality.Cut && result.CutWord is { } word)
        {
            diagnostics.Add(Pub.Syntax.Diagnostic.Warning(Pub.Syntax.Codes.WordWiderThanLine,
                $"'{Excerpt(word, 60)}' is wider than the line and was cut between two characters", Where(word),
                "mark where it may break with soft hyphens (U+00AD), in the manuscript or, for text a citation style prints, in the bibliography"));
            return;
        }
        var text = new System.Text.StringBuilder();
        foreach (var item in items)
        {
            if (text.Length >= 40)
                break;
            if (item is Box b)
                text.AppendJoin("", b.Pieces.Select(p => p.Text));
            else if (item is Glue)
                text.Append(' ');
        }
        diagnostics.Add(Pub.Syntax.Diagnostic.Info(Pub.Syntax.Codes.LooseLines,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"paragraph set with very loose lines (badness {Math.Min(result.WorstBadness, 100_000):0}): '{Excerpt(text.ToString(), 40)}'"),
            _source, "nothing needs doing unless the page shows it; a soft hyphen (U+00AD) in a long word nearby gives the line breaker more choice"));
    }

    private static string Excerpt(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>The word where the manuscript writes it, inside the block being set; the block when it is not
    /// there as written (a citation style printed it).</summary>
    private Pub.Syntax.SourceSpan? Where(string word)
    {
        if (_source is not { } block)
            return null;
        string core = word.Trim('(', ')', '[', ']', ',', '.', ';', ':', '"', '\'', '“', '”', '‘', '’', '«', '»', '„');
        int at = core.Length == 0 ? -1 : block.Text.IndexOf(core, StringComparison.Ordinal);
        return at < 0 ? block : block.Source.Span(block.Start + at, core.Length);
    }

    public static FlowBox LineBox(Frame frame) => new()
    {
        Height = frame.LineHeight,
        FirstBaseline = frame.LineHeight * 0.5 + frame.Size * 0.3,
    };

    private void Anchor(string? id, Frame frame)
    {
        if (id is null)
            return;
        var box = new FlowBox();
        box.Items.Add(new DestinationItem(id, frame.Indent, 0));
        box.KeepWithNext = true;
        Emit(box);
    }

    private void Heading(Heading h, Frame frame)
    {
        var (size, before, after) = h.Level switch
        {
            1 => (15.0, 24.0, 9.0),
            2 => (12.5, 18.0, 7.0),
            3 => (11.0, 14.0, 5.0),
            _ => (frame.Size, 12.0, 4.0),
        };
        var headingFrame = frame with
        {
            Size = size,
            Leading = 1.2,
            Role = FontRole.Heading,
            Bold = true,
            Italic = h.Level >= 4,
            Alignment = Alignment.Left,
            Hyphenate = false,
        };
        var spans = new List<Span>();
        if (h.Number is { } number)
            spans.Add(new TextSpan(number + " ", headingFrame.Style));
        spans.AddRange(Collect(h.Content, headingFrame.Style));
        Space(before);
        Structure.Open(HeadingRole(h.Level + OutlineOffset));
        var boxes = SetText(spans, headingFrame);
        Structure.Close();
        if (boxes.Count == 0)
            return;
        foreach (var box in boxes)
            box.KeepWithNext = true;
        // Every heading is a destination: the outline and the table of contents point at it.
        string id = h.Attributes.Id ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{NoteScope}heading-{++_headings}");
        boxes[0].Items.Insert(0, new DestinationItem(id, frame.Indent, 0));
        string title = (h.Number is null ? "" : h.Number + " ") + InlineCollector.Plain(h.Content);
        boxes[0].Outline.Add(new OutlineMark(h.Level + OutlineOffset, title, 0, id));
        _pendingSpace = after;
    }

    public static StructureRole HeadingRole(int level) => StructureRole.H1 + Math.Clamp(level, 1, 6) - 1;

    /// <summary>An unnumbered heading that layout adds itself ("Abstract", "Notes").</summary>
    public void SectionTitle(string text, Frame frame, int level = 1, string? id = null) =>
        Heading(new Heading(level, [new Pub.Model.Text(text)], new Attributes(id, [], []), Numbered: false), frame);

    private static string BulletFor(int depth) => depth % 2 == 1 ? "\u2022" : "\u2013";

    private void List(IReadOnlyList<ListItem> items, Func<int, string> marker, bool tight, Frame frame)
    {
        _listDepth++;
        var style = frame.Style;
        var markers = items.Select((_, i) => marker(i)).ToList();
        double widest = markers.Count == 0 ? 0 : markers.Max(m => measurer.Pieces(m, style).Sum(p => p.Width));
        double gap = frame.Size * 0.5;
        double indent = Math.Max(frame.Size * 1.5, widest + gap);
        var inner = frame.Narrow(indent);
        double itemGap = tight ? frame.Size * 0.15 : Gap(frame);
        Structure.Open(StructureRole.L);
        for (int i = 0; i < items.Count; i++)
        {
            Space(itemGap);
            int before = _flow.Count;
            Structure.Open(StructureRole.LI);
            int label = Structure.Add(StructureRole.Lbl, Structure.Current);
            Structure.Within(StructureRole.LBody, () => Blocks(items[i].Blocks, inner, itemGap));
            var first = _flow.Skip(before).FirstOrDefault(b => b.FirstBaseline is not null);
            if (first is null)
            {
                first = LineBox(inner);
                Emit(first);
            }
            Structure.Close();
            // The marker goes first among the line's items, so that it is read before the item's text.
            double x = inner.Indent - gap;
            foreach (var piece in measurer.Pieces(markers[i], style).Reverse())
            {
                x -= piece.Width;
                first.Items.Insert(0, piece.ToRun(x, first.FirstBaseline!.Value) with { Tag = label });
            }
        }
        Structure.Close();
        _listDepth--;
    }

    private void Definitions(DefinitionList list, Frame frame)
    {
        Structure.Open(StructureRole.L);
        foreach (var item in list.Items)
        {
            Space(Gap(frame));
            Structure.Open(StructureRole.LI);
            var termFrame = frame with { Bold = true, Alignment = Alignment.Left };
            Structure.Open(StructureRole.Lbl);
            foreach (var box in SetText(Collect(item.Term, termFrame.Style), termFrame))
                box.KeepWithNext = true;
            Structure.Close();
            Structure.Open(StructureRole.LBody);
            foreach (var definition in item.Definitions)
            {
                Space(frame.Size * 0.2);
                Blocks(definition, frame.Narrow(frame.Size * 1.6), frame.Size * 0.4);
            }
            Structure.Close();
            Structure.Close();
        }
        Structure.Close();
    }

    private static readonly Colour CodeBackground = new(0xF2, 0xF2, 0xEF);

    /// <summary>Code keeps its spaces and line breaks; a line longer than the measure wraps between characters.</summary>
    private void CodeLines(string code, Frame frame)
    {
        var codeFrame = frame with { Role = FontRole.Mono, Size = frame.Size * 0.85, Leading = 1.3, Bold = false, Italic = false };
        double pad = codeFrame.Size * 0.6;
        double width = frame.Width - 2 * pad;
        var boxes = new List<FlowBox>();
        var source = code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Replace("\t", "    ", StringComparison.Ordinal).Split('\n');
        foreach (var line in source)
        {
            var pieces = measurer.Pieces(line.Length == 0 ? " " : line, codeFrame.Style).ToList();
            foreach (var chunk in Wrap(pieces, width))
            {
                var box = LineBox(codeFrame);
                double x = frame.Indent + pad;
                foreach (var piece in chunk)
                {
                    box.Items.Add(piece.ToRun(x, box.FirstBaseline!.Value));
                    x += piece.Width;
                }
                boxes.Add(box);
            }
        }
        boxes[0].Height += pad;
        boxes[0].FirstBaseline += pad;
        boxes[^1].Height += pad;
        foreach (var box in boxes)
        {
            var shifted = box.Items.Select(i => i.Translate(0, boxes[0] == box ? pad : 0)).ToList();
            box.Items.Clear();
            box.Items.Add(new RectItem(frame.Indent, 0, frame.Width, box.Height, CodeBackground));
            box.Items.AddRange(shifted);
        }
        if (boxes.Count >= 2)
            boxes[0].KeepWithNext = true;
        if (boxes.Count >= 3)
            boxes[^2].KeepWithNext = true;
        foreach (var box in boxes)
            Emit(box);
    }

    private static IEnumerable<List<Piece>> Wrap(List<Piece> pieces, double width)
    {
        var line = new List<Piece>();
        double used = 0;
        foreach (var piece in pieces)
        {
            var text = new System.Text.StringBuilder();
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                double w = piece.Face.Measure(rune.ToString(), piece.Size);
                if (used + w > width && used > 0)
                {
                    if (text.Length > 0)
                        line.Add(piece with { Text = text.ToString(), Width = piece.Face.Measure(text.ToString(), piece.Size) });
                    yield return line;
                    line = [];
                    text.Clear();
                    used = 0;
                }
                text.Append(rune.ToString());
                used += w;
            }
            if (text.Length > 0)
                line.Add(piece with { Text = text.ToString(), Width = piece.Face.Measure(text.ToString(), piece.Size) });
        }
        yield return line;
    }

    private void Rule(Frame frame)
    {
        var box = new FlowBox { Height = frame.LineHeight * 1.5 };
        double length = frame.Width / 4, mid = box.Height / 2;
        box.Items.Add(new RuleItem(frame.Indent + (frame.Width - length) / 2, mid, frame.Indent + (frame.Width + length) / 2, mid, 0.5));
        Emit(box);
    }

    /// <summary>Lays blocks out into a separate galley (a table cell), leaving the main one untouched.</summary>
    public List<FlowBox> Aside(Action body)
    {
        var saved = (_flow, _pendingSpace);
        _flow = [];
        _pendingSpace = 0;
        body();
        var result = _flow;
        (_flow, _pendingSpace) = saved;
        return result;
    }
}
