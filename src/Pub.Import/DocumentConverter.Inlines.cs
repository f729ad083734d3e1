using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace Pub.Import;

/// <summary>The inline half of the conversion: runs, their formatting, fields, notes and images. Word's
/// complex fields (fldChar begin, instrText, separate, the shown result, end) may spread over many runs and
/// even paragraphs, so the fields being read are kept on a stack across paragraphs; while a field whose shown
/// text pub replaces (a citation, a generated bibliography, a cross-reference) is open, its result is dropped.</summary>
internal sealed partial class DocumentConverter
{
    private sealed class FieldFrame(DocumentPosition position)
    {
        public StringBuilder Instruction { get; } = new();
        public DocumentPosition Position { get; } = position;
        public bool Separated { get; set; }
        public FieldMeaning? Meaning { get; set; }
        public List<Segment>? Sink { get; set; }

        /// <summary>Binary field data (base64 in w:fldData), where EndNote keeps a citation too long for the instruction.</summary>
        public StringBuilder Data { get; } = new();
    }

    private Stack<FieldFrame> _fields = new();
    private Stack<List<Segment>> _sinks = new();
    private List<Segment> _output = [];
    private DocumentPosition _position = new(0, "");

    /// <summary>The segments of one paragraph. Fields left open at its end stay open for the next one.</summary>
    private List<Segment> Inlines(Paragraph paragraph)
    {
        _output = [];
        _position = PositionOf(paragraph);
        Walk(paragraph);
        return _output;
    }

    private void Emit(Segment segment)
    {
        (_sinks.Count > 0 ? _sinks.Peek() : _output).Add(segment);
    }

    // Word nests hyperlinks, content controls and custom XML within each other; a document nesting them
    // deeper than any editor makes is not followed further (a recursion that deep would exhaust the stack).
    private const int MaxInlineDepth = 64;
    private int _depth;

    private void Walk(OpenXmlElement parent)
    {
        if (_depth >= MaxInlineDepth)
        {
            Note("content nested more deeply than pub follows was left out");
            return;
        }
        _depth++;
        try
        {
            WalkChildren(parent);
        }
        finally
        {
            _depth--;
        }
    }

    private void WalkChildren(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case ParagraphProperties:
                    break;
                case Run run:
                    WalkRun(run);
                    break;
                case Hyperlink link:
                    WalkHyperlink(link);
                    break;
                case SimpleField field:
                    Open(field.Instruction?.Value ?? "");
                    Separate();
                    Walk(field);
                    Close();
                    break;
                case InsertedRun or MoveToRun:
                    if (_changes != TrackedChanges.Reject)
                    {
                        Walk(child);
                    }
                    break;
                case DeletedRun or MoveFromRun:
                    if (_changes == TrackedChanges.Reject)
                    {
                        Walk(child);
                    }
                    break;
                case SdtRun sdt:
                    WalkContentControl(sdt);
                    break;
                case DocumentFormat.OpenXml.Math.OfficeMath or DocumentFormat.OpenXml.Math.Paragraph:
                    Emit(new Segment.Text(child.InnerText, RunFormat.None));
                    Note("an equation was imported as plain text");
                    break;
                case CustomXmlRun or SdtContentRun:
                    Walk(child);
                    break;
            }
        }
    }

    private void WalkContentControl(SdtRun sdt)
    {
        var tag = sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
        if (tag is not null && tag.StartsWith(CitationFields.MendeleyCiteTag, StringComparison.Ordinal))
        {
            var meaning = CitationFields.ReadMendeleyCiteTag(tag);
            if (meaning is FieldMeaning.Citation citation)
            {
                EmitCitation(citation);
                return;
            }
            Note($"a {((FieldMeaning.Broken)meaning).Manager} citation could not be read ({((FieldMeaning.Broken)meaning).Problem}); its text was kept");
        }
        if (sdt.SdtContentRun is { } content)
        {
            Walk(content);
        }
    }

    private void WalkHyperlink(Hyperlink link)
    {
        var inner = new List<Segment>();
        _sinks.Push(inner);
        Walk(link);
        _sinks.Pop();
        string? target = null;
        if (link.Id?.Value is { } id)
        {
            target = _part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString;
        }
        EmitLink(target, inner);
    }

    private void EmitLink(string? target, List<Segment> inner)
    {
        if (target is null || target.StartsWith('#'))
        {
            // A link inside the document: its text stands; pub links its own cross-references.
            inner.ForEach(Emit);
            return;
        }
        var url = target.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        var text = SegmentText.Render(inner, _linker.Knows);
        var plain = SegmentText.Plain(inner).Trim();
        Emit(new Segment.Markdown(text.Length == 0 || plain == target ? "<" + url + ">" : "[" + text + "](" + url + ")"));
    }

    private void WalkRun(Run run)
    {
        if (On(run.RunProperties?.Vanish) == true && !run.Elements<FieldChar>().Any() && !run.Elements<FieldCode>().Any())
        {
            // Hidden text is not part of what the author shows; field characters in it still count.
            return;
        }
        var format = FormatOf(run.RunProperties);
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    Emit(new Segment.Text(text.Text, format));
                    break;
                case DeletedText deleted when _changes == TrackedChanges.Reject:
                    Emit(new Segment.Text(deleted.Text, format));
                    break;
                case TabChar or CarriageReturn:
                    Emit(new Segment.Text(" ", format));
                    break;
                case Break brk when brk.Type is null || brk.Type.Value == BreakValues.TextWrapping:
                    Emit(new Segment.Text(" ", format));
                    break;
                case NoBreakHyphen:
                    Emit(new Segment.Text("\u2011", format));
                    break;
                case FieldChar fieldChar when fieldChar.FieldCharType?.Value is { } type:
                    if (type == FieldCharValues.Begin)
                    {
                        Open("", fieldChar.FieldData?.Text);
                    }
                    else if (type == FieldCharValues.Separate)
                    {
                        Separate();
                    }
                    else if (type == FieldCharValues.End)
                    {
                        Close();
                    }
                    break;
                case FieldCode code:
                    if (_fields.TryPeek(out var open) && !open.Separated)
                    {
                        open.Instruction.Append(code.Text);
                    }
                    break;
                case DeletedFieldCode deletedCode when _changes == TrackedChanges.Reject:
                    if (_fields.TryPeek(out var openDeleted) && !openDeleted.Separated)
                    {
                        openDeleted.Instruction.Append(deletedCode.Text);
                    }
                    break;
                case FootnoteReference footnote when footnote.Id?.Value is long id:
                    NoteReference(_main.FootnotesPart, _main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(n => n.Id?.Value == id));
                    break;
                case EndnoteReference endnote when endnote.Id?.Value is long id:
                    _endnotes++;
                    NoteReference(_main.EndnotesPart, _main.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(n => n.Id?.Value == id));
                    break;
                case Drawing drawing:
                    Image(drawing);
                    break;
                case Picture or EmbeddedObject:
                    Note("an embedded object or old-style picture was not imported");
                    break;
                case SymbolChar:
                    Note("a symbol-font character was not imported");
                    break;
            }
        }
    }

    private RunFormat FormatOf(RunProperties? properties)
    {
        if (properties is null)
        {
            return RunFormat.None;
        }
        var (styleItalic, styleBold) = _styles.CharacterStyle(properties.RunStyle?.Val?.Value);
        var format = RunFormat.None;
        if (On(properties.Italic) ?? styleItalic)
        {
            format |= RunFormat.Italic;
        }
        if (On(properties.Bold) ?? styleBold)
        {
            format |= RunFormat.Bold;
        }
        if (On(properties.Strike) == true)
        {
            format |= RunFormat.Strike;
        }
        var vertical = properties.VerticalTextAlignment?.Val?.Value;
        if (vertical == VerticalPositionValues.Superscript)
        {
            format |= RunFormat.Superscript;
        }
        else if (vertical == VerticalPositionValues.Subscript)
        {
            format |= RunFormat.Subscript;
        }
        if (On(properties.SmallCaps) == true && !_smallCapsNoted)
        {
            _smallCapsNoted = true;
            Note("small capitals are set as ordinary letters (pub's Markdown has no small capitals); this is the first");
        }
        return format;
    }

    private bool _smallCapsNoted;

    // An on/off property is on when present without a value, or with true/1/on.
    private static bool? On(OnOffType? value) => value is null ? null : value.Val is null || value.Val.Value;

    private void Open(string instruction, string? data = null)
    {
        var frame = new FieldFrame(_position);
        frame.Instruction.Append(instruction);
        if (!string.IsNullOrWhiteSpace(data))
        {
            frame.Data.Append(CitationFields.DecodeFieldData(data));
        }
        _fields.Push(frame);
    }

    private void Separate()
    {
        if (!_fields.TryPeek(out var frame) || frame.Separated)
        {
            return;
        }
        frame.Separated = true;
        frame.Meaning = CitationFields.Read(frame.Instruction.ToString(), frame.Data.ToString());
        switch (frame.Meaning)
        {
            case FieldMeaning.Citation or FieldMeaning.Generated:
            case FieldMeaning.CrossReference reference when _labels.ContainsKey(reference.Bookmark):
            case FieldMeaning.Hyperlink:
                frame.Sink = [];
                _sinks.Push(frame.Sink);
                break;
        }
    }

    private void Close()
    {
        if (!_fields.TryPop(out var frame))
        {
            return;
        }
        if (frame.Sink is not null && _sinks.Count > 0)
        {
            _sinks.Pop();
        }
        // EndNote nests an EN.CITE.DATA field, holding the data, in the instruction of its EN.CITE field.
        if (frame.Data.Length > 0 && _fields.TryPeek(out var parent) && !parent.Separated && frame.Instruction.ToString().Contains("EN.CITE.DATA", StringComparison.Ordinal))
        {
            parent.Data.Append(frame.Data);
            return;
        }
        var meaning = frame.Meaning ?? CitationFields.Read(frame.Instruction.ToString(), frame.Data.ToString());
        switch (meaning)
        {
            case FieldMeaning.Citation citation:
                EmitCitation(citation);
                break;
            case FieldMeaning.Generated generated:
                Note($"{generated.What} was left out: pub makes its own");
                break;
            case FieldMeaning.CrossReference reference when _labels.TryGetValue(reference.Bookmark, out var label):
                Emit(new Segment.Markdown("@" + label));
                _crossReferences++;
                break;
            case FieldMeaning.CrossReference:
                Note("a cross-reference points at a bookmark that is not a heading, figure or table; its text was kept");
                break;
            case FieldMeaning.Hyperlink link:
                EmitLink(link.Target, frame.Sink ?? []);
                break;
            case FieldMeaning.Broken broken:
                _diagnostics.Add(Pub.Syntax.Diagnostic.Warning(Pub.Syntax.Codes.UnreadableCitationField,
                    $"{frame.Position}: a {broken.Manager} citation could not be read ({broken.Problem}); its text was kept", null,
                    "insert the citation again with the reference manager, or replace it with a key of the bibliography") with { Path = _path });
                Note($"a {broken.Manager} citation could not be read; its text was kept");
                break;
        }
    }

    private void EmitCitation(FieldMeaning.Citation citation)
    {
        _citations++;
        var written = _inNote && citation.Items is [{ Prefix: null, Suffix: null, SuppressAuthor: false } only]
            ? "@" + _linker.KeyFor(only.Item) + (only.Locator is { Length: > 0 } at ? $" [{CitationFields.LocatorTerm(only.Label, at)} {Affix(at)}]" : "")
            : null;
        var items = citation.Items.Select(item =>
        {
            var key = _linker.KeyFor(item.Item);
            var text = new StringBuilder();
            if (Affix(item.Prefix) is { Length: > 0 } prefix)
            {
                text.Append(prefix).Append(' ');
            }
            text.Append(item.SuppressAuthor ? "-@" : "@").Append(key);
            if (item.Locator is { Length: > 0 } locator)
            {
                text.Append(", ").Append(CitationFields.LocatorTerm(item.Label, locator)).Append(' ').Append(Affix(locator));
            }
            if (Affix(item.Suffix) is { Length: > 0 } suffix)
            {
                text.Append(suffix.StartsWith(',') ? "" : ", ").Append(suffix);
            }
            return text.ToString();
        });
        // In an author's note a citation is written as Zotero showed it there, without the parentheses pub puts
        // around a bracketed citation in a note: "see @key [p. 3]".
        Emit(new Segment.Citation(string.Join("; ", items), written));
    }

    private bool _inNote;

    // Brackets and semicolons delimit Pandoc's citation syntax; in an affix they are replaced, not escaped.
    private static string Affix(string? text) =>
        (text ?? "").Trim().Replace('[', '(').Replace(']', ')').Replace(';', ',').Replace("@", "\\@", StringComparison.Ordinal);
}
