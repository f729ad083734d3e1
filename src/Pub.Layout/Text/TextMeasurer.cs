using System.Globalization;
using System.Text;
using Pub.Layout.Fonts;
using Pub.Layout.Hyphenation;
using Pub.Syntax;

namespace Pub.Layout.Text;

/// <summary>
/// Measure: turns styled spans into boxes, glue and penalties. Words are cut at spaces; a word whose
/// characters a face lacks is split into pieces set in a fallback face that has them, and what no face has
/// is measured as .notdef and reported once per character.
/// </summary>
internal sealed class TextMeasurer(FontSet fonts, DiagnosticSink diagnostics, HyphenationLanguages? hyphenation = null)
{
    private readonly WordBreaks _breaks = new(hyphenation);

    /// <summary>Small capitals are faked by setting lowercase letters as capitals at this fraction of the size.</summary>
    private const double SmallCapScale = 0.78;

    /// <summary>The items of each word measured so far, by its text and style: a document repeats its words, and
    /// the items of a word are never changed (the spaces' glue is shared the same way). Only words that stand on
    /// their own are kept: in one style, without soft hyphens or an anchor.</summary>
    private readonly Dictionary<(string Text, TextStyle Style), LineItem[]> _words = [];

    public List<LineItem> Measure(IReadOnlyList<Span> spans)
    {
        var items = new List<LineItem>();
        var word = new List<Piece>();
        var anchors = new List<string>();
        var softHyphens = new List<int>();
        int wordLength = 0;
        // A word's text in one style, kept until it is known whether the word ends there (then its items may be
        // known already) or goes on in another style.
        string? pending = null;
        TextStyle? pendingStyle = null;

        void EndWord()
        {
            // A word that stands on its own in one style (no anchor) was kept whole: its items may be known.
            if (pending is not null && anchors.Count == 0)
            {
                var (text, style) = (pending, pendingStyle!);
                pending = null;
                if (!_words.TryGetValue((text, style), out var known))
                {
                    AddPieces(text, style);
                    int from = items.Count;
                    _breaks.Add(items, word, anchors, softHyphens, this);
                    known = new LineItem[items.Count - from];
                    items.CopyTo(from, known, 0, known.Length);
                    _words[(text, style)] = known;
                }
                else
                    items.AddRange(known);
            }
            else
            {
                Resume();
                if (word.Count > 0 || anchors.Count > 0)
                    _breaks.Add(items, word, anchors, softHyphens, this);
            }
            word.Clear();
            anchors.Clear();
            softHyphens.Clear();
            wordLength = 0;
        }

        // The word goes on: what was kept is measured as its first pieces.
        void Resume()
        {
            if (pending is null)
                return;
            var text = pending;
            pending = null;
            AddPieces(text, pendingStyle!);
        }

        void AddText(string text, TextStyle style)
        {
            if (word.Count == 0 && pending is null && anchors.Count == 0 && !text.Contains('\u00AD', StringComparison.Ordinal))
            {
                (pending, pendingStyle) = (text, style);
                return;
            }
            Resume();
            AddPieces(text, style);
        }

        void AddPieces(string text, TextStyle style)
        {
            // A soft hyphen is an author's hyphenation point; it is not drawn unless the line breaks there.
            int from = 0;
            for (int k = 0; k <= text.Length; k++)
            {
                if (k < text.Length && text[k] != '\u00AD')
                    continue;
                if (k > from)
                {
                    foreach (var piece in Pieces(text[from..k], style))
                    {
                        word.Add(piece);
                        wordLength += piece.Text.Length;
                    }
                }
                if (k < text.Length && wordLength > 0)
                    softHyphens.Add(wordLength);
                from = k + 1;
            }
        }

        foreach (var span in spans)
        {
            switch (span)
            {
                case BreakSpan:
                    EndWord();
                    items.Add(Penalty.Forced);
                    break;
                case AnchorSpan a:
                    anchors.Add(a.Name);
                    break;
                case TextSpan t:
                    var text = t.Text;
                    int start = 0;
                    for (int i = 0; i <= text.Length; i++)
                    {
                        bool space = i < text.Length && IsSpace(text[i]);
                        if (i == text.Length || space)
                        {
                            if (i > start)
                                AddText(text[start..i], t.Style);
                            if (space)
                            {
                                EndWord();
                                AddGlue(items, t.Style);
                            }
                            start = i + 1;
                        }
                    }
                    break;
            }
        }
        EndWord();
        // Collapse runs of spaces and drop spaces at the ends, as a browser does.
        var cleaned = new List<LineItem>(items.Count);
        foreach (var item in items)
        {
            if (item is Glue && (cleaned.Count == 0 || cleaned[^1] is Glue || cleaned[^1] is Penalty { IsForced: true }))
                continue;
            if (item is Penalty { IsForced: true } && cleaned.Count > 0 && cleaned[^1] is Glue)
                cleaned.RemoveAt(cleaned.Count - 1);
            cleaned.Add(item);
        }
        while (cleaned.Count > 0 && cleaned[^1] is Glue)
            cleaned.RemoveAt(cleaned.Count - 1);
        return cleaned;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\r' or '\t';

    /// <summary>The last space measured, for the style object it was measured in: the spaces of a text span
    /// share their style, and a glue is never changed, so one serves them all.</summary>
    private (TextStyle Style, Glue Glue)? _space;

    private void AddGlue(List<LineItem> items, TextStyle style)
    {
        if (_space is { } last && ReferenceEquals(last.Style, style))
        {
            items.Add(last.Glue);
            return;
        }
        var face = Face(style);
        double width = face.Measure(" ", style.Size);
        var piece = new Piece(" ", face, style.Size, width, style);
        // TeX's values for a text face: stretch half a space, shrink a third.
        var glue = new Glue(width, width / 2, width / 3, piece);
        _space = (style, glue);
        items.Add(glue);
    }

    public FontFace Face(TextStyle style) => fonts.Resolve(style.Role, style.Bold, style.Italic);

    /// <summary>Pieces of one word in one style: split by small-caps case and by the face that has each glyph.</summary>
    public IEnumerable<Piece> Pieces(string text, TextStyle style)
    {
        if (!style.SmallCaps)
            return ByFace(text, style, style.Size);
        var pieces = new List<Piece>();
        var run = new StringBuilder();
        bool? lower = null;
        foreach (var rune in text.EnumerateRunes())
        {
            bool isLower = Rune.IsLower(rune);
            if (lower is { } l && l != isLower)
            {
                pieces.AddRange(ByFace(l ? run.ToString().ToUpperInvariant() : run.ToString(), style, l ? style.Size * SmallCapScale : style.Size));
                run.Clear();
            }
            lower = isLower;
            run.Append(rune.ToString());
        }
        if (run.Length > 0 && lower is { } last)
            pieces.AddRange(ByFace(last ? run.ToString().ToUpperInvariant() : run.ToString(), style, last ? style.Size * SmallCapScale : style.Size));
        return pieces;
    }

    private List<Piece> ByFace(string text, TextStyle style, double size)
    {
        var primary = Face(style);
        // A lone surrogate is set as the replacement character, as reading the text by runes gives it; then each
        // piece is a slice of the word, with no copy made character by character.
        if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            var repaired = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
                repaired.Append(rune.ToString());
            text = repaired.ToString();
        }
        var pieces = new List<Piece>(1);
        FontFace? current = null;
        int start = 0;
        for (int i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int length);
            var face = FaceFor(rune, primary);
            if (current is not null && face != current)
            {
                pieces.Add(Make(text[start..i], current, size, style));
                start = i;
            }
            current = face;
            i += length;
        }
        if (current is not null)
            pieces.Add(Make(start == 0 ? text : text[start..], current, size, style));
        return pieces;
    }

    /// <summary>The face that sets a character: the style's own, or the first fallback that has the glyph (a missing
    /// glyph is reported and set as the own face's box).</summary>
    private FontFace FaceFor(Rune rune, FontFace primary)
    {
        if (primary.HasGlyph(rune.Value) || IsIgnorable(rune.Value))
            return primary;
        var face = fonts.Fallback(rune.Value, primary) ?? primary;
        if (face == primary)
            diagnostics.MissingGlyph(rune, primary);
        return face;
    }

    // Soft hyphens and zero-width characters carry no glyph and are not worth a warning.
    private static bool IsIgnorable(int codePoint) => codePoint is 0xAD or 0x200B or 0x200C or 0x200D or 0xFEFF;

    private static Piece Make(string text, FontFace face, double size, TextStyle style)
    {
        text = text.Replace("\u00AD", "", StringComparison.Ordinal).Replace("\u200B", "", StringComparison.Ordinal);
        return new Piece(text, face, size, face.Measure(text, size), size == style.Size ? style : style with { Size = size });
    }
}

/// <summary>Collects layout diagnostics, reporting each missing glyph once per face.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(int, string)> _missing = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void MissingGlyph(Rune rune, FontFace face)
    {
        if (_missing.Add((rune.Value, face.Id)))
            _items.Add(Diagnostic.Warning(Codes.MissingGlyph,
                string.Create(CultureInfo.InvariantCulture, $"no loaded font has a glyph for U+{rune.Value:X4} '{rune}'; it is set as {face.Id}'s missing-glyph box")));
    }
}
