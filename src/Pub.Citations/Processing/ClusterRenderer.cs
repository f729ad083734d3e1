using System.Globalization;
using System.Text.RegularExpressions;

// Renders one citation cluster: sorts its cites, groups cites by the same author when the style
// collapses or sets cite-group-delimiter, collapses citation-number ranges ("1–3") and repeated
// authors/years ("Doe 1990a, b"), adds cite prefixes/suffixes, then the layout's affixes.
namespace Pub.Citations;

internal sealed class ClusterRenderer(
    Evaluator eval,
    CitationSection citation,
    Dictionary<string, Reference> refs)
{
    private sealed class Cite
    {
        public required CitationItem Item { get; init; }
        public required CiteParams Params { get; init; }
        public Node? Full { get; set; }
        public string? Names { get; set; }
        public int Index { get; init; }
        public bool IsFirstInCluster { get; set; }
    }

    internal const string NoPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]";

    private sealed record Piece(Node Node, string? DelimiterBefore)
    {
        public bool PrefixPunctuation { get; init; }
        public bool SuffixPunctuation { get; init; }
    }

    public FormattedText Render(List<(CitationItem Item, CiteParams Params)> input, bool withinSentence = false)
    {
        var cites = input.Select((c, i) => new Cite { Item = c.Item, Params = c.Params, Index = i }).ToList();
        if (citation.Sort.Count > 0)
        {
            var sorter = new Sorter(eval, citation);
            var keyed = cites.Select(c => (c, keys: sorter.Keys(refs[c.Item.Id], c.Params))).ToList();
            keyed.Sort((a, b) =>
            {
                var r = sorter.CompareKeys(a.keys, b.keys);
                return r != 0 ? r : a.c.Index.CompareTo(b.c.Index);
            });
            cites = [.. keyed.Select(k => k.c)];
        }
        if (cites.Count > 0)
        {
            cites[0].IsFirstInCluster = true;
        }
        foreach (var c in cites)
        {
            var (node, names, _) = RenderOne(c.Params, c.Item.Id);
            // citeproc-compatible placeholder for a cite that renders nothing.
            node ??= new TextNode(NoPrintedForm);
            c.Full = new GroupNode([node]) { WorkId = c.Item.Id };
            // Cites without names group together, like cites by the same author.
            c.Names = names ?? string.Empty;
        }
        var delimiter = citation.Layout.Delimiter ?? string.Empty;
        var collapse = citation.Collapse;
        var grouping = collapse is "year" or "year-suffix" or "year-suffix-ranged" || citation.CiteGroupDelimiter is not null;
        if (grouping && citation.Sort.Count > 0)
        {
            // Cite grouping: after sorting, cites with the same rendered names move next to the first of them.
            var grouped = new List<Cite>();
            foreach (var c in cites)
            {
                if (grouped.Contains(c))
                {
                    continue;
                }
                grouped.Add(c);
                if (c.Names is not null)
                {
                    grouped.AddRange(cites.Where(o => o != c && !grouped.Contains(o) && o.Names == c.Names));
                }
            }
            cites = grouped;
        }
        var pieces = new List<Piece>();
        var afterCollapse = citation.AfterCollapseDelimiter ?? delimiter;
        if (collapse == "citation-number")
        {
            CollapseNumbers(cites, pieces, delimiter, afterCollapse);
        }
        else if (grouping)
        {
            CollapseAuthors(cites, pieces, delimiter, afterCollapse, collapse);
        }
        else
        {
            foreach (var c in cites)
            {
                if (WithAffixes(c, c.Full) is { } n)
                {
                    pieces.Add(new Piece(n, delimiter) { PrefixPunctuation = PrefixPunct(c), SuffixPunctuation = SuffixPunct(c) });
                }
            }
        }
        var body = new GroupNode();
        var previousSuffixPunctuation = false;
        foreach (var p in pieces)
        {
            var afterPunctuation = previousSuffixPunctuation;
            previousSuffixPunctuation = p.SuffixPunctuation;
            if (p.PrefixPunctuation)
            {
                body.Children.Add(p.Node);
                continue;
            }
            if (afterPunctuation && body.Children.Count > 0 && !string.IsNullOrEmpty(p.DelimiterBefore))
            {
                // A cite suffix ending in punctuation keeps only the delimiter's spacing.
                var spacing = new string(p.DelimiterBefore.Where(char.IsWhiteSpace).ToArray());
                if (spacing.Length > 0)
                {
                    body.Children.Add(new TextNode(spacing, TextRole.Affix));
                }
                body.Children.Add(p.Node);
                continue;
            }
            if (body.Children.Count > 0 && !string.IsNullOrEmpty(p.DelimiterBefore))
            {
                body.Children.Add(new TextNode(p.DelimiterBefore, TextRole.Affix));
            }
            body.Children.Add(p.Node);
        }
        if (body.IsEmpty)
        {
            return FormattedText.Empty;
        }
        // An author-only cluster is a name in the running text: no layout affixes around it.
        var decorated = cites.All(c => c.Params.AuthorOnly) ? body : Evaluator.DecorateLayout(citation.Layout, body, omitSuffix: withinSentence);
        return Flattener.Flatten(decorated, eval.Locale);
    }

    private (Node? Node, string? Names, TextNode? YearSuffix) RenderOne(CiteParams p, string id)
    {
        var item = refs[id];
        eval.BeginItem(item);
        var ctx = new RenderContext(item, p, RenderMode.Citation, citation);
        var node = eval.RenderLayout(citation.Layout, ctx, withAffixes: false);
        if (p.AuthorOnly)
        {
            node = ctx.FirstNames;
        }
        string? names = null;
        if (ctx.FirstNames is not null)
        {
            names = Flattener.Flatten(ctx.FirstNames, eval.Locale).ToHtml();
        }
        return (node, names, ctx.YearSuffixNode);
    }

    private Node? WithAffixes(Cite c, Node? node)
    {
        if (node is null || node.IsEmpty)
        {
            return null;
        }
        var prefix = c.Item.Prefix;
        var suffix = c.Item.Suffix;
        var isNote = eval.Style.Class == "note";
        // A term opening the cite ("ibid") is capitalized at the start of a citation or after a sentence.
        var opensSentence = string.IsNullOrEmpty(prefix) ? c.IsFirstInCluster : Regex.IsMatch(prefix, @"\s\S*[.!?][\u201D\u2019""']?\s*$");
        if (opensSentence && isNote && FirstText(node) is { IsTerm: true } term && term.Text.Length > 0)
        {
            term.Text = char.ToUpperInvariant(term.Text[0]) + term.Text[1..];
        }
        if (string.IsNullOrEmpty(prefix) && string.IsNullOrEmpty(suffix))
        {
            return node;
        }
        var g = new GroupNode();
        if (!string.IsNullOrEmpty(prefix))
        {
            g.Children.Add(AffixNode(prefix));
            if (SpaceAfterPrefix(prefix[^1]))
            {
                g.Children.Add(new TextNode(" ", TextRole.Affix));
            }
        }
        g.Children.Add(node);
        if (!string.IsNullOrEmpty(suffix))
        {
            if (SpaceBeforeSuffix(suffix[0]))
            {
                g.Children.Add(new TextNode(" ", TextRole.Affix));
            }
            g.Children.Add(AffixNode(suffix));
        }
        return g;
    }

    /// <summary>A prefix is a phrase before the cite ("see", "cf. also", "“As quoted in”", "e.g.,"): a word,
    /// number, closing mark or sentence punctuation at its end is followed by a space, an opening bracket,
    /// quotation mark or dash is not ("(see" joins the cite it opens).</summary>
    private static bool SpaceAfterPrefix(char last) =>
        char.IsLetterOrDigit(last)
        || last is '.' or ',' or ':' or ';' or '!' or '?' or ')' or ']' or '"' or '\''
        || char.GetUnicodeCategory(last) is UnicodeCategory.FinalQuotePunctuation;

    /// <summary>A suffix that goes on with words or a bracketed remark ("at 5", "(dissenting)") is set off
    /// by a space; one that starts with punctuation (", 5", ".", ")") closes up.</summary>
    private static bool SpaceBeforeSuffix(char first) =>
        !char.IsWhiteSpace(first) && (!char.IsPunctuation(first) || char.GetUnicodeCategory(first) is UnicodeCategory.OpenPunctuation);

    private static bool SuffixPunct(Cite c) => c.Item.Suffix is { Length: > 0 } s && s.TrimEnd() is { Length: > 0 } t && t[^1] is ',' or ';' or '.' or ':';

    private static bool PrefixPunct(Cite c) => c.Item.Prefix is { Length: > 0 } p && p.TrimStart() is { Length: > 0 } t && t[0] is ',' or ';' or '.' or ':';

    private static TextNode? FirstText(Node n)
    {
        if (n is TextNode t)
        {
            return t.Text.Length > 0 ? t : null;
        }
        if (n is GroupNode g)
        {
            foreach (var c in g.Children)
            {
                if (c.IsEmpty)
                {
                    continue;
                }
                return FirstText(c);
            }
        }
        return null;
    }

    private static Node AffixNode(string s)
    {
        var parsed = RichTextParser.Parse(s);
        if (parsed is TextNode t)
        {
            return new TextNode(t.Text, TextRole.Affix) { Typed = true };
        }
        MarkQuotesInAffix(parsed);
        return parsed;
    }

    private static void MarkQuotesInAffix(Node n)
    {
        if (n is TextNode t)
        {
            t.Typed = true;
        }
        if (n is GroupNode g)
        {
            g.InAffix = true;
            foreach (var c in g.Children)
            {
                MarkQuotesInAffix(c);
            }
        }
    }

    private static bool Plain(Cite c) => c.Item.Locator is null && string.IsNullOrEmpty(c.Item.Prefix) && string.IsNullOrEmpty(c.Item.Suffix);

    private void CollapseNumbers(List<Cite> cites, List<Piece> pieces, string delimiter, string afterCollapse)
    {
        var i = 0;
        var lastWasRange = false;
        while (i < cites.Count)
        {
            var j = i;
            while (j + 1 < cites.Count && Plain(cites[j + 1]) && Plain(cites[j])
                && cites[j + 1].Params.CitationNumber == cites[j].Params.CitationNumber + 1)
            {
                j++;
            }
            var delim = lastWasRange ? afterCollapse : delimiter;
            if (j - i >= 2)
            {
                var g = GroupNode.Of(cites[i].Full ?? new TextNode(string.Empty), new TextNode("\u2013", TextRole.Affix), cites[j].Full ?? new TextNode(string.Empty));
                pieces.Add(new Piece(g, delim));
                lastWasRange = true;
                i = j + 1;
            }
            else
            {
                if (WithAffixes(cites[i], cites[i].Full) is { } n)
                {
                    pieces.Add(new Piece(n, delim) { PrefixPunctuation = PrefixPunct(cites[i]), SuffixPunctuation = SuffixPunct(cites[i]) });
                }
                lastWasRange = false;
                i++;
            }
        }
    }

    private void CollapseAuthors(List<Cite> cites, List<Piece> pieces, string delimiter, string afterCollapse, string? collapse)
    {
        // Cites of one author are joined by the cite-group delimiter (", " by default) and their
        // year-suffixes by the year-suffix delimiter (an explicit cite-group delimiter, else the layout's). After a
        // collapsed run of suffixes or a cite with a locator comes the after-collapse delimiter.
        var groupDelimiter = citation.CiteGroupDelimiter ?? ", ";
        var yearSuffixDelimiter = citation.YearSuffixDelimiter ?? citation.CiteGroupDelimiter ?? delimiter;
        var i = 0;
        var lastCollapsed = false;
        while (i < cites.Count)
        {
            var j = i;
            while (j + 1 < cites.Count && cites[j + 1].Names is not null && cites[j + 1].Names == cites[i].Names)
            {
                j++;
            }
            // After a collapsed group comes the after-collapse delimiter; with collapse="year" it separates
            // every author group (as citeproc-js does), with year-suffix collapsing only collapsed ones.
            var delim = lastCollapsed || (collapse == "year" && i > 0) ? afterCollapse : delimiter;
            if (j == i)
            {
                if (WithAffixes(cites[i], cites[i].Full) is { } n)
                {
                    pieces.Add(new Piece(n, delim) { PrefixPunctuation = PrefixPunct(cites[i]), SuffixPunctuation = SuffixPunct(cites[i]) });
                }
                lastCollapsed = false;
                i++;
                continue;
            }
            if (collapse is null)
            {
                // Grouping only: same-author cites joined by cite-group-delimiter, names kept.
                for (var k = i; k <= j; k++)
                {
                    if (WithAffixes(cites[k], cites[k].Full) is { } n)
                    {
                        pieces.Add(new Piece(n, k == i ? delim : groupDelimiter) { PrefixPunctuation = PrefixPunct(cites[k]), SuffixPunctuation = SuffixPunct(cites[k]) });
                    }
                }
                lastCollapsed = true;
                i = j + 1;
                continue;
            }
            var bySuffix = collapse is "year-suffix" or "year-suffix-ranged";
            var k2 = i;
            var afterRun = false;
            while (k2 <= j)
            {
                var c = cites[k2];
                var node = k2 == i ? c.Full : RenderOne(c.Params with { SuppressAuthor = true }, c.Item.Id).Node;
                var pieceDelimiter = k2 == i ? delim : Plain(cites[k2 - 1]) && !afterRun ? groupDelimiter : afterCollapse;
                afterRun = false;
                if (WithAffixes(c, node) is { } nn)
                {
                    pieces.Add(new Piece(nn, pieceDelimiter) { PrefixPunctuation = PrefixPunct(c), SuffixPunctuation = SuffixPunct(c) });
                }
                k2++;
                if (!bySuffix || !Plain(c) || c.Params.YearSuffix is null)
                {
                    continue;
                }
                // Following cites of the same year show only their year-suffix.
                var yearKey = YearKey(c);
                var letters = new List<string> { c.Params.YearSuffix };
                while (k2 <= j && Plain(cites[k2]) && cites[k2].Params.YearSuffix is not null && YearKey(cites[k2]) == yearKey)
                {
                    letters.Add(cites[k2].Params.YearSuffix!);
                    k2++;
                }
                afterRun = letters.Count > 1;
                var a = 0;
                while (a < letters.Count)
                {
                    var b = a;
                    while (b + 1 < letters.Count && IsNext(letters[b], letters[b + 1]))
                    {
                        b++;
                    }
                    if (collapse == "year-suffix-ranged" && b - a >= 2)
                    {
                        if (a > 0)
                        {
                            pieces.Add(new Piece(new TextNode(letters[a]), yearSuffixDelimiter));
                        }
                        pieces.Add(new Piece(new TextNode(letters[b]), "\u2013"));
                    }
                    else
                    {
                        for (var q = Math.Max(a, 1); q <= b; q++)
                        {
                            pieces.Add(new Piece(new TextNode(letters[q]), yearSuffixDelimiter));
                        }
                    }
                    a = b + 1;
                }
            }
            lastCollapsed = true;
            i = j + 1;
        }
    }

    private static bool IsNext(string a, string b) =>
        a.Length == 1 && b.Length == 1 && b[0] == a[0] + 1;

    private string? YearKey(Cite c)
    {
        var (n, _, _) = RenderOne(c.Params with { SuppressAuthor = true, YearSuffix = null }, c.Item.Id);
        return n is null ? null : Flattener.Flatten(n, eval.Locale).ToPlainText();
    }
}
