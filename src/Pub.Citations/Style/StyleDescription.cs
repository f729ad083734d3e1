// What a style says about itself in <info>, read without parsing the rest of the file: enough to list
// styles, find one by its id and tell a dependent style from an independent one. Reading stops at the end
// of <info>, so describing a folder of hundreds of styles stays cheap.
using System.Xml;

namespace Pub.Citations;

/// <summary>How a style cites, as its <c>&lt;category citation-format&gt;</c> says (or, without one, its
/// <c>class</c>): a note style, or one of the in-text families.</summary>
public enum CitationFormat { Note, AuthorDate, Numeric, Label, Author, InText }

/// <summary>A style's identity: its title, its id URI, the id of its independent parent when it is a
/// dependent style, and how it cites.</summary>
public sealed record StyleDescription(string? Title, string? Id, string? ParentId, CitationFormat Format)
{
    public bool IsDependent => ParentId is not null;

    /// <summary>The format as CSL spells it: "note", "author-date", "numeric", "label", "author", or "in-text"
    /// for an in-text style that names no family.</summary>
    public string FormatName => Format switch
    {
        CitationFormat.Note => "note",
        CitationFormat.AuthorDate => "author-date",
        CitationFormat.Numeric => "numeric",
        CitationFormat.Label => "label",
        CitationFormat.Author => "author",
        _ => "in-text",
    };

    /// <summary>Reads the root element and <c>&lt;info&gt;</c>; null when the text is not well-formed XML up to
    /// there or its root is not <c>&lt;style&gt;</c> (a full parse reports why).</summary>
    public static StyleDescription? Read(string text)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "style")
            {
                return null;
            }
            var styleClass = reader.GetAttribute("class");
            string? title = null, id = null, parent = null, format = null;
            if (!reader.ReadToDescendant("info"))
            {
                return new StyleDescription(null, null, null, FormatOf(null, styleClass));
            }
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                // ReadElementContentAsString moves past the element itself; every other node is stepped over.
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    switch (reader.LocalName)
                    {
                        case "title" when title is null:
                            title = reader.ReadElementContentAsString().Trim();
                            continue;
                        case "id" when id is null:
                            id = reader.ReadElementContentAsString().Trim();
                            continue;
                        case "link" when reader.GetAttribute("rel") == "independent-parent":
                            parent = reader.GetAttribute("href");
                            break;
                        case "category" when reader.GetAttribute("citation-format") is { } value:
                            format = value;
                            break;
                    }
                }
                reader.Read();
            }
            return new StyleDescription(title, id, parent, FormatOf(format, styleClass));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static CitationFormat FormatOf(string? category, string? styleClass) => category switch
    {
        "note" => CitationFormat.Note,
        "author-date" => CitationFormat.AuthorDate,
        "numeric" => CitationFormat.Numeric,
        "label" => CitationFormat.Label,
        "author" => CitationFormat.Author,
        _ => styleClass == "note" ? CitationFormat.Note : CitationFormat.InText,
    };
}
