using Pub.Syntax;

namespace Pub.Html.Edition;

/// <summary>What the page shell needs beyond the document: the edition's place in the series, who
/// publishes it, and how files next to the page are named. All text here is plain text; the writer
/// escapes it.</summary>
public sealed record HtmlPageContext
{
    /// <summary>"Occasional Papers on Trafficking in Human Beings in the OSCE Region".</summary>
    public string? SeriesTitle { get; init; }

    /// <summary>"Occasional Paper No. 1".</summary>
    public string? NumberLabel { get; init; }

    public string? PublisherName { get; init; }

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
