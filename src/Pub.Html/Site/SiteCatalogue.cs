using Pub.Model;

namespace Pub.Html.Site;

/// <summary>What the site's index and feed list: every series with its works in number order, each work
/// with all its editions and languages. Text is plain; the writers escape it.</summary>
public sealed record SiteCatalogue(IReadOnlyList<SiteSeries> Series)
{
    public IEnumerable<SiteEdition> AllEditions => Series.SelectMany(s => s.Works).SelectMany(w => w.Editions);

    /// <summary>The newest publication date of any edition, the feed's <c>updated</c>; null when nothing is dated.</summary>
    public PublicationDate? Newest => AllEditions.Select(e => e.Date).OfType<PublicationDate>()
        .OrderByDescending(d => d.Iso, StringComparer.Ordinal).Cast<PublicationDate?>().FirstOrDefault();
}

/// <param name="Id">The series id from pub.yaml ("op").</param>
public sealed record SiteSeries(string Id, string Title, string? Issn, IReadOnlyList<SiteWork> Works);

/// <summary>One number of a series (or a draft without one) and its editions, newest edition first,
/// languages in a stable order.</summary>
public sealed record SiteWork(int? Number, string? NumberLabel, IReadOnlyList<SiteEdition> Editions);

/// <summary>One edition in one language. File names are relative to the output folder; a null file
/// was not published (or not built) and is not linked.</summary>
public sealed record SiteEdition(
    string SeriesId,
    int? Number,
    int Edition,
    string Language,
    string Title,
    string? Subtitle,
    IReadOnlyList<string> Authors,
    PublicationDate? Date,
    string? HtmlFile,
    string? PdfFile,
    long? PdfBytes,
    string? Summary)
{
    /// <summary>"op-001-en-ed1": the edition's stable name, from its HTML or PDF file.</summary>
    public string Key => Path.GetFileNameWithoutExtension(HtmlFile ?? PdfFile ?? $"{SeriesId}-{Number}-{Language}-ed{Edition}");
}

/// <summary>The site as a whole: its address (null for relative links), its language (pub.yaml's), who
/// publishes it and the generator line.</summary>
public sealed record SiteContext
{
    public string? BaseUrl { get; init; }

    public string Language { get; init; } = "en";

    public string PublisherName { get; init; } = "";

    public string? PublisherPlace { get; init; }

    public string Generator { get; init; } = "pub";

    public string IndexTemplate { get; init; } = "html/index.html";

    public string NotFoundTemplate { get; init; } = "html/404.html";
}
