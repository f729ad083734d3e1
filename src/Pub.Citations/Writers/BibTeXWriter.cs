using System.Globalization;
using System.Text;

namespace Pub.Citations.Writers;

/// <summary>
/// One reference as a BibLaTeX entry, for "download the reference" files. Values are UTF-8 (BibLaTeX and
/// reference managers read it as it is); the characters TeX treats specially are escaped, and titles are
/// wrapped in an extra pair of braces so that no style changes their case. Fields are written in a fixed
/// order, so the same reference always gives the same bytes.
/// </summary>
public static class BibTeXWriter
{
    public static string Write(Reference reference)
    {
        var text = new StringBuilder();
        text.Append('@').Append(EntryType(reference.Type)).Append('{').Append(Key(reference.Id)).Append(",\n");
        void Field(string name, string? value, bool protect = false, bool escaped = false)
        {
            if (value is { Length: > 0 })
            {
                var tex = escaped ? value : Escape(value);
                text.Append("  ").Append(name).Append(" = {").Append(protect ? "{" + tex + "}" : tex).Append("},\n");
            }
        }
        string? Variable(string name) => reference.Variables.GetValueOrDefault(name);

        Field("author", Names(reference, "author"), escaped: true);
        Field("editor", Names(reference, "editor"), escaped: true);
        Field("title", Variable("title"), protect: true);
        Field("booktitle", Variable("container-title"), protect: true);
        Field("series", Variable("collection-title"));
        Field("number", Variable("collection-number") ?? Variable("number"));
        Field("edition", Variable("edition"));
        Field(reference.Type == "report" ? "institution" : "publisher", Variable("publisher"));
        Field("location", Variable("publisher-place"));
        if (reference.Dates.TryGetValue("issued", out var issued) && issued.Parts.Count > 0)
        {
            Field("date", string.Join('-', issued.Parts[0].Select((part, i) => part.ToString(i == 0 ? "D4" : "D2", CultureInfo.InvariantCulture))));
        }
        Field("isbn", Variable("ISBN"));
        Field("issn", Variable("ISSN"));
        Field("doi", Variable("DOI"));
        Field("url", Variable("URL"));
        Field("langid", Variable("language"));
        text.Length -= 2;
        text.Append("\n}\n");
        return text.ToString();
    }

    private static string EntryType(string cslType) => cslType switch
    {
        "report" => "report",
        "book" => "book",
        "chapter" => "incollection",
        "article-journal" => "article",
        _ => "misc",
    };

    /// <summary>A key may not hold spaces, commas or braces.</summary>
    private static string Key(string id) => new([.. id.Select(c => char.IsWhiteSpace(c) || c is ',' or '{' or '}' or '%' or '#' ? '-' : c)]);

    /// <summary>"Family, Given and Family, Given"; an institution is braced so that it is not split.</summary>
    private static string? Names(Reference reference, string variable)
    {
        if (!reference.Names.TryGetValue(variable, out var names) || names.Count == 0)
        {
            return null;
        }
        return string.Join(" and ", names.Select(n => n.Literal is { } literal
            ? "{" + Escape(literal) + "}"
            : Escape(n.Family ?? "") + (n.Given is { Length: > 0 } given ? ", " + Escape(given) : "")));
    }

    /// <summary>Escapes TeX's special characters. A name list is escaped name by name before it is joined.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\{",
                '}' => "\\}",
                '&' => "\\&",
                '%' => "\\%",
                '$' => "\\$",
                '#' => "\\#",
                '_' => "\\_",
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return text.ToString();
    }
}
