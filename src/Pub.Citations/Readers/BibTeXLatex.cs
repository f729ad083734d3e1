// LaTeX in BibTeX field values → Unicode text in the CSL-JSON rich-text convention: <i>, <b>, <sup>,
// <sub>, small caps as <span style="font-variant:small-caps;">, and <span class="nocase"> around
// text whose case a style must not change.
using System.Globalization;
using System.Text;

namespace Pub.Citations.Readers;

/// <summary>
/// Converts the LaTeX of one field value. Case protection follows BibTeX: a brace group at the top
/// level of the value protects its content, unless it starts with a backslash ({\"o}, {\em x}),
/// which BibTeX treats as a "special character" whose case may change. Command arguments
/// (\emph{...}) are read at the level of the command, so '{NASA}' inside them is still protected.
/// </summary>
internal sealed class BibTeXLatex
{
    private const string NoCaseOpen = "<span class=\"nocase\">";
    private const string NoCaseClose = "</span>";
    private const string SmallCapsOpen = "<span style=\"font-variant:small-caps;\">";

    private readonly string _s;
    private readonly bool _protectCase;
    private readonly StringBuilder _out = new();
    private int _i;

    private BibTeXLatex(string latex, bool protectCase)
    {
        _s = latex;
        _protectCase = protectCase;
    }

    /// <summary>Unicode text for a LaTeX value; with <paramref name="protectCase"/>, top-level brace
    /// groups become nocase spans (title-like fields), otherwise braces are simply dropped.</summary>
    public static string ToUnicode(string latex, bool protectCase = false)
    {
        var converter = new BibTeXLatex(latex, protectCase);
        converter.ParseUntilClose(stopAtClose: false, depth: 0, inNoCase: false);
        return converter._out.ToString().Trim(' ');
    }

    private static readonly Dictionary<char, char> AccentMarks = new()
    {
        ['"'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303',
        ['='] = '\u0304', ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B',
        ['c'] = '\u0327', ['k'] = '\u0328', ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331',
        ['t'] = '\u0361',
    };

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å",
        ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["l"] = "ł", ["L"] = "Ł",
        ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð", ["th"] = "þ", ["TH"] = "Þ",
        ["dj"] = "đ", ["DJ"] = "Đ", ["ng"] = "ŋ", ["NG"] = "Ŋ",
        ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["textcopyright"] = "©",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["dag"] = "†", ["ddag"] = "‡",
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…",
        ["textendash"] = "–", ["textemdash"] = "—",
        ["textquoteleft"] = "‘", ["textquoteright"] = "’", ["textquotedblleft"] = "“", ["textquotedblright"] = "”",
        ["guillemotleft"] = "«", ["guillemotright"] = "»", ["guillemetleft"] = "«", ["guillemetright"] = "»",
        ["euro"] = "€", ["texteuro"] = "€", ["pounds"] = "£", ["textsterling"] = "£", ["textdegree"] = "°",
        ["textbackslash"] = "\\", ["textasciitilde"] = "~", ["textasciicircum"] = "^", ["textunderscore"] = "_", ["textbar"] = "|",
        ["textless"] = "<", ["textgreater"] = ">", ["nobreakspace"] = "\u00A0", ["textnumero"] = "№",
        ["TeX"] = "TeX", ["LaTeX"] = "LaTeX", ["BibTeX"] = "BibTeX", ["textperiodcentered"] = "·",
        ["quad"] = " ", ["qquad"] = " ", ["slash"] = "/", ["relax"] = "", ["noop"] = "",
    };

    /// <summary>Commands whose one argument is wrapped in markup (open, close).</summary>
    private static readonly Dictionary<string, (string Open, string Close)> Wrappers = new(StringComparer.Ordinal)
    {
        ["textit"] = ("<i>", "</i>"), ["emph"] = ("<i>", "</i>"), ["mkbibemph"] = ("<i>", "</i>"),
        ["textsl"] = ("<i>", "</i>"), ["mkbibitalic"] = ("<i>", "</i>"),
        ["textbf"] = ("<b>", "</b>"), ["mkbibbold"] = ("<b>", "</b>"),
        ["textsc"] = (SmallCapsOpen, "</span>"),
        ["textsuperscript"] = ("<sup>", "</sup>"), ["mkbibsuperscript"] = ("<sup>", "</sup>"),
        ["textsubscript"] = ("<sub>", "</sub>"), ["mkbibsubscript"] = ("<sub>", "</sub>"),
        ["mkbibquote"] = ("“", "”"), ["enquote"] = ("“", "”"),
        ["NoCaseChange"] = (NoCaseOpen, NoCaseClose),
        ["textup"] = ("", ""), ["textnormal"] = ("", ""), ["textrm"] = ("", ""), ["textsf"] = ("", ""),
        ["texttt"] = ("", ""), ["textmd"] = ("", ""), ["mbox"] = ("", ""), ["hbox"] = ("", ""),
        ["text"] = ("", ""), ["ensuremath"] = ("", ""), ["mathrm"] = ("", ""),
    };

    /// <summary>Declarations that style the rest of their group: {\em ...}, {\bf ...}.</summary>
    private static readonly Dictionary<string, (string Open, string Close)> Declarations = new(StringComparer.Ordinal)
    {
        ["em"] = ("<i>", "</i>"), ["it"] = ("<i>", "</i>"), ["itshape"] = ("<i>", "</i>"),
        ["sl"] = ("<i>", "</i>"), ["slshape"] = ("<i>", "</i>"),
        ["bf"] = ("<b>", "</b>"), ["bfseries"] = ("<b>", "</b>"),
        ["sc"] = (SmallCapsOpen, "</span>"), ["scshape"] = (SmallCapsOpen, "</span>"),
        ["rm"] = ("", ""), ["sf"] = ("", ""), ["tt"] = ("", ""), ["upshape"] = ("", ""), ["normalfont"] = ("", ""),
    };

    /// <summary>Converts until the '}' closing the current group (consumed) or the end of the text.
    /// <paramref name="depth"/> is the brace level that decides case protection.</summary>
    private void ParseUntilClose(bool stopAtClose, int depth, bool inNoCase)
    {
        while (_i < _s.Length)
        {
            var c = _s[_i];
            switch (c)
            {
                case '}':
                    _i++;
                    if (stopAtClose)
                    {
                        return;
                    }
                    break; // a stray '}' at the top level
                case '{':
                    _i++;
                    ParseGroup(depth, inNoCase);
                    break;
                case '\\':
                    ParseCommand(depth, inNoCase);
                    break;
                case '~':
                    _i++;
                    _out.Append('\u00A0');
                    break;
                case '-':
                    ParseDashes();
                    break;
                case '`':
                    _i++;
                    if (_i < _s.Length && _s[_i] == '`')
                    {
                        _i++;
                        _out.Append('“');
                    }
                    else
                    {
                        _out.Append('‘');
                    }
                    break;
                case '\'' when _i + 1 < _s.Length && _s[_i + 1] == '\'':
                    _i += 2;
                    _out.Append('”');
                    break;
                case '$':
                    _i++; // inline math delimiters; the content is kept as text
                    break;
                default:
                    _i++;
                    if (char.IsWhiteSpace(c))
                    {
                        AppendSpace();
                    }
                    else
                    {
                        _out.Append(c);
                    }
                    break;
            }
        }
    }

    private void ParseDashes()
    {
        var count = 0;
        while (_i < _s.Length && _s[_i] == '-')
        {
            _i++;
            count++;
        }
        _out.Append(count switch { 1 => "-", 2 => "–", 3 => "—", _ => new string('-', count) });
    }

    private void ParseGroup(int depth, bool inNoCase)
    {
        if (_i < _s.Length && _s[_i] == '\\')
        {
            var nameEnd = _i + 1;
            while (nameEnd < _s.Length && char.IsAsciiLetter(_s[nameEnd]))
            {
                nameEnd++;
            }
            if (Declarations.TryGetValue(_s[(_i + 1)..nameEnd], out var markup))
            {
                _i = nameEnd;
                SkipSpaces();
                _out.Append(markup.Open);
                ParseUntilClose(stopAtClose: true, depth + 1, inNoCase);
                _out.Append(markup.Close);
                return;
            }
            // A special character such as {\"o}: converted, never case-protected.
            ParseUntilClose(stopAtClose: true, depth + 1, inNoCase);
            return;
        }
        if (depth == 0 && _protectCase && !inNoCase)
        {
            var mark = _out.Length;
            _out.Append(NoCaseOpen);
            ParseUntilClose(stopAtClose: true, depth + 1, inNoCase: true);
            if (_out.Length == mark + NoCaseOpen.Length)
            {
                _out.Length = mark; // an empty group such as {} protects nothing
            }
            else
            {
                _out.Append(NoCaseClose);
            }
            return;
        }
        ParseUntilClose(stopAtClose: true, depth + 1, inNoCase);
    }

    private void ParseCommand(int depth, bool inNoCase)
    {
        _i++; // the backslash
        if (_i >= _s.Length)
        {
            _out.Append('\\');
            return;
        }
        var first = _s[_i];
        if (!char.IsAsciiLetter(first))
        {
            _i++;
            if (AccentMarks.TryGetValue(first, out var mark))
            {
                AppendAccented(mark);
                return;
            }
            switch (first)
            {
                case ' ' or '\n' or '\t' or ';' or '\\':
                    AppendSpace();
                    break;
                case ',':
                    _out.Append('\u202F');
                    break;
                case '-' or '/' or '!' or '@':
                    break; // discretionary hyphen, italic correction, negative space, spacing hint
                default:
                    _out.Append(first); // \& \% \$ \# \_ \{ \}
                    break;
            }
            return;
        }
        var start = _i;
        while (_i < _s.Length && char.IsAsciiLetter(_s[_i]))
        {
            _i++;
        }
        var name = _s[start.._i];
        // TeX ends a command name at the first non-letter and swallows the spaces after it.
        SkipSpaces();
        if (name.Length == 1 && AccentMarks.TryGetValue(name[0], out var letterMark))
        {
            AppendAccented(letterMark);
            return;
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            _out.Append(symbol);
            if (_i + 1 < _s.Length && _s[_i] == '{' && _s[_i + 1] == '}')
            {
                _i += 2; // \o{} and the like
            }
            return;
        }
        if (Wrappers.TryGetValue(name, out var markup))
        {
            _out.Append(markup.Open);
            ParseArgument(depth, inNoCase || markup.Open == NoCaseOpen);
            _out.Append(markup.Close);
            return;
        }
        if (Declarations.TryGetValue(name, out _))
        {
            return; // a declaration outside the start of a group: its styling is dropped
        }
        switch (name)
        {
            case "url":
                _out.Append(ReadRawArgument());
                return;
            case "href":
                ReadRawArgument();
                ParseArgument(depth, inNoCase);
                return;
        }
        // An unknown command: its name is dropped and its argument, if any, kept as text.
        if (_i < _s.Length && _s[_i] == '{')
        {
            ParseArgument(depth, inNoCase);
        }
    }

    /// <summary>Converts one argument ({group} or a single character) at the command's own level.</summary>
    private void ParseArgument(int depth, bool inNoCase)
    {
        SkipSpaces();
        if (_i >= _s.Length)
        {
            return;
        }
        if (_s[_i] == '{')
        {
            _i++;
            // The argument's braces delimit it but do not count as a level: {NASA} inside
            // \emph{...} at the top of a value is protected as if it stood there directly.
            ParseUntilClose(stopAtClose: true, depth, inNoCase);
            return;
        }
        if (_s[_i] == '\\')
        {
            ParseCommand(depth, inNoCase);
            return;
        }
        _out.Append(_s[_i]);
        _i++;
    }

    /// <summary>The argument text as written, without conversion (URLs).</summary>
    private string ReadRawArgument()
    {
        SkipSpaces();
        if (_i >= _s.Length || _s[_i] != '{')
        {
            return string.Empty;
        }
        var depth = 0;
        var start = _i + 1;
        for (; _i < _s.Length; _i++)
        {
            if (_s[_i] == '{')
            {
                depth++;
            }
            else if (_s[_i] == '}' && --depth == 0)
            {
                _i++;
                return _s[start..(_i - 1)];
            }
        }
        return _s[start..];
    }

    /// <summary>Applies a combining mark to the first character of the next argument: \"o, \"{o},
    /// \v{c}, \'\i (dotless i takes the accent as a plain i).</summary>
    private void AppendAccented(char mark)
    {
        SkipSpaces();
        string argument;
        if (_i < _s.Length && _s[_i] == '{')
        {
            var raw = ReadRawArgument().Trim();
            argument = raw is "\\i" or "\\j" ? raw[1..] : ToUnicode(raw);
        }
        else if (_i + 1 < _s.Length && _s[_i] == '\\' && (_s[_i + 1] == 'i' || _s[_i + 1] == 'j')
            && (_i + 2 >= _s.Length || !char.IsAsciiLetter(_s[_i + 2])))
        {
            argument = _s[_i + 1].ToString();
            _i += 2;
            SkipSpaces();
        }
        else if (_i < _s.Length)
        {
            argument = _s[_i].ToString();
            _i++;
        }
        else
        {
            argument = string.Empty;
        }
        if (argument.Length == 0)
        {
            _out.Append(mark);
            return;
        }
        var composed = string.Concat(argument.AsSpan(0, 1), mark.ToString(), argument.AsSpan(1)).Normalize(NormalizationForm.FormC);
        _out.Append(composed);
    }

    private void SkipSpaces()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private void AppendSpace()
    {
        if (_out.Length > 0 && _out[^1] != ' ')
        {
            _out.Append(' ');
        }
    }

    /// <summary>Months as written in BibTeX: abbreviations, English names, numbers.</summary>
    public static int? ParseMonth(string text)
    {
        var t = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 12 ? number : null;
        }
        string[] names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        if (t.Length < 3)
        {
            return null;
        }
        var index = Array.IndexOf(names, t[..3]);
        return index < 0 ? null : index + 1;
    }
}
