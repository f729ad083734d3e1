using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Pub.Citations.Writers;

/// <summary>References as CSL-JSON (an array of items), the format citeproc processors and Zotero read.
/// Properties in a fixed order (id, type, names, dates, then variables by name); UTF-8 kept as it is.</summary>
public static class CslJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Write(IReadOnlyList<Reference> references)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartArray();
            foreach (var reference in references)
            {
                json.WriteStartObject();
                json.WriteString("id", reference.Id);
                json.WriteString("type", reference.Type);
                foreach (var (variable, names) in reference.Names.OrderBy(n => n.Key, StringComparer.Ordinal))
                {
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
                            if (name.Family is { } family)
                            {
                                json.WriteString("family", family);
                            }
                            if (name.Given is { } given)
                            {
                                json.WriteString("given", given);
                            }
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                foreach (var (variable, date) in reference.Dates.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    json.WriteStartObject(variable);
                    json.WriteStartArray("date-parts");
                    foreach (var parts in date.Parts)
                    {
                        json.WriteStartArray();
                        foreach (var part in parts)
                        {
                            json.WriteNumberValue(part);
                        }
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                foreach (var (variable, value) in reference.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    json.WriteString(variable, value);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
