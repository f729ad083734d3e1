using System.Text;

namespace Pub.Model;

/// <summary>A stable, readable text form of a document tree, for golden tests and debugging.
/// One block per line, indented by depth; inlines in a compact bracketed form.</summary>
public static class ModelDump
{
    public static string Dump(Document document)
    {
        var sb = new StringBuilder();
        var meta = document.Meta;
        sb.Append("document ").Append(document.Path).Append(" kind=").Append(meta.Kind).Append(" lang=").Append(meta.Language).Append('\n');
        sb.Append("  title ").Append(meta.Title).Append('\n');
        foreach (var block in document.Blocks)
        {
            Block(sb, block, 1);
        }
        foreach (var note in document.Notes)
        {
            sb.Append("  note ").Append(note.Label).Append(" #").Append(note.Number).Append('\n');
            foreach (var block in note.Blocks)
            {
                Block(sb, block, 2);
            }
        }
        foreach (var chapter in document.Chapters)
        {
            foreach (var line in Dump(chapter).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                sb.Append("  ").Append(line).Append('\n');
            }
        }
        return sb.ToString();
    }

    public static string Inlines(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            Inline(sb, inline);
        }
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, Block block, int depth)
    {
        var indent = new string(' ', depth * 2);
        sb.Append(indent);
        switch (block)
        {
            case Paragraph p:
                sb.Append("para ").Append(Inlines(p.Content)).Append('\n');
                break;
            case Heading h:
                sb.Append('h').Append(h.Level).Append(h.Numbered ? "" : " unnumbered").Append(h.Number is null ? "" : " " + h.Number)
                    .Append(Attrs(h.Attributes)).Append(' ').Append(Inlines(h.Content)).Append('\n');
                break;
            case BulletList l:
                sb.Append("bullets").Append(l.Tight ? " tight" : "").Append('\n');
                Items(sb, l.Items, depth);
                break;
            case OrderedList l:
                sb.Append("ordered start=").Append(l.Start).Append(l.Tight ? " tight" : "").Append('\n');
                Items(sb, l.Items, depth);
                break;
            case DefinitionList l:
                sb.Append("definitions\n");
                foreach (var item in l.Items)
                {
                    sb.Append(indent).Append("  term ").Append(Inlines(item.Term)).Append('\n');
                    foreach (var definition in item.Definitions)
                    {
                        sb.Append(indent).Append("  definition\n");
                        foreach (var child in definition)
                        {
                            Block(sb, child, depth + 2);
                        }
                    }
                }
                break;
            case BlockQuote q:
                sb.Append("quote\n");
                Children(sb, q.Blocks, depth);
                break;
            case CodeBlock c:
                sb.Append("code ").Append(c.Language ?? "-").Append(' ').Append(Escape(c.Code)).Append('\n');
                break;
            case ThematicBreak:
                sb.Append("rule\n");
                break;
            case RawBlock r:
                sb.Append("raw ").Append(Escape(r.Html)).Append('\n');
                break;
            case Div d:
                sb.Append("div").Append(Attrs(d.Attributes)).Append('\n');
                Children(sb, d.Blocks, depth);
                break;
            case Table t:
                sb.Append("table").Append(t.Number is null ? "" : " " + t.Number).Append(Attrs(t.Attributes))
                    .Append(" align=").Append(string.Join(',', t.Alignments)).Append(" caption=").Append(Inlines(t.Caption)).Append('\n');
                foreach (var row in t.Header)
                {
                    sb.Append(indent).Append("  header ").Append(string.Join(" | ", row.Cells.Select(Cell))).Append('\n');
                }
                foreach (var row in t.Body)
                {
                    sb.Append(indent).Append("  row ").Append(string.Join(" | ", row.Cells.Select(Cell))).Append('\n');
                }
                break;
            case Figure f:
                sb.Append("figure").Append(f.Number is null ? "" : " " + f.Number).Append(Attrs(f.Attributes)).Append(' ').Append(f.ResolvedPath ?? f.Path)
                    .Append(" alt=").Append(f.AltText ?? "-").Append(" caption=").Append(Inlines(f.Caption)).Append('\n');
                break;
            case BibliographyBlock b:
                sb.Append("bibliography").Append(Attrs(b.Attributes)).Append('\n');
                foreach (var entry in b.Entries)
                {
                    sb.Append(indent).Append("  entry ").Append(entry.Key).Append(' ').Append(Inlines(entry.Content)).Append('\n');
                }
                break;
            default:
                sb.Append(block.GetType().Name).Append('\n');
                break;
        }
    }

    private static string Cell(TableCell cell) => string.Join(" / ", cell.Blocks.Select(b => b is Paragraph p ? Inlines(p.Content) : b.GetType().Name));

    private static void Items(StringBuilder sb, IReadOnlyList<ListItem> items, int depth)
    {
        foreach (var item in items)
        {
            sb.Append(new string(' ', (depth + 1) * 2)).Append("item\n");
            Children(sb, item.Blocks, depth + 1);
        }
    }

    private static void Children(StringBuilder sb, IReadOnlyList<Block> blocks, int depth)
    {
        foreach (var child in blocks)
        {
            Block(sb, child, depth + 1);
        }
    }

    private static string Attrs(Attributes a)
    {
        var parts = new List<string>();
        if (a.Id is not null)
        {
            parts.Add("#" + a.Id);
        }
        parts.AddRange(a.Classes.Select(c => "." + c));
        parts.AddRange(a.Pairs.Select(p => $"{p.Key}=\"{p.Value}\""));
        return parts.Count == 0 ? "" : " {" + string.Join(' ', parts) + "}";
    }

    private static void Inline(StringBuilder sb, Inline inline)
    {
        switch (inline)
        {
            case Text t:
                sb.Append(t.Value);
                break;
            case SoftBreak:
                sb.Append('␤');
                break;
            case LineBreak:
                sb.Append("[br]");
                break;
            case Code c:
                sb.Append('`').Append(c.Value).Append('`');
                break;
            case Emphasis e:
                Wrapped(sb, "em", e.Content);
                break;
            case Strong s:
                Wrapped(sb, "strong", s.Content);
                break;
            case SmallCaps s:
                Wrapped(sb, "sc", s.Content);
                break;
            case Superscript s:
                Wrapped(sb, "sup", s.Content);
                break;
            case Subscript s:
                Wrapped(sb, "sub", s.Content);
                break;
            case Underline u:
                Wrapped(sb, "u", u.Content);
                break;
            case Upright u:
                Wrapped(sb, "upright", u.Content);
                break;
            case NormalWeight n:
                Wrapped(sb, "normal", n.Content);
                break;
            case SpanInline s:
                Wrapped(sb, "span" + Attrs(s.Attributes), s.Content);
                break;
            case Link l:
                Wrapped(sb, "link " + l.Url, l.Content);
                break;
            case CitedWork w:
                Wrapped(sb, "work " + w.Key, w.Content);
                break;
            case InlineImage i:
                Wrapped(sb, "img " + i.Path, i.Description);
                break;
            case RawInline r:
                sb.Append("[raw ").Append(r.Html).Append(']');
                break;
            case NoteRef n:
                sb.Append("[note ").Append(n.Label).Append(n.Number > 0 ? " #" + n.Number : "").Append(']');
                break;
            case CrossRef x:
                sb.Append("[ref ").Append(x.Label).Append(x.Resolved is null ? "" : " = " + Inlines(x.Resolved)).Append(']');
                break;
            case Cite c:
                sb.Append("[cite");
                foreach (var item in c.Items)
                {
                    sb.Append(' ');
                    if (item.Prefix.Count > 0)
                    {
                        sb.Append('{').Append(Inlines(item.Prefix)).Append("} ");
                    }
                    sb.Append(item.SuppressAuthor ? "-" : "").Append(item.AuthorInText ? "intext:" : "").Append('@').Append(item.Key);
                    if (item.Locator is not null)
                    {
                        sb.Append(" (").Append(item.LocatorLabel).Append(' ').Append(item.Locator).Append(')');
                    }
                    if (item.Suffix.Count > 0)
                    {
                        sb.Append(" {").Append(Inlines(item.Suffix)).Append('}');
                    }
                    sb.Append(';');
                }
                if (c.Rendered is not null)
                {
                    sb.Append(" = ").Append(Inlines(c.Rendered));
                }
                sb.Append(']');
                break;
            default:
                sb.Append('[').Append(inline.GetType().Name).Append(']');
                break;
        }
    }

    private static void Wrapped(StringBuilder sb, string tag, IReadOnlyList<Inline> content)
    {
        sb.Append('[').Append(tag).Append(' ');
        foreach (var child in content)
        {
            Inline(sb, child);
        }
        sb.Append(']');
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
