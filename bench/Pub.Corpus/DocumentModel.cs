// One manuscript as a small tree, written out twice from the same tree: as Markdown for pub and Pandoc and
// as Typst markup, so both tools typeset the same text.
namespace Pub.Corpus;

public abstract record Inline;

public sealed record Words(string Text) : Inline;

public sealed record Emphasis(string Text) : Inline;

public sealed record Link(string Url) : Inline;

public sealed record Note(IReadOnlyList<Inline> Content) : Inline;

/// <summary>One cited work in a citation: an optional prefix ("see"), a locator ("p. 14") and suffix.</summary>
public sealed record CitedWork(string Key, string? Prefix = null, string? Locator = null, string? Suffix = null);

/// <summary>How a citation is written in Pandoc's syntax.</summary>
public enum CitationForm
{
    /// <summary>[@a], [@a, p. 3], [see @a; @b]</summary>
    Parenthetical,

    /// <summary>[-@a]: the year only, the author being named in the sentence.</summary>
    SuppressAuthor,

    /// <summary>@a or @a [p. 3]: the author as part of the sentence.</summary>
    Narrative,
}

public sealed record Citation(CitationForm Form, IReadOnlyList<CitedWork> Works) : Inline;

public abstract record Block;

public sealed record Heading(int Level, string Text) : Block;

public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

public sealed record ListBlock(bool Ordered, IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string Caption) : Block;

public sealed record Quotation(IReadOnlyList<Inline> Content) : Block;

public sealed record Manuscript(
    string Folder,
    int Number,
    string Title,
    string Subtitle,
    string ShortTitle,
    IReadOnlyList<(string Name, string Affiliation)> Authors,
    string Date,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<Block> Body);
