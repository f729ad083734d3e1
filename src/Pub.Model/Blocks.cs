using Pub.Syntax;

namespace Pub.Model;

public abstract record Block
{
    public SourceSpan? Span { get; init; }
}

public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

/// <summary>A heading. <see cref="Number"/> ("2.1") is assigned by the numbering pass; unnumbered headings
/// (<c>{-}</c> or <c>.unnumbered</c>) keep it null.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, Attributes Attributes, bool Numbered = true, string? Number = null) : Block;

public sealed record ListItem(IReadOnlyList<Block> Blocks)
{
    public SourceSpan? Span { get; init; }
}

public sealed record BulletList(IReadOnlyList<ListItem> Items, bool Tight) : Block;

public sealed record OrderedList(int Start, char Delimiter, IReadOnlyList<ListItem> Items, bool Tight) : Block;

public sealed record DefinitionItem(IReadOnlyList<Inline> Term, IReadOnlyList<IReadOnlyList<Block>> Definitions);

public sealed record DefinitionList(IReadOnlyList<DefinitionItem> Items) : Block;

public sealed record BlockQuote(IReadOnlyList<Block> Blocks) : Block;

public sealed record CodeBlock(string? Language, string Code) : Block;

public sealed record ThematicBreak : Block;

public sealed record RawBlock(string Html) : Block;

/// <summary>A fenced div (<c>::: {#refs}</c>): a container with attributes.</summary>
public sealed record Div(Attributes Attributes, IReadOnlyList<Block> Blocks) : Block;

public enum ColumnAlignment
{
    Default,
    Left,
    Center,
    Right,
}

public sealed record TableCell(IReadOnlyList<Block> Blocks, int ColumnSpan = 1, int RowSpan = 1);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A table with an optional caption. Column widths are relative (summing to 1) when the source
/// gives them (grid tables), otherwise null and the writer decides.</summary>
public sealed record Table(
    IReadOnlyList<ColumnAlignment> Alignments,
    IReadOnlyList<double>? ColumnWidths,
    IReadOnlyList<TableRow> Header,
    IReadOnlyList<TableRow> Body,
    IReadOnlyList<Inline> Caption,
    Attributes Attributes,
    string? Number = null) : Block;

/// <summary>A figure: an image alone in its paragraph, with its caption. <see cref="Path"/> is relative to
/// the manuscript; <see cref="ResolvedPath"/> is the project-relative path once the metadata pass checked it.</summary>
public sealed record Figure(
    string Path,
    IReadOnlyList<Inline> Caption,
    string? AltText,
    Attributes Attributes,
    string? Number = null,
    string? ResolvedPath = null) : Block
{
    /// <summary>The page of a PDF figure its page attribute asks for, from 1; null when the attribute is not a page number.</summary>
    public int? Page => Attributes["page"] is not { } page ? 1
        : int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    /// <summary>The file a web page shows for this figure: the figure itself, or for a PDF figure the picture of its
    /// page made at build time ("map.pdf" page 2 is "map-page2.png"), since browsers show no PDF in an img element.</summary>
    public string? PicturePath => ResolvedPath is not { } path ? null
        : path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? FormattableString.Invariant($"{path[..^4]}-page{Page ?? 1}.png")
        : path;
}

/// <summary>Where the bibliography goes; the citation pass fills <see cref="Entries"/>.</summary>
public sealed record BibliographyBlock(Attributes Attributes, IReadOnlyList<BibliographyEntry> Entries) : Block;

public sealed record BibliographyEntry(string Key, IReadOnlyList<Inline> Content);
