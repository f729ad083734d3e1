// Renders the bibliography: one entry per registered item in bibliography order, with
// subsequent-author-substitute and second-field-align.
namespace Pub.Citations;

internal sealed class BibliographyRenderer(
    Evaluator eval,
    BibliographySection bib,
    Dictionary<string, Reference> refs,
    Dictionary<string, CiteParams> itemParams)
{
    public Bibliography Render(List<string> order)
    {
        var entries = new List<BibliographyEntry>();
        string? previousNames = null;
        List<string>? previousParts = null;
        foreach (var id in order)
        {
            var item = refs[id];
            eval.BeginItem(item);
            var ctx = new RenderContext(item, itemParams[id] with { Position = Position.First }, RenderMode.Bibliography, bib);
            var children = RenderLayoutChildren(ctx, out var lastElementRendered);
            if (children.Count == 0)
            {
                // A numbered bibliography keeps the slot, numbered so the numbers stay aligned ("2. [CSL
                // STYLE ERROR …]", as in the CSL test suite and citeproc-js); others drop the entry.
                if (!UsesCitationNumber(bib.Layout))
                {
                    continue;
                }
                children.Add(new TextNode(ctx.Cite.CitationNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + ClusterRenderer.NoPrintedForm));
            }
            if (bib.SubsequentAuthorSubstitute is { } sas && ctx.FirstNames is not null)
            {
                var text = ComparedNames(ctx);
                var parts = ctx.FirstNamesParts;
                if (text is not null && text == previousNames)
                {
                    Substitute(ctx.FirstNameList ?? ctx.FirstNames, sas, bib.SubsequentAuthorSubstituteRule, parts, previousParts);
                }
                else if (bib.SubsequentAuthorSubstituteRule is SubstituteRule.PartialEach or SubstituteRule.PartialFirst && parts is not null && previousParts is not null
                    && parts.Count > 0 && previousParts.Count > 0 && parts[0] == previousParts[0])
                {
                    Substitute(ctx.FirstNameList ?? ctx.FirstNames, sas, bib.SubsequentAuthorSubstituteRule, parts, previousParts);
                }
                previousNames = text;
                previousParts = parts;
            }
            else
            {
                previousNames = ComparedNames(ctx);
                previousParts = ctx.FirstNamesParts;
            }
            Node node;
            if (bib.SecondFieldAlign is not null && children.Count > 0)
            {
                var layout = bib.Layout;
                var left = new GroupNode { Display = DisplayMode.LeftMargin };
                if (layout.Prefix.Length > 0)
                {
                    left.Children.Add(new TextNode(layout.Prefix, TextRole.Affix));
                }
                left.Children.Add(children[0]);
                var right = new GroupNode { Display = DisplayMode.RightInline };
                right.Children.AddRange(children.Skip(1));
                if (layout.Suffix.Length > 0)
                {
                    right.Children.Add(new TextNode(layout.Suffix, TextRole.Affix));
                }
                node = GroupNode.Of(left, right);
            }
            else
            {
                var layout = bib.Layout;
                if (layout.Suffix.Length > 0 && StartsWithDisplayBlock(layout))
                {
                    // A layout made of display blocks ends its last element with the suffix, inside
                    // that block; when the last element renders nothing, the suffix goes with it
                    // (citeproc-js: "2017" rather than "2017." for a case with no right-inline text).
                    if (lastElementRendered)
                    {
                        AppendInside(children, layout.Suffix);
                    }
                    layout = new GroupElement { Prefix = layout.Prefix, Formatting = layout.Formatting };
                }
                else if (layout.Suffix.Length > 0 && children[^1] is GroupNode { Display: not null } lastBlock)
                {
                    // The layout suffix closes the text inside the last display block.
                    lastBlock.Children.Add(new TextNode(layout.Suffix, TextRole.Affix));
                    layout = new GroupElement { Prefix = layout.Prefix, Formatting = layout.Formatting };
                }
                var content = Evaluator.Join(children, null)!;
                node = Evaluator.DecorateLayout(layout, content);
            }
            // A note style's entries set nested parentheses as brackets, like its citations (citeproc-js).
            var formatted = Flattener.Flatten(node, eval.Locale, nestedParenthesesAsBrackets: eval.Style.Class == StyleClass.Note);
            entries.Add(new BibliographyEntry(id, DisplayBlockPunctuation.Adjust(formatted)));
        }
        return new Bibliography(entries, new BibliographyFormat(bib.HangingIndent, bib.SecondFieldAlign, bib.LineSpacing, bib.EntrySpacing));
    }

    /// <summary>What subsequent-author-substitute compares with the preceding entry: the rendered
    /// names of the first name list (CSL: "all rendered names of the name variable match"), so neither
    /// the label nor "et al." counts ("Иванов, Иван Иванович, et al." repeats "Иванов, Иван Иванович");
    /// a substituted text variable compares by its text.</summary>
    private static string? ComparedNames(RenderContext ctx) =>
        ctx.FirstNamesParts is { Count: > 0 } parts ? string.Join("\n", parts)
        : ctx.FirstNameList?.PlainText() ?? ctx.FirstNamesText;

    /// <summary>Renders the layout's elements, telling whether its last element rendered anything
    /// (the place of the layout suffix when the layout is made of display blocks).</summary>
    private List<Node> RenderLayoutChildren(RenderContext ctx, out bool lastElementRendered)
    {
        var elements = bib.Layout.Children;
        if (elements.Count == 0)
        {
            lastElementRendered = false;
            return [];
        }
        var children = eval.RenderChildren([.. elements.Take(elements.Count - 1)], ctx);
        var last = eval.RenderChildren([elements[^1]], ctx);
        lastElementRendered = last.Count > 0;
        children.AddRange(last);
        return children;
    }

    private static bool StartsWithDisplayBlock(GroupElement layout) =>
        layout.Children is [{ Display: not null }, ..] && layout.Children[^1] is not ChooseElement;

    private static void AppendInside(List<Node> children, string suffix)
    {
        if (children[^1] is GroupNode { Display: not null } lastBlock)
        {
            lastBlock.Children.Add(new TextNode(suffix, TextRole.Affix));
        }
        else
        {
            children.Add(new TextNode(suffix, TextRole.Affix));
        }
    }

    private static bool UsesCitationNumber(CslElement e) => e switch
    {
        TextElement t => t.Variable == "citation-number",
        GroupElement g => g.Children.Any(UsesCitationNumber),
        ChooseElement c => c.Branches.Any(b => b.Children.Any(UsesCitationNumber)),
        _ => false,
    };

    /// <summary>Replaces repeated names: the whole list (complete-all), each name when all match
    /// (complete-each), each leading matching name (partial-each) or the first only (partial-first).</summary>
    private static void Substitute(GroupNode names, string sas, SubstituteRule rule, List<string>? parts, List<string>? previous)
    {
        if (rule == SubstituteRule.CompleteAll || parts is null || previous is null)
        {
            names.Children.Clear();
            names.Children.Add(new TextNode(sas));
            return;
        }
        var nameNodes = new List<GroupNode>();
        CollectNameNodes(names, nameNodes);
        var count = rule switch
        {
            SubstituteRule.CompleteEach => parts.Count,
            SubstituteRule.PartialFirst => 1,
            _ => parts.Zip(previous).TakeWhile(p => p.First == p.Second).Count(),
        };
        for (var i = 0; i < Math.Min(count, nameNodes.Count); i++)
        {
            nameNodes[i].Children.Clear();
            nameNodes[i].Children.Add(new TextNode(sas));
        }
    }

    private static void CollectNameNodes(Node node, List<GroupNode> into)
    {
        if (node is not GroupNode g)
        {
            return;
        }
        if (g.IsNameNode)
        {
            into.Add(g);
            return;
        }
        foreach (var c in g.Children)
        {
            CollectNameNodes(c, into);
        }
    }
}
