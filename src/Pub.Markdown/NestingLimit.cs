using Markdig.Parsers;
using Markdig.Syntax;

namespace Pub.Markdown;

/// <summary>
/// Stops block nesting at <see cref="MaxDepth"/> levels. Markdig gives up on anything nested past 128
/// containers by throwing, and every stage after it walks the tree recursively, so a line of 100,000
/// '>' would otherwise cost the whole manuscript or the process's stack. This parser is tried before
/// every other at the characters that open a container: at the limit it takes the rest of the line as
/// a <see cref="TooDeepBlock"/>, a leaf, so nothing on that line nests further and the tree stays at
/// most <see cref="MaxDepth"/> levels deep (twice that in Markdig containers, since a list level is a
/// list and an item).
/// </summary>
internal sealed class NestingLimitParser : BlockParser
{
    /// <summary>Quotes, list items, footnotes and fenced divs inside one another; far more than a manuscript needs.</summary>
    public const int MaxDepth = 32;

    public NestingLimitParser()
    {
        // Block quotes, bullets, ordered-list numbers, fenced divs and definitions, footnotes, grid tables.
        OpeningCharacters = ['>', '-', '*', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', '[', '|'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (Depth(processor.CurrentContainer) < MaxDepth)
        {
            return BlockState.None;
        }
        var line = processor.Line;
        processor.NewBlocks.Push(new TooDeepBlock(this, processor.CurrentChar == '>' ? "quotes" : processor.CurrentChar is ':' or '[' or '|' ? "blocks" : "lists")
        {
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
            ProcessInlines = false,
        });
        return BlockState.Break;
    }

    /// <summary>Levels a reader sees: a list and its item count once, the document not at all.</summary>
    private static int Depth(ContainerBlock? container)
    {
        int depth = 0;
        for (var block = container; block is not null and not MarkdownDocument; block = block.Parent)
        {
            if (block is not ListBlock)
            {
                depth++;
            }
        }
        return depth;
    }
}

/// <summary>The rest of a line that would have nested past <see cref="NestingLimitParser.MaxDepth"/>; it is kept as plain text.</summary>
internal sealed class TooDeepBlock(BlockParser parser, string what) : LeafBlock(parser)
{
    /// <summary>What was nested, in the words of the diagnostic: "quotes", "lists" or "blocks".</summary>
    public string What { get; } = what;
}
