// Where white space and punctuation at the edges of an entry's display blocks (block, left-margin,
// right-inline, indent) end up. Inline, an affix's characters read the same wherever a boundary
// falls; across display blocks they land in different boxes, so their place has to be chosen. The
// rules follow what citeproc-js prints, which moves affix characters between neighbouring output
// nodes before it writes them.
namespace Pub.Citations;

internal static class DisplayBlockPunctuation
{
    private const string Punctuation = ".,;:!?";

    public static FormattedText Adjust(FormattedText text)
    {
        var tokens = text.Tokens.ToList();
        MoveLeadingCharacterOutOfFirstBlock(tokens);
        MovePunctuationToPrecedingBlock(tokens);
        MoveTrailingSpaceOutOfLastBlock(tokens);
        return new FormattedText(tokens);
    }

    private static bool IsBlock(FormattedToken t) =>
        t.Kind is FormattedTokenKind.Open or FormattedTokenKind.Close
        && t.Format is FormatKind.Block or FormatKind.LeftMargin or FormatKind.RightInline or FormatKind.Indent;

    /// <summary>The first character of an entry's first block, when it is a space or punctuation from
    /// an affix, belongs to the entry rather than the block: "2003", not " 2003", in a left-margin
    /// whose date has the prefix " " and no block before it.</summary>
    private static void MoveLeadingCharacterOutOfFirstBlock(List<FormattedToken> tokens)
    {
        if (tokens.Count < 2 || !IsBlock(tokens[0]) || tokens[1] is not { Kind: FormattedTokenKind.Text, Text: [var first, ..] } head
            || (first != ' ' && !Punctuation.Contains(first, StringComparison.Ordinal)))
        {
            return;
        }
        tokens[1] = head with { Text = head.Text[1..] };
        tokens.Insert(0, new FormattedToken(FormattedTokenKind.Text, first.ToString(), default));
    }

    /// <summary>Punctuation opening a block that follows another block closes the one before it:
    /// a right-inline starting with the prefix ". " of its first text leaves its period at the end
    /// of the left-margin ("2005." then " Treaty Series"). A period already there absorbs it.</summary>
    private static void MovePunctuationToPrecedingBlock(List<FormattedToken> tokens)
    {
        for (var i = 1; i + 2 < tokens.Count; i++)
        {
            if (tokens[i - 1].Kind != FormattedTokenKind.Close || !IsBlock(tokens[i - 1]) || tokens[i].Kind != FormattedTokenKind.Open || !IsBlock(tokens[i])
                || tokens[i + 1] is not { Kind: FormattedTokenKind.Text, Text: [var mark, ..] } head || !Punctuation.Contains(mark, StringComparison.Ordinal))
            {
                continue;
            }
            tokens[i + 1] = head with { Text = head.Text[1..] };
            if (tokens[i - 2] is { Kind: FormattedTokenKind.Text } tail)
            {
                if (!tail.Text.EndsWith(mark))
                {
                    tokens[i - 2] = tail with { Text = tail.Text + mark };
                }
            }
            else
            {
                tokens.Insert(i - 1, new FormattedToken(FormattedTokenKind.Text, mark.ToString(), default));
                i++;
            }
        }
    }

    /// <summary>Trailing white space of an entry's last block goes after the block: a block's text
    /// never ends in a space.</summary>
    private static void MoveTrailingSpaceOutOfLastBlock(List<FormattedToken> tokens)
    {
        if (tokens.Count < 2 || tokens[^1] is not { Kind: FormattedTokenKind.Close } close || !IsBlock(close)
            || tokens[^2] is not { Kind: FormattedTokenKind.Text } last || last.Text.TrimEnd().Length == last.Text.Length)
        {
            return;
        }
        var trimmed = last.Text.TrimEnd();
        tokens[^2] = last with { Text = trimmed };
        tokens.Add(new FormattedToken(FormattedTokenKind.Text, last.Text[trimmed.Length..], default));
    }
}
