using System.Globalization;
using System.Xml.Linq;
using Pub.Citations;

namespace Pub.Import;

/// <summary>EndNote's XML record (as embedded in an <c>EN.CITE</c> field) → a CSL item. Only the fields a
/// report series cites are mapped; the rest of the record is not carried over.</summary>
internal static class EndNoteRecord
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Book"] = "book",
        ["Edited Book"] = "book",
        ["Book Section"] = "chapter",
        ["Journal Article"] = "article-journal",
        ["Magazine Article"] = "article-magazine",
        ["Newspaper Article"] = "article-newspaper",
        ["Report"] = "report",
        ["Government Document"] = "report",
        ["Thesis"] = "thesis",
        ["Web Page"] = "webpage",
        ["Case"] = "legal_case",
        ["Legal Rule or Regulation"] = "legislation",
        ["Statute"] = "legislation",
        ["Conference Paper"] = "paper-conference",
        ["Conference Proceedings"] = "paper-conference",
    };

    public static Reference ToReference(XElement record)
    {
        var typeName = (string?)record.Element("ref-type")?.Attribute("name") ?? "";
        var type = Types.GetValueOrDefault(typeName, "document");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string variable, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                variables[variable] = value.Trim();
            }
        }
        var titles = record.Element("titles");
        Put("title", titles?.Element("title")?.Value);
        Put("container-title", titles?.Element("secondary-title")?.Value ?? record.Element("periodical")?.Element("full-title")?.Value);
        Put("collection-title", titles?.Element("tertiary-title")?.Value);
        Put("publisher", record.Element("publisher")?.Value);
        Put("publisher-place", record.Element("pub-location")?.Value);
        Put("page", record.Element("pages")?.Value);
        Put("volume", record.Element("volume")?.Value);
        Put(type == "report" ? "number" : "issue", record.Element("number")?.Value);
        Put("DOI", record.Element("electronic-resource-num")?.Value);
        Put("URL", record.Element("urls")?.Descendants("url").FirstOrDefault()?.Value);
        var names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);
        var contributors = record.Element("contributors");
        foreach (var (element, variable) in new[] { ("authors", "author"), ("secondary-authors", "editor") })
        {
            var people = contributors?.Element(element)?.Elements("author").Select(a => Person(a.Value)).ToList();
            if (people is { Count: > 0 })
            {
                names[variable] = people;
            }
        }
        var dates = new Dictionary<string, DateValue>(StringComparer.Ordinal);
        if (int.TryParse(record.Element("dates")?.Element("year")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            dates["issued"] = new DateValue { Parts = [[year]] };
        }
        var id = record.Element("rec-number")?.Value.Trim() ?? "";
        return new Reference { Id = "endnote-" + id, Type = type, Variables = variables, Names = names, Dates = dates };
    }

    /// <summary>"Family, Given" is a person; a name without a comma (or ending in one) is an organisation.</summary>
    private static Name Person(string text)
    {
        var value = text.Trim();
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma == value.Length - 1)
        {
            return new Name { Literal = value.TrimEnd(',').Trim() };
        }
        return new Name { Family = value[..comma].Trim(), Given = value[(comma + 1)..].Trim() };
    }
}
