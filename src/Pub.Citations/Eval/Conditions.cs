// cs:choose conditions.
namespace Pub.Citations;

internal sealed partial class Evaluator
{
    private static readonly HashSet<string> DateVariables = new(StringComparer.Ordinal)
    {
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    };

    private static readonly HashSet<string> NameVariables = new(StringComparer.Ordinal)
    {
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
        "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host", "illustrator",
        "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
        "script-writer", "series-creator", "translator",
    };

    public static bool IsNameVariable(string v) => NameVariables.Contains(v);

    public static bool IsDateVariable(string v) => DateVariables.Contains(v);

    private bool Test(Condition cond, RenderContext ctx)
    {
        // Every test is evaluated, even when the outcome is already known: a "disambiguate" test counts
        // itself each time it is evaluated (see TestOne).
        var any = false;
        var all = true;
        for (var t = 0; t < cond.Tests.Count; t++)
        {
            var test = cond.Tests[t];
            // An item has one type, so "type" with several values is one test that any of them passes,
            // even under match="all" ('<else-if type="bill treaty">'), as citeproc-js reads it and as
            // real styles are written for it.
            if (test.Kind == "type" && cond.Match == ConditionMatch.All)
            {
                var oneOf = false;
                for (var v = 0; v < test.Values.Count; v++)
                {
                    oneOf |= TestOne(test.Kind, test.Values[v], ctx);
                }
                any |= oneOf;
                all &= oneOf;
                continue;
            }
            for (var v = 0; v < test.Values.Count; v++)
            {
                var passed = TestOne(test.Kind, test.Values[v], ctx);
                any |= passed;
                all &= passed;
            }
        }
        return cond.Match switch
        {
            ConditionMatch.Any => any,
            ConditionMatch.None => !any,
            _ => all,
        };
    }

    private bool TestOne(string kind, string value, RenderContext ctx)
    {
        switch (kind)
        {
            case "type":
                return ctx.Item.Type == value;
            case "variable":
                return HasVariable(value, ctx);
            case "is-numeric":
                var v = GetVariable(value, TermForm.Long, ctx);
                return v is not null && Numbers.IsNumeric(v);
            case "is-uncertain-date":
                return ctx.Item.Dates.TryGetValue(value, out var d) && d.Circa;
            case "locator":
                var label = ctx.Cite.Locator is null ? null : ctx.Cite.Label ?? "page";
                return label is not null && (label == value || (value == "sub-verbo" && label == "sub verbo"));
            case "position":
                if (ctx.Mode != RenderMode.Citation)
                {
                    return false;
                }
                var p = ctx.Cite.Position;
                return value switch
                {
                    "first" => p == Position.First,
                    "subsequent" => p != Position.First,
                    "ibid" => p is Position.Ibid or Position.IbidWithLocator,
                    "ibid-with-locator" => p == Position.IbidWithLocator,
                    "near-note" => p != Position.First && ctx.Cite.NearNote,
                    _ => false,
                };
            case "disambiguate":
                ctx.DisambiguateTests++;
                return (ctx.DisambiguateTests <= ctx.Cite.DisambiguateLevel) == (value == "true");
            default:
                return false;
        }
    }

    /// <summary>Tests the item's data, not what is left of it to print: a variable already used as a
    /// substitute (an author standing in for a composer) still counts as present, as in citeproc-js.</summary>
    public bool HasVariable(string name, RenderContext ctx)
    {
        if (NameVariables.Contains(name))
        {
            return ctx.Item.Names.TryGetValue(name, out var n) && n.Count > 0;
        }
        if (DateVariables.Contains(name))
        {
            return ctx.Item.Dates.ContainsKey(name);
        }
        return !string.IsNullOrEmpty(ReadVariable(name, TermForm.Long, ctx));
    }
}
