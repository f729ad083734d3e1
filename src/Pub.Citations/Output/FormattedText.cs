// The processor's public output: a balanced sequence of text runs and formatting open/close marks.
// It converts to the document model (ToInlines), to HTML exactly as the CSL test suite expects, and
// to plain text.
using System.Text;
using Pub.Model;

namespace Pub.Citations;

public enum FormatKind
{
    Italic,
    Oblique,
    NormalStyle,
    Bold,
    Light,
    NormalWeight,
    SmallCaps,
    NormalVariant,
    Underline,
    NoDecoration,
    Superscript,
    Subscript,
    Baseline,
    Block,
    LeftMargin,
    RightInline,
    Indent,
    /// <summary>The output of one cited work inside a citation; the token's text is the reference's id.</summary>
    Work,
}

public enum FormattedTokenKind
{
    Text,
    Open,
    Close,
}

public readonly record struct FormattedToken(FormattedTokenKind Kind, string Text, FormatKind Format);

/// <summary>Rendered CSL output: formatted text with no HTML in it.</summary>
public sealed class FormattedText
{
    public FormattedText(IReadOnlyList<FormattedToken> tokens) => Tokens = tokens;

    public static FormattedText Empty { get; } = new([]);

    public IReadOnlyList<FormattedToken> Tokens { get; }

    public bool IsEmpty => !Tokens.Any(t => t.Kind == FormattedTokenKind.Text && t.Text.Length > 0);

    public string ToPlainText()
    {
        var sb = new StringBuilder();
        foreach (var t in Tokens)
        {
            if (t.Kind == FormattedTokenKind.Text)
            {
                sb.Append(t.Text);
            }
        }
        return sb.ToString();
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        foreach (var t in Tokens)
        {
            switch (t.Kind)
            {
                case FormattedTokenKind.Text:
                    AppendEscaped(sb, t.Text);
                    break;
                case FormattedTokenKind.Open:
                    sb.Append(OpenTag(t.Format));
                    break;
                default:
                    sb.Append(CloseTag(t.Format));
                    break;
            }
        }
        return sb.ToString();
    }

    public override string ToString() => ToPlainText();

    internal static void AppendEscaped(StringBuilder sb, string s)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&#38;");
                    break;
                case '<':
                    sb.Append("&#60;");
                    break;
                case '>':
                    sb.Append("&#62;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    private static string OpenTag(FormatKind f) => f switch
    {
        FormatKind.Italic => "<i>",
        FormatKind.Oblique => "<span style=\"font-style:oblique;\">",
        FormatKind.NormalStyle => "<span style=\"font-style:normal;\">",
        FormatKind.Bold => "<b>",
        FormatKind.Light => "<span style=\"font-weight:light;\">",
        FormatKind.NormalWeight => "<span style=\"font-weight:normal;\">",
        FormatKind.SmallCaps => "<span style=\"font-variant:small-caps;\">",
        FormatKind.NormalVariant => "<span style=\"font-variant:normal;\">",
        FormatKind.Underline => "<span style=\"text-decoration:underline;\">",
        FormatKind.NoDecoration => "<span style=\"text-decoration:none;\">",
        FormatKind.Superscript => "<sup>",
        FormatKind.Subscript => "<sub>",
        FormatKind.Baseline => "<span style=\"baseline\">",
        // Display blocks are laid out on their own lines, as citeproc-js writes them.
        FormatKind.Block => "\n\n    <div class=\"csl-block\">",
        FormatKind.LeftMargin => "\n    <div class=\"csl-left-margin\">",
        FormatKind.RightInline => "<div class=\"csl-right-inline\">",
        FormatKind.Indent => "<div class=\"csl-indent\">",
        _ => string.Empty,
    };

    private static string CloseTag(FormatKind f) => f switch
    {
        FormatKind.Italic => "</i>",
        FormatKind.Bold => "</b>",
        FormatKind.Superscript => "</sup>",
        FormatKind.Subscript => "</sub>",
        FormatKind.Block => "</div>\n",
        FormatKind.LeftMargin => "</div>",
        FormatKind.RightInline or FormatKind.Indent => "</div>\n  ",
        FormatKind.Work => string.Empty,
        _ => "</span>",
    };

    /// <summary>Converts to the project's inline model. Display blocks become spans with a class, the output of
    /// one cited work a <see cref="CitedWork"/>, and web addresses (URLs, DOIs as https://doi.org/…) links.</summary>
    public IReadOnlyList<Inline> ToInlines()
    {
        var stack = new Stack<(FormatKind? Kind, string Id, List<Inline> Items)>();
        stack.Push((null, "", []));
        foreach (var t in Tokens)
        {
            switch (t.Kind)
            {
                case FormattedTokenKind.Text:
                    if (t.Text.Length > 0)
                    {
                        var items = stack.Peek().Items;
                        if (items.Count > 0 && items[^1] is Text prev)
                        {
                            items[^1] = new Text(prev.Value + t.Text);
                        }
                        else
                        {
                            items.Add(new Text(t.Text));
                        }
                    }
                    break;
                case FormattedTokenKind.Open:
                    stack.Push((t.Format, t.Text, []));
                    break;
                default:
                    if (stack.Count > 1)
                    {
                        var (kind, id, content) = stack.Pop();
                        stack.Peek().Items.AddRange(Wrap(kind!.Value, id, content));
                    }
                    break;
            }
        }
        while (stack.Count > 1)
        {
            var (kind, id, content) = stack.Pop();
            stack.Peek().Items.AddRange(Wrap(kind!.Value, id, content));
        }
        return WebAddresses.Link(stack.Pop().Items);
    }

    private static IEnumerable<Inline> Wrap(FormatKind kind, string id, List<Inline> content) => kind switch
    {
        FormatKind.Italic or FormatKind.Oblique => [new Emphasis(content)],
        FormatKind.NormalStyle => [new Upright(content)],
        FormatKind.Bold => [new Strong(content)],
        FormatKind.NormalWeight or FormatKind.Light => [new NormalWeight(content)],
        FormatKind.SmallCaps => [new SmallCaps(content)],
        FormatKind.Underline => [new Underline(content)],
        FormatKind.Superscript => [new Superscript(content)],
        FormatKind.Subscript => [new Subscript(content)],
        FormatKind.Block => [new SpanInline(new Attributes(null, ["csl-block"], []), content)],
        FormatKind.LeftMargin => [new SpanInline(new Attributes(null, ["csl-left-margin"], []), content)],
        FormatKind.RightInline => [new SpanInline(new Attributes(null, ["csl-right-inline"], []), content)],
        FormatKind.Indent => [new SpanInline(new Attributes(null, ["csl-indent"], []), content)],
        FormatKind.Work => [new CitedWork(id, content)],
        _ => content,
    };
}
