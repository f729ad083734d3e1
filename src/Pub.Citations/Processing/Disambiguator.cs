// CSL disambiguation. Cites that render identically are made distinct, in the order the
// specification prescribes, each step applied only to cites still ambiguous after the previous one:
//   1. given-name expansion of all names (global givenname-disambiguation-rule values),
//   2. disambiguate-add-names: show more names before "et al.",
//   3. disambiguate-add-givenname (by-cite, and the names add-names shows under all-names): initials,
//      then full given names, name by name,
//   4. the disambiguate="true" condition,
//   5. disambiguate-add-year-suffix: a, b, c … in bibliography order.
// A step's change is kept only when it increases the number of distinct renderings in the group.
namespace Pub.Citations;

internal sealed class Disambiguator(
    Evaluator eval,
    CitationSection citation,
    Dictionary<string, Reference> refs,
    Dictionary<string, CiteParams> itemParams,
    List<string> bibOrder,
    IReadOnlyDictionary<string, int>? firstNotes = null)
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _disambiguateTests = new(StringComparer.Ordinal);
    // A later cite must be unambiguous too when it renders differently from the first: with
    // et-al-subsequent-* it may shorten the names, and a note style prints a short form after the first note.
    private readonly bool _subsequentEtAl = citation.NameAttributes.EtAlSubsequentMin is not null || citation.NameAttributes.EtAlSubsequentUseFirst is not null
        || eval.Style.NameAttributes.EtAlSubsequentMin is not null || eval.Style.NameAttributes.EtAlSubsequentUseFirst is not null
        || eval.Style.Class == StyleClass.Note;
    private readonly Dictionary<string, List<(string Slot, int Index, Name Name)>> _names = new(StringComparer.Ordinal);

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
        ids = WithoutGroupsToldApartByTheirNotes(ids);
        var rule = citation.GivennameDisambiguationRule;
        if (citation.DisambiguateAddGivenname && rule != GivennameRule.ByCite)
        {
            GlobalNames(ids, rule);
            foreach (var id in ids)
            {
                _keys[id] = Key(id);
            }
        }
        if (citation.DisambiguateAddNames || (citation.DisambiguateAddGivenname && rule == GivennameRule.ByCite))
        {
            // Names added by add-names are expanded too when that tells the cites apart (the specification:
            // "added names are expanded if doing so would disambiguate the ambiguous cites"), except under
            // the primary-name rules, which expand the first name only.
            var expandGivenNames = citation.DisambiguateAddGivenname && !IsPrimaryNameRule(rule);
            foreach (var group in Groups(ids))
            {
                foreach (var id in group)
                {
                    ExpandNames(id, group, citation.DisambiguateAddNames, expandGivenNames, rule);
                }
            }
            foreach (var id in ids)
            {
                _keys[id] = Key(id);
                if (itemParams[id].ExtraNames > 0)
                {
                    itemParams[id] = itemParams[id] with { CitedNames = FirstNamesShown(id) };
                }
            }
        }
        // disambiguate="true" conditions are switched on one at a time until a cite is unique.
        foreach (var group in Groups(ids))
        {
            foreach (var id in group)
            {
                var others = group.Where(o => o != id).ToList();
                var max = Math.Max(1, _disambiguateTests.GetValueOrDefault(id));
                var chosen = max;
                for (var level = 1; level <= max; level++)
                {
                    if (Collisions(id, others, itemParams[id] with { DisambiguateLevel = level }) == 0)
                    {
                        chosen = level;
                        break;
                    }
                }
                itemParams[id] = itemParams[id] with { DisambiguateLevel = chosen };
            }
            Distinct(group);
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
        _disambiguateTests[id] = Math.Max(_disambiguateTests.GetValueOrDefault(id), ctx.DisambiguateTests);
        var key = node is null ? string.Empty : Flattener.Flatten(node, eval.Locale).ToPlainText();
        if (_subsequentEtAl)
        {
            key += "\u0001" + LaterKey(id, withNote: false);
        }
        return key;
    }

    /// <summary>A later cite as citeproc-js compares it: subsequent and near its first note, and, under
    /// the by-cite rule, with the number of the note that first cited the work, so that "Smith (n 10)"
    /// and "Smith (n 11)" are already told apart by their notes and need no title.</summary>
    private CiteParams LaterCite(string id, bool withNote = false) => itemParams[id] with
    {
        Position = Position.Subsequent,
        NearNote = true,
        FirstReferenceNoteNumber = withNote && firstNotes is not null && firstNotes.TryGetValue(id, out var note) ? note : null,
    };

    /// <summary>Under the by-cite rule a group of cites that read alike is left as it is when the note
    /// numbers of their later cites already tell them all apart ("Smith (n 10)", "Smith (n 11)"), as in
    /// citeproc-js; when two of them still read alike, the whole group is disambiguated.</summary>
    private List<string> WithoutGroupsToldApartByTheirNotes(List<string> ids)
    {
        if (!_subsequentEtAl || firstNotes is null || citation.GivennameDisambiguationRule != GivennameRule.ByCite)
        {
            return ids;
        }
        var settled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups(ids))
        {
            var later = group.Select(id => LaterKey(id, withNote: true)).ToList();
            if (later.Distinct(StringComparer.Ordinal).Count() == group.Count)
            {
                settled.UnionWith(group);
            }
        }
        return settled.Count == 0 ? ids : [.. ids.Where(id => !settled.Contains(id))];
    }

    private string LaterKey(string id, bool withNote)
    {
        var item = refs[id];
        eval.BeginItem(item);
        var later = new RenderContext(item, LaterCite(id, withNote), RenderMode.Citation, citation);
        var laterNode = eval.RenderLayout(citation.Layout, later, withAffixes: false);
        return laterNode is null ? string.Empty : Flattener.Flatten(laterNode, eval.Locale).ToPlainText();
    }

    private int? FirstNamesShown(string id)
    {
        var item = refs[id];
        eval.BeginItem(item);
        var ctx = new RenderContext(item, itemParams[id], RenderMode.Citation, citation);
        eval.RenderLayout(citation.Layout, ctx, withAffixes: false);
        return ctx.FirstNamesParts?.Count;
    }

    private List<List<string>> Groups(List<string> ids) =>
        ConnectedGroups(ids);

    /// <summary>Cites are ambiguous when their first renderings match, or (with et-al-subsequent-*)
    /// their later renderings match; groups are the connected sets of that relation.</summary>
    private List<List<string>> ConnectedGroups(List<string> ids)
    {
        var parent = ids.ToDictionary(id => id, id => id, StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        foreach (var part in new[] { 0, 1 })
        {
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                var parts = _keys[id].Split('\u0001');
                if (part >= parts.Length)
                {
                    continue;
                }
                if (first.TryGetValue(parts[part], out var other))
                {
                    parent[Find(id)] = Find(other);
                }
                else
                {
                    first[parts[part]] = id;
                }
            }
        }
        return [.. ids.GroupBy(Find, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.ToList())];
    }

    private static bool Collide(string a, string b)
    {
        if (a == b)
        {
            return true;
        }
        var x = a.Split('\u0001');
        var y = b.Split('\u0001');
        return x[0] == y[0] || (x.Length > 1 && y.Length > 1 && x[1] == y[1]);
    }

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

    /// <summary>Finds, for one cite, the fewest added names and given-name expansions that tell it apart
    /// from the other cites of its group, each rendered with the same settings. An expansion is kept only
    /// when it reduces the number of cites it collides with.</summary>
    private void ExpandNames(string id, List<string> group, bool addNames, bool addGivenname, GivennameRule rule)
    {
        var others = group.Where(o => o != id).ToList();
        var start = itemParams[id];
        var best = start;
        var bestCollisions = Collisions(id, others, start);
        if (bestCollisions == 0)
        {
            return;
        }
        var maxExtra = addNames ? refs[id].Names.Values.Select(n => n.Count).DefaultIfEmpty(0).Max() : 0;
        var maxLevel = StopsAtInitials(rule) ? 1 : 2;
        var current = start;
        for (var k = start.ExtraNames; k <= maxExtra && bestCollisions > 0; k++)
        {
            current = current with { ExtraNames = k };
            var collisions = Collisions(id, others, current);
            if (collisions < bestCollisions)
            {
                best = current;
                bestCollisions = collisions;
            }
            if (!addGivenname || bestCollisions == 0)
            {
                continue;
            }
            foreach (var pos in VisibleNames(id, current))
            {
                for (var level = 1; level <= maxLevel; level++)
                {
                    var levels = new Dictionary<(string, int), int>(current.GivenLevels ?? new Dictionary<(string, int), int>()) { [pos] = level };
                    var trial = current with { GivenLevels = levels };
                    var c = Collisions(id, others, trial);
                    if (c < bestCollisions)
                    {
                        if (level == 1 && level < maxLevel)
                        {
                            // Without initialize-with the cite shows initials as the full given name; so
                            // does the bibliography entry, which may initialize where the cite does not.
                            var full = current with { GivenLevels = new Dictionary<(string, int), int>(levels) { [pos] = 2 } };
                            if (TrialKey(id, full) == TrialKey(id, trial))
                            {
                                trial = full;
                            }
                        }
                        best = trial;
                        bestCollisions = c;
                        current = trial;
                        break;
                    }
                }
                if (bestCollisions == 0)
                {
                    break;
                }
            }
        }
        itemParams[id] = best;
    }

    private readonly Dictionary<(string, string), string> _trialCache = [];

    private int Collisions(string id, List<string> others, CiteParams settings)
    {
        var mine = TrialKey(id, settings);
        var count = 0;
        foreach (var o in others)
        {
            var theirs = TrialKey(o, itemParams[o] with { ExtraNames = settings.ExtraNames, GivenLevels = settings.GivenLevels, DisambiguateLevel = settings.DisambiguateLevel });
            if (Collide(theirs, mine))
            {
                count++;
            }
        }
        return count;
    }

    private string TrialKey(string id, CiteParams p)
    {
        var signature = p.ExtraNames.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + p.DisambiguateLevel.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|"
            + string.Join(",", (p.GivenLevels ?? new Dictionary<(string, int), int>()).OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2)
                .Select(kv => kv.Key.Item1 + kv.Key.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=" + kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (_trialCache.TryGetValue((id, signature), out var cached))
        {
            return cached;
        }
        var saved = itemParams[id];
        itemParams[id] = p;
        var key = Key(id);
        itemParams[id] = saved;
        _trialCache[(id, signature)] = key;
        return key;
    }

    private List<(string, int)> VisibleNames(string id, CiteParams p)
    {
        var saved = itemParams[id];
        itemParams[id] = p;
        Key(id);
        itemParams[id] = saved;
        return [.. (_names.GetValueOrDefault(id) ?? []).Select(n => (n.Slot, n.Index)).Distinct()];
    }

    /// <summary>all-names / primary-name rules: expand every rendered name that shares its short form
    /// with a different person, to initials when they tell the two apart, else to the full given name.</summary>
    private void GlobalNames(List<string> ids, GivennameRule rule)
    {
        var primaryOnly = IsPrimaryNameRule(rule);
        var maxLevel = StopsAtInitials(rule) ? 1 : 2;
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
            // The same person written with different spacing ("J. J." / "J.J.") is not a different name.
            static string Bare(string? given) => new((given ?? string.Empty).Where(char.IsLetter).ToArray());
            var others = all.Where(o => !o.Equals(name) && o.Literal is null && (o.NonDroppingParticle ?? string.Empty) + "|" + o.Family == shortForm && Bare(o.Given) != Bare(name.Given)).ToList();
            if (others.Count == 0)
            {
                continue;
            }
            var init = eval.Initialize(name.Given ?? string.Empty, ".", true);
            var needFull = others.Exists(o => eval.Initialize(o.Given ?? string.Empty, ".", true) == init);
            var initialsHelp = others.Exists(o => eval.Initialize(o.Given ?? string.Empty, ".", true) != init);
            var level = needFull && maxLevel == 2 ? 2 : initialsHelp ? 1 : 0;
            if (level > 0)
            {
                levels[name] = level;
            }
        }
        if (levels.Count == 0)
        {
            return;
        }
        foreach (var id in ids)
        {
            itemParams[id] = itemParams[id] with { NameLevels = levels, NameLevelsPrimaryOnly = primaryOnly };
        }
    }

    private static bool IsPrimaryNameRule(GivennameRule rule) => rule is GivennameRule.PrimaryName or GivennameRule.PrimaryNameWithInitials;

    private static bool StopsAtInitials(GivennameRule rule) => rule is GivennameRule.AllNamesWithInitials or GivennameRule.PrimaryNameWithInitials;
}
