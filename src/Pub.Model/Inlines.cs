// Pub.Model: the immutable document model every stage shares. Markdown is lowered into it, the
// resolve passes return new trees built from it, and both writers (HTML and the PDF layout) render it.
// The sets of Block and Inline records are closed: a writer handles each kind explicitly.
using Pub.Syntax;

namespace Pub.Model;

/// <summary>Identifier, classes and key-value pairs from Pandoc-style <c>{#id .class key=value}</c>.</summary>
public sealed record Attributes(string? Id, IReadOnlyList<string> Classes, IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    public static Attributes Empty { get; } = new(null, [], []);

    public bool HasClass(string name) => Classes.Contains(name, StringComparer.Ordinal);

    public string? this[string key] => Pairs.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value;
}

public abstract record Inline
{
    public SourceSpan? Span { get; init; }
}

public sealed record Text(string Value) : Inline;

public sealed record Emphasis(IReadOnlyList<Inline> Content) : Inline;

public sealed record Strong(IReadOnlyList<Inline> Content) : Inline;

public sealed record SmallCaps(IReadOnlyList<Inline> Content) : Inline;

public sealed record Superscript(IReadOnlyList<Inline> Content) : Inline;

public sealed record Subscript(IReadOnlyList<Inline> Content) : Inline;

public sealed record Underline(IReadOnlyList<Inline> Content) : Inline;

/// <summary>Upright text inside emphasis (CSL's font-style="normal" and title flip-flop).</summary>
public sealed record Upright(IReadOnlyList<Inline> Content) : Inline;

/// <summary>Normal-weight text inside strong text.</summary>
public sealed record NormalWeight(IReadOnlyList<Inline> Content) : Inline;

/// <summary>A span with attributes: a language passage (<c>lang=ru</c>), or text protected from case changes (<c>.nocase</c>).</summary>
public sealed record SpanInline(Attributes Attributes, IReadOnlyList<Inline> Content) : Inline;

public sealed record Code(string Value) : Inline;

public sealed record Link(string Url, string? Title, IReadOnlyList<Inline> Content) : Inline;

public sealed record InlineImage(string Path, string? Title, IReadOnlyList<Inline> Description) : Inline;

public sealed record LineBreak : Inline;

/// <summary>A line break in the source that renders as a space.</summary>
public sealed record SoftBreak : Inline;

/// <summary>Raw HTML written in a manuscript; the HTML writer passes only an allow-list of it.</summary>
public sealed record RawInline(string Html) : Inline;

/// <summary>A reference to a footnote. <see cref="Number"/> is assigned by the footnote pass.</summary>
public sealed record NoteRef(string Label, int Number = 0) : Inline;

/// <summary>A cross-reference to a labelled heading, figure or table (<c>@sec-intro</c>). <see cref="Resolved"/>
/// holds the rendered text ("Section 2", "Table 1") once the label pass ran.</summary>
public sealed record CrossRef(string Label, IReadOnlyList<Inline>? Resolved = null) : Inline;

/// <summary>One cited work inside a citation cluster.</summary>
public sealed record CiteItem(
    string Key,
    SourceSpan? KeySpan,
    IReadOnlyList<Inline> Prefix,
    string? Locator,
    string? LocatorLabel,
    IReadOnlyList<Inline> Suffix,
    bool SuppressAuthor,
    bool AuthorInText);

/// <summary>The part of a rendered citation that stands for one cited work (<see cref="Key"/> is its reference
/// id): both editions link it to the work's bibliography entry.</summary>
public sealed record CitedWork(string Key, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A citation cluster: <c>[see @a, p. 3; @b]</c>. <see cref="Rendered"/> holds the output of the
/// citation processor once the citation pass ran.</summary>
public sealed record Cite(IReadOnlyList<CiteItem> Items, IReadOnlyList<Inline>? Rendered = null) : Inline
{
    /// <summary>With a note style: a citation in the text of an author's own footnote, not the one the note opens
    /// with; a term it opens with ("ibid.") is not capitalized.</summary>
    public bool InNoteText { get; init; }

    /// <summary>An <see cref="InNoteText"/> citation written in brackets ("[@key]", not "@key"): it is set in
    /// parentheses, as Pandoc sets it, so that it does not run into the sentence around it.</summary>
    public bool Parenthesized { get; init; }
}
