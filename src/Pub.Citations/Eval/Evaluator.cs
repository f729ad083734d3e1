// The CSL evaluator: renders one item through a layout into an output tree. Group suppression
// follows the specification: a group that calls at least one variable, all of them empty, renders
// nothing. Names, dates, numbers and text case live in their own files (partial class).
namespace Pub.Citations;

internal sealed partial class Evaluator
{
    private readonly Style _style;
    private readonly ResolvedLocale _locale;

    public Evaluator(Style style, ResolvedLocale locale)
    {
        _style = style;
        _locale = locale;
        UsesYearSuffixVariable = style.Macros.Values.Append(style.Citation?.Layout).Append(style.Bibliography?.Layout)
            .Any(g => g is not null && MentionsYearSuffix(g));
    }

    public ResolvedLocale Locale => _locale;

    public Style Style => _style;

    /// <summary>True when the style prints year-suffix itself; otherwise it follows the first year.</summary>
    public bool UsesYearSuffixVariable { get; }

    private static bool MentionsYearSuffix(CslElement e) => e switch
    {
        TextElement t => t.Variable == "year-suffix",
        GroupElement g => g.Children.Any(MentionsYearSuffix),
        ChooseElement c => c.Branches.Any(b => b.Children.Any(MentionsYearSuffix)),
        NamesElement n => n.Substitute?.Any(MentionsYearSuffix) ?? false,
        _ => false,
    };

    public Node? RenderLayout(GroupElement layout, RenderContext ctx, bool withAffixes)
    {
        // A layout's delimiter separates cites, not the layout's own children.
        var children = RenderChildren(layout.Children, ctx);
        var content = Join(children, null);
        if (content is null)
        {
            return null;
        }
        return withAffixes ? DecorateLayout(layout, content) : content;
    }

    /// <summary>A layout's formatting wraps its affixes too: &lt;b&gt;([1]–[3])&lt;/b&gt;.</summary>
    public static Node DecorateLayout(GroupElement layout, Node content, bool omitSuffix = false)
    {
        var g = new GroupNode { Formatting = layout.Formatting };
        if (layout.Prefix.Length > 0)
        {
            g.Children.Add(new TextNode(layout.Prefix, TextRole.Affix) { OfGroup = true });
        }
        g.Children.Add(content);
        if (layout.Suffix.Length > 0 && !omitSuffix)
        {
            g.Children.Add(new TextNode(layout.Suffix, TextRole.Affix) { OfGroup = true });
        }
        return g;
    }

    public List<Node> RenderChildren(IReadOnlyList<CslElement> elements, RenderContext ctx)
    {
        // Indexed loops here and in RenderChoose and Test: this is the evaluator's innermost path, and a foreach
        // over an interface allocates an enumerator every time.
        var list = new List<Node>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var n = Render(elements[i], ctx);
            if (n is GroupNode { Splice: true } spliced)
            {
                // cs:choose is transparent: its branch's elements take part in the parent's delimiting.
                foreach (var child in spliced.Children)
                {
                    if (!child.IsEmpty)
                    {
                        list.Add(child);
                    }
                }
            }
            else if (n is not null && !n.IsEmpty)
            {
                list.Add(n);
            }
        }
        return list;
    }

    public Node? Render(CslElement e, RenderContext ctx) => e switch
    {
        TextElement t => RenderText(t, ctx),
        NumberElement n => RenderNumber(n, ctx),
        LabelElement l => RenderLabel(l, ctx),
        DateElement d => RenderDate(d, ctx),
        NamesElement n => RenderNames(n, ctx),
        GroupElement g => RenderGroup(g, ctx),
        ChooseElement c => RenderChoose(c, ctx),
        _ => null,
    };

    private Node? RenderGroup(GroupElement g, RenderContext ctx)
    {
        var calledBefore = ctx.VarsCalled;
        var renderedBefore = ctx.VarsRendered;
        var children = RenderChildren(g.Children, ctx);
        var called = ctx.VarsCalled - calledBefore;
        var rendered = ctx.VarsRendered - renderedBefore;
        if (children.Count == 0 || (called > 0 && rendered == 0))
        {
            return null;
        }
        var content = Join(children, g.Delimiter);
        if (content is null)
        {
            return null;
        }
        // A group that renders counts as rendered content for the group around it.
        ctx.VarsRendered++;
        return Decorate(g, content);
    }

    private Node? RenderChoose(ChooseElement c, RenderContext ctx)
    {
        for (var i = 0; i < c.Branches.Count; i++)
        {
            var b = c.Branches[i];
            if (b.Condition is null || Test(b.Condition, ctx))
            {
                var children = RenderChildren(b.Children, ctx);
                return children.Count == 0 ? null : new GroupNode(children) { Splice = true };
            }
        }
        return null;
    }

    /// <summary>Whether a macro's own elements hold a cs:date in any branch (the macros it calls
    /// aside). In a sort key such a macro leaves out its terms, as citeproc-js does: "n.d." gives an
    /// undated work an empty date, so it sorts after the dated ones in either direction, while the
    /// "anonymous" of an author macro still counts.</summary>
    public static bool HoldsDate(IEnumerable<CslElement> elements) => elements.Any(e => e switch
    {
        DateElement => true,
        GroupElement g => HoldsDate(g.Children),
        ChooseElement c => c.Branches.Any(b => HoldsDate(b.Children)),
        _ => false,
    });

    /// <summary>In a sort key, a macro holding a date contributes its dates alone, as citeproc-js
    /// builds such keys: its text, terms ("n.d."), names, affixes and delimiters are left out, and
    /// the dates join without a separator ("(1921) 1977" sorts as one number after "1977").</summary>
    internal static List<Node> DatesOnly(IEnumerable<Node> rendered)
    {
        var keys = new System.Text.StringBuilder();
        foreach (var node in rendered)
        {
            Collect(node);
        }
        return keys.Length == 0 ? [] : [new TextNode(keys.ToString()) { IsDateKey = true }];

        void Collect(Node node)
        {
            if (node is TextNode { IsDateKey: true } date)
            {
                keys.Append(date.Text);
            }
            else if (node is GroupNode g)
            {
                g.Children.ForEach(Collect);
            }
        }
    }

    private Node? RenderText(TextElement t, RenderContext ctx)
    {
        if (t.Macro is not null)
        {
            if (!_style.Macros.TryGetValue(t.Macro, out var macro) || ctx.MacroDepth > 50)
            {
                return null;
            }
            ctx.MacroDepth++;
            var calledBefore = ctx.VarsCalled;
            var renderedBefore = ctx.VarsRendered;
            var stripOutside = ctx.StripPeriodsFromNames;
            ctx.StripPeriodsFromNames |= t.StripPeriods;
            var children = RenderChildren(macro.Children, ctx);
            ctx.StripPeriodsFromNames = stripOutside;
            if (ctx.Mode == RenderMode.Sort && HoldsDate(macro.Children))
            {
                children = DatesOnly(children);
            }
            ctx.MacroDepth--;
            // A macro is suppressed like a group: it called variables and all were empty.
            if (children.Count == 0 || (ctx.VarsCalled > calledBefore && ctx.VarsRendered == renderedBefore))
            {
                return null;
            }
            // Like a group, a macro that renders counts as content for the group around it.
            ctx.VarsRendered++;
            return Decorate(t, new GroupNode(children));
        }
        if (t.Term is not null)
        {
            var term = _locale.Term(t.Term, t.Form, t.Plural);
            if (string.IsNullOrEmpty(term))
            {
                return null;
            }
            var termNode = RichTextParser.Parse(term);
            if (termNode is TextNode tn)
            {
                tn.IsTerm = true;
            }
            return Decorate(t, StripPeriods(t, termNode));
        }
        if (t.Value is not null)
        {
            return t.Value.Length == 0 ? null : Decorate(t, StripPeriods(t, RichTextParser.Parse(t.Value)));
        }
        if (t.Variable is null)
        {
            return null;
        }
        var variable = t.Variable;
        if (variable == "year-suffix")
        {
            // An unassigned year-suffix does not count as an empty variable: "(n.d.)" with an optional
            // "-a" must still render. Sort keys leave it out, as in citeproc-js: it is assigned in
            // bibliography order, and cites of one year keep the order they were cited in.
            if (ctx.Cite.YearSuffix is null || ctx.Mode == RenderMode.Sort)
            {
                return null;
            }
            ctx.VarsCalled++;
            ctx.VarsRendered++;
            ctx.YearSuffixRendered = true;
            var ys = new TextNode(ctx.Cite.YearSuffix);
            ctx.YearSuffixNode = ys;
            return Decorate(t, ys);
        }
        ctx.VarsCalled++;
        if (variable == "citation-number" && ctx.Mode == RenderMode.Sort)
        {
            ctx.VarsRendered++;
            return new TextNode(ctx.Cite.CitationNumber.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (variable is not ("locator" or "citation-number" or "citation-label"))
        {
            ctx.TextVariableCalled = true;
        }
        var value = GetVariable(variable, t.Form, ctx);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        ctx.VarsRendered++;
        if (ctx.InSubstitute)
        {
            ctx.Suppressed.Add(variable);
        }
        if (variable is "issue" or "volume" or "number" or "edition" or "collection-number" && Numbers.IsNumeric(value)
            && !Numbers.IsDocketNumber(variable, ctx.Item))
        {
            // A range in a numeric number variable ("2005-VII", "1-10") is set with the range delimiter,
            // whether the style prints it with cs:number or cs:text.
            value = Numbers.JoinRanges(value, Numbers.RangeDelimiter(variable, _locale), _locale);
        }
        else if (variable is "chapter-number" or "part-number" or "supplement-number"
            && System.Text.RegularExpressions.Regex.IsMatch(value, @"^\s*\d+\s*-\s*\d+\s*$"))
        {
            // A plain numeric range in a number variable gets the range delimiter too.
            value = PageRange.Format(value.Trim(), null, _locale);
        }
        if (variable is "page" or "locator")
        {
            var isPage = variable == "page" || (ctx.Cite.Label ?? "page") == "page";
            value = PageRange.Format(value.Trim(), isPage ? _style.PageRangeFormat : null, _locale);
        }
        Node content;
        if (variable is "URL" or "DOI" or "PMID" or "PMCID")
        {
            content = new TextNode(value) { NoCase = true };
        }
        else if (variable == "citation-label" && ctx.Cite.YearSuffix is not null && !UsesYearSuffixVariable && !ctx.YearSuffixRendered && ctx.Mode != RenderMode.Sort)
        {
            // Without a date to carry it, the year-suffix follows the label: "Asth00a".
            var ys = new TextNode(ctx.Cite.YearSuffix);
            ctx.YearSuffixNode = ys;
            ctx.YearSuffixRendered = true;
            content = GroupNode.Of(RichTextParser.Parse(value), ys);
        }
        else
        {
            content = RichTextParser.Parse(value);
        }
        return Decorate(t, StripPeriods(t, content));
    }

    /// <summary>Reads a standard variable, honouring form="short" fallbacks and cite-level variables.</summary>
    public string? GetVariable(string name, TermForm form, RenderContext ctx) =>
        ctx.Suppressed.Contains(name) ? null : ReadVariable(name, form, ctx);

    /// <summary>Reads a standard variable from the item even when a substitute has used it up.</summary>
    public string? ReadVariable(string name, TermForm form, RenderContext ctx)
    {
        var item = ctx.Item;
        switch (name)
        {
            case "locator":
                return ctx.Cite.Locator;
            case "citation-number":
                return ctx.Cite.CitationNumber > 0 ? ctx.Cite.CitationNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            case "first-reference-note-number":
                return ctx.Cite.FirstReferenceNoteNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "year-suffix":
                return ctx.Cite.YearSuffix;
            case "citation-label":
                return item.Variables.GetValueOrDefault("citation-label") ?? CitationLabel.For(item);
        }
        if (form == TermForm.Short)
        {
            if (item.Variables.TryGetValue(name + "-short", out var s) && s.Length > 0)
            {
                return s;
            }
        }
        if (name == "page-first" && !item.Variables.ContainsKey("page-first") && item.Variables.TryGetValue("page", out var page))
        {
            var m = System.Text.RegularExpressions.Regex.Match(page, @"^\s*([^\s\-–,&]+)");
            return m.Success ? m.Groups[1].Value : page;
        }
        return item.Variables.GetValueOrDefault(name);
    }

    /// <summary>A generated label ("Doe65", "RoNo78", "DoRoSm99"): letters of up to four family names
    /// (four of one, two each of two, two-one-one of three, one each of four) and the two-digit year.</summary>
    private static Node StripPeriods(CslElement e, Node n)
    {
        if (!e.StripPeriods)
        {
            return n;
        }
        ForEachText(n, t => t.Text = t.Text.Replace(".", string.Empty, StringComparison.Ordinal));
        return n;
    }

    internal static void ForEachText(Node n, Action<TextNode> action)
    {
        if (n is TextNode t)
        {
            action(t);
        }
        else if (n is GroupNode g)
        {
            foreach (var c in g.Children)
            {
                ForEachText(c, action);
            }
        }
    }

    /// <summary>Applies text-case, formatting, quotes, affixes and display to rendered content.</summary>
    public Node Decorate(CslElement e, Node content, bool affixes = true, bool formatting = true)
    {
        if (e.TextCase is { } textCase)
        {
            // A term is the style's own word in the output language ("Ред.", "Hrsg."), so title case
            // raises it whatever the language of the item; a variable's text only when it is English.
            var term = e is LabelElement or TextElement { Term: not null };
            TextCase.Apply(content, textCase, term || IsEnglish(_currentItemLanguage), _currentItemLanguage, anyScript: term);
        }
        Node inner = content;
        if ((formatting && !e.Formatting.IsEmpty) || e.Quotes)
        {
            inner = new GroupNode([content]) { Formatting = formatting ? e.Formatting : Formatting.None, Quotes = e.Quotes };
        }
        var hasAffixes = affixes && (e.Prefix.Length > 0 || e.Suffix.Length > 0);
        if (!hasAffixes && e.Display is null)
        {
            return inner;
        }
        var outer = new GroupNode { Display = e.Display };
        var ofGroup = e is GroupElement or DateElement or NumberElement or TextElement { Macro: not null };
        if (affixes && e.Prefix.Length > 0)
        {
            outer.Children.Add(new TextNode(e.Prefix, TextRole.Affix) { OfGroup = ofGroup });
        }
        outer.Children.Add(inner);
        if (affixes && e.Suffix.Length > 0)
        {
            outer.Children.Add(new TextNode(e.Suffix, TextRole.Affix) { OfGroup = ofGroup, KeepsMarkAfterFormatting = !e.Formatting.IsEmpty });
        }
        return outer;
    }

    private string? _currentItemLanguage;

    public void BeginItem(Reference item) => _currentItemLanguage = item.Variables.GetValueOrDefault("language");

    private bool IsEnglish(string? lang)
    {
        var l = lang ?? _locale.Lang;
        if (lang is null && !_locale.Lang.StartsWith("en", StringComparison.Ordinal))
        {
            // Title case applies to English items; an item without a language follows the style locale.
            return false;
        }
        return l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.Length == 0;
    }

    public static Node? Join(List<Node> children, string? delimiter)
    {
        if (children.Count == 0)
        {
            return null;
        }
        if (children.Count == 1)
        {
            return children[0];
        }
        var g = new GroupNode();
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0 && !string.IsNullOrEmpty(delimiter))
            {
                g.Children.Add(new TextNode(delimiter, TextRole.Affix) { KeepsMarkAfterFormatting = true });
            }
            g.Children.Add(children[i]);
        }
        return g;
    }
}
