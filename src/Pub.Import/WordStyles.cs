using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pub.Import;

/// <summary>What a paragraph is for, by its style (and, for headings, its outline level).</summary>
internal enum ParagraphRole
{
    Body,
    Title,
    Subtitle,
    Author,
    Abstract,
    Date,
    Heading,
    Quote,
    Caption,

    /// <summary>A term of a definition list and its definition (pandoc's "Definition Term" and "Definition").</summary>
    DefinitionTerm,
    Definition,

    /// <summary>The heading of Word's table of contents ("Contents"), left out with the contents.</summary>
    ContentsHeading,
}

/// <summary>
/// The document's paragraph styles, by id, with what each one means to a manuscript. Word names its built-in
/// styles in English in styles.xml whatever the interface language ("heading 1", "Title", "Quote"), so roles
/// are read from names; a style inherits its role and outline level from the style it is based on.
/// </summary>
internal sealed class WordStyles
{
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);

    public WordStyles(MainDocumentPart main)
    {
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles.TryAdd(id, style);
            }
        }
        Language = main.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.Languages?.Val?.Value;
    }

    /// <summary>The document's default language (BCP 47), when its styles name one.</summary>
    public string? Language { get; }

    public (ParagraphRole Role, int Level) RoleOf(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is int direct && direct < 9)
        {
            return (ParagraphRole.Heading, direct + 1);
        }
        var id = properties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; id is not null && depth < 16 && _styles.TryGetValue(id, out var style); depth++)
        {
            var name = (style.StyleName?.Val?.Value ?? id).ToLowerInvariant();
            if (RoleByName(name) is { } role)
            {
                return role;
            }
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int level && level < 9)
            {
                return (ParagraphRole.Heading, level + 1);
            }
            id = style.BasedOn?.Val?.Value;
        }
        return (ParagraphRole.Body, 0);
    }

    /// <summary>The numbering a paragraph's style gives it ("List Bullet"), when the paragraph names none itself.</summary>
    public NumberingProperties? NumberingOf(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.NumberingProperties is { } direct)
        {
            return direct;
        }
        var id = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; id is not null && depth < 16 && _styles.TryGetValue(id, out var style); depth++)
        {
            if (style.StyleParagraphProperties?.NumberingProperties is { } numbering)
            {
                return numbering;
            }
            id = style.BasedOn?.Val?.Value;
        }
        return null;
    }

    /// <summary>True when a character style means emphasis or strong emphasis ("Emphasis", "Strong").</summary>
    public (bool Italic, bool Bold) CharacterStyle(string? id)
    {
        if (id is null || !_styles.TryGetValue(id, out var style))
        {
            return (false, false);
        }
        var name = (style.StyleName?.Val?.Value ?? id).ToLowerInvariant();
        return (name is "emphasis" or "intense emphasis" || style.StyleRunProperties?.Italic is not null,
            name is "strong" || style.StyleRunProperties?.Bold is not null);
    }

    private static (ParagraphRole, int)? RoleByName(string name)
    {
        if (name.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(name["heading ".Length..], out var level) && level is >= 1 and <= 9)
        {
            return (ParagraphRole.Heading, level);
        }
        return name switch
        {
            "title" => (ParagraphRole.Title, 0),
            "subtitle" => (ParagraphRole.Subtitle, 0),
            "author" => (ParagraphRole.Author, 0),
            "abstract" => (ParagraphRole.Abstract, 0),
            "date" => (ParagraphRole.Date, 0),
            "quote" or "intense quote" or "block text" or "block quote" or "blockquote" or "quotation" => (ParagraphRole.Quote, 0),
            "caption" or "table caption" or "image caption" or "figure caption" => (ParagraphRole.Caption, 0),
            "toc heading" => (ParagraphRole.ContentsHeading, 0),
            "definition term" => (ParagraphRole.DefinitionTerm, 0),
            "definition" => (ParagraphRole.Definition, 0),
            _ => null,
        };
    }
}
