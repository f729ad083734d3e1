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

    /// <summary>Heading levels listed in the table of contents (1 = top-level sections only).</summary>
    public int TocDepth { get; init; } = 2;
}

/// <summary>The page, or null when a template problem stopped it; problems are in <see cref="Diagnostics"/>.</summary>
public sealed record HtmlEditionResult(string? Html, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Html is not null;
}
