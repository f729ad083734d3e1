// The processor's public data types: what the pipeline passes in (clusters of cites in document
// order) and what it gets back (rendered clusters, the bibliography and diagnostics).
using Pub.Syntax;

namespace Pub.Citations;

/// <summary>One cited item inside a cluster.</summary>
public sealed record CitationItem(string Id)
{
    public string? Locator { get; init; }
    /// <summary>A CSL locator term ("page", "chapter", "sub verbo" …); null means "page".</summary>
    public string? Label { get; init; }
    public string? Prefix { get; init; }
    public string? Suffix { get; init; }
    public bool SuppressAuthor { get; init; }
    public bool AuthorOnly { get; init; }
    /// <summary>Explicit position (0 first … 3 ibid-with-locator) used when positions are not computed.</summary>
    public int? Position { get; init; }
    public bool? NearNote { get; init; }
    public int? FirstReferenceNoteNumber { get; init; }
    public SourceSpan? Span { get; init; }
}

/// <summary>A citation cluster. <see cref="NoteNumber"/> is the footnote it sits in (0 = running text).</summary>
public sealed record CitationCluster(string Id, IReadOnlyList<CitationItem> Items, int NoteNumber = 0)
{
    /// <summary>The citation stands inside a sentence that goes on after it (a citation in the text of a
    /// footnote): the layout's closing suffix (the period that ends a note) is left out.</summary>
    public bool WithinSentence { get; init; }

    /// <summary>The citation stands in the text of a footnote, not at its start: a term it opens with ("ibid")
    /// is not capitalized, as it would be opening a note.</summary>
    public bool MidNote { get; init; }
}

public sealed record ProcessOptions
{
    /// <summary>Compute first/subsequent/ibid/near-note from document order and note numbers.
    /// When false, each cite's explicit <see cref="CitationItem.Position"/> is used.</summary>
    public bool ComputePositions { get; init; } = true;

    /// <summary>Items registered before any citation, in this order (uncited bibliography entries,
    /// "nocite"). Cited items not listed are registered in order of first citation.</summary>
    public IReadOnlyList<string> Register { get; init; } = [];

    /// <summary>Items registered after every citation, in this order: works listed in the bibliography
    /// but not cited ("nocite"). In a numeric style they are numbered after the cited works, as Zotero and
    /// Pandoc number them.</summary>
    public IReadOnlyList<string> Uncited { get; init; } = [];

    /// <summary>Restrict the bibliography to cited and registered items (true) or list every reference (false).</summary>
    public bool BibliographyOnlyRegistered { get; init; } = true;
}

public sealed record RenderedCluster(string Id, FormattedText Text);

public sealed record BibliographyEntry(string Id, FormattedText Text);

/// <summary>Layout parameters of the bibliography, for the writers.</summary>
public sealed record BibliographyFormat(bool HangingIndent, SecondFieldAlign? SecondFieldAlign, int LineSpacing, int EntrySpacing);

public sealed record Bibliography(IReadOnlyList<BibliographyEntry> Entries, BibliographyFormat Format)
{
    /// <summary>HTML as the CSL test suite (and citeproc-js) writes it.</summary>
    public string ToHtml()
    {
        var sb = new System.Text.StringBuilder("<div class=\"csl-bib-body\">\n");
        foreach (var e in Entries)
        {
            sb.Append("  <div class=\"csl-entry\">");
            sb.Append(e.Text.ToHtml()).Append("</div>\n");
        }
        sb.Append("</div>");
        return sb.ToString();
    }
}

public sealed record CslResult(
    IReadOnlyList<RenderedCluster> Citations,
    Bibliography? Bibliography,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> RegistryOrder);
