using System.Globalization;
using System.Text;
using Pub.Html.Fragments;
using Pub.Model;

namespace Pub.Html.Edition;

/// <summary>
/// The &lt;meta&gt; tags that let catalogues and reference managers read a page as a publication:
/// Highwire Press <c>citation_*</c> tags (Google Scholar, Zotero), Dublin Core (library harvesters) and
/// OpenGraph (link previews). A paper is a technical report in a numbered series; a handbook is an
/// edited book, whose editors are named as editors, not authors. Values are plain text, escaped here;
/// tags are written in a fixed order, one per line, and only when they have a value.
/// </summary>
internal static class ScholarlyMetadata
{
    public static string Write(Document document, HtmlPageContext context, string description)
    {
        var meta = document.Meta;
        var isBook = meta.Kind == ManuscriptKind.Handbook;
        // Highwire Press.
        var tags = TitleAndAuthors(meta, context);
        foreach (var editor in meta.Editors)
        {
            tags.Name("citation_editor", editor.Name);
        }
        tags.Name("citation_publication_date", meta.Date?.Iso.Replace('-', '/'));
        tags.Name("citation_language", meta.Language);
        tags.Name("citation_pdf_url", context.PdfFileName is { Length: > 0 } pdf ? Absolute(context, pdf) : null);
        tags.Name("citation_issn", context.SeriesIssn);
        tags.Name("citation_isbn", meta.Isbn);
        tags.Name("citation_doi", meta.Doi);
        if (isBook)
        {
            tags.Name("citation_publisher", context.PublisherName);
        }
        else
        {
            tags.Name("citation_technical_report_number", meta.Number?.ToString(CultureInfo.InvariantCulture));
            tags.Name("citation_technical_report_institution", context.PublisherName);
        }
        tags.Name("citation_keywords", meta.Keywords.Count > 0 ? string.Join("; ", meta.Keywords) : null);

        // Dublin Core, in the DC-HTML convention: the schema link declares the "DC." prefix.
        DublinCore(tags, meta, meta.Editors, context, description);
        tags.Name("DC.identifier", meta.Doi is { Length: > 0 } doi ? "https://doi.org/" + doi : null);
        tags.Name("DC.identifier", meta.Isbn is { Length: > 0 } isbn ? "urn:isbn:" + isbn : null);
        tags.Name("DC.relation.ispartof", SeriesName(context));
        tags.Name("DC.rights", meta.Licence);

        // OpenGraph.
        tags.Property("og:type", isBook ? "book" : "article");
        tags.Property("og:title", FullTitle(meta));
        tags.Property("og:description", description.Length > 0 ? description : null);
        tags.Property("og:site_name", context.SeriesTitle);
        tags.Property("og:locale", OpenGraphLocale(meta.Language));
        if (context.BaseUrl is { Length: > 0 } && context.PageFileName is { Length: > 0 } here)
        {
            tags.Property("og:url", Absolute(context, here));
        }
        var prefix = isBook ? "book:" : "article:";
        // A book's authors are its contributors; its editors are not.
        foreach (var person in isBook ? document.Chapters.SelectMany(c => c.Meta.Authors).DistinctBy(p => p.Name) : meta.Authors)
        {
            tags.Property(prefix + "author", person.Name);
        }
        tags.Property(isBook ? "book:release_date" : "article:published_time", meta.Date?.Iso);
        tags.Property("book:isbn", isBook ? meta.Isbn : null);
        foreach (var keyword in meta.Keywords)
        {
            tags.Property(prefix + "tag", keyword);
        }
        return tags.ToString();
    }

    /// <summary>The Dublin Core description a paper's and a contribution's page share; a contribution names no
    /// contributors of its own (the book's editors stand in its Highwire tags).</summary>
    private static void DublinCore(Tags tags, Metadata meta, IReadOnlyList<Person> contributors, HtmlPageContext context, string description)
    {
        tags.Link("schema.DC", "http://purl.org/dc/elements/1.1/");
        tags.Name("DC.title", FullTitle(meta));
        foreach (var author in meta.Authors)
        {
            tags.Name("DC.creator", author.Name);
        }
        foreach (var contributor in contributors)
        {
            tags.Name("DC.contributor", contributor.Name);
        }
        tags.Name("DC.date", meta.Date?.Iso);
        tags.Name("DC.type", "Text");
        tags.Name("DC.language", meta.Language);
        tags.Name("DC.publisher", context.PublisherName);
        tags.Name("DC.description", description.Length > 0 ? description : null);
        foreach (var keyword in meta.Keywords)
        {
            tags.Name("DC.subject", keyword);
        }
    }

    /// <summary>What a paper's and a contribution's page both begin with: the canonical link (with a base URL)
    /// and Highwire's title and authors, each author with institution and ORCID.</summary>
    private static Tags TitleAndAuthors(Metadata meta, HtmlPageContext context)
    {
        var tags = new Tags();
        if (context.BaseUrl is { Length: > 0 } && context.PageFileName is { Length: > 0 } page)
        {
            tags.Link("canonical", Absolute(context, page));
        }
        tags.Name("citation_title", FullTitle(meta));
        foreach (var author in meta.Authors)
        {
            tags.Name("citation_author", author.Name);
            tags.Name("citation_author_institution", author.Affiliation);
            tags.Name("citation_author_orcid", author.Orcid is { Length: > 0 } orcid ? JsonLd.OrcidUrl(orcid) : null);
        }
        return tags;
    }

    /// <summary>
    /// The tags of one contribution's page: Highwire's chapter form (the chapter's own title and authors,
    /// the book as <c>citation_inbook_title</c> and <c>citation_book_title</c>, the book's editors), Dublin
    /// Core with the book as the relation it is part of, and OpenGraph for an article.
    /// </summary>
    public static string WriteChapter(Document chapter, Document book, HtmlPageContext context, string description)
    {
        var meta = chapter.Meta;
        var tags = TitleAndAuthors(meta, context);
        tags.Name("citation_inbook_title", FullTitle(book.Meta));
        tags.Name("citation_book_title", FullTitle(book.Meta));
        foreach (var editor in book.Meta.Editors)
        {
            tags.Name("citation_editor", editor.Name);
        }
        tags.Name("citation_publication_date", meta.Date?.Iso.Replace('-', '/'));
        tags.Name("citation_language", meta.Language);
        tags.Name("citation_pdf_url", context.PdfFileName is { Length: > 0 } pdf ? Absolute(context, pdf) : null);
        tags.Name("citation_isbn", book.Meta.Isbn);
        tags.Name("citation_doi", book.Meta.Doi);
        tags.Name("citation_publisher", context.PublisherName);
        tags.Name("citation_series_title", context.SeriesTitle);
        tags.Name("citation_keywords", meta.Keywords.Count > 0 ? string.Join("; ", meta.Keywords) : null);

        DublinCore(tags, meta, [], context, description);
        tags.Name("DC.relation.ispartof", FullTitle(book.Meta) + (book.Meta.Isbn is { Length: > 0 } isbn ? ", ISBN " + isbn : ""));
        tags.Name("DC.rights", meta.Licence);

        tags.Property("og:type", "article");
        tags.Property("og:title", FullTitle(meta));
        tags.Property("og:description", description.Length > 0 ? description : null);
        tags.Property("og:site_name", context.SeriesTitle);
        tags.Property("og:locale", OpenGraphLocale(meta.Language));
        if (context.BaseUrl is { Length: > 0 } && context.PageFileName is { Length: > 0 } here)
        {
            tags.Property("og:url", Absolute(context, here));
        }
        foreach (var author in meta.Authors)
        {
            tags.Property("article:author", author.Name);
        }
        tags.Property("article:published_time", meta.Date?.Iso);
        foreach (var keyword in meta.Keywords)
        {
            tags.Property("article:tag", keyword);
        }
        return tags.ToString();
    }

    public static string FullTitle(Metadata meta) =>
        meta.Subtitle is { Length: > 0 } subtitle ? meta.Title + ": " + subtitle : meta.Title;

    /// <summary>"Occasional Papers on … Region, ISSN 2664-4932": the series as a bibliographic relation.</summary>
    private static string? SeriesName(HtmlPageContext context) => context.SeriesTitle switch
    {
        null or "" => null,
        var title when context.SeriesIssn is { Length: > 0 } issn => title + ", ISSN " + issn,
        var title => title,
    };

    /// <summary>OpenGraph wants language_TERRITORY ("en_GB"); a tag without a region has no such form.</summary>
    private static string? OpenGraphLocale(string language)
    {
        var parts = language.Split('-');
        return parts.Length >= 2 && parts[0].Length is 2 or 3 && parts[^1].Length == 2
            ? parts[0].ToLowerInvariant() + "_" + parts[^1].ToUpperInvariant()
            : null;
    }

    /// <summary>A file beside the page as an absolute URL when the site's address is known, else as it is.</summary>
    public static string Absolute(HtmlPageContext context, string file) =>
        context.BaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + "/" + file : file;

    private sealed class Tags
    {
        private readonly StringBuilder _html = new();

        public void Name(string name, string? content) => Write("name", name, content);

        public void Property(string property, string? content) => Write("property", property, content);

        public void Link(string rel, string href)
        {
            _html.Append("<link rel=\"").Append(HtmlText.Escape(rel)).Append("\" href=\"").Append(HtmlText.Escape(href)).Append("\">\n");
        }

        private void Write(string attribute, string key, string? content)
        {
            if (content is not { Length: > 0 })
            {
                return;
            }
            _html.Append("<meta ").Append(attribute).Append("=\"").Append(key).Append("\" content=\"")
                .Append(HtmlText.Escape(content)).Append("\">\n");
        }

        public override string ToString() => _html.ToString();
    }
}
