using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Pub.Markdown;

/// <summary>Puts the nesting limits first among the block and inline parsers, ahead of every parser that opens a
/// container, including those extensions add (fenced divs, footnotes, definition lists) when the pipeline is built.</summary>
internal sealed class NestingLimitExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Insert(0, new NestingLimitParser());
        pipeline.InlineParsers.Insert(0, new InlineNestingLimitParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

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

    /// <summary>Markdig containers inside one another, whatever they are: a level of a definition list, a grid
    /// table or a footnote takes two or three, and Markdig throws past 128.</summary>
    public const int MaxContainers = 96;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        var (levels, containers) = Depth(processor.CurrentContainer);
        if (levels < MaxDepth && containers < MaxContainers)
        {
            return BlockState.None;
        }
        var what = levels < MaxDepth ? "blocks nested deeper than pub follows"
            : (processor.CurrentChar == '>' ? "quotes" : processor.CurrentChar is ':' or '[' or '|' ? "blocks" : "lists") + $" nested deeper than {MaxDepth} levels";
        var line = processor.Line;
        processor.NewBlocks.Push(new TooDeepBlock(this, what)
        {
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
            ProcessInlines = false,
        });
        return BlockState.Break;
    }

    /// <summary>Levels a reader sees (a list and its item count once, the document not at all), and containers
    /// as Markdig counts them.</summary>
    private static (int Levels, int Containers) Depth(ContainerBlock? container)
    {
        int levels = 0, containers = 0;
        for (var block = container; block is not null and not MarkdownDocument; block = block.Parent)
        {
            containers++;
            if (block is not ListBlock)
            {
                levels++;
            }
        }
        return (levels, containers);
    }
}

/// <summary>The rest of a line that would have nested past <see cref="NestingLimitParser.MaxDepth"/>; it is kept as plain text.</summary>
internal sealed class TooDeepBlock(BlockParser parser, string what) : LeafBlock(parser)
{
    /// <summary>What was nested too deep, in the words of the diagnostic ("quotes nested deeper than 32 levels").</summary>
    public string What { get; } = what;
}

/// <summary>
/// Stops inline nesting at <see cref="MaxOpen"/> open brackets and emphasis runs. Markdig keeps each '[' and
/// each run of '*' or '_' that has not found its partner open as a container until the end of the paragraph,
/// and throws once more than 10,240 are open at once. This parser is tried first at those characters: past the
/// limit it takes the character as plain text, so it opens nothing. Lowering keeps unmatched delimiters as text
/// anyway, so a paragraph of thousands of '[' reads the same, only without the exception.
/// </summary>
internal sealed class InlineNestingLimitParser : Markdig.Parsers.InlineParser
{
    /// <summary>Open inline containers at once; far more than any sentence has, far fewer than Markdig's limit.</summary>
    public const int MaxOpen = 1000;

    public InlineNestingLimitParser()
    {
        OpeningCharacters = ['[', '!', '*', '_', '~', '^', '@'];
    }

    public override bool Match(Markdig.Parsers.InlineProcessor processor, ref Markdig.Helpers.StringSlice slice)
    {
        if (OpenContainers(processor) < MaxOpen)
        {
            return false;
        }
        int start = slice.Start;
        var position = processor.GetSourcePosition(start, out int line, out int column);
        processor.Inline = new Markdig.Syntax.Inlines.LiteralInline(slice.CurrentChar.ToString())
        {
            Span = new SourceSpan(position, position),
            Line = line,
            Column = column,
        };
        slice.SkipChar();
        return true;
    }

    /// <summary>The chain of containers still open at the end of the paragraph so far, as Markdig counts it.
    /// Walking it costs its length, which this parser keeps below <see cref="MaxOpen"/>.</summary>
    private static int OpenContainers(Markdig.Parsers.InlineProcessor processor)
    {
        int open = 0;
        for (var container = processor.Block?.Inline; container?.LastChild is Markdig.Syntax.Inlines.ContainerInline { IsClosed: false } child; container = child)
        {
            if (++open >= MaxOpen)
            {
                break;
            }
        }
        return open;
    }
}
