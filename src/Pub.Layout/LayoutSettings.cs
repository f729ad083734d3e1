namespace Pub.Layout;

/// <summary>Page margins in points.</summary>
public sealed record Margins(double Top, double Bottom, double Inner, double Outer);

/// <summary>
/// Everything layout needs besides the document and the fonts. Sizes are in points (1/72 inch).
/// Images are passed in as bytes keyed by project-relative path, because layout never reads files.
/// </summary>
public sealed record LayoutSettings
{
    /// <summary>Stops layout that runs far longer than any manuscript needs (a bug, or input no limit caught):
    /// layout then throws <see cref="LayoutStoppedException"/> at the block it was setting.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>How each chapter of a handbook is cited, by chapter index, with its page range as the
    /// <see cref="Pub.Model.ChapterPages"/> placeholders; set under the chapter's abstract. Empty: no block.</summary>
    public IReadOnlyList<Pub.Model.ChapterCitationForms> ChapterCitations { get; init; } = [];

    public double PageWidth { get; init; } = 595.276;
    public double PageHeight { get; init; } = 841.89;
    public Margins Margins { get; init; } = new(Top: 78, Bottom: 78, Inner: 76, Outer: 76);
    public double FontSize { get; init; } = 10.5;
    /// <summary>Baseline-to-baseline distance as a multiple of the font size.</summary>
    public double Leading { get; init; } = 1.35;

    /// <summary>The series name in the running head of left pages and on the cover.</summary>
    public string? SeriesTitle { get; init; }
    /// <summary>"Occasional Paper No. 1": beside the series title on left pages and on the cover.</summary>
    public string? NumberLabel { get; init; }
    /// <summary>Running head of right pages; the document's short title (or title) when null.</summary>
    public string? ShortTitle { get; init; }
    public string? Publisher { get; init; }
    public int? Year { get; init; }

    /// <summary>The cover as page markup from the cover template; the built-in cover when null.</summary>
    public Compose.PageTemplate? CoverTemplate { get; init; }
    /// <summary>The imprint (the cover's back: identifiers, edition, rights, suggested citation) as page markup; no
    /// imprint page when null.</summary>
    public Compose.PageTemplate? ImprintTemplate { get; init; }

    /// <summary>A draft carries a light-grey watermark across every page and <see cref="DraftStamp"/> in the footer.</summary>
    public bool Draft { get; init; }
    /// <summary>The footer line of a draft: the word for "draft", with the build time when the build asked for one.</summary>
    public string DraftStamp { get; init; } = "DRAFT";
    /// <summary>The word set diagonally across the pages of a draft.</summary>
    public string DraftWatermark { get; init; } = "DRAFT";

    /// <summary>Figure and logo bytes (PNG, JPEG, SVG or PDF) by project-relative path, as figures name them in <c>ResolvedPath</c>.</summary>
    public IReadOnlyDictionary<string, byte[]> Images { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The page sizes (points, as the page's crop box shows it) of each PDF among <see cref="Images"/>: layout
    /// reads no PDF itself, so whoever reads the file for the writer measures it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(double Width, double Height)>> PdfPages { get; init; } =
        new Dictionary<string, IReadOnlyList<(double Width, double Height)>>();

    /// <summary>Hyphenation pattern files (the <c>hyph_*.dic</c> format) by language tag ("en-US", "ru"), as bytes.
    /// A language without patterns is not hyphenated.</summary>
    public IReadOnlyDictionary<string, byte[]> Hyphenation { get; init; } = new Dictionary<string, byte[]>();

    public double TextWidth => PageWidth - Margins.Inner - Margins.Outer;

    public double TextHeight => PageHeight - Margins.Top - Margins.Bottom;
}

/// <summary>Layout was stopped through <see cref="LayoutSettings.Stop"/>; <see cref="At"/> is the block it was
/// setting, as far as the manuscript says.</summary>
public sealed class LayoutStoppedException(Pub.Syntax.SourceSpan? at) : Exception("layout was stopped")
{
    public Pub.Syntax.SourceSpan? At { get; } = at;
}
