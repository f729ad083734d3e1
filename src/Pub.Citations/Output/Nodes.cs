// The evaluator's intermediate output: a small tree of text leaves and formatted groups. It keeps
// affixes, delimiters and quotes distinct from content so the final pass can move punctuation into
// quotes and drop doubled punctuation only where pieces meet, never inside a user's own text.
namespace Pub.Citations;

internal enum TextRole
{
    Content,
    Affix,
}

internal abstract class Node
{
    public abstract bool IsEmpty { get; }

    public abstract void CollectText(System.Text.StringBuilder sb);

    public string PlainText()
    {
        var sb = new System.Text.StringBuilder();
        CollectText(sb);
        return sb.ToString();
    }
}

internal sealed class TextNode(string text, TextRole role = TextRole.Content) : Node
{
    public string Text { get; set; } = text;
    public TextRole Role { get; } = role;
    /// <summary>Rendered from a locale term: capitalized when it opens a note citation, unless the style
    /// set it in lower case.</summary>
    public bool IsTerm { get; set; }

    /// <summary>Protected from text-case changes (nocase markup, URLs).</summary>
    public bool NoCase { get; set; }

    /// <summary>Typed by the author as a cite's prefix or suffix, not rendered by the style.</summary>
    public bool Typed { get; set; }

    /// <summary>A date rendered as its sort key (see <see cref="Evaluator.DateSortKey"/>).</summary>
    public bool IsDateKey { get; init; }

    /// <summary>A prefix or suffix of a group, macro call, date or number (not of a name list or a text
    /// variable or value): only these take part in turning nested parentheses into brackets in note
    /// citations.</summary>
    public bool OfGroup { get; set; }

    /// <summary>A delimiter, or the suffix of an element that is itself formatted (italic, bold …):
    /// after formatted text, such an affix keeps a mark that differs from the text's last one.</summary>
    public bool KeepsMarkAfterFormatting { get; set; }

    public override bool IsEmpty => Text.Length == 0;

    public override void CollectText(System.Text.StringBuilder sb) => sb.Append(Text);
}

internal sealed class GroupNode : Node
{
    public GroupNode(IEnumerable<Node>? children = null)
    {
        if (children is not null)
        {
            Children.AddRange(children);
        }
    }

    public List<Node> Children { get; } = [];
    public Formatting Formatting { get; set; } = Formatting.None;
    /// <summary>Wrap in locale quotes (CSL quotes="true" or quotes in the input text).</summary>
    public bool Quotes { get; set; }
    /// <summary>Input markup (&lt;i&gt; in a title) flips against the surrounding style instead of stacking.</summary>
    public bool FlipFlop { get; set; }
    /// <summary>&lt;span class="nodecor"&gt;: resets every active decoration.</summary>
    public bool NoDecor { get; set; }
    public DisplayMode? Display { get; set; }
    /// <summary>Marks the output of one name, so subsequent-author-substitute can replace it.</summary>
    public bool IsNameNode { get; set; }
    /// <summary>Marks the names of one variable without their label.</summary>
    public bool IsNameList { get; set; }
    /// <summary>The output of cs:choose, whose children join the enclosing element's list.</summary>
    public bool Splice { get; set; }
    /// <summary>Quotes typed in a cite prefix or suffix keep following punctuation outside.</summary>
    public bool InAffix { get; set; }
    /// <summary>Marks the rendering of one cited work (its reference id), so that it can link to its entry.</summary>
    public string? WorkId { get; set; }

    public override bool IsEmpty => Children.TrueForAll(c => c.IsEmpty);

    public override void CollectText(System.Text.StringBuilder sb)
    {
        foreach (var c in Children)
        {
            c.CollectText(sb);
        }
    }

    public static GroupNode Of(params Node[] children) => new(children);
}
