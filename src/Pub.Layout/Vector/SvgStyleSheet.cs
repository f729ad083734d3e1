using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Pub.Layout.Vector;

/// <summary>
/// The rules of an SVG's &lt;style&gt; sheets that charting tools write: selectors of an element name, an id and
/// classes (<c>rect.bar</c>, <c>.axis</c>, <c>#title</c>, several separated by commas) with declarations of the
/// properties pub draws. A rule with any other selector (descendants, pseudo-classes, attributes) or inside an
/// at-rule is left out. Rules apply by specificity, then in the order written, between an element's presentation
/// attributes and its style attribute, as in CSS.
/// </summary>
internal sealed partial class SvgStyleSheet
{
    private readonly List<Rule> _rules = [];

    private sealed record Selector(string? Element, string? Id, IReadOnlyList<string> Classes)
    {
        public (int, int, int) Specificity => (Id is null ? 0 : 1, Classes.Count, Element is null ? 0 : 1);

        public bool Matches(XElement element)
        {
            if (Element is not null && element.Name.LocalName != Element)
                return false;
            if (Id is not null && element.Attribute("id")?.Value != Id)
                return false;
            if (Classes.Count == 0)
                return true;
            var classes = (element.Attribute("class")?.Value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return Classes.All(c => classes.Contains(c, StringComparer.Ordinal));
        }
    }

    private sealed record Rule(Selector Selector, int Order, IReadOnlyList<(string Name, string Value)> Declarations);

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Adds the rules of one sheet; returns false when some of it was left out.</summary>
    public bool Add(string css)
    {
        css = Comment().Replace(css, " ");
        bool complete = true;
        int depth = 0, start = 0;
        for (int i = 0; i < css.Length; i++)
        {
            if (css[i] == '{')
                depth++;
            else if (css[i] == '}')
            {
                depth = Math.Max(0, depth - 1);
                if (depth == 0)
                {
                    complete &= AddRule(css[start..i]);
                    start = i + 1;
                }
            }
        }
        return complete;
    }

    private bool AddRule(string rule)
    {
        int open = rule.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
            return true;
        string selectors = rule[..open].Trim();
        if (selectors.StartsWith('@') || rule.IndexOf('{', open + 1) >= 0)
            return false;
        var declarations = SvgStyle.Declarations(rule[(open + 1)..]);
        bool complete = true;
        foreach (var text in selectors.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = SimpleSelector().Match(text);
            if (!match.Success || match.Length == 0)
            {
                complete = false;
                continue;
            }
            var selector = new Selector(
                match.Groups["element"].Success && match.Groups["element"].Value != "*" ? match.Groups["element"].Value : null,
                match.Groups["id"].Success ? match.Groups["id"].Value : null,
                [.. match.Groups["class"].Captures.Select(c => c.Value)]);
            _rules.Add(new Rule(selector, _rules.Count, declarations));
        }
        return complete;
    }

    /// <summary>The declarations that apply to <paramref name="element"/>, weakest first.</summary>
    public IEnumerable<(string Name, string Value)> For(XElement element) =>
        _rules.Where(r => r.Selector.Matches(element))
            .OrderBy(r => r.Selector.Specificity).ThenBy(r => r.Order)
            .SelectMany(r => r.Declarations);

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<element>[A-Za-z][\w-]*|\*)?(?:#(?<id>[\w-]+))?(?:\.(?<class>[\w-]+))*$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleSelector();
}
