using System.Globalization;
using System.Text;

namespace Pub.Citations.Writers;

/// <summary>
/// One reference in the RIS format that reference managers import: two-letter tags, "  - ", CRLF line
/// ends as the format specifies, ending with "ER". RIS has no escaping; a line break inside a value would
/// end the field, so values are kept on one line.
/// </summary>
public static class RisWriter
{
    public static string Write(Reference reference)
    {
        var text = new StringBuilder();
        void Tag(string tag, string? value)
        {
            if (value is { Length: > 0 })
            {
                text.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
            }
        }
        string? Variable(string name) => reference.Variables.GetValueOrDefault(name);

        Tag("TY", reference.Type switch { "report" => "RPRT", "book" => "BOOK", "chapter" => "CHAP", "article-journal" => "JOUR", _ => "GEN" });
        foreach (var name in reference.Names.GetValueOrDefault("author") ?? [])
        {
            Tag("AU", Name(name));
        }
        foreach (var name in reference.Names.GetValueOrDefault("editor") ?? [])
        {
            Tag("A2", Name(name));
        }
        Tag("TI", Variable("title"));
        Tag("T2", Variable("container-title"));
        Tag("T3", Variable("collection-title"));
        Tag("IS", Variable("collection-number") ?? Variable("number"));
        Tag("ET", Variable("edition"));
        Tag("PB", Variable("publisher"));
        Tag("CY", Variable("publisher-place"));
        if (reference.Dates.TryGetValue("issued", out var issued) && issued.Parts.Count > 0)
        {
            var parts = issued.Parts[0];
            Tag("PY", parts[0].ToString("D4", CultureInfo.InvariantCulture));
            // RIS dates are YYYY/MM/DD/other.
            Tag("DA", string.Join('/', parts.Select((p, i) => p.ToString(i == 0 ? "D4" : "D2", CultureInfo.InvariantCulture))) + (parts.Count < 3 ? "//" : "/"));
        }
        Tag("SN", Variable("ISBN") ?? Variable("ISSN"));
        Tag("DO", Variable("DOI"));
        Tag("UR", Variable("URL"));
        Tag("LA", Variable("language"));
        text.Append("ER  - \r\n");
        return text.ToString();
    }

    private static string Name(Name name) =>
        name.Literal ?? (name.Family ?? "") + (name.Given is { Length: > 0 } given ? ", " + given : "");

    private static string OneLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
