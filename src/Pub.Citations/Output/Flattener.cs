// Turns an output tree into FormattedText. Two passes: (1) emit tokens, resolving flip-flop formatting
// (input <i> inside italic style text becomes upright) and alternating outer/inner quotes; (2) fix
// punctuation where separately rendered pieces meet: move a following "." or "," inside closing
// quotes when the locale asks for it, and drop doubled punctuation (". ." → ".", "?." → "?").
using System.Text;

namespace Pub.Citations;

internal sealed class Flattener
{
    private enum Kind
    {
        Text,
        Affix,
        QuoteOpen,
        QuoteClose,
        Open,
        Close,
    }

    private sealed class Tok(Kind kind, string text, FormatKind format = default)
    {
        public Kind Kind { get; } = kind;
        public string Text { get; set; } = text;
        public FormatKind Format { get; } = format;
        /// <summary>The reference id an opening <see cref="FormatKind.Work"/> carries.</summary>
        public string? WorkId { get; init; }
        public bool IsText => Kind is Kind.Text or Kind.Affix or Kind.QuoteOpen or Kind.QuoteClose;
        /// <summary>Quotes typed in the input text keep following punctuation outside.</summary>
        public bool FromInput { get; init; }
        /// <summary>A quotation mark typed inside a variable's text: the text after it is the author's
        /// ("“Trafficked” or “Smuggled”? Migrant Women") and none of it moves in.</summary>
        public bool InText { get; init; }
        /// <summary>Text of a cite's own prefix or suffix, typed by the author.</summary>
        public bool Typed { get; init; }
        /// <summary>From the prefix or suffix of a group or macro call.</summary>
        public bool OfGroup { get; set; }
        /// <summary>An affix right after a formatted sibling (a suffix of an italic element, a delimiter
        /// after one): its punctuation does not merge into a different mark ending that text.</summary>
        public bool AfterFormatted { get; set; }
    }

    private readonly ResolvedLocale _locale;
    private readonly List<Tok> _toks = [];
    private bool _italic;
    private bool _bold;
    private bool _smallCaps;
    private bool _underline;
    private int _quoteDepth;

    private Flattener(ResolvedLocale locale) => _locale = locale;

    /// <param name="nestedParenthesesAsBrackets">Set for a note style's citation: parentheses from
    /// affixes inside parentheses from affixes become square brackets, as citeproc-js prints them
    /// ("(Constable, 1928; originally published as … [Albin Michel, 1927])").</param>
    public static FormattedText Flatten(Node node, ResolvedLocale locale, bool nestedParenthesesAsBrackets = false)
    {
        var f = new Flattener(locale);
        f.Emit(node);
        if (nestedParenthesesAsBrackets)
        {
            f.AlternateNestedParentheses();
        }
        f.DropDoubledPunctuation();
        f.MovePunctuationIntoQuotes();
        return f.Build();
    }

    private void Emit(Node node)
    {
        if (node is TextNode t)
        {
            if (t.Text.Length > 0)
            {
                var first = _toks.Count;
                EmitText(t.Text, t.Role == TextRole.Affix ? Kind.Affix : Kind.Text, t.Typed);
                for (var i = first; i < _toks.Count && t.OfGroup; i++)
                {
                    _toks[i].OfGroup = true;
                }
            }
            return;
        }
        var g = (GroupNode)node;
        if (g.IsEmpty)
        {
            return;
        }
        var saved = (_italic, _bold, _smallCaps, _underline, _quoteDepth);
        var opened = new List<FormatKind>();
        void Open(FormatKind k)
        {
            _toks.Add(new Tok(Kind.Open, string.Empty, k));
            opened.Add(k);
        }

        if (g.WorkId is { } workId)
        {
            _toks.Add(new Tok(Kind.Open, string.Empty, FormatKind.Work) { WorkId = workId });
            opened.Add(FormatKind.Work);
        }

        switch (g.Display)
        {
            case DisplayMode.Block:
                Open(FormatKind.Block);
                break;
            case DisplayMode.LeftMargin:
                Open(FormatKind.LeftMargin);
                break;
            case DisplayMode.RightInline:
                Open(FormatKind.RightInline);
                break;
            case DisplayMode.Indent:
                Open(FormatKind.Indent);
                break;
        }
        if (g.NoDecor)
        {
            if (_italic)
            {
                Open(FormatKind.NormalStyle);
                _italic = false;
            }
            if (_smallCaps)
            {
                Open(FormatKind.NormalVariant);
                _smallCaps = false;
            }
            if (_bold)
            {
                Open(FormatKind.NormalWeight);
                _bold = false;
            }
        }
        var f = g.Formatting;
        // Nesting order: weight outside style outside variant (<b><i>…</i></b>), as citeproc-js writes it.
        switch (f.FontWeight)
        {
            case FontWeight.Bold:
                if (_bold && g.FlipFlop)
                {
                    Open(FormatKind.NormalWeight);
                    _bold = false;
                }
                else
                {
                    Open(FormatKind.Bold);
                    _bold = true;
                }
                break;
            case FontWeight.Light:
                Open(FormatKind.Light);
                break;
            case FontWeight.Normal when _bold:
                Open(FormatKind.NormalWeight);
                _bold = false;
                break;
        }
        switch (f.FontStyle)
        {
            case FontStyle.Italic or FontStyle.Oblique:
                if (_italic && g.FlipFlop)
                {
                    Open(FormatKind.NormalStyle);
                    _italic = false;
                }
                else
                {
                    Open(f.FontStyle == FontStyle.Oblique ? FormatKind.Oblique : FormatKind.Italic);
                    _italic = true;
                }
                break;
            case FontStyle.Normal when _italic:
                Open(FormatKind.NormalStyle);
                _italic = false;
                break;
        }
        switch (f.FontVariant)
        {
            case FontVariant.SmallCaps:
                if (_smallCaps && g.FlipFlop)
                {
                    Open(FormatKind.NormalVariant);
                    _smallCaps = false;
                }
                else
                {
                    Open(FormatKind.SmallCaps);
                    _smallCaps = true;
                }
                break;
            case FontVariant.Normal when _smallCaps:
                Open(FormatKind.NormalVariant);
                _smallCaps = false;
                break;
        }
        switch (f.TextDecoration)
        {
            case TextDecoration.Underline:
                Open(FormatKind.Underline);
                _underline = true;
                break;
            case TextDecoration.None when _underline:
                Open(FormatKind.NoDecoration);
                _underline = false;
                break;
        }
        switch (f.VerticalAlign)
        {
            case VerticalAlign.Sup:
                Open(FormatKind.Superscript);
                break;
            case VerticalAlign.Sub:
                Open(FormatKind.Subscript);
                break;
            case VerticalAlign.Baseline:
                Open(FormatKind.Baseline);
                break;
        }
        if (g.Quotes)
        {
            var inner = _quoteDepth % 2 == 1;
            _toks.Add(new Tok(Kind.QuoteOpen, _locale.Term(inner ? "open-inner-quote" : "open-quote") ?? (inner ? "\u2018" : "\u201C")));
            _quoteDepth++;
            EmitChildren(g);
            _toks.Add(new Tok(Kind.QuoteClose, _locale.Term(inner ? "close-inner-quote" : "close-quote") ?? (inner ? "\u2019" : "\u201D")) { FromInput = g.InAffix, InText = g.FlipFlop });
        }
        else
        {
            EmitChildren(g);
        }
        for (var i = opened.Count - 1; i >= 0; i--)
        {
            _toks.Add(new Tok(Kind.Close, string.Empty, opened[i]));
        }
        (_italic, _bold, _smallCaps, _underline, _quoteDepth) = saved;
    }

    /// <summary>The base text of a Unicode superscript character (ª, ¹, ʰ, ᵉ, ⁿ, ™ …), or null.
    /// Compatibility normalisation gives the base; a few modifier letters have none and are listed.</summary>
    private void EmitChildren(GroupNode g)
    {
        var afterFormatted = false;
        foreach (var c in g.Children)
        {
            var first = _toks.Count;
            Emit(c);
            if (afterFormatted && c is TextNode { Role: TextRole.Affix, KeepsMarkAfterFormatting: true })
            {
                for (var i = first; i < _toks.Count; i++)
                {
                    _toks[i].AfterFormatted = true;
                }
            }
            if (!c.IsEmpty)
            {
                // Only formatting around plain text counts: a title with quotes or markup of its own
                // ("Is “X” Right?") lets the mark merge again, as in citeproc-js.
                afterFormatted = c is GroupNode { Formatting.IsEmpty: false } formatted && formatted.Children.TrueForAll(IsPlainText);
            }
        }
    }

    private static bool IsPlainText(Node node) => node switch
    {
        TextNode => true,
        GroupNode { Quotes: false, FlipFlop: false, NoDecor: false, Formatting.IsEmpty: true } g => g.Children.TrueForAll(IsPlainText),
        _ => false,
    };

    private static string? SuperscriptBase(char c)
    {
        switch (c)
        {
            case '\u02C0':
                return "\u0294";
            case '\u02C1':
                return "\u0295";
            case '\u06E5':
                return "\u0648";
            case '\u06E6':
                return "\u064A";
        }
        var superscript = c is '\u00AA' or '\u00BA' or '\u00B2' or '\u00B3' or '\u00B9' or '\u2120' or '\u2122'
            || c is >= '\u02B0' and <= '\u02B8' || c is >= '\u02E0' and <= '\u02E4' || c is >= '\u1D2C' and <= '\u1D6A'
            || c == '\u1D78' || c is >= '\u1D9B' and <= '\u1DBF' || c is >= '\u2070' and <= '\u207F' || c is >= '\u3192' and <= '\u319F';
        if (!superscript)
        {
            return null;
        }
        var normalized = c.ToString().Normalize(NormalizationForm.FormKC);
        return normalized.Length > 0 && normalized != c.ToString() ? normalized : null;
    }

    private void EmitText(string text, Kind kind, bool typed = false)
    {
        if (kind == Kind.Text)
        {
            text = TieSpaceBeforePunctuation(text);
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var plain = SuperscriptBase(text[i]);
            if (plain is null)
            {
                continue;
            }
            if (i > start)
            {
                _toks.Add(new Tok(kind, text[start..i]) { Typed = typed });
            }
            _toks.Add(new Tok(Kind.Open, string.Empty, FormatKind.Superscript));
            _toks.Add(new Tok(kind, plain) { Typed = typed });
            _toks.Add(new Tok(Kind.Close, string.Empty, FormatKind.Superscript));
            start = i + 1;
        }
        if (start < text.Length)
        {
            _toks.Add(new Tok(kind, start == 0 ? text : text[start..]) { Typed = typed });
        }
    }

    /// <summary>A space typed before a colon, semicolon, question or exclamation mark or a closing
    /// guillemet (French typography: "France : de", "« texte »") becomes a narrow no-break space, so the
    /// mark never starts a line; Zotero's output does the same in every style.</summary>
    private static string TieSpaceBeforePunctuation(string text)
    {
        // Most runs of text hold none of these marks: leave them without copying.
        if (text.AsSpan().IndexOfAny(":;?!\u00AB\u00BB") < 0 || !text.Contains(' ', StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && i + 1 < text.Length && text[i + 1] is ':' or ';' or '?' or '!' or '\u00BB')
            {
                sb.Append('\u202F');
            }
            else if (c == ' ' && i > 0 && text[i - 1] == '\u00AB')
            {
                sb.Append('\u202F');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private void MovePunctuationIntoQuotes()
    {
        if (!_locale.PunctuationInQuote)
        {
            return;
        }
        for (var i = 0; i < _toks.Count; i++)
        {
            if (_toks[i].Kind != Kind.QuoteClose || _toks[i].FromInput)
            {
                continue;
            }
            // The last quote in a run of closing quotes receives the punctuation.
            var j = i + 1;
            while (j < _toks.Count && (_toks[j].Kind == Kind.Close || _toks[j].Text.Length == 0))
            {
                j++;
            }
            if (j >= _toks.Count || _toks[j].Kind is not (Kind.Text or Kind.Affix) || _toks[j].Text.Length == 0)
            {
                continue;
            }
            if (_toks[i].InText && _toks[j].Kind == Kind.Text)
            {
                continue;
            }
            var c = _toks[j].Text[0];
            if (c is not ('.' or ',' or '!' or '?'))
            {
                continue;
            }
            // CSL's punctuation-in-quote moves commas and periods. A question or exclamation mark the
            // author typed after a cite asks or exclaims the sentence, not the quoted title, so it stays
            // outside ("“On ‘Unfree Labour’”!"), as citeproc-js leaves it. The style's own "?" and "!"
            // affixes still move in, as the CSL test suite expects of them.
            if (c is '!' or '?' && _toks[j].Typed)
            {
                continue;
            }
            _toks[j].Text = _toks[j].Text[1..];
            // Find the first quote close of this run (walk back over closes / quote closes).
            var k = i;
            while (k - 1 >= 0 && (_toks[k - 1].Kind is Kind.QuoteClose or Kind.Close))
            {
                k--;
            }
            var before = LastCharBefore(k);
            if (c == before || (c == '.' && before is '!' or '?' or ':' or ';'))
            {
                continue;
            }
            // Insert just before the innermost closing quote.
            var firstQuote = k;
            while (_toks[firstQuote].Kind != Kind.QuoteClose)
            {
                firstQuote++;
            }
            // The quote shifted one place right; the loop's increment revisits it for more punctuation.
            _toks.Insert(firstQuote, new Tok(Kind.Text, c.ToString()));
        }
    }

    /// <summary>Counts the parentheses of the affixes of groups and macro calls (never of the item's
    /// own text, nor of a single variable's affixes, which citeproc-js leaves alone) and writes every
    /// other level as square brackets: "(" at an odd depth opens "[", and its ")" closes "]".</summary>
    private void AlternateNestedParentheses()
    {
        var depth = 0;
        foreach (var t in _toks)
        {
            if (t.Kind != Kind.Affix || !t.OfGroup || t.Text.IndexOfAny(['(', ')']) < 0)
            {
                continue;
            }
            var chars = t.Text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '(')
                {
                    chars[i] = depth % 2 == 1 ? '[' : '(';
                    depth++;
                }
                else if (chars[i] == ')')
                {
                    depth--;
                    chars[i] = depth % 2 == 1 ? ']' : ')';
                }
            }
            t.Text = new string(chars);
        }
    }

    private char LastCharBefore(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (_toks[i].IsText && _toks[i].Text.Length > 0 && _toks[i].Kind != Kind.QuoteOpen)
            {
                return _toks[i].Text[^1];
            }
        }
        return '\0';
    }

    private void DropDoubledPunctuation()
    {
        Tok? prev = null;
        var prevBeyondQuote = '\0';
        foreach (var t in _toks)
        {
            if (!t.IsText || t.Text.Length == 0)
            {
                continue;
            }
            if (t.Kind == Kind.QuoteClose)
            {
                prevBeyondQuote = prev is { Text.Length: > 0 } ? prev.Text[^1] : '\0';
                prev = t;
                continue;
            }
            if (prev is not null && (t.Kind == Kind.Affix || prev.Kind is Kind.Affix or Kind.QuoteClose))
            {
                var p = prev.Kind == Kind.QuoteClose ? prevBeyondQuote : prev.Text[^1];
                var c = t.Text[0];
                // Where two pieces meet: ";" + ":" → ";", "?" + "." → "?", ":" + "!" → "!", "." + "." → ".".
                // After a formatted element of its own, only a doubled mark goes, as citeproc-js has it:
                // "<i>Re:</i>." for a suffix of the italic title, "<i>Re:</i> P" for a macro's.
                var merges = !t.AfterFormatted;
                var drop = (c == p && c is '.' or ',' or ':' or ';' or '!' or '?')
                    || (merges && c == ':' && p is ';' or '!' or '?')
                    || (merges && c == '.' && p is ':' or ';' or '!' or '?')
                    || (c == ' ' && p == ' ' && prev.Kind != Kind.QuoteClose);
                if (merges && c is '!' or '?' && p is ':' or ';' && prev.Kind != Kind.QuoteClose && prev.Text.Length > 0)
                {
                    prev.Text = prev.Text[..^1];
                }
                if (drop)
                {
                    t.Text = t.Text[1..];
                    if (t.Text.Length == 0)
                    {
                        continue;
                    }
                }
            }
            prev = t;
        }
    }

    private FormattedText Build()
    {
        var list = new List<FormattedToken>();
        var sb = new StringBuilder();
        void FlushText()
        {
            if (sb.Length > 0)
            {
                list.Add(new FormattedToken(FormattedTokenKind.Text, sb.ToString(), default));
                sb.Clear();
            }
        }
        foreach (var t in _toks)
        {
            switch (t.Kind)
            {
                case Kind.Open:
                    FlushText();
                    list.Add(new FormattedToken(FormattedTokenKind.Open, t.WorkId ?? string.Empty, t.Format));
                    break;
                case Kind.Close:
                    FlushText();
                    // Drop an open immediately followed by its close (formatting around nothing).
                    if (list.Count > 0 && list[^1].Kind == FormattedTokenKind.Open && list[^1].Format == t.Format)
                    {
                        list.RemoveAt(list.Count - 1);
                    }
                    else
                    {
                        list.Add(new FormattedToken(FormattedTokenKind.Close, string.Empty, t.Format));
                    }
                    break;
                default:
                    sb.Append(t.Text);
                    break;
            }
        }
        FlushText();
        return new FormattedText(list);
    }
}
