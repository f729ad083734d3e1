using System.Text;

namespace Pub.Import;

/// <summary>A table cell placed on the table's grid, with the rows and columns it covers.</summary>
internal sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text);

/// <summary>
/// A table as Markdown: a pipe table when every cell covers one row and one column, otherwise a grid table,
/// the only Markdown table that can say a cell spans. In a grid table a cell spanning columns simply has no
/// "|" between them; a cell spanning rows has no "-" below it on the separator line between them:
/// <code>
/// +------+------+
/// | Form | Year |
/// +======+======+
/// | Both        |
/// +------+------+
/// | Long | 2023 |
/// +      +------+
/// |      | 2024 |
/// +------+------+
/// </code>
/// </summary>
internal static class MarkdownTable
{
    /// <param name="alignments">Per column: 'l', 'c', 'r' for a column Word aligns left, centred or right; anything else is default.</param>
    public static string Pipe(IReadOnlyList<GridCell> cells, int rows, int columns, IReadOnlyList<char> alignments)
    {
        var builder = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            var texts = Enumerable.Range(0, columns).Select(c => cells.FirstOrDefault(x => x.Row == r && x.Column == c)?.Text ?? "");
            builder.Append("| ").Append(string.Join(" | ", texts)).Append(" |\n");
            if (r == 0)
            {
                builder.Append('|').Append(string.Concat(Enumerable.Range(0, columns).Select(c => alignments.ElementAtOrDefault(c) switch
                {
                    'c' => ":---:|",
                    'r' => "---:|",
                    _ => "---|",
                }))).Append('\n');
            }
        }
        return builder.ToString().TrimEnd('\n');
    }

    public static string Grid(IReadOnlyList<GridCell> cells, int rows, int columns)
    {
        var owner = new GridCell?[rows, columns];
        foreach (var cell in cells)
        {
            for (var r = cell.Row; r < Math.Min(rows, cell.Row + cell.RowSpan); r++)
            {
                for (var c = cell.Column; c < Math.Min(columns, cell.Column + cell.ColumnSpan); c++)
                {
                    owner[r, c] = cell;
                }
            }
        }
        var widths = ColumnWidths(cells, columns);
        // The header separator only when no cell reaches from the first row into the second.
        var header = rows > 1 && Enumerable.Range(0, columns).All(c => owner[0, c] is null || owner[0, c] != owner[1, c]);
        var builder = new StringBuilder();
        for (var r = 0; r <= rows; r++)
        {
            builder.Append(Separator(owner, widths, r, rows, r == 1 && header ? '=' : '-')).Append('\n');
            if (r < rows)
            {
                builder.Append(Row(owner, widths, r)).Append('\n');
            }
        }
        return builder.ToString().TrimEnd('\n');
    }

    private static int[] ColumnWidths(IReadOnlyList<GridCell> cells, int columns)
    {
        var widths = Enumerable.Repeat(3, columns).ToArray();
        foreach (var cell in cells.Where(c => c.ColumnSpan == 1 && c.Column < columns))
        {
            widths[cell.Column] = Math.Max(widths[cell.Column], cell.Text.Length + 2);
        }
        // A spanning cell's text needs the widths of its columns and the borders between them.
        foreach (var cell in cells.Where(c => c.ColumnSpan > 1))
        {
            var last = Math.Min(columns, cell.Column + cell.ColumnSpan) - 1;
            var available = Enumerable.Range(cell.Column, last - cell.Column + 1).Sum(c => widths[c]) + (last - cell.Column);
            widths[last] += Math.Max(0, cell.Text.Length + 2 - available);
        }
        return widths;
    }

    private static string Separator(GridCell?[,] owner, int[] widths, int boundary, int rows, char rule)
    {
        var line = new StringBuilder("+");
        for (var c = 0; c < widths.Length; c++)
        {
            // A cell continuing across this boundary keeps its space open.
            var continues = boundary > 0 && boundary < rows && owner[boundary - 1, c] is { } above && above == owner[boundary, c];
            line.Append(continues ? ' ' : rule, widths[c]);
            var inside = continues && c + 1 < widths.Length && owner[boundary, c + 1] == owner[boundary, c] && owner[boundary - 1, c + 1] == owner[boundary, c];
            line.Append(inside ? ' ' : '+');
        }
        return line.ToString();
    }

    private static string Row(GridCell?[,] owner, int[] widths, int row)
    {
        var line = new StringBuilder("|");
        for (var c = 0; c < widths.Length;)
        {
            var cell = owner[row, c];
            var span = 1;
            while (cell is not null && c + span < widths.Length && owner[row, c + span] == cell)
            {
                span++;
            }
            var width = Enumerable.Range(c, span).Sum(x => widths[x]) + span - 1;
            // The text stands in the cell's first row only.
            var text = cell is not null && cell.Row == row ? cell.Text : "";
            line.Append(' ').Append(text.PadRight(width - 1)).Append('|');
            c += span;
        }
        return line.ToString();
    }

}
