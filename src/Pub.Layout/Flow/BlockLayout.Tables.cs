using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Flow;

internal sealed partial class BlockLayout
{
    private const double CellPadX = 4, CellPadY = 3;

    /// <summary>
    /// A table spans the measure. Column widths come from the source when it gives them; otherwise from the
    /// content, as browsers size automatic tables: each column's minimum (its widest word) and maximum (its
    /// longest paragraph unbroken) widths; if all maxima fit, the slack is shared in proportion to them, else
    /// every column gets its minimum plus a share of the rest in proportion to (max − min). Rows do not break
    /// across pages; the header row stays with the first body row and is repeated at the top of every page the
    /// table continues on; booktabs-style rules.
    /// </summary>
    private void Table(Table table, Frame frame)
    {
        int columns = table.Header.Concat(table.Body).Select(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan))).DefaultIfEmpty(0).Max();
        if (columns == 0)
            return;
        // Cells are narrow and ragged: words break only at their own hyphens, never by the patterns.
        var cellFrame = frame with { Size = frame.Size * 0.9, Leading = 1.25, Alignment = Alignment.Left, Hyphenate = false };
        var widths = ColumnWidths(table, columns, cellFrame, frame.Width);
        Structure.Open(StructureRole.Table);
        try
        {
            SetTable(table, frame, cellFrame, widths);
        }
        finally
        {
            Structure.Close();
        }
    }

    private void SetTable(Table table, Frame frame, Frame cellFrame, double[] widths)
    {

        if (table.Caption.Count > 0 || table.Number is not null)
        {
            var captionFrame = frame with { Size = frame.Size * 0.95, Alignment = Alignment.Left };
            var spans = new List<Span>();
            if (table.Number is { } number)
                spans.Add(new TextSpan($"{Labels.Table} {number}" + (table.Caption.Count > 0 ? Labels.CaptionSeparator : ""), captionFrame.Style with { Bold = true }));
            spans.AddRange(Collect(table.Caption, captionFrame.Style));
            Space(Gap(frame) * 1.5);
            Structure.Open(StructureRole.Caption);
            var caption = SetText(spans, captionFrame);
            Structure.Close();
            foreach (var box in caption)
                box.KeepWithNext = true;
            if (Listed(table.Number, table.Attributes.Id, table.Caption, isTable: true) is { } id && caption.Count > 0)
                caption[0].Items.Insert(0, new DestinationItem(id, frame.Indent, 0));
            Space(frame.Size * 0.4);
        }
        else
        {
            Space(Gap(frame) * 1.5);
            Anchor(table.Attributes.Id, frame);
        }

        var rows = new List<FlowBox>();
        foreach (var row in table.Header)
            rows.Add(Row(row, table.Alignments, widths, cellFrame with { Bold = true }, frame.Indent, StructureRole.TH));
        int headerCount = rows.Count;
        foreach (var row in table.Body)
            rows.Add(Row(row, table.Alignments, widths, cellFrame, frame.Indent, StructureRole.TD));
        if (rows.Count == 0)
            return;

        double left = frame.Indent, right = frame.Indent + frame.Width;
        rows[0].Items.Add(new RuleItem(left, 0, right, 0, 0.8));
        if (headerCount > 0)
        {
            var lastHeader = rows[headerCount - 1];
            lastHeader.Items.Add(new RuleItem(left, lastHeader.Height, right, lastHeader.Height, 0.5));
            for (int i = 0; i < headerCount; i++)
                rows[i].KeepWithNext = true;
        }
        rows[^1].Items.Add(new RuleItem(left, rows[^1].Height, right, rows[^1].Height, 0.8));
        var header = rows.Take(headerCount).ToList();
        if (header.Count > 0)
        {
            foreach (var row in rows.Skip(headerCount))
                row.RepeatedHeader = header;
        }
        foreach (var box in rows)
            Emit(box);
        Space(Gap(frame) * 1.5);
    }

    private FlowBox Row(TableRow row, IReadOnlyList<ColumnAlignment> alignments, double[] widths, Frame cellFrame, double indent, StructureRole cellRole)
    {
        Structure.Open(StructureRole.TR);
        try
        {
            return SetRow(row, alignments, widths, cellFrame, indent, cellRole);
        }
        finally
        {
            Structure.Close();
        }
    }

    private FlowBox SetRow(TableRow row, IReadOnlyList<ColumnAlignment> alignments, double[] widths, Frame cellFrame, double indent, StructureRole cellRole)
    {
        var box = new FlowBox();
        double x = indent;
        int column = 0;
        var cells = new List<List<FlowBox>>();
        foreach (var cell in row.Cells)
        {
            int span = Math.Clamp(cell.ColumnSpan, 1, widths.Length - column);
            if (span <= 0)
                break;
            double width = widths.Skip(column).Take(span).Sum();
            var alignment = column < alignments.Count ? alignments[column] : ColumnAlignment.Default;
            var frame = cellFrame with
            {
                Indent = x + CellPadX,
                Width = width - 2 * CellPadX,
                Alignment = alignment switch
                {
                    ColumnAlignment.Right => Alignment.Right,
                    ColumnAlignment.Center => Alignment.Center,
                    _ => Alignment.Left,
                },
            };
            var content = Aside(() => Structure.Within(cellRole, () => Blocks(cell.Blocks, frame, frame.Size * 0.4)));
            double y = CellPadY;
            for (int i = 0; i < content.Count; i++)
            {
                if (i > 0)
                    y += content[i].SpaceBefore;
                foreach (var item in content[i].Items)
                    box.Items.Add(item.Translate(0, y));
                box.FirstBaseline ??= y + content[i].FirstBaseline;
                y += content[i].Height;
            }
            box.Height = Math.Max(box.Height, y + CellPadY);
            x += width;
            column += span;
        }
        box.Height = Math.Max(box.Height, cellFrame.LineHeight + 2 * CellPadY);
        return box;
    }

    private double[] ColumnWidths(Table table, int columns, Frame cellFrame, double total)
    {
        if (table.ColumnWidths is { Count: > 0 } given && given.Count == columns)
        {
            double sum = given.Sum();
            return [.. given.Select(w => total * w / (sum > 0 ? sum : 1))];
        }
        var min = new double[columns];
        var max = new double[columns];
        foreach (var (row, bold) in table.Header.Select(r => (r, true)).Concat(table.Body.Select(r => (r, false))))
        {
            int column = 0;
            foreach (var cell in row.Cells)
            {
                int span = Math.Max(1, cell.ColumnSpan);
                if (span == 1 && column < columns)
                {
                    var (mn, mx) = Extent(cell.Blocks, cellFrame with { Bold = bold }, total / columns);
                    min[column] = Math.Max(min[column], mn + 2 * CellPadX);
                    max[column] = Math.Max(max[column], mx + 2 * CellPadX);
                }
                column += span;
            }
        }
        double sumMin = min.Sum(), sumMax = max.Sum();
        var widths = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            if (sumMax <= total)
                widths[c] = sumMax > 0 ? max[c] + (total - sumMax) * max[c] / sumMax : total / columns;
            else if (sumMin <= total)
                widths[c] = min[c] + (total - sumMin) * (sumMax - sumMin > 0 ? (max[c] - min[c]) / (sumMax - sumMin) : 1.0 / columns);
            else
                widths[c] = total * min[c] / sumMin; // words will be cut; nothing fits anyway
        }
        return widths;
    }

    /// <summary>The narrowest and widest a cell's content can be set.</summary>
    private (double Min, double Max) Extent(IReadOnlyList<Block> blocks, Frame frame, double fallback)
    {
        double min = 0, max = 0;
        foreach (var block in blocks)
        {
            if (block is not Paragraph p)
            {
                min = Math.Max(min, fallback / 2);
                max = Math.Max(max, fallback);
                continue;
            }
            double line = 0;
            foreach (var item in measurer.Measure(Collect(p.Content, frame.Style)))
            {
                switch (item)
                {
                    case Box b:
                        min = Math.Max(min, b.Width);
                        line += b.Width;
                        break;
                    case Glue g:
                        line += g.Width;
                        break;
                    case Penalty:
                        max = Math.Max(max, line);
                        line = 0;
                        break;
                }
            }
            max = Math.Max(max, line);
        }
        return (min, max);
    }
}
