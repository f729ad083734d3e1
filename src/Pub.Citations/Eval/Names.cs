// cs:names and cs:name: name lists with et-al truncation, "and", delimiters, name order, particles,
// initials, substitution, labels, and the given-name / add-names expansions disambiguation asks for.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations;

internal sealed partial class Evaluator
{
    /// <summary>The options a cs:names renders with here: those resolved for the section when the style
    /// was parsed, with what the cite changes — the et-al-subsequent values after the first cite, a sort
    /// key's names-min / names-use-first / names-use-last, and sort order for every name in a sort key.</summary>
    private static NameOptions OptionsFor(NamesElement n, RenderContext ctx)
    {
        var o = n.NameOptions.In(ctx.Section);
        if (ctx.Mode == RenderMode.Citation && ctx.Cite.Position != Position.First && (o.EtAlSubsequentMin is not null || o.EtAlSubsequentUseFirst is not null))
        {
            o = o with { EtAlMin = o.EtAlSubsequentMin ?? o.EtAlMin, EtAlUseFirst = o.EtAlSubsequentUseFirst ?? o.EtAlUseFirst };
        }
        if (ctx.SortKey is { } key && (key.NamesMin ?? key.NamesUseFirst ?? key.NamesUseLast) is not null)
        {
            o = o with
            {
                EtAlMin = key.NamesMin ?? o.EtAlMin,
                EtAlUseFirst = key.NamesUseFirst ?? o.EtAlUseFirst,
                EtAlUseLast = key.NamesUseLast is { } last ? last > 0 : o.EtAlUseLast,
            };
        }
        if (ctx.Mode == RenderMode.Sort && o.NameAsSortOrder != Citations.NameAsSortOrder.All)
        {
            o = o with { NameAsSortOrder = Citations.NameAsSortOrder.All };
        }
        return o;
    }

    private Node? RenderNames(NamesElement n, RenderContext ctx)
    {
        if (ctx.SubstituteFor is { } parent && IsShorthand(n))
        {
            n = InheritSubstituted(n, parent);
        }
        var isFirst = !ctx.NamesSeen && !ctx.InSubstitute;
        if (isFirst)
        {
            ctx.NamesSeen = true;
            ctx.InFirstNames = true;
        }
        var calledBefore = ctx.VarsCalled;
        var renderedBefore = ctx.VarsRendered;
        var result = RenderNamesCore(n, ctx);
        // cs:names counts as one variable call however many variables it names.
        ctx.VarsCalled = calledBefore + 1;
        ctx.VarsRendered = renderedBefore + (result is null ? 0 : 1);
        if (isFirst)
        {
            ctx.InFirstNames = false;
            if (result is not null)
            {
                var g = result as GroupNode ?? new GroupNode([result]);
                ctx.FirstNames = g;
                ctx.FirstNamesText ??= g.PlainText();
                result = g;
                if (ctx.Mode == RenderMode.Citation && ctx.Cite.SuppressAuthor)
                {
                    return null;
                }
            }
        }
        return result;
    }

    private Node? RenderNamesCore(NamesElement n, RenderContext ctx)
    {
        var opts = OptionsFor(n, ctx);
        var lists = new List<(string Variable, IReadOnlyList<Name> Names)>();
        foreach (var v in n.Variables)
        {
            if (ctx.Suppressed.Contains(v))
            {
                continue;
            }
            if (ctx.Item.Names.TryGetValue(v, out var names) && names.Count > 0)
            {
                lists.Add((v, names));
            }
        }
        if (lists.Count == 0)
        {
            var outerRoot = ctx.NameSlotRoot;
            ctx.NameSlotRoot ??= n.Variables.FirstOrDefault() ?? string.Empty;
            var substituted = Substitute(n, ctx);
            ctx.NameSlotRoot = outerRoot;
            return substituted;
        }
        if (ctx.InSubstitute)
        {
            foreach (var (v, _) in lists)
            {
                ctx.Suppressed.Add(v);
            }
        }
        if (opts.Form == NameForm.Count)
        {
            var total = 0;
            foreach (var (v, names) in lists)
            {
                total += Truncation(names, opts, ctx).Shown;
            }
            return total == 0 ? null : Decorate(n, new TextNode(total.ToString(CultureInfo.InvariantCulture)));
        }
        // editor + translator with identical lists render once with the combined term. As in citeproc-js,
        // only a cs:names that lists just these two variables combines them: "container-author editor
        // translator" keeps "Alix Holt ed, Alix Holt tr".
        if (lists.Count == 2 && n.Variables.Count == 2 && n.Label is not null
            && ((lists[0].Variable == "editor" && lists[1].Variable == "translator") || (lists[0].Variable == "translator" && lists[1].Variable == "editor"))
            && lists[0].Names.SequenceEqual(lists[1].Names)
            && !string.IsNullOrEmpty(_locale.Term("editortranslator", n.Label.Form)))
        {
            lists = [("editortranslator", lists[0].Names)];
        }
        var rendered = new List<Node>();
        var root = ctx.NameSlotRoot ?? n.Variables.FirstOrDefault() ?? lists[0].Variable;
        for (var ordinal = 0; ordinal < lists.Count; ordinal++)
        {
            var (v, names) = lists[ordinal];
            var list = RenderNameList(NameSlot(root, ordinal), names, n, opts, ctx);
            if (list is null)
            {
                continue;
            }
            if (n.Label is { } label && ctx.Mode != RenderMode.Sort)
            {
                var plural = label.Plural switch
                {
                    LabelPlural.Always => true,
                    LabelPlural.Never => false,
                    _ => names.Count > 1,
                };
                var term = _locale.Term(v, label.Form, plural);
                if (!string.IsNullOrEmpty(term))
                {
                    var labelNode = Decorate(label, StripPeriodsInNames(StripPeriods(label, new TextNode(term)), ctx));
                    list = n.LabelAfterName ? GroupNode.Of(list, labelNode) : GroupNode.Of(labelNode, list);
                }
            }
            rendered.Add(list);
        }
        var joined = Join(rendered, n.Delimiter ?? opts.NamesDelimiter);
        return joined is null ? null : Decorate(n, joined);
    }

    private Node? Substitute(NamesElement n, RenderContext ctx)
    {
        if (n.Substitute is null)
        {
            return null;
        }
        var wasIn = ctx.InSubstitute;
        var outerParent = ctx.SubstituteFor;
        ctx.InSubstitute = true;
        ctx.SubstituteFor = n;
        var node = FirstSubstitute(n.Substitute, ctx);
        ctx.InSubstitute = wasIn;
        ctx.SubstituteFor = outerParent;
        return node;
    }

    /// <summary>The first candidate of a cs:substitute that renders. A cs:choose is transparent: each
    /// element of its chosen branch is a candidate of its own, so a branch listing editor, translator
    /// and collection editor renders only the first of them that the item has.</summary>
    private Node? FirstSubstitute(IReadOnlyList<CslElement> candidates, RenderContext ctx)
    {
        foreach (var candidate in candidates)
        {
            Node? node;
            if (candidate is ChooseElement choose)
            {
                var branch = choose.Branches.FirstOrDefault(b => b.Condition is null || Test(b.Condition, ctx));
                node = branch is null ? null : FirstSubstitute(branch.Children, ctx);
            }
            else
            {
                var suppressedBefore = new HashSet<string>(ctx.Suppressed, StringComparer.Ordinal);
                node = Render(candidate, ctx);
                if (node is null || node.IsEmpty)
                {
                    // A candidate that rendered nothing uses up no variable.
                    ctx.Suppressed.Clear();
                    ctx.Suppressed.UnionWith(suppressedBefore);
                }
            }
            if (node is not null && !node.IsEmpty)
            {
                return node;
            }
        }
        return null;
    }

    /// <summary>A cs:names without cs:name, cs:et-al or cs:label inside a cs:substitute is shorthand: it
    /// renders its variables with the name, et-al and label options of the cs:names it substitutes
    /// for (CSL 1.0.2, cs:substitute), wherever it sits in the substitute (in a cs:choose branch too).
    /// It takes that element's affixes and formatting as well, in place of its own, as citeproc-js does;
    /// any other substitute keeps its own and gets none of the substituted element's.</summary>
    private static NamesElement InheritSubstituted(NamesElement shorthand, NamesElement parent)
    {
        return new NamesElement
        {
            Variables = shorthand.Variables,
            Name = parent.Name,
            EtAl = parent.EtAl,
            Label = parent.Label,
            LabelAfterName = parent.LabelAfterName,
            Substitute = shorthand.Substitute,
            Delimiter = shorthand.Delimiter ?? parent.Delimiter,
            NameOptions = parent.NameOptions,
            Formatting = parent.Formatting,
            Prefix = parent.Prefix,
            Suffix = parent.Suffix,
            Display = parent.Display,
            TextCase = parent.TextCase,
        };
    }

    private static bool IsShorthand(NamesElement n) => n.Name is null && n.EtAl is null && n.Label is null;

    /// <summary>Where a name list stands in the cite, for the given-name expansions disambiguation asks
    /// for: the variable of the cs:names written in the layout, and the list's place among the lists it
    /// renders. An editor standing in for the author through cs:substitute takes the author's slot, so an
    /// edited volume and an authored book by the same person are compared name for name.</summary>
    private static string NameSlot(string root, int ordinal) =>
        ordinal == 0 ? root : root + "#" + ordinal.ToString(CultureInfo.InvariantCulture);

    private (int Shown, bool EtAl) Truncation(IReadOnlyList<Name> names, NameOptions opts, RenderContext ctx)
    {
        var shown = names.Count;
        var etAl = false;
        // et-al-use-first="0" leaves no name to show: the list renders nothing, not even "et al.", and
        // does not call cs:substitute (etal_UseZeroFirst of the CSL test suite; citeproc-js alike).
        if (opts.EtAlMin is > 0 and { } etAlMin && opts.EtAlUseFirst is { } useFirst && useFirst >= 0 && names.Count >= etAlMin && useFirst < names.Count)
        {
            shown = useFirst;
            if (ctx.Mode == RenderMode.Citation && ctx.InFirstNames)
            {
                shown += ctx.Cite.ExtraNames;
            }
            else if (ctx.Mode == RenderMode.Bibliography && ctx.InFirstNames && ctx.Cite.CitedNames is { } cited)
            {
                // As citeproc-js does: the entry shows at least the names its cite needed to be told apart.
                shown = Math.Max(shown, cited);
            }
            etAl = shown < names.Count;
            shown = Math.Min(shown, names.Count);
        }
        return (shown, etAl);
    }

    private Node? RenderNameList(string slot, IReadOnlyList<Name> names, NamesElement n, NameOptions opts, RenderContext ctx)
    {
        var (shown, etAl) = Truncation(names, opts, ctx);
        var nodes = new List<Node>();
        var inverted = new List<bool>();
        var parts = new List<string>();
        for (var i = 0; i < shown; i++)
        {
            var inv = opts.NameAsSortOrder == Citations.NameAsSortOrder.All || (opts.NameAsSortOrder == Citations.NameAsSortOrder.First && i == 0);
            var node = new GroupNode([FormatName(n.Name, StripPeriodsInNames(RenderName(names[i], i, slot, n.Name, opts, inv, ctx), ctx))]) { IsNameNode = true };
            ctx.NamesSeenForDisambiguation?.Add((slot, i, names[i]));
            nodes.Add(node);
            inverted.Add(inv && names[i].Literal is null);
            parts.Add(node.PlainText());
        }
        if (ctx.InFirstNames)
        {
            ctx.FirstNamesParts ??= parts;
        }
        if (nodes.Count == 0)
        {
            return null;
        }
        var g = new GroupNode();
        var andTerm = opts.And switch
        {
            NameAnd.Text => _locale.Term("and") ?? "and",
            NameAnd.Symbol => "&",
            _ => null,
        };
        if (etAl && opts.EtAlUseLast && shown + 2 <= names.Count)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                if (i > 0)
                {
                    g.Children.Add(new TextNode(opts.Delimiter, TextRole.Affix));
                }
                g.Children.Add(nodes[i]);
            }
            g.Children.Add(new TextNode(opts.Delimiter + "\u2026 ", TextRole.Affix));
            var lastInv = opts.NameAsSortOrder == Citations.NameAsSortOrder.All;
            g.Children.Add(FormatName(n.Name, StripPeriodsInNames(RenderName(names[^1], names.Count - 1, slot, n.Name, opts, lastInv, ctx), ctx)));
            return DecorateNameList(n.Name, g, etAl);
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            if (i > 0)
            {
                var isLast = i == nodes.Count - 1 && !etAl;
                if (isLast && andTerm is not null && ctx.Mode != RenderMode.Sort)
                {
                    var useDelimiter = DelimiterPrecedesLast(opts, names[i].Literal is not null, inverted[i - 1], nodes.Count);
                    g.Children.Add(new TextNode(useDelimiter ? opts.Delimiter : " ", TextRole.Affix));
                    g.Children.Add(new TextNode(andTerm + " ", TextRole.Affix));
                }
                else
                {
                    g.Children.Add(new TextNode(opts.Delimiter, TextRole.Affix));
                }
            }
            g.Children.Add(nodes[i]);
        }
        if (etAl && ctx.Mode != RenderMode.Sort)
        {
            var termName = n.EtAl?.Term == EtAlTerm.AndOthers ? "and others" : "et-al";
            var term = _locale.Term(termName);
            if (!string.IsNullOrEmpty(term))
            {
                var useDelimiter = opts.DelimiterPrecedesEtAl switch
                {
                    DelimiterPrecedes.Always => true,
                    DelimiterPrecedes.Never => false,
                    DelimiterPrecedes.AfterInvertedName => inverted[^1],
                    _ => nodes.Count >= 2,
                };
                // A Chinese or Japanese term ("等") follows the last name without a space, as words in
                // those scripts do (name_EtAlWithCombined of the CSL test suite, citeproc-js alike).
                g.Children.Add(new TextNode(useDelimiter ? opts.Delimiter : IsRomanesque(term[..1]) ? " " : string.Empty, TextRole.Affix));
                Node etAlNode = StripPeriodsInNames(new TextNode(term), ctx);
                if (n.EtAl is not null)
                {
                    etAlNode = Decorate(n.EtAl, etAlNode);
                }
                g.Children.Add(etAlNode);
            }
        }
        g.IsNameList = true;
        if (ctx.InFirstNames)
        {
            ctx.FirstNameList ??= g;
        }
        return DecorateNameList(n.Name, g, etAl);
    }

    /// <summary>strip-periods on the cs:text that calls a macro removes the periods of the names in it
    /// ("Anne T. Gallagher" → "Anne T Gallagher"), of their "et al." and of their label ("eds"), as
    /// citeproc-js does; the delimiters and sort separators keep theirs.</summary>
    private static Node StripPeriodsInNames(Node name, RenderContext ctx)
    {
        if (ctx.StripPeriodsFromNames && ctx.Mode != RenderMode.Sort)
        {
            ForEachText(name, t =>
            {
                if (t.Role == TextRole.Content)
                {
                    t.Text = t.Text.Replace(".", string.Empty, StringComparison.Ordinal);
                }
            });
        }
        return name;
    }

    /// <summary>Formatting on cs:name applies to each name, so the delimiters and "and" between the
    /// names stay unformatted, as in citeproc-js: "&lt;sc&gt;Anderson, Bridget&lt;/sc&gt; ; &lt;sc&gt;O’Connell
    /// Davidson, Julia&lt;/sc&gt;" (the specification leaves the scope open; cs:name-part formats a part
    /// of each name).</summary>
    private static Node FormatName(NameElement? el, Node name) =>
        el is null || el.Formatting.IsEmpty ? name : new GroupNode([name]) { Formatting = el.Formatting };

    /// <summary>The affixes of cs:name enclose the whole list. A list cut short by "et al." is formatted
    /// once more as a whole, as citeproc-js does, so the et-al term takes the name's formatting unless
    /// cs:et-al sets its own ("&lt;sc&gt;&lt;sc&gt;Kempadoo&lt;/sc&gt; &lt;normal&gt;u. a.&lt;/normal&gt;&lt;/sc&gt;").
    /// citeproc-js also repeats the affixes of cs:name around each name; pub keeps them around the list.</summary>
    private Node DecorateNameList(NameElement? el, GroupNode list, bool etAl)
    {
        if (el is null)
        {
            return list;
        }
        Node content = list;
        if (etAl && !el.Formatting.IsEmpty)
        {
            content = new GroupNode([list]) { Formatting = el.Formatting };
        }
        return Decorate(el, content, formatting: false);
    }

    /// <summary>Whether the delimiter precedes the "and" before the last name. Before an institution
    /// (a literal name) citeproc-js ignores the cs:name's own delimiter-precedes-last and uses the value
    /// inherited from the style, citation or bibliography: "International Labour Organization and Walk
    /// Free Foundation" where two persons get "Smith, J., and Jones, M."; after-inverted-name still adds
    /// the delimiter after an inverted name.</summary>
    private static bool DelimiterPrecedesLast(NameOptions opts, bool lastIsInstitution, bool previousInverted, int count)
    {
        var rule = lastIsInstitution ? opts.InheritedDelimiterPrecedesLast : opts.DelimiterPrecedesLast;
        if (opts.DelimiterPrecedesLast == DelimiterPrecedes.AfterInvertedName && previousInverted)
        {
            return true;
        }
        return rule switch
        {
            DelimiterPrecedes.Always => true,
            DelimiterPrecedes.Never => false,
            DelimiterPrecedes.AfterInvertedName => previousInverted,
            _ => count >= 3,
        };
    }

    private Node RenderName(Name name, int index, string slot, NameElement? el, NameOptions opts, bool inverted, RenderContext ctx)
    {
        if (name.Literal is not null)
        {
            var lit = name.Literal;
            Node litNode = RichTextParser.Parse(lit);
            if (el?.Family is { } fam)
            {
                litNode = Decorate(fam, litNode);
            }
            return litNode;
        }
        var level = opts.Form == NameForm.Short ? 0 : (opts.InitializeWith is not null && opts.Initialize ? 1 : 2);
        var requested = 0;
        // The bibliography shows a name as fully as the cite that needed it to be told apart (as
        // citeproc-js does): "(Adam Smith, 2003)" is listed as "Smith, Adam", not "Smith, A.".
        if (ctx.Mode != RenderMode.Sort)
        {
            if (ctx.Cite.GivenLevels is { } gl && gl.TryGetValue((slot, index), out var l))
            {
                requested = l;
            }
            if (ctx.Cite.NameLevels is { } nl && (index == 0 || !ctx.Cite.NameLevelsPrimaryOnly) && nl.TryGetValue(name, out var l2))
            {
                requested = Math.Max(requested, l2);
            }
        }
        if (ctx.Mode == RenderMode.Sort && ctx.SortKey?.Variable is not null)
        {
            // A name variable used directly as a sort key sorts by the full name; a macro keeps its form.
            level = 2;
        }
        level = Math.Max(level, requested);
        if (level == 1 && opts.InitializeWith is null)
        {
            level = 2;
        }
        if (string.IsNullOrEmpty(name.Family) && name.Given is not null)
        {
            // Only a given name (Banksy): nothing to initialize or invert.
            Node only = RichTextParser.Parse(name.Given);
            return el?.Given is { } gp ? Decorate(gp, only) : only;
        }
        var family = name.Family ?? string.Empty;
        var nonDrop = name.NonDroppingParticle;
        var drop = name.DroppingParticle;
        var given = name.Given;
        if (level == 1 && given is not null)
        {
            given = Initialize(given, opts.InitializeWith!, true);
        }
        else if (level == 2 && given is not null && opts.InitializeWith is not null && !opts.Initialize && ctx.Mode != RenderMode.Sort && requested < 2)
        {
            given = Initialize(given, opts.InitializeWith, false);
        }
        var romanesque = IsRomanesque(family + given);
        Node Part(string? text, NamePartElement? part)
        {
            Node node = RichTextParser.Parse(text ?? string.Empty);
            if (part is not null)
            {
                if (part.TextCase is { } textCase)
                {
                    TextCase.Apply(node, textCase, true);
                }
                if (!part.Formatting.IsEmpty)
                {
                    node = new GroupNode([node]) { Formatting = part.Formatting };
                }
            }
            return node;
        }
        Node WithAffixes(Node content, NamePartElement? part)
        {
            if (part is null || (part.Prefix.Length == 0 && part.Suffix.Length == 0))
            {
                return content;
            }
            return GroupNode.Of(new TextNode(part.Prefix, TextRole.Affix), content, new TextNode(part.Suffix, TextRole.Affix));
        }
        var famEl = el?.Family;
        var givEl = el?.Given;
        var g = new GroupNode();
        void Add(Node? node, string sepBefore)
        {
            if (node is null || node.IsEmpty)
            {
                return;
            }
            if (g.Children.Count > 0 && sepBefore.Length > 0)
            {
                g.Children.Add(new TextNode(sepBefore, TextRole.Affix));
            }
            g.Children.Add(node);
        }
        // A particle ending in an apostrophe or hyphen joins the name ("d’Wander") unless written with a space ("de’ Frinkle").
        // The no-break space of French, Russian and Czech output holds in sort keys too: a sort key ignores
        // it, so "van der\u00A0Leun" sorts as the words "van" and "derLeun", after "Van Der Mussele", as
        // citeproc-js sorts them in those languages.
        var particleSpace = ParticleSpace;
        string Space(string? particle) => particle switch
        {
            null => particleSpace,
            _ when particle.EndsWith(' ') => " ",
            _ when particle.EndsWith('\'') || particle.EndsWith('\u2019') || particle.EndsWith('-') => string.Empty,
            _ => particleSpace,
        };

        if (!romanesque)
        {
            // Family name first, no spaces (Chinese, Japanese, Korean names).
            var fam = new GroupNode();
            fam.Children.Add(Part(family, famEl));
            Add(WithAffixes(fam, famEl), string.Empty);
            if (level > 0 && given is not null)
            {
                Add(WithAffixes(Part(given, givEl), givEl), string.Empty);
            }
            return g;
        }

        var demote = _style.DemoteNonDroppingParticle;
        if (level == 0)
        {
            var fam = new GroupNode();
            if (inverted && nonDrop is not null && (demote == ParticleDemotion.DisplayAndSort || (demote == ParticleDemotion.SortOnly && ctx.Mode == RenderMode.Sort)))
            {
                // A short name in sort order demotes its particle too ("Anker van den"), as citeproc-js does.
                fam.Children.Add(Part(family, famEl));
                fam.Children.Add(new TextNode(" ", TextRole.Affix));
                fam.Children.Add(Part(nonDrop.TrimEnd(), famEl));
                return WithAffixes(fam, famEl);
            }
            if (nonDrop is not null)
            {
                fam.Children.Add(Part(nonDrop.TrimEnd(), famEl));
                fam.Children.Add(new TextNode(Space(nonDrop), TextRole.Affix));
            }
            fam.Children.Add(Part(family, famEl));
            return WithAffixes(fam, famEl);
        }

        if (!inverted)
        {
            var giv = new GroupNode();
            if (given is not null)
            {
                giv.Children.Add(Part(given, givEl));
            }
            // In display order the family name-part's affixes enclose particles, family name and suffix.
            var fam = new GroupNode();
            if (drop is not null)
            {
                fam.Children.Add(Part(drop.TrimEnd(), givEl));
                fam.Children.Add(new TextNode(Space(drop), TextRole.Affix));
            }
            if (nonDrop is not null)
            {
                fam.Children.Add(Part(nonDrop.TrimEnd(), famEl));
                fam.Children.Add(new TextNode(Space(nonDrop), TextRole.Affix));
            }
            fam.Children.Add(Part(family, famEl));
            if (name.Suffix is not null)
            {
                fam.Children.Add(new TextNode(name.CommaSuffix ? ", " : " ", TextRole.Affix));
                fam.Children.Add(RichTextParser.Parse(Suffix(name.Suffix, opts)));
            }
            Add(WithAffixes(giv, givEl), " ");
            var givenEndsWithSpace = givEl is not null && givEl.Suffix.Length > 0 && char.IsWhiteSpace(givEl.Suffix[^1]);
            Add(WithAffixes(fam, famEl), givenEndsWithSpace ? string.Empty : " ");
            return g;
        }
        else
        {
            var sep = opts.SortSeparator;
            var fam = new GroupNode();
            var demoted = demote == ParticleDemotion.DisplayAndSort || (demote == ParticleDemotion.SortOnly && ctx.Mode == RenderMode.Sort);
            if (nonDrop is not null && !demoted)
            {
                fam.Children.Add(Part(nonDrop.TrimEnd(), famEl));
                fam.Children.Add(new TextNode(Space(nonDrop), TextRole.Affix));
            }
            fam.Children.Add(Part(family, famEl));
            var giv = new GroupNode();
            if (given is not null)
            {
                giv.Children.Add(Part(given, givEl));
            }
            if (drop is not null)
            {
                if (giv.Children.Count > 0)
                {
                    giv.Children.Add(new TextNode(" ", TextRole.Affix));
                }
                giv.Children.Add(Part(drop.TrimEnd(), givEl));
            }
            if (nonDrop is not null && demoted)
            {
                if (giv.Children.Count > 0)
                {
                    giv.Children.Add(new TextNode(" ", TextRole.Affix));
                }
                giv.Children.Add(Part(nonDrop.TrimEnd(), famEl));
            }
            if (ctx.Mode == RenderMode.Sort)
            {
                sep = " ";
            }
            Add(WithAffixes(fam, famEl), string.Empty);
            Add(giv.Children.Count > 0 ? WithAffixes(giv, givEl) : null, sep);
            if (name.Suffix is not null)
            {
                Add(RichTextParser.Parse(Suffix(name.Suffix, opts)), ctx.Mode == RenderMode.Sort ? " " : sep);
            }
            return g;
        }
    }

    /// <summary>The space between a particle and the family name ("de Vries"). French, Russian and Czech
    /// typography keep the two on one line, so citeproc-js joins them with a no-break space when the
    /// output locale is one of these languages ("de\u00A0Vries", "van der\u00A0Leun"); a demoted particle
    /// after the given names ("Vries, Ingrid de") keeps an ordinary space.</summary>
    private string ParticleSpace =>
        _locale.Lang.StartsWith("fr", StringComparison.OrdinalIgnoreCase) || _locale.Lang.StartsWith("ru", StringComparison.OrdinalIgnoreCase)
        || _locale.Lang.StartsWith("cs", StringComparison.OrdinalIgnoreCase)
            ? "\u00A0"
            : " ";

    /// <summary>A name suffix written with periods follows initialize-with as initials do: "Jr." becomes
    /// "Jr" in a style that writes initials without periods ("King ML Jr"), as in citeproc-js.</summary>
    private string Suffix(string suffix, NameOptions opts) =>
        opts.InitializeWith is { } with && suffix.Contains('.', StringComparison.Ordinal) ? Initialize(suffix, with, false) : suffix;

    internal static bool IsRomanesque(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u3040' and <= '\u9FFF' || c is >= '\uAC00' and <= '\uD7AF' || c is >= '\uF900' and <= '\uFAFF')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One element of a given name: an initial (written as one, or made from a name when
    /// initializing) or a word kept as written; <see cref="AfterHyphen"/> when a hyphen joins it to the
    /// element before ("Jean-Paul").</summary>
    private readonly record struct GivenElement(string Text, bool IsInitial, bool AfterHyphen)
    {
        /// <summary>Markup opening around the element as written ("&lt;b&gt;" in "&lt;b&gt;John&lt;/b&gt;").</summary>
        public string Open { get; init; } = string.Empty;

        /// <summary>Markup closing after the element; an initial's period goes inside it ("&lt;b&gt;J.&lt;/b&gt;").</summary>
        public string Close { get; init; } = string.Empty;
    }

    /// <summary>Reduces given names to initials: "John Robert" → "J. R.", "Jean-Paul" → "J.-P.", "M.E" → "M. E.".
    /// With <paramref name="initialize"/> false only existing initials are normalised ("E.B." → "E. B.").
    /// An initial is followed by <paramref name="with"/>; a word after an initial keeps a space before it
    /// ("E Benjamin" where initials take no period). Without initialize-with-hyphen a hyphen separates
    /// like a space, so a lower-case element after it stays ("M. jun" for "Min-jun"), as in citeproc-js.</summary>
    internal string Initialize(string given, string with, bool initialize)
    {
        var text = _style.InitializeWithHyphen ? given : given.Replace('-', ' ');
        var elements = GivenElements(text, initialize);
        var sb = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (i > 0)
            {
                if (e.AfterHyphen)
                {
                    TrimEndSpaces(sb);
                    sb.Append('-');
                }
                else if (!e.IsInitial || !elements[i - 1].IsInitial)
                {
                    TrimEndSpaces(sb);
                    sb.Append(' ');
                }
            }
            sb.Append(e.Open).Append(e.Text);
            var period = e.IsInitial ? with.TrimEnd(' ') : string.Empty;
            sb.Append(period).Append(e.Close);
            if (e.IsInitial)
            {
                sb.Append(with, period.Length, with.Length - period.Length);
            }
        }
        TrimEndSpaces(sb);
        return sb.ToString();
    }

    private static List<GivenElement> GivenElements(string given, bool initialize)
    {
        var elements = new List<GivenElement>();
        foreach (var word in GivenWords(given))
        {
            var hyphenParts = word.Split('-');
            for (var h = 0; h < hyphenParts.Length; h++)
            {
                // Markup around a part ("<b>John</b>") stays around its initial ("<b>J.</b>").
                var markup = MarkupAround().Match(hyphenParts[h]);
                var (open, part, close) = (markup.Groups[1].Value, markup.Groups[2].Value, markup.Groups[3].Value);
                if (part.Length == 0)
                {
                    continue;
                }
                if (h > 0 && char.IsLower(part[0]) && initialize)
                {
                    // A lower-case element after a hyphen ("Guo-ping") has no initial of its own.
                    continue;
                }
                var afterHyphen = h > 0;
                var first = elements.Count;
                // Periods inside a part separate initials ("M.E"); a trailing period marks an abbreviation ("Ts.").
                var pieces = part.Split('.');
                for (var k = 0; k < pieces.Length; k++)
                {
                    var piece = pieces[k];
                    if (piece.Length == 0)
                    {
                        continue;
                    }
                    var abbreviated = k < pieces.Length - 1 || piece.Length == 1;
                    elements.Add(abbreviated
                        ? new GivenElement(piece, true, afterHyphen)
                        : initialize && char.IsUpper(piece[0])
                            ? new GivenElement(InitialOf(piece), true, afterHyphen)
                            // A lower-case particle or a non-letter inside given names stays as written.
                            : new GivenElement(piece, false, afterHyphen));
                    afterHyphen = false;
                }
                if (elements.Count > first)
                {
                    elements[first] = elements[first] with { Open = open };
                    elements[^1] = elements[^1] with { Close = elements[^1].Close + close };
                }
            }
        }
        return elements;
    }

    /// <summary>The words of given names, split at spaces outside markup tags, so that
    /// "&lt;span class="nocase"&gt;" stays one piece of markup.</summary>
    private static List<string> GivenWords(string given)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inTag = false;
        foreach (var c in given)
        {
            inTag = c == '<' || (inTag && c != '>');
            if (!inTag && c is ' ' or '\u00A0')
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    [GeneratedRegex(@"^((?:<[A-Za-z][^>]*>)*)(.*?)((?:</[A-Za-z]+>)*)$", RegexOptions.Singleline)]
    private static partial Regex MarkupAround();

    /// <summary>The initial of a name; a leading capital digraph keeps both letters: "TSerendorjiin" → "Ts".</summary>
    private static string InitialOf(string name)
    {
        var run = 1;
        while (run < name.Length && char.IsUpper(name[run]))
        {
            run++;
        }
        return run >= 2 && run < name.Length ? name[0] + name[1..run].ToLowerInvariant() : name[..1];
    }

    private static void TrimEndSpaces(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }
}
