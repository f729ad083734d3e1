using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pub.Model;

namespace Pub.Html.Fragments;

// Tables and figures: the numbered floats, captioned "Table n: …" and "Figure n: …".
public sealed partial class HtmlFragmentWriter
{
    private int _uncaptionedTables;

    private void WriteTable(StringBuilder html, Table table)
    {
        // The wrapper scrolls a wide table sideways on a narrow screen instead of widening the page. A
        // scrolling box must be reachable by keyboard, so it is focusable, and a focusable box needs a
        // name: it is a region named by the table's caption.
        var tableId = table.Attributes.Id is { Length: > 0 } label ? Options.Ids.Claim(label) : null;
        var captioned = table.Number is not null || table.Caption.Count > 0;
        var captionId = captioned ? Options.Ids.Claim((tableId ?? "table") + "-caption") : null;
        html.Append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"");
        if (captionId is not null)
        {
            html.Append(" aria-labelledby=\"");
            HtmlText.Escape(html, captionId);
        }
        else
        {
            html.Append(" aria-label=\"");
            HtmlText.Escape(html, Options.Labels.Table + " " + (++_uncaptionedTables).ToString(CultureInfo.InvariantCulture));
        }
        html.Append("\">\n<table");
        if (tableId is not null)
        {
            html.Append(" id=\"");
            HtmlText.Escape(html, tableId);
            html.Append('"');
        }
        WriteAttributes(html, table.Attributes, claimId: false);
        html.Append(">\n");
        if (captionId is not null)
        {
            html.Append("<caption id=\"");
            HtmlText.Escape(html, captionId);
            html.Append("\">");
            WriteCaptionLabel(html, Options.Labels.Table, table.Number, table.Caption.Count > 0);
            WriteInlines(html, table.Caption);
            html.Append("</caption>\n");
        }
        if (table.ColumnWidths is { Count: > 0 } widths)
        {
            html.Append("<colgroup>\n");
            foreach (var width in widths)
            {
                var percent = Math.Round(width * 100, 2).ToString("0.##", CultureInfo.InvariantCulture);
                html.Append("<col style=\"width: ").Append(percent).Append("%\">\n");
            }
            html.Append("</colgroup>\n");
        }
        if (table.Header.Count > 0)
        {
            html.Append("<thead>\n");
            WriteRows(html, table.Header, table.Alignments, header: true);
            html.Append("</thead>\n");
        }
        html.Append("<tbody>\n");
        WriteRows(html, table.Body, table.Alignments, header: false);
        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private void WriteRows(StringBuilder html, IReadOnlyList<TableRow> rows, IReadOnlyList<ColumnAlignment> alignments, bool header)
    {
        foreach (var row in rows)
        {
            html.Append("<tr>");
            var column = 0;
            foreach (var cell in row.Cells)
            {
                html.Append(header ? "<th scope=\"col\"" : "<td");
                var alignment = column < alignments.Count ? alignments[column] : ColumnAlignment.Default;
                if (alignment != ColumnAlignment.Default)
                {
                    html.Append(" class=\"align-").Append(alignment.ToString().ToLowerInvariant()).Append('"');
                }
                if (cell.ColumnSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColumnSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                }
                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                }
                html.Append('>');
                WriteFlow(html, cell.Blocks, tight: true);
                html.Append(header ? "</th>" : "</td>");
                column += Math.Max(1, cell.ColumnSpan);
            }
            html.Append("</tr>\n");
        }
    }

    private void WriteFigure(StringBuilder html, Figure figure)
    {
        html.Append("<figure");
        WriteAttributes(html, figure.Attributes with { Pairs = [.. figure.Attributes.Pairs.Where(p => p.Key is not ("width" or "height"))] }, claimId: true);
        html.Append(">\n<img src=\"");
        var url = figure.PicturePath is { } picture ? Options.ImageUrl(picture) : figure.Path;
        HtmlText.Escape(html, HtmlText.IsSafeUrl(url) ? url : "");
        // Without alt text the caption is the best description there is; an empty alt would mark a
        // captioned figure as decoration.
        html.Append("\" alt=\"");
        HtmlText.Escape(html, figure.AltText ?? HtmlText.Plain(figure.Caption));
        html.Append('"');
        if (figure.Attributes["width"] is { } width && CssLength().IsMatch(width))
        {
            html.Append(" style=\"width: ").Append(width).Append('"');
        }
        html.Append(">\n");
        if (figure.Number is not null || figure.Caption.Count > 0)
        {
            html.Append("<figcaption>");
            WriteCaptionLabel(html, Options.Labels.Figure, figure.Number, figure.Caption.Count > 0);
            WriteInlines(html, figure.Caption);
            html.Append("</figcaption>\n");
        }
        html.Append("</figure>\n");
    }

    private void WriteCaptionLabel(StringBuilder html, string word, string? number, bool captionFollows)
    {
        if (number is null)
        {
            return;
        }
        html.Append("<span class=\"caption-label\">");
        HtmlText.Escape(html, word + "\u00A0" + number);
        if (captionFollows)
        {
            HtmlText.Escape(html, Options.Labels.CaptionSeparator.TrimEnd());
        }
        html.Append("</span>");
        if (captionFollows)
        {
            html.Append(' ');
        }
    }

    [GeneratedRegex(@"^\d{1,4}(\.\d{1,3})?(%|px|em|rem|cm|mm|in|pt)$", RegexOptions.CultureInvariant)]
    private static partial Regex CssLength();
}
