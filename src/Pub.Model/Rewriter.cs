namespace Pub.Model;

/// <summary>
/// Builds a new tree by applying functions to every block and inline, children first. Resolve passes use
/// it to change one kind of node without re-writing the traversal; the input tree is never mutated.
/// </summary>
public class Rewriter
{
    /// <summary>Called for each block after its children were rewritten.</summary>
    protected virtual Block RewriteBlock(Block block) => block;

    /// <summary>Called for each inline after its children were rewritten.</summary>
    protected virtual Inline RewriteInline(Inline inline) => inline;

    public Document Rewrite(Document document) => document with
    {
        Blocks = Blocks(document.Blocks),
        Notes = [.. document.Notes.Select(n => n with { Blocks = Blocks(n.Blocks) })],
        Chapters = [.. document.Chapters.Select(Rewrite)],
    };

    public IReadOnlyList<Block> Blocks(IReadOnlyList<Block> blocks) => [.. blocks.Select(Block)];

    public IReadOnlyList<Inline> Inlines(IReadOnlyList<Inline> inlines) => [.. inlines.Select(Inline)];

    public Block Block(Block block)
    {
        var rebuilt = block switch
        {
            Paragraph p => p with { Content = Inlines(p.Content) },
            Heading h => h with { Content = Inlines(h.Content) },
            BulletList l => l with { Items = Items(l.Items) },
            OrderedList l => l with { Items = Items(l.Items) },
            DefinitionList l => l with
            {
                Items = [.. l.Items.Select(i => i with { Term = Inlines(i.Term), Definitions = [.. i.Definitions.Select(Blocks)] })],
            },
            BlockQuote q => q with { Blocks = Blocks(q.Blocks) },
            Div d => d with { Blocks = Blocks(d.Blocks) },
            Table t => t with { Header = Rows(t.Header), Body = Rows(t.Body), Caption = Inlines(t.Caption) },
            Figure f => f with { Caption = Inlines(f.Caption) },
            BibliographyBlock b => b with { Entries = [.. b.Entries.Select(e => e with { Content = Inlines(e.Content) })] },
            _ => block,
        };
        return RewriteBlock(rebuilt);
    }

    public Inline Inline(Inline inline)
    {
        var rebuilt = inline switch
        {
            Emphasis e => e with { Content = Inlines(e.Content) },
            Strong s => s with { Content = Inlines(s.Content) },
            SmallCaps s => s with { Content = Inlines(s.Content) },
            Superscript s => s with { Content = Inlines(s.Content) },
            Subscript s => s with { Content = Inlines(s.Content) },
            Underline u => u with { Content = Inlines(u.Content) },
            CitedWork w => w with { Content = Inlines(w.Content) },
            Upright u => u with { Content = Inlines(u.Content) },
            NormalWeight n => n with { Content = Inlines(n.Content) },
            SpanInline s => s with { Content = Inlines(s.Content) },
            Link l => l with { Content = Inlines(l.Content) },
            InlineImage i => i with { Description = Inlines(i.Description) },
            _ => inline,
        };
        return RewriteInline(rebuilt);
    }

    private IReadOnlyList<ListItem> Items(IReadOnlyList<ListItem> items) => [.. items.Select(i => i with { Blocks = Blocks(i.Blocks) })];

    private IReadOnlyList<TableRow> Rows(IReadOnlyList<TableRow> rows) =>
        [.. rows.Select(r => r with { Cells = [.. r.Cells.Select(c => c with { Blocks = Blocks(c.Blocks) })] })];
}

/// <summary>Visits every block and inline in document order without building anything.</summary>
public static class Walk
{
    public static IEnumerable<Block> Blocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            foreach (var child in Children(block))
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<Block> Children(Block block) => block switch
    {
        BulletList l => Blocks(l.Items.SelectMany(i => i.Blocks)),
        OrderedList l => Blocks(l.Items.SelectMany(i => i.Blocks)),
        DefinitionList l => Blocks(l.Items.SelectMany(i => i.Definitions.SelectMany(d => d))),
        BlockQuote q => Blocks(q.Blocks),
        Div d => Blocks(d.Blocks),
        Table t => Blocks(t.Header.Concat(t.Body).SelectMany(r => r.Cells).SelectMany(c => c.Blocks)),
        _ => [],
    };

    /// <summary>Inlines directly held by a block (not those of nested blocks), depth first.</summary>
    public static IEnumerable<Inline> InlinesOf(Block block) => block switch
    {
        Paragraph p => Inlines(p.Content),
        Heading h => Inlines(h.Content),
        DefinitionList l => Inlines(l.Items.SelectMany(i => i.Term)),
        Table t => Inlines(t.Caption),
        Figure f => Inlines(f.Caption),
        _ => [],
    };

    public static IEnumerable<Inline> Inlines(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            foreach (var child in Inlines(Children(inline)))
            {
                yield return child;
            }
        }
    }

    /// <summary>Every inline of a document's body in reading order, with footnote content
    /// visited where the note is referenced.</summary>
    public static IEnumerable<Inline> AllInlines(IEnumerable<Block> blocks) => Blocks(blocks).SelectMany(InlinesOf);

    /// <summary>Plain text of inlines (for ids, alt text and PDF metadata).</summary>
    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    sb.Append(t.Value);
                    break;
                case Code c:
                    sb.Append(c.Value);
                    break;
                case SoftBreak or LineBreak:
                    sb.Append(' ');
                    break;
                case CrossRef { Resolved: { } resolved }:
                    sb.Append(PlainText(resolved));
                    break;
                case Cite { Rendered: { } rendered }:
                    sb.Append(PlainText(rendered));
                    break;
                case Emphasis or Strong or SmallCaps or Superscript or Subscript or Underline or Upright or NormalWeight or SpanInline or Link or CitedWork:
                    sb.Append(PlainText(Children(inline)));
                    break;
            }
        }
        return sb.ToString();
    }

    private static IReadOnlyList<Inline> Children(Inline inline) => inline switch
    {
        Emphasis e => e.Content,
        Strong s => s.Content,
        SmallCaps s => s.Content,
        Superscript s => s.Content,
        Subscript s => s.Content,
        Underline u => u.Content,
        Upright u => u.Content,
        NormalWeight n => n.Content,
        SpanInline s => s.Content,
        Link l => l.Content,
        CitedWork w => w.Content,
        _ => [],
    };
}
