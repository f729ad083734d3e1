// The shared bibliography in the two forms the compared tools read: CSL-JSON (pub and Pandoc) and BibTeX
// (Typst). Both are written from the same references, field by field.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pub.Corpus;

public static class BibliographyWriter
{
    public static string CslJson(IReadOnlyList<Reference> references)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartArray();
            foreach (var r in references)
            {
                WriteItem(json, r);
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteItem(Utf8JsonWriter json, Reference r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("type", r.Type);
        json.WriteString("title", r.Title);
        WriteNames(json, "author", r.Authors);
        WriteNames(json, "editor", r.Editors);
        WriteOptional(json, "container-title", r.ContainerTitle);
        WriteOptional(json, "publisher", r.Publisher);
        WriteOptional(json, "publisher-place", r.Place);
        WriteOptional(json, "volume", r.Volume);
        WriteOptional(json, "issue", r.Issue);
        WriteOptional(json, "page", r.Pages);
        WriteOptional(json, "number", r.Number);
        WriteOptional(json, "authority", r.Authority);
        WriteOptional(json, "DOI", r.Doi);
        WriteOptional(json, "URL", r.Url);
        WriteOptional(json, "genre", r.Genre);
        json.WritePropertyName("issued");
        WriteDate(json, r.Year, r.Month, r.Day);
        if (r.Accessed is { } accessed)
        {
            var parts = accessed.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            json.WritePropertyName("accessed");
            WriteDate(json, parts[0], parts[1], parts[2]);
        }
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, int year, int? month, int? day)
    {
        json.WriteStartObject();
        json.WriteStartArray("date-parts");
        json.WriteStartArray();
        json.WriteNumberValue(year);
        if (month is { } m)
        {
            json.WriteNumberValue(m);
            if (day is { } d)
            {
                json.WriteNumberValue(d);
            }
        }
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter json, string variable, IReadOnlyList<Name> names)
    {
        if (names.Count == 0)
        {
            return;
        }
        json.WriteStartArray(variable);
        foreach (var name in names)
        {
            json.WriteStartObject();
            if (name.Literal is { } literal)
            {
                json.WriteString("literal", literal);
            }
            else
            {
                json.WriteString("family", name.Family);
                json.WriteString("given", name.Given);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    public static string BibTeX(IReadOnlyList<Reference> references)
    {
        var sb = new StringBuilder();
        foreach (var r in references)
        {
            var (entryType, fields) = BibTeXFields(r);
            sb.Append('@').Append(entryType).Append('{').Append(r.Id).Append(",\n");
            foreach (var (name, value) in fields)
            {
                sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
            }
            sb.Append("}\n\n");
        }
        return sb.ToString();
    }

    private static (string Type, List<(string, string)> Fields) BibTeXFields(Reference r)
    {
        var fields = new List<(string, string)>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add((name, value));
            }
        }
        Add("author", BibTeXNames(r.Authors));
        Add("editor", BibTeXNames(r.Editors));
        // Braces keep the capitals of a title as typed.
        Add("title", "{" + r.Title + "}");
        var type = r.Type switch
        {
            "article-journal" => "article",
            "book" => "book",
            "chapter" => "incollection",
            "report" => "report",
            "webpage" => "online",
            _ => "misc",
        };
        Add(type == "article" ? "journal" : type == "incollection" ? "booktitle" : type == "online" ? "organization" : "howpublished", r.ContainerTitle);
        Add(type == "report" ? "institution" : "publisher", r.Publisher);
        Add("address", r.Place);
        Add("volume", r.Volume);
        Add("number", r.Issue ?? r.Number);
        Add("pages", r.Pages?.Replace("–", "--", StringComparison.Ordinal));
        Add("note", r.Authority);
        Add("doi", r.Doi);
        Add("url", r.Url);
        Add("urldate", r.Accessed);
        Add("year", r.Year.ToString(CultureInfo.InvariantCulture));
        if (r.Month is { } month)
        {
            Add("month", month.ToString(CultureInfo.InvariantCulture));
        }
        return (type, fields);
    }

    private static string? BibTeXNames(IReadOnlyList<Name> names) =>
        names.Count == 0 ? null
        : string.Join(" and ", names.Select(n => n.Literal is { } literal ? "{" + literal + "}" : $"{n.Family}, {n.Given}"));
}
