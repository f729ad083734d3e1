// The shared bibliography in the two forms the compared tools read: CSL-JSON (pub and Pandoc) and BibTeX
// (Typst). Both are written from the same references; the CSL-JSON by pub's own writer.
using System.Globalization;
using System.Text;
using Pub.Citations.Writers;

namespace Pub.Corpus;

public static class BibliographyWriter
{
    public static string CslJson(IReadOnlyList<Reference> references) => CslJsonWriter.Write([.. references.Select(Csl)]);

    /// <summary>A generated reference as pub's processor holds it.</summary>
    private static Citations.Reference Csl(Reference r)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = r.Title };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                variables[name] = value;
            }
        }
        Add("container-title", r.ContainerTitle);
        Add("publisher", r.Publisher);
        Add("publisher-place", r.Place);
        Add("volume", r.Volume);
        Add("issue", r.Issue);
        Add("page", r.Pages);
        Add("number", r.Number);
        Add("authority", r.Authority);
        Add("DOI", r.Doi);
        Add("URL", r.Url);
        Add("genre", r.Genre);
        var names = new Dictionary<string, IReadOnlyList<Citations.Name>>(StringComparer.Ordinal);
        foreach (var (variable, list) in new[] { ("author", r.Authors), ("editor", r.Editors) }.Where(n => n.Item2.Count > 0))
        {
            names[variable] = [.. list.Select(n => new Citations.Name { Family = n.Family, Given = n.Given, Literal = n.Literal })];
        }
        var dates = new Dictionary<string, Citations.DateValue>(StringComparer.Ordinal)
        {
            ["issued"] = new() { Parts = [[r.Year, .. r.Month is { } m ? (r.Day is { } d ? new[] { m, d } : [m]) : []]] },
        };
        if (r.Accessed is { } accessed)
        {
            dates["accessed"] = new() { Parts = [[.. accessed.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture))]] };
        }
        return new Citations.Reference { Id = r.Id, Type = r.Type, Variables = variables, Names = names, Dates = dates };
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
