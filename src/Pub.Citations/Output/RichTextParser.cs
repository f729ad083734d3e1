// Parses the rich-text mini-markup allowed in CSL input strings (<i>, <b>, <sc>, <sup>, <sub>,
// <span class="nocase">, <span class="nodecor">, <span style="font-variant:small-caps;">) and quotation
// marks, into output nodes. Unbalanced tags stay literal text.
using System.Text;

namespace Pub.Citations;

internal static class RichTextParser
{
    private static readonly (string Open, string Close, Func<GroupNode> Make)[] Tags =
    [
        ("<i>", "</i>", () => new GroupNode { Formatting = new Formatting(FontStyle: FontStyle.Italic), FlipFlop = true }),
        ("<b>", "</b>", () => new GroupNode { Formatting = new Formatting(FontWeight: FontWeight.Bold), FlipFlop = true }),
        ("<sc>", "</sc>", () => new GroupNode { Formatting = new Formatting(FontVariant: FontVariant.SmallCaps), FlipFlop = true }),
        ("<sup>", "</sup>", () => new GroupNode { Formatting = new Formatting(VerticalAlign: VerticalAlign.Sup) }),
        ("<sub>", "</sub>", () => new GroupNode { Formatting = new Formatting(VerticalAlign: VerticalAlign.Sub) }),
        ("<span class=\"nocase\">", "</span>", () => new GroupNode()),
        ("<span class=\"nodecor\">", "</span>", () => new GroupNode { NoDecor = true }),
        ("<span style=\"font-variant:small-caps;\">", "</span>", () => new GroupNode { Formatting = new Formatting(FontVariant: FontVariant.SmallCaps), FlipFlop = true }),
        ("<span style=\"font-variant: small-caps;\">", "</span>", () => new GroupNode { Formatting = new Formatting(FontVariant: FontVariant.SmallCaps), FlipFlop = true }),
    ];

    /// <summary>Tags and quotations inside one another. Past this depth a tag or quotation mark is text: the
    /// output tree is walked by recursion, and a title with a thousand nested quotations would exhaust the stack.</summary>
    public const int MaxDepth = 32;

    public static bool HasMarkup(string s) => s.Contains('<', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
        || s.Contains('\'', StringComparison.Ordinal) || s.Contains('\u201C', StringComparison.Ordinal) || s.Contains('\u2018', StringComparison.Ordinal);

    public static Node Parse(string s)
    {
        if (!HasMarkup(s))
        {
            return new TextNode(s);
        }
        var root = new GroupNode();
        var stack = new List<(GroupNode Node, string Close, bool NoCase, int QuoteKind)> { (root, string.Empty, false, 0) };
        var sb = new StringBuilder();

        void Flush()
        {
            if (sb.Length > 0)
            {
                var top = stack[^1];
                top.Node.Children.Add(new TextNode(sb.ToString()) { NoCase = stack.Exists(x => x.NoCase) });
                sb.Clear();
            }
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '<')
            {
                var matched = false;
                foreach (var (open, close, make) in Tags)
                {
                    if (stack.Count <= MaxDepth && string.CompareOrdinal(s, i, open, 0, open.Length) == 0 && HasCloser(s, i + open.Length, open, close))
                    {
                        Flush();
                        var g = make();
                        stack[^1].Node.Children.Add(g);
                        // Small caps, superscript and subscript text keeps its case, like nocase.
                        var keepCase = open.Contains("nocase", StringComparison.Ordinal) || open.Contains("nodecor", StringComparison.Ordinal) || open is "<sc>" or "<sup>" or "<sub>" || open.Contains("small-caps", StringComparison.Ordinal);
                        stack.Add((g, close, keepCase, 0));
                        i += open.Length - 1;
                        matched = true;
                        break;
                    }
                }
                if (!matched && stack.Count > 1 && stack[^1].Close.Length > 0 && string.CompareOrdinal(s, i, stack[^1].Close, 0, stack[^1].Close.Length) == 0)
                {
                    Flush();
                    i += stack[^1].Close.Length - 1;
                    stack.RemoveAt(stack.Count - 1);
                    matched = true;
                }
                if (!matched)
                {
                    sb.Append(c);
                }
                continue;
            }
            var quoteKind = QuoteKindAt(s, i);
            if (quoteKind != 0)
            {
                // Closing the innermost open quote?
                if (stack[^1].QuoteKind == quoteKind && IsCloser(s, i))
                {
                    Flush();
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                // A mark closed by the very next one opens nothing: an empty quotation (l''') is a run
                // of apostrophes, while ''word'' still nests one quotation in another.
                var closedAtOnce = i + 1 < s.Length && QuoteKindAt(s, i + 1) == quoteKind && IsCloser(s, i + 1);
                if (stack.Count <= MaxDepth && IsOpener(s, i) && !closedAtOnce && HasQuoteCloser(s, i + 1, quoteKind))
                {
                    Flush();
                    var g = new GroupNode { Quotes = true, FlipFlop = true };
                    stack[^1].Node.Children.Add(g);
                    stack.Add((g, string.Empty, false, quoteKind));
                    continue;
                }
            }
            if (c == '\'')
            {
                sb.Append('\u2019');
                continue;
            }
            sb.Append(c);
        }
        Flush();
        // Unclosed groups: their content was already placed; nothing else to do.
        return root.Children.Count == 1 && root.Children[0] is TextNode t ? t : root;
    }

    private static bool HasCloser(string s, int from, string open, string close)
    {
        var depth = 1;
        for (var i = from; i < s.Length; i++)
        {
            if (string.CompareOrdinal(s, i, open, 0, open.Length) == 0)
            {
                depth++;
            }
            else if (string.CompareOrdinal(s, i, close, 0, close.Length) == 0)
            {
                depth--;
                if (depth == 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>1 = double quote ("/“/”), 2 = single quote ('/‘/’), 0 = not a quote.</summary>
    private static int QuoteKindAt(string s, int i) => s[i] switch
    {
        '"' or '\u201C' or '\u201D' => 1,
        '\'' or '\u2018' or '\u2019' => 2,
        _ => 0,
    };

    private static bool IsOpener(string s, int i)
    {
        if (s[i] is '\u201D' or '\u2019')
        {
            return false;
        }
        var before = i == 0 ? ' ' : s[i - 1];
        var after = i + 1 < s.Length ? s[i + 1] : ' ';
        return !char.IsLetterOrDigit(before) && !char.IsWhiteSpace(after);
    }

    private static bool IsCloser(string s, int i)
    {
        if (s[i] is '\u201C' or '\u2018')
        {
            return false;
        }
        var before = i == 0 ? ' ' : s[i - 1];
        var after = i + 1 < s.Length ? s[i + 1] : ' ';
        return !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
    }

    private static bool HasQuoteCloser(string s, int from, int kind)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (QuoteKindAt(s, i) == kind && IsCloser(s, i))
            {
                return true;
            }
        }
        return false;
    }
}
