using Pub.Syntax;

namespace Pub.Model;

/// <summary>A person named in front matter. <see cref="Family"/> is the family name as it stands at the end of
/// <see cref="Name"/>, where it is more than the last word ("Ferrer Molina" in "Lucía Ferrer Molina").</summary>
public sealed record Person(string Name, string? Affiliation = null, string? Orcid = null, string? Email = null, string? Family = null);

public enum ManuscriptStatus
{
    Draft,
    Final,
}

public enum ManuscriptKind
{
    Paper,
    Handbook,
    Chapter,
}

/// <summary>Where a handbook's bibliography stands: one per chapter, or one for the whole volume.</summary>
public enum BibliographyScope
{
    Chapter,
    Volume,
}

/// <summary>A calendar date from the front matter; no time of day, no time zone.</summary>
public readonly record struct PublicationDate(int Year, int Month, int Day)
{
    public string Iso => $"{Year:D4}-{Month:D2}-{Day:D2}";

    public override string ToString() => Iso;
}

/// <summary>Front matter after validation. Optional fields are null when absent.</summary>
public sealed record Metadata
{
    public string? Series { get; init; }
    public int? Number { get; init; }
    public int Edition { get; init; } = 1;
    public string Title { get; init; } = "";
    public string? Subtitle { get; init; }
    public string? ShortTitle { get; init; }
    public IReadOnlyList<Person> Authors { get; init; } = [];
    public IReadOnlyList<Person> Editors { get; init; } = [];
    public PublicationDate? Date { get; init; }
    public string Language { get; init; } = "en";
    public IReadOnlyList<Block> Abstract { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Isbn { get; init; }
    public string? Doi { get; init; }
    public string? Licence { get; init; }
    public string? Copyright { get; init; }
    public string? Disclaimer { get; init; }
    public ManuscriptStatus Status { get; init; } = ManuscriptStatus.Draft;
    public IReadOnlyList<string> Bibliography { get; init; } = [];
    public string? Csl { get; init; }
    public ManuscriptKind Kind { get; init; } = ManuscriptKind.Paper;
    public IReadOnlyList<string> Chapters { get; init; } = [];

    /// <summary>The parts a handbook's chapters are grouped in, in order; empty when it has none. Chapters
    /// before the first part stand on their own.</summary>
    public IReadOnlyList<VolumePart> Parts { get; init; } = [];

    /// <summary>A handbook's chapters open on a right-hand page (front matter <c>chapters-open: right</c>, the
    /// default), or on the next page (<c>any</c>).</summary>
    public bool ChaptersOpenRight { get; init; } = true;

    /// <summary>Whether a handbook's chapters each list the works they cite (the default) or the volume lists
    /// every work cited in it in one bibliography after its last chapter (front matter <c>bibliography-scope</c>).</summary>
    public BibliographyScope BibliographyScope { get; init; } = BibliographyScope.Chapter;

    public IReadOnlyList<string> Nocite { get; init; } = [];

    /// <summary>Editions of the same work published before this one, oldest first; filled by the compiler from
    /// the series registry (empty for a first edition).</summary>
    public IReadOnlyList<EditionLink> EarlierEditions { get; init; } = [];

    /// <summary>The date of the first edition when this is a later one; filled by the compiler.</summary>
    public PublicationDate? FirstPublished { get; init; }

    /// <summary>The same number of the series in other languages; filled by the compiler from the workspace.</summary>
    public IReadOnlyList<EditionLink> Translations { get; init; } = [];
}

/// <summary>Another edition or translation of the same work: its edition number, language, title, date and the
/// file names (without folder) of its HTML and PDF editions in the output folder.</summary>
public sealed record EditionLink(int Edition, string Language, string Title, PublicationDate? Date, string HtmlFile, string PdfFile);

/// <summary>A footnote's content; <see cref="Number"/> is assigned by the footnote pass in reference order.</summary>
public sealed record Note(string Label, IReadOnlyList<Block> Blocks, int Number = 0)
{
    public SourceSpan? Span { get; init; }
}

/// <summary>One parsed manuscript file: a paper, a handbook front file or a handbook chapter.</summary>
public sealed record Document(
    string Path,
    Metadata Meta,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Note> Notes)
{
    /// <summary>Contributions of a handbook, in order; empty for a paper.</summary>
    public IReadOnlyList<Document> Chapters { get; init; } = [];

    /// <summary>Where each field of the front matter stands, for diagnostics raised after parsing.</summary>
    public IReadOnlyDictionary<string, SourceSpan> FieldSpans { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>Where each field's value stands, for diagnostics about the value rather than the field.</summary>
    public IReadOnlyDictionary<string, SourceSpan> FieldValueSpans { get; init; } = new Dictionary<string, SourceSpan>();

    public SourceText? Source { get; init; }
}

/// <summary>A part of an edited volume: its title and the chapters in it, as a range of chapter indexes.</summary>
public sealed record VolumePart(string Title, int FirstChapter, int ChapterCount)
{
    /// <summary>Whether the chapter at this index belongs to the part.</summary>
    public bool Holds(int chapter) => chapter >= FirstChapter && chapter < FirstChapter + ChapterCount;

    public SourceSpan? Span { get; init; }
}
