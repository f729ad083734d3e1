using Pub.Model;
using Pub.Syntax;

namespace Pub.Html.Edition;

/// <summary>What the page shell needs beyond the document: the edition's place in the series, who
/// publishes it, and how files next to the page are named. All text here is plain text; the writer
/// escapes it.</summary>
public sealed record HtmlPageContext
{
    /// <summary>"Occasional Papers on Trafficking in Human Beings in the OSCE Region".</summary>
    public string? SeriesTitle { get; init; }

    /// <summary>The series id from pub.yaml ("op"), for identifiers in metadata.</summary>
    public string? SeriesId { get; init; }

    /// <summary>The series' ISSN ("2664-4932"), for Highwire, Dublin Core and schema.org metadata.</summary>
    public string? SeriesIssn { get; init; }

    /// <summary>"Occasional Paper No. 1".</summary>
    public string? NumberLabel { get; init; }

    /// <summary>File name of this page ("op-001-en-ed1.html"); with <see cref="BaseUrl"/> it makes the
    /// canonical URL.</summary>
    public string? PageFileName { get; init; }

    /// <summary>On a contribution's page, the file name of the handbook's contents page.</summary>
    public string? BookFileName { get; init; }

    /// <summary>Where the site is published ("https://example.org/papers/"); null when unknown, and then
    /// metadata URLs stay relative to the page and no canonical URL is claimed.</summary>
    public string? BaseUrl { get; init; }

    public string? PublisherName { get; init; }

    /// <summary>The language the series title and publisher name are written in (pub.yaml's
    /// <c>language</c>); on a page in another language they are marked with it.</summary>
    public string? SeriesLanguage { get; init; }

    public string? PublisherPlace { get; init; }

    /// <summary>File name of the PDF edition beside the page, for a download link; null for none.</summary>
    public string? PdfFileName { get; init; }

    /// <summary>"pub 0.1.0"; no dates, so the page stays reproducible.</summary>
    public string Generator { get; init; } = "pub";

    public bool Draft { get; init; }

    /// <summary>The stamp shown on a draft; the language's word for "Draft" when null.</summary>
    public string? DraftStamp { get; init; }

    /// <summary>Maps a figure's project-relative ResolvedPath to the URL used in the page.</summary>
    public Func<string, string> ImageUrl { get; init; } = path => ProjectPath.FileName(path);

    /// <summary>The shell template, relative to <c>templates/</c>.</summary>
    public string ShellTemplate { get; init; } = "html/paper.html";

    /// <summary>The page shell of one contribution of a handbook, relative to <c>templates/</c>.</summary>
    public string ChapterShellTemplate { get; init; } = "html/chapter.html";

    /// <summary>Heading levels listed in the table of contents (1 = top-level sections only).</summary>
    public int TocDepth { get; init; } = 2;

    /// <summary>How this edition is cited, rendered in the series' house style; empty for no "Cite" block.</summary>
    public IReadOnlyList<Inline> SuggestedCitation { get; init; } = [];

    /// <summary>Citation files written beside the page (BibTeX, RIS, CSL-JSON), offered for download.</summary>
    public IReadOnlyList<CitationDownload> CitationDownloads { get; init; } = [];

    /// <summary>How each chapter of a handbook is cited, by chapter index, shown on the chapter's page.</summary>
    public IReadOnlyList<ChapterCitation> ChapterCitations { get; init; } = [];

    /// <summary>The file name of a handbook's contribution page, by its 1-based position; by default the
    /// page's name with "-ch1", "-ch2" … before ".html".</summary>
    public string ChapterFileName(int number)
    {
        var stem = PageFileName is { Length: > 0 } page && page.EndsWith(".html", StringComparison.Ordinal) ? page[..^5] : "chapter";
        return stem + "-ch" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".html";
    }
}

/// <summary>A citation file beside the page: "BibTeX", "op-001-en-ed1.bib", "application/x-bibtex".</summary>
public sealed record CitationDownload(string Label, string FileName, string MediaType);

/// <summary>One more page of an edition (a handbook's contribution), named relative to the output folder.</summary>
public sealed record HtmlPage(string FileName, string Html);

/// <summary>The page, or null when a template problem stopped it; problems are in <see cref="Diagnostics"/>.
/// A handbook's edition also has one page per contribution in <see cref="ChapterPages"/>.</summary>
public sealed record HtmlEditionResult(string? Html, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<HtmlPage> ChapterPages { get; init; } = [];

    public bool Succeeded => Html is not null;
}

/// <summary>A chapter's entry in the volume's citation style and its citation files.</summary>
public sealed record ChapterCitation(IReadOnlyList<Inline> Text, IReadOnlyList<CitationDownload> Downloads);
