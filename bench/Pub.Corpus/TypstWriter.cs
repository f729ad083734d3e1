// The same manuscript as Typst markup, for the PDF comparison: the same headings, paragraphs, lists, tables,
// quotations, footnotes and citations, with Typst's citation forms for Pandoc's ("prose" for a narrative
// citation, "year" for a suppressed author).
using System.Globalization;
using System.Text;

namespace Pub.Corpus;

public static class TypstWriter
{
    public static string Write(Manuscript m, string bibliography, string style)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"#set document(title: \"{m.Title}\", author: ({string.Join(", ", m.Authors.Select(a => $"\"{a.Name}\""))},))\n");
        sb.Append("#set page(paper: \"a4\", margin: (x: 2.4cm, y: 2.6cm), numbering: \"1\")\n");
        sb.Append("#set text(lang: \"en\", size: 10pt)\n");
        sb.Append("#set par(justify: true)\n");
        sb.Append("#set heading(numbering: \"1.1\")\n\n");
        sb.Append("#align(center)[#text(18pt)[*").Append(Escape(m.Title)).Append("*] \\ #text(12pt)[").Append(Escape(m.Subtitle)).Append("]]\n\n");
        sb.Append("#align(center)[").Append(string.Join(", ", m.Authors.Select(a => Escape(a.Name)))).Append("]\n\n");
        sb.Append("*Abstract.* ").Append(Escape(m.Abstract)).Append("\n\n");
        foreach (var block in m.Body)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append('=', h.Level).Append(' ').Append(Escape(h.Text)).Append('\n');
                    break;
                case Paragraph p:
                    sb.Append(Inlines(p.Content)).Append('\n');
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        sb.Append(l.Ordered ? "+ " : "- ").Append(Inlines(item)).Append('\n');
                    }
                    break;
                case Quotation q:
                    sb.Append("#quote(block: true)[").Append(Inlines(q.Content)).Append("]\n");
                    break;
                case Table t:
                    sb.Append(CultureInfo.InvariantCulture, $"#figure(caption: [{Escape(t.Caption)}], table(columns: {t.Header.Count}, align: (left, right, right, right),\n");
                    sb.Append("  table.header(").Append(string.Join(", ", t.Header.Select(c => $"[*{Escape(c)}*]"))).Append("),\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("  ").Append(string.Join(", ", row.Select(c => $"[{Escape(c)}]"))).Append(",\n");
                    }
                    sb.Append("))\n");
                    break;
            }
            sb.Append('\n');
        }
        sb.Append(CultureInfo.InvariantCulture, $"#bibliography(\"{bibliography}\", title: \"References\", style: \"{style}\")\n");
        return sb.ToString();
    }

    private static string Inlines(IReadOnlyList<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Words w:
                    sb.Append(Escape(w.Text));
                    break;
                case Emphasis e:
                    sb.Append('_').Append(Escape(e.Text)).Append('_');
                    break;
                case Link l:
                    sb.Append("#link(\"").Append(l.Url).Append("\")");
                    break;
                case Note n:
                    sb.Append("#footnote[").Append(Inlines(n.Content)).Append(']');
                    break;
                case Citation c:
                    sb.Append(Citation(c));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Citation(Citation c)
    {
        static string Supplement(CitedWork w) =>
            string.Join(", ", new[] { w.Locator, w.Suffix }.Where(s => s is not null));
        string Cite(CitedWork w, string? form)
        {
            var supplement = Supplement(w);
            var call = form is null && supplement.Length == 0 ? $"#cite(<{w.Key}>)"
                : $"#cite(<{w.Key}>{(form is null ? string.Empty : $", form: \"{form}\"")}{(supplement.Length == 0 ? string.Empty : $", supplement: [{Escape(supplement)}]")})";
            return (w.Prefix is { } prefix ? Escape(prefix) + " " : string.Empty) + call;
        }
        return c.Form switch
        {
            CitationForm.Narrative => Cite(c.Works[0], "prose"),
            CitationForm.SuppressAuthor => Cite(c.Works[0], "year"),
            _ => string.Join(" ", c.Works.Select(w => Cite(w, null))),
        };
    }

    /// <summary>Text with the characters that start markup in Typst escaped.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '#' or '*' or '_' or '$' or '<' or '>' or '@' or '[' or ']' or '~' or '`' or '=')
            {
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
