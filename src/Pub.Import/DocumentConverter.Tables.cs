using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pub.Import;

/// <summary>Tables and pictures with their captions. A table with merged cells is written as a grid table
/// (<see cref="MarkdownTable"/>); a caption loses the "Table 1:" Word typed or numbered before it, since pub
/// numbers its own, and its label comes from the classification pass.</summary>
internal sealed partial class DocumentConverter
{
    private string FigureText(List<Segment> segments, BodyItem item)
    {
        _figureBlocks++;
        var image = segments.OfType<Segment.Image>().FirstOrDefault();
        if (image is null)
        {
            return "";
        }
        var caption = CaptionText(item.Caption);
        if (caption.Length == 0)
        {
            Note("a picture has no caption");
        }
        var alt = image.Description;
        if (alt is null || alt == caption)
        {
            Note("a picture has no alternative text of its own (Word's picture description); describe what it shows");
        }
        var attributes = $"#{item.Label}" + (alt is null ? "" : $" alt=\"{MarkdownText.AttributeValue(alt)}\"");
        return $"![{caption}]({image.Path}){{{attributes}}}";
    }

    private string CaptionText(BodyItem? caption)
    {
        if (caption is null)
        {
            return "";
        }
        var paragraph = (Paragraph)caption.Element;
        var text = SegmentText.Render(Inlines(paragraph), _linker.Knows).Trim();
        return CaptionNumber().Replace(text, "");
    }

    private string TableText(Table table, BodyItem item)
    {
        _tables++;
        var cells = new List<GridCell>();
        var owners = new Dictionary<(int Row, int Column), int>();
        var rowCount = 0;
        foreach (var row in table.Elements<TableRow>())
        {
            var column = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var continued = properties?.VerticalMerge is { } vertical && (vertical.Val is null || vertical.Val.Value == MergedCellValues.Continue);
                if (continued && owners.TryGetValue((rowCount - 1, column), out var above))
                {
                    // Word repeats a vertically merged cell in each row it covers, empty, marked "continue".
                    cells[above] = cells[above] with { RowSpan = cells[above].RowSpan + 1 };
                    for (var c = column; c < column + span; c++)
                    {
                        owners[(rowCount, c)] = above;
                    }
                    column += span;
                    continue;
                }
                var text = string.Join(" ", cell.Elements<Paragraph>().Select(p => SegmentText.Render(Inlines(p), _linker.Knows).Trim()).Where(t => t.Length > 0));
                cells.Add(new GridCell(rowCount, column, 1, span, text));
                for (var c = column; c < column + span; c++)
                {
                    owners[(rowCount, c)] = cells.Count - 1;
                }
                column += span;
            }
            rowCount++;
        }
        if (table.Descendants<Table>().Any())
        {
            Note("a table inside a table cell was flattened into text");
        }
        var columns = owners.Count == 0 ? 0 : owners.Keys.Max(k => k.Column) + 1;
        var merged = cells.Any(c => c.RowSpan > 1 || c.ColumnSpan > 1);
        var builder = new StringBuilder(merged ? MarkdownTable.Grid(cells, rowCount, columns) : MarkdownTable.Pipe(cells, rowCount, columns, Alignments(table)));
        var caption = CaptionText(item.Caption);
        if (caption.Length == 0)
        {
            Note("a table has no caption");
            return builder.ToString();
        }
        var labelled = LabelInCaption().IsMatch(caption.Replace("\\{", "{", StringComparison.Ordinal).Replace("\\}", "}", StringComparison.Ordinal).Replace("\\#", "#", StringComparison.Ordinal));
        if (labelled)
        {
            caption = caption[..caption.LastIndexOf("\\{", StringComparison.Ordinal)].TrimEnd();
        }
        return builder.Append("\n\nTable: ").Append(caption).Append(" {#").Append(item.Label).Append('}').ToString();
    }

    /// <summary>Each column's alignment, from the justification of its cell in the first row. Left and
    /// unjustified both read as the default: Word, and pandoc writing Word, do not tell them apart.</summary>
    private static List<char> Alignments(Table table) =>
        table.Elements<TableRow>().FirstOrDefault()?.Elements<TableCell>()
            .Select(cell => cell.Elements<Paragraph>().FirstOrDefault()?.ParagraphProperties?.Justification?.Val?.Value)
            .Select(justification => justification == JustificationValues.Center ? 'c' : justification == JustificationValues.Right ? 'r' : 'd')
            .ToList() ?? [];
}
