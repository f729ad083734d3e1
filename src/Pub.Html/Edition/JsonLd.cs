using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Pub.Model;

namespace Pub.Html.Edition;

/// <summary>schema.org metadata for search engines and catalogues: a Report in a CreativeWorkSeries
/// for a paper, a Book for a handbook. The encoder escapes &lt;, &gt; and &amp;, so the JSON can sit
/// inside a &lt;script&gt; element as it is.</summary>
internal static class JsonLd
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(Document document, HtmlPageContext context, string description)
    {
        var meta = document.Meta;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", meta.Kind == ManuscriptKind.Handbook ? "Book" : "Report");
            json.WriteString("name", meta.Title);
            WriteOptional(json, "alternativeHeadline", meta.Subtitle);
            json.WriteString("inLanguage", meta.Language);
            WritePeople(json, "author", meta.Authors);
            WritePeople(json, "editor", meta.Editors);
            if (meta.Date is { } date)
            {
                json.WriteString("datePublished", date.Iso);
            }
            WriteOptional(json, "description", description.Length > 0 ? description : null);
            if (meta.Keywords.Count > 0)
            {
                json.WriteString("keywords", string.Join(", ", meta.Keywords));
            }
            WriteOptional(json, "isbn", meta.Isbn);
            if (meta.Doi is { Length: > 0 } doi)
            {
                json.WriteString("identifier", "https://doi.org/" + doi);
            }
            WriteOptional(json, "license", meta.Licence);
            WriteOptional(json, "copyrightNotice", meta.Copyright);
            if (meta.Number is { } number && meta.Kind != ManuscriptKind.Handbook)
            {
                json.WriteString("reportNumber", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (context.SeriesTitle is { Length: > 0 } series)
            {
                json.WriteStartObject("isPartOf");
                json.WriteString("@type", "CreativeWorkSeries");
                json.WriteString("name", series);
                json.WriteEndObject();
            }
            if (context.PublisherName is { Length: > 0 } publisher)
            {
                json.WriteStartObject("publisher");
                json.WriteString("@type", "Organization");
                json.WriteString("name", publisher);
                WriteOptional(json, "location", context.PublisherPlace);
                json.WriteEndObject();
            }
            if (document.Chapters.Count > 0)
            {
                json.WriteStartArray("hasPart");
                foreach (var chapter in document.Chapters)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "Chapter");
                    json.WriteString("name", chapter.Meta.Title);
                    WritePeople(json, "author", chapter.Meta.Authors);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
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
