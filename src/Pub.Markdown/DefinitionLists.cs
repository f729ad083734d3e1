using System.Text.RegularExpressions;
using Markdig.Extensions.DefinitionLists;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Pub.Markdown;

/// <summary>
/// Markdig's definition-list parser, except after a pipe table. Pandoc writes a table caption as a
/// paragraph starting with ": " after the table; Markdig recognises pipe tables only after block
/// parsing, so without this check the table's lines would become definition terms and the caption
/// their definition.
/// </summary>
internal sealed partial class DefinitionListAfterTableParser : DefinitionListParser
{
    // The delimiter row of a pipe table: "|---|:--:|", "--- | ---" …
    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DelimiterRow();

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.LastBlock is ParagraphBlock paragraph && paragraph.Lines.Count >= 2
            && paragraph.Lines.Lines[1].Slice.ToString() is var second && second.Contains('|', StringComparison.Ordinal) && DelimiterRow().IsMatch(second))
        {
            return BlockState.None;
        }
        return base.TryOpen(processor);
    }
}
