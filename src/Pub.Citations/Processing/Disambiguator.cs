// CSL disambiguation. Cites that render identically are made distinct, in the order the
// specification prescribes, each step applied only to cites still ambiguous after the previous one:
//   1. given-name expansion of all names (global givenname-disambiguation-rule values),
//   2. disambiguate-add-names: show more names before "et al.",
//   3. disambiguate-add-givenname (by-cite): initials, then full given names, name by name,
//   4. the disambiguate="true" condition,
//   5. disambiguate-add-year-suffix: a, b, c … in bibliography order.
// A step's change is kept only when it increases the number of distinct renderings in the group.
namespace Pub.Citations;

internal sealed class Disambiguator(
    Evaluator eval,
    CitationSection citation,
    Dictionary<string, Reference> refs,
    Dictionary<string, CiteParams> itemParams,
    List<string> bibOrder)
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Variable, int Index, Name Name)>> _names = new(StringComparer.Ordinal);

    public void Run()
    {
        var ids = bibOrder;
        if (ids.Count < 2)
        {
            return;
        }
        foreach (var id in ids)
        {
            _keys[id] = Key(id);
        }
        var rule = citation.GivennameDisambiguationRule;
        if (citation.DisambiguateAddGivenname && rule != "by-cite")
        {
            GlobalNames(ids, rule);
            foreach (var id in ids)
            {
                _keys[id] = Key(id);
            }
        }
        if (citation.DisambiguateAddNames)
        {
            foreach (var group in Groups(ids))
            {
                AddNames(group);
            }
        }
        if (citation.DisambiguateAddGivenname)
        {
            foreach (var group in Groups(ids))
            {
                AddGivennames(group, rule);
            }
        }
        foreach (var group in Groups(ids))
        {
            var before = Distinct(group);
            Set(group, p => p with { Disambiguate = true });
            if (Distinct(group) <= before && !citation.DisambiguateAddYearSuffix)
            {
                // Keep the flag anyway: the style asked for it and there is nothing else to try.
            }
        }
        if (citation.DisambiguateAddYearSuffix)
        {
            foreach (var group in Groups(ids))
            {
                var ordered = bibOrder.Where(group.Contains).ToList();
                for (var i = 0; i < ordered.Count; i++)
                {
                    itemParams[ordered[i]] = itemParams[ordered[i]] with { YearSuffix = Suffix(i) };
                }
            }
        }
    }

    public static string Suffix(int i)
    {
        var s = string.Empty;
        i++;
        while (i > 0)
        {
            i--;
            s = (char)('a' + (i % 26)) + s;
            i /= 26;
        }
        return s;
    }

    private string Key(string id)
    {
        var item = refs[id];
        eval.BeginItem(item);
        var ctx = new RenderContext(item, itemParams[id], RenderMode.Citation, citation) { NamesSeenForDisambiguation = [] };
        var node = eval.RenderLayout(citation.Layout, ctx, withAffixes: false);
        _names[id] = ctx.NamesSeenForDisambiguation;
        return node is null ? string.Empty : Flattener.Flatten(node, eval.Locale).ToPlainText();
    }

    private List<List<string>> Groups(List<string> ids) =>
        [.. ids.GroupBy(id => _keys[id], StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.ToList())];

    private int Distinct(List<string> group)
    {
        foreach (var id in group)
        {
            _keys[id] = Key(id);
        }
        return group.Select(id => _keys[id]).Distinct(StringComparer.Ordinal).Count();
    }

    private void Set(List<string> group, Func<CiteParams, CiteParams> change)
    {
        foreach (var id in group)
        {
            itemParams[id] = change(itemParams[id]);
        }
    }

    private void AddNames(List<string> group)
    {
        var baseline = group.Select(id => _keys[id]).Distinct(StringComparer.Ordinal).Count();
        var saved = group.ToDictionary(id => id, id => itemParams[id], StringComparer.Ordinal);
        var maxNames = group.Max(id => refs[id].Names.Values.Select(n => n.Count).DefaultIfEmpty(0).Max());
        var best = baseline;
        var bestK = 0;
        for (var k = 1; k <= maxNames; k++)
        {
            Set(group, p => p with { ExtraNames = k });
            var d = Distinct(group);
            if (d > best)
            {
                best = d;
                bestK = k;
                if (d == group.Count)
                {
                    break;
                }
            }
        }
        foreach (var id in group)
        {
            itemParams[id] = saved[id] with { ExtraNames = bestK };
        }
        Distinct(group);
    }

    private void AddGivennames(List<string> group, string rule)
    {
        var positions = group.SelectMany(id => _names.GetValueOrDefault(id) ?? []).Select(n => (n.Variable, n.Index)).Distinct().ToList();
        if (rule is "primary-name" or "primary-name-with-initials")
        {
            positions = [.. positions.Where(p => p.Index == 0)];
        }
        var maxLevel = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        var current = Distinct(group);
        foreach (var pos in positions)
        {
            if (current == group.Count)
            {
                break;
            }
            var saved = group.ToDictionary(id => id, id => itemParams[id], StringComparer.Ordinal);
            for (var level = 1; level <= maxLevel; level++)
            {
                Set(group, p =>
                {
                    var levels = new Dictionary<(string, int), int>(p.GivenLevels ?? new Dictionary<(string, int), int>()) { [pos] = level };
                    return p with { GivenLevels = levels };
                });
                var d = Distinct(group);
                if (d > current)
                {
                    current = d;
                    break;
                }
                if (level == maxLevel)
                {
                    foreach (var id in group)
                    {
                        itemParams[id] = saved[id];
                    }
                    Distinct(group);
                }
            }
        }
    }

    /// <summary>all-names / primary-name rules: expand every rendered name that shares its short form
    /// with a different person, to initials when they tell the two apart, else to the full given name.</summary>
    private void GlobalNames(List<string> ids, string rule)
    {
        var primaryOnly = rule.StartsWith("primary-name", StringComparison.Ordinal);
        var maxLevel = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        var all = new List<Name>();
        foreach (var id in ids)
        {
            foreach (var n in _names.GetValueOrDefault(id) ?? [])
            {
                if (!primaryOnly || n.Index == 0)
                {
                    all.Add(n.Name);
                }
            }
        }
        var levels = new Dictionary<Name, int>();
        foreach (var name in all.Distinct())
        {
            if (name.Literal is not null)
            {
                continue;
            }
            var shortForm = (name.NonDroppingParticle ?? string.Empty) + "|" + name.Family;
            var others = all.Where(o => !o.Equals(name) && o.Literal is null && (o.NonDroppingParticle ?? string.Empty) + "|" + o.Family == shortForm && o.Given != name.Given).ToList();
            if (others.Count == 0)
            {
                continue;
            }
            var init = eval.Initialize(name.Given ?? string.Empty, ".", true);
            var needFull = others.Exists(o => eval.Initialize(o.Given ?? string.Empty, ".", true) == init);
            levels[name] = needFull ? maxLevel : 1;
        }
        if (levels.Count == 0)
        {
            return;
        }
        foreach (var id in ids)
        {
            itemParams[id] = itemParams[id] with { NameLevels = levels };
        }
    }
}
