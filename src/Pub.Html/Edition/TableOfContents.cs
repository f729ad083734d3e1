using System.Text;
using Pub.Html.Fragments;

namespace Pub.Html.Edition;

/// <summary>Builds the nested list of the table of contents from the flat list of headings written.</summary>
internal static class TableOfContents
{
    public static string Write(IEnumerable<HtmlHeading> headings, int depth)
    {
        var entries = headings.Where(h => h.Listed && h.Level <= depth).ToList();
        if (entries.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder();
        // Levels of the lists currently open; an entry deeper than the last opens a nested list inside
        // the previous item, a shallower one closes lists until its own level.
        var open = new Stack<int>();
        foreach (var entry in entries)
        {
            if (open.Count == 0)
            {
                html.Append("<ol>\n");
                open.Push(entry.Level);
            }
            else if (entry.Level > open.Peek())
            {
                html.Append("\n<ol>\n");
                open.Push(entry.Level);
            }
            else
            {
                html.Append("</li>\n");
                while (open.Count > 1 && entry.Level < open.Peek())
                {
                    open.Pop();
                    html.Append("</ol>\n</li>\n");
                }
            }
            html.Append("<li><a href=\"").Append(HtmlText.Escape(entry.Href ?? "#" + entry.Id)).Append("\">");
            if (entry.Number is not null)
            {
                html.Append("<span class=\"secno\">").Append(HtmlText.Escape(entry.Number)).Append("</span> ");
            }
            html.Append(entry.ContentHtml).Append("</a>").Append(entry.DetailHtml);
        }
        html.Append("</li>\n");
        while (open.Count > 0)
        {
            open.Pop();
            html.Append("</ol>\n");
            if (open.Count > 0)
            {
                html.Append("</li>\n");
            }
        }
        return html.ToString();
    }
}
