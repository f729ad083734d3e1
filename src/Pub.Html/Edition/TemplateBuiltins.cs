using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Pub.Html.Edition;

/// <summary>
/// Scriban's builtins (<c>include</c>, <c>empty</c>, and the function groups <c>array</c>, <c>string</c>, <c>date</c>
/// …), each group made when a template first names it. Scriban's own default set builds every group by
/// reflection over its methods the first time a context is made, which cost a build of one paper about a
/// fifth of its time, though the series' templates use only <c>include</c> and <c>array.join</c>. A template
/// sees the same names and functions either way.
/// </summary>
internal sealed class TemplateBuiltins : ScriptObject
{
    /// <summary>The groups by the name templates use, each made once per process and copied into each
    /// context that names it, so that no template can change another page's functions.</summary>
    private static readonly Dictionary<string, Lazy<ScriptObject>> Groups = new(StringComparer.Ordinal)
    {
        ["array"] = new(() => new ArrayFunctions()),
        [DateTimeFunctions.DateVariable.Name] = new(() => new DateTimeFunctions()),
        ["html"] = new(() => new HtmlFunctions()),
        ["math"] = new(() => new MathFunctions()),
        ["object"] = new(() => new ObjectFunctions()),
        ["regex"] = new(() => new RegexFunctions()),
        ["string"] = new(() => new StringFunctions()),
        ["timespan"] = new(() => new TimeSpanFunctions()),
    };

    public TemplateBuiltins()
    {
        SetValue("empty", EmptyScriptObject.Default, true);
        SetValue("blank", EmptyScriptObject.Default, true);
        SetValue("include", new IncludeFunction(), true);
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (!base.Contains(member) && Groups.TryGetValue(member, out var group))
        {
            SetValue(member, group.Value.Clone(true), true);
        }
        return base.TryGetValue(context, span, member, out value);
    }

    public override bool Contains(string member) => base.Contains(member) || Groups.ContainsKey(member);

    /// <summary>A group is read-only before it is made, as after.</summary>
    public override bool CanWrite(string member) => !Groups.ContainsKey(member) && base.CanWrite(member);
}
