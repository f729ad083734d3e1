using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Pub.Import.Tests;

/// <summary>Builds .docx files for the tests with the Open XML SDK, the way Word lays them out: named styles,
/// list definitions (1: bullets, 2: decimal numbers), footnotes, comments, pictures and fields.</summary>
public sealed class WordFixture
{
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<Footnote> _footnotes = [];
    private readonly List<Comment> _comments = [];
    private readonly List<(string Id, byte[] Png)> _images = [];

    public string? Creator { get; init; }
    public string? Keywords { get; init; }
    public string Language { get; init; } = "en-GB";

    /// <summary>External hyperlink relationships of the document: (id, address).</summary>
    public IReadOnlyList<(string Id, string Uri)> Links { get; init; } = [];

    public WordFixture Add(OpenXmlElement block)
    {
        _body.Add(block);
        return this;
    }

    public WordFixture Paragraph(string? style, params OpenXmlElement[] content) => Add(P(style, content));

    public static Paragraph P(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(content);
        return paragraph;
    }

    public WordFixture ListItem(int numbering, int level, string text) =>
        Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numbering })), T(text)));

    public static Run T(string text, RunProperties? format = null)
    {
        var run = new Run();
        if (format is not null)
        {
            run.Append(format);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static Run Italic(string text) => T(text, new RunProperties(new Italic()));

    public static Run Bold(string text) => T(text, new RunProperties(new Bold()));

    public static Run Superscript(string text) => T(text, new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }));

    /// <summary>A complex field as Word writes it: begin, the instruction split over two runs, separate, the
    /// shown text (in two runs), end.</summary>
    public static OpenXmlElement[] Field(string instruction, string shown)
    {
        var half = instruction.Length / 2;
        return
        [
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" " + instruction[..half]) { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldCode(instruction[half..] + " ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            T(shown[..(shown.Length / 2)]),
            T(shown[(shown.Length / 2)..]),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        ];
    }

    public static SimpleField Simple(string instruction, string shown) => new(T(shown)) { Instruction = instruction };

    /// <summary>A Zotero citation field's instruction for items given as (CSL-JSON itemData, extra item properties).</summary>
    public static string Zotero(params (string ItemData, string Extra)[] items) =>
        "ADDIN ZOTERO_ITEM CSL_CITATION {\"citationID\":\"x1\",\"properties\":{\"formattedCitation\":\"…\",\"plainCitation\":\"…\",\"noteIndex\":0},\"citationItems\":["
        + string.Join(",", items.Select((item, i) => $"{{\"id\":{i + 1},\"uris\":[\"http://zotero.org/users/1/items/I{i + 1}\"],\"itemData\":{item.ItemData}{(item.Extra.Length > 0 ? "," + item.Extra : "")}}}"))
        + "],\"schema\":\"https://github.com/citation-style-language/schema/raw/master/csl-citation.json\"}";

    /// <summary>A run holding a reference to a new footnote with these paragraphs.</summary>
    public Run Footnote(params Paragraph[] paragraphs)
    {
        var id = _footnotes.Count + 1;
        var note = new Footnote { Id = id };
        foreach (var paragraph in paragraphs)
        {
            note.Append(paragraph);
        }
        _footnotes.Add(note);
        return new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }), new FootnoteReference { Id = id });
    }

    /// <summary>Comment markers around a run, and the comment itself.</summary>
    public OpenXmlElement[] Commented(string author, string comment, Run run)
    {
        var id = (_comments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _comments.Add(new Comment(new Paragraph(T(comment))) { Id = id, Author = author, Initials = "X" });
        return [new CommentRangeStart { Id = id }, run, new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id })];
    }

    public static InsertedRun Inserted(string author, string text) => new(T(text)) { Author = author, Id = "91", Date = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc) };

    public static DeletedRun Deleted(string author, string text) =>
        new(new Run(new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve })) { Author = author, Id = "92", Date = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc) };

    /// <summary>A paragraph holding only a picture, with Word's description (alternative text).</summary>
    public WordFixture Picture(byte[] png, string description)
    {
        var id = "rImg" + (_images.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _images.Add((id, png));
        var number = (uint)_images.Count;
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = 914400, Cy = 914400 },
            new Wp.DocProperties { Id = number, Name = "Picture " + number, Description = description },
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = number, Name = "image.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 914400, Cy = 914400 }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }));
        return Add(new Paragraph(new Run(new Drawing(inline))));
    }

    public static Table Table(IReadOnlyList<string[]> rows, (int Row, int Column)? spanTwo = null)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
            {
                // "↓" continues the cell above it (a vertical merge); the cell above then starts one.
                var cell = new TableCell();
                var properties = new TableCellProperties();
                if (spanTwo == (r, c))
                {
                    properties.Append(new GridSpan { Val = 2 });
                }
                if (rows[r][c] == "↓")
                {
                    properties.Append(new VerticalMerge());
                }
                else if (r + 1 < rows.Count && c < rows[r + 1].Length && rows[r + 1][c] == "↓")
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }
                cell.Append(properties);
                cell.Append(new Paragraph(rows[r][c] == "↓" ? new Run() : T(rows[r][c])));
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))));
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            if (_footnotes.Count > 0)
            {
                main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(_footnotes.Select(f => f.CloneNode(true)));
            }
            if (_comments.Count > 0)
            {
                main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(_comments.Select(c => c.CloneNode(true)));
            }
            foreach (var (id, uri) in Links)
            {
                main.AddHyperlinkRelationship(new Uri(uri), true, id);
            }
            foreach (var (id, png) in _images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var data = new MemoryStream(png);
                part.FeedData(data);
            }
            document.PackageProperties.Creator = Creator;
            document.PackageProperties.Keywords = Keywords;
        }
        return stream.ToArray();
    }

    private Styles Styles()
    {
        static Style Paragraph(string id, string name, int? outline = null)
        {
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (outline is { } level)
            {
                style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
            }
            return style;
        }
        static Style Based(Style style, string on)
        {
            style.Append(new BasedOn { Val = on });
            return style;
        }
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = Language }))),
            Paragraph("Normal", "Normal"),
            Paragraph("Title", "Title"),
            Paragraph("Subtitle", "Subtitle"),
            Paragraph("Heading1", "heading 1", 0),
            Paragraph("Heading2", "heading 2", 1),
            Based(Paragraph("TOCHeading", "TOC Heading"), "Heading1"),
            Paragraph("Quote", "Quote"),
            Paragraph("Caption", "caption"),
            Paragraph("ListParagraph", "List Paragraph"),
            Paragraph("Author", "Author"),
            Paragraph("DefinitionTerm", "Definition Term"),
            Paragraph("Definition", "Definition"),
            Paragraph("Abstract", "Abstract"));
    }

    private static Numbering Numbering()
    {
        static AbstractNum Definition(int id, NumberFormatValues format) =>
            new(Enumerable.Range(0, 3).Select(level => new Level(new NumberingFormat { Val = format }, new LevelText { Val = format == NumberFormatValues.Bullet ? "•" : $"%{level + 1}." }) { LevelIndex = level }))
            { AbstractNumberId = id };
        // 3: bullets at level 0 indented as deep as another list's second level, as pandoc writes a nested list.
        var nested = new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "–" },
            new PreviousParagraphProperties(new Indentation { Left = "1440", Hanging = "360" })) { LevelIndex = 0 }) { AbstractNumberId = 3 };
        return new Numbering(
            Definition(1, NumberFormatValues.Bullet),
            Definition(2, NumberFormatValues.Decimal),
            nested,
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 },
            new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = 3 });
    }
}
