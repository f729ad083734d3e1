using Markdig;
using Markdig.Extensions.SmartyPants;

namespace Pub.Markdown;

/// <summary>The one Markdig pipeline pub uses, built once and never changed: CommonMark plus footnotes,
/// pipe and grid tables, attributes, definition lists, fenced divs, sub/superscript, smart punctuation and
/// Pandoc citations.</summary>
internal static class PubMarkdownPipeline
{
    public static MarkdownPipeline Instance { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseFootnotes()
            .UsePipeTables()
            .UseGridTables()
            .UseCustomContainers()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Superscript | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Subscript | Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseAutoLinks()
            .UseSmartyPants(new SmartyPantOptions())
            .UseGenericAttributes();
        builder.BlockParsers.Insert(0, new DefinitionListAfterTableParser());
        builder.InlineParsers.Insert(0, new CitationParser());
        builder.PreciseSourceLocation = true;
        // Last, so that its parsers come before those the other extensions add when the pipeline is built.
        builder.Extensions.Add(new NestingLimitExtension());
        return builder.Build();
    }
}
