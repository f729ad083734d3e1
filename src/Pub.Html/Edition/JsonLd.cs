using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pub.Html.Fragments;
using Pub.Model;

namespace Pub.Html.Edition;

/// <summary>schema.org metadata for search engines and catalogues: a Report in a CreativeWorkSeries
/// (with the series' ISSN) for a paper, a Book whose contributions are Chapters for a handbook. The encoder escapes &lt;, &gt; and &amp;, so the JSON can sit
/// inside a &lt;script&gt; element as it is.</summary>
internal static class JsonLd
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <param name="chapterUrls">The pages of the handbook's contributions, in order.</param>
    public static string Write(Document document, HtmlPageContext context, string description, IReadOnlyList<string> chapterUrls)
    {
        var meta = document.Meta;
        var isBook = meta.Kind == ManuscriptKind.Handbook;
        var pageUrl = context.PageFileName is { Length: > 0 } page ? ScholarlyMetadata.Absolute(context, page) : "";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", isBook ? "Book" : "Report");
            if (context.BaseUrl is { Length: > 0 } && pageUrl.Length > 0)
            {
                json.WriteString("@id", pageUrl);
                json.WriteString("url", pageUrl);
            }
            json.WriteString("name", meta.Title);
            WriteOptional(json, "alternativeHeadline", meta.Subtitle);
            json.WriteString("inLanguage", meta.Language);
            WritePeople(json, "author", meta.Authors);
            WritePeople(json, "editor", meta.Editors);
            WriteDateAndAbout(json, meta, description);
            WriteOptional(json, "isbn", meta.Isbn);
            if (meta.Doi is { Length: > 0 } doi)
            {
                json.WriteString("identifier", "https://doi.org/" + doi);
                json.WriteString("sameAs", "https://doi.org/" + doi);
            }
            if (meta.Edition > 1)
            {
                json.WriteString("bookEdition", meta.Edition.ToString(CultureInfo.InvariantCulture));
            }
            WriteOptional(json, "license", meta.Licence);
            WriteOptional(json, "copyrightNotice", meta.Copyright);
            if (meta.Number is { } number)
            {
                // A Report has reportNumber; a book's place in its series is its position.
                json.WriteString(isBook ? "position" : "reportNumber", number.ToString(CultureInfo.InvariantCulture));
            }
            WriteSeries(json, context, isBook);
            if (context.PublisherName is { Length: > 0 } publisher)
            {
                json.WriteStartObject("publisher");
                json.WriteString("@type", "Organization");
                json.WriteString("name", publisher);
                WriteOptional(json, "location", context.PublisherPlace);
                json.WriteEndObject();
            }
            if (context.PdfFileName is { Length: > 0 } pdf)
            {
                json.WriteStartObject("encoding");
                json.WriteString("@type", "MediaObject");
                json.WriteString("encodingFormat", "application/pdf");
                json.WriteString("contentUrl", ScholarlyMetadata.Absolute(context, pdf));
                json.WriteEndObject();
            }
            if (document.Chapters.Count > 0)
            {
                json.WriteStartArray("hasPart");
                for (var i = 0; i < document.Chapters.Count; i++)
                {
                    var chapter = document.Chapters[i].Meta;
                    json.WriteStartObject();
                    json.WriteString("@type", "Chapter");
                    if (i < chapterUrls.Count)
                    {
                        json.WriteString("url", chapterUrls[i]);
                    }
                    json.WriteString("position", (i + 1).ToString(CultureInfo.InvariantCulture));
                    json.WriteString("name", chapter.Title);
                    WriteOptional(json, "alternativeHeadline", chapter.Subtitle);
                    if (!string.Equals(chapter.Language, meta.Language, StringComparison.Ordinal))
                    {
                        json.WriteString("inLanguage", chapter.Language);
                    }
                    WritePeople(json, "author", chapter.Authors);
                    var summary = HtmlText.Plain(chapter.Abstract);
                    WriteOptional(json, "abstract", summary.Length > 0 ? summary : null);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One contribution's page: a Chapter by its own authors, part of the Book its editors made.</summary>
    public static string WriteChapter(Document chapter, Document book, int number, HtmlPageContext context, string description)
    {
        var meta = chapter.Meta;
        var pageUrl = context.PageFileName is { Length: > 0 } page ? ScholarlyMetadata.Absolute(context, page) : "";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Chapter");
            if (context.BaseUrl is { Length: > 0 } && pageUrl.Length > 0)
            {
                json.WriteString("@id", pageUrl);
                json.WriteString("url", pageUrl);
            }
            json.WriteString("name", meta.Title);
            WriteOptional(json, "alternativeHeadline", meta.Subtitle);
            json.WriteString("position", number.ToString(CultureInfo.InvariantCulture));
            json.WriteString("inLanguage", meta.Language);
            WritePeople(json, "author", meta.Authors);
            WriteDateAndAbout(json, meta, description);
            WriteOptional(json, "license", meta.Licence);

            var bookMeta = book.Meta;
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "Book");
            if (context.BaseUrl is { Length: > 0 } && context.BookFileName is { Length: > 0 } contents)
            {
                json.WriteString("@id", ScholarlyMetadata.Absolute(context, contents));
                json.WriteString("url", ScholarlyMetadata.Absolute(context, contents));
            }
            json.WriteString("name", bookMeta.Title);
            WriteOptional(json, "alternativeHeadline", bookMeta.Subtitle);
            WritePeople(json, "editor", bookMeta.Editors);
            WriteOptional(json, "isbn", bookMeta.Isbn);
            if (bookMeta.Doi is { Length: > 0 } doi)
            {
                json.WriteString("identifier", "https://doi.org/" + doi);
            }
            if (context.PublisherName is { Length: > 0 } publisher)
            {
                json.WriteStartObject("publisher");
                json.WriteString("@type", "Organization");
                json.WriteString("name", publisher);
                WriteOptional(json, "location", context.PublisherPlace);
                json.WriteEndObject();
            }
            WriteSeries(json, context, isBook: true);
            json.WriteEndObject();

            if (context.PdfFileName is { Length: > 0 } pdf)
            {
                json.WriteStartObject("encoding");
                json.WriteString("@type", "MediaObject");
                json.WriteString("encodingFormat", "application/pdf");
                json.WriteString("contentUrl", ScholarlyMetadata.Absolute(context, pdf));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A paper is part of a numbered series identified by its ISSN; schema.org's type for a
    /// series with an ISSN is CreativeWorkSeries (BookSeries for books).</summary>
    private static void WriteSeries(Utf8JsonWriter json, HtmlPageContext context, bool isBook)
    {
        if (context.SeriesTitle is not { Length: > 0 } series)
        {
            return;
        }
        json.WriteStartObject("isPartOf");
        json.WriteString("@type", isBook ? "BookSeries" : "CreativeWorkSeries");
        json.WriteString("name", series);
        WriteOptional(json, "issn", context.SeriesIssn);
        json.WriteEndObject();
    }

    /// <summary>Publication date, description and keywords, as a work and a contribution both have them.</summary>
    private static void WriteDateAndAbout(Utf8JsonWriter json, Metadata meta, string description)
    {
        if (meta.Date is { } date)
        {
            json.WriteString("datePublished", date.Iso);
        }
        WriteOptional(json, "description", description.Length > 0 ? description : null);
        if (meta.Keywords.Count > 0)
        {
            json.WriteString("keywords", string.Join(", ", meta.Keywords));
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            json.WriteString(name, value);
        }
    }

    private static void WritePeople(Utf8JsonWriter json, string name, IReadOnlyList<Person> people)
    {
        if (people.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var person in people)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("name", person.Name);
            if (person.Affiliation is { Length: > 0 } affiliation)
            {
                json.WriteStartObject("affiliation");
                json.WriteString("@type", "Organization");
                json.WriteString("name", affiliation);
                json.WriteEndObject();
            }
            if (person.Orcid is { Length: > 0 } orcid)
            {
                json.WriteString("identifier", OrcidUrl(orcid));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static string OrcidUrl(string orcid) =>
        orcid.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? orcid : "https://orcid.org/" + orcid;
}
