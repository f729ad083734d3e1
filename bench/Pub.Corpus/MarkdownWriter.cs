// A manuscript as Markdown with YAML front matter, in the subset pub and Pandoc read alike: ATX headings,
// pipe tables with a caption line, footnotes by reference and Pandoc's citation syntax.
using System.Globalization;
using System.Text;

namespace Pub.Corpus;

public static class MarkdownWriter
{
    public static string Write(Manuscript m, string bibliography, string style)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("series: op\n");
        sb.Append(CultureInfo.InvariantCulture, $"number: {m.Number}\n");
        sb.Append("edition: 1\n");
        sb.Append(CultureInfo.InvariantCulture, $"title: \"{m.Title}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"subtitle: \"{m.Subtitle}\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"short-title: \"{m.ShortTitle}\"\n");
        sb.Append("authors:\n");
        foreach (var (name, affiliation) in m.Authors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - name: \"{name}\"\n    affiliation: \"{affiliation}\"\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"date: {m.Date}\n");
        sb.Append("language: en\n");
        sb.Append("abstract: |\n  ").Append(m.Abstract).Append('\n');
        sb.Append("keywords: [").Append(string.Join(", ", m.Keywords)).Append("]\n");
        sb.Append("status: final\n");
        sb.Append(CultureInfo.InvariantCulture, $"bibliography: {bibliography}\n");
        sb.Append(CultureInfo.InvariantCulture, $"csl: {style}\n");
        sb.Append("---\n");
        var notes = 0;
        foreach (var block in m.Body)
        {
            sb.Append('\n');
            var definitions = new List<string>();
            switch (block)
            {
                case Heading h:
                    sb.Append('#', h.Level).Append(' ').Append(h.Text).Append('\n');
                    break;
                case Paragraph p:
                    sb.Append(Inlines(p.Content, ref notes, definitions)).Append('\n');
                    break;
                case ListBlock l:
                    foreach (var (item, i) in l.Items.Select((item, i) => (item, i)))
                    {
                        sb.Append(l.Ordered ? $"{i + 1}. " : "- ").Append(Inlines(item, ref notes, definitions)).Append('\n');
                    }
                    break;
                case Quotation q:
                    sb.Append("> ").Append(Inlines(q.Content, ref notes, definitions)).Append('\n');
                    break;
                case Table t:
                    sb.Append("| ").Append(string.Join(" | ", t.Header)).Append(" |\n");
                    sb.Append('|').Append(string.Join('|', t.Header.Select((_, i) => i == 0 ? ":---" : "---:"))).Append("|\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
                    }
                    sb.Append("\nTable: ").Append(t.Caption).Append('\n');
                    break;
            }
            foreach (var definition in definitions)
            {
                sb.Append('\n').Append(definition).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Inlines(IReadOnlyList<Inline> inlines, ref int notes, List<string> definitions)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Words w:
                    sb.Append(w.Text);
                    break;
                case Emphasis e:
                    sb.Append('*').Append(e.Text).Append('*');
                    break;
                case Link l:
                    sb.Append('<').Append(l.Url).Append('>');
                    break;
                case Citation c:
                    sb.Append(Citation(c));
                    break;
                case Note n:
                    notes++;
                    var label = notes.ToString(CultureInfo.InvariantCulture);
                    sb.Append("[^").Append(label).Append(']');
                    var inner = new List<string>();
                    definitions.Add($"[^{label}]: " + Inlines(n.Content, ref notes, inner));
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Citation(Citation c)
    {
        static string Work(CitedWork w, bool suppress) =>
            (w.Prefix is { } prefix ? prefix + " " : string.Empty) + (suppress ? "-@" : "@") + w.Key
            + (w.Locator is { } locator ? ", " + locator : string.Empty)
            + (w.Suffix is { } suffix ? ", " + suffix : string.Empty);
        return c.Form switch
        {
            CitationForm.Narrative => "@" + c.Works[0].Key + (c.Works[0].Locator is { } locator ? $" [{locator}]" : string.Empty),
            CitationForm.SuppressAuthor => "[" + Work(c.Works[0], suppress: true) + "]",
            _ => "[" + string.Join("; ", c.Works.Select(w => Work(w, suppress: false))) + "]",
        };
    }
}
