// Numeric variables: detection (is-numeric), cs:number forms (numeric, ordinal, long-ordinal, roman),
// and plural detection for labels.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations;

internal static partial class Numbers
{
    // A numeric value: numbers with optional letter affixes ("12a", "A5", "iv"? no), joined by , & - or "and".
    [GeneratedRegex(@"^\s*([A-Za-z]?\d+[A-Za-z]*|[A-Za-z]*\d+)(\s*(,|&|-|–|and)\s*([A-Za-z]?\d+[A-Za-z]*|[A-Za-z]*\d+))*\s*$")]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();

    [GeneratedRegex(@"^[ivxlcdmIVXLCDM]+$")]
    private static partial Regex RomanRegex();

    public static bool IsNumeric(string s) => NumericRegex().IsMatch(s);

    /// <summary>Plural when the value holds more than one number (a range or a list).</summary>
    public static bool IsPlural(string s, string? andTerm = null)
    {
        if (Regex.IsMatch(s, @"^\s*[ivxlcdmIVXLCDM]+\s*[-–,&]\s*[ivxlcdmIVXLCDM]+\s*$"))
        {
            return true;
        }
        if (andTerm is not null && s.Contains(" " + andTerm + " ", StringComparison.Ordinal) && DigitsRegex().Matches(s).Count > 1)
        {
            return true;
        }
        if (!IsNumeric(s))
        {
            return Regex.IsMatch(s, @"\d\s*[-–,&]\s*\d") || s.Contains(" and ", StringComparison.Ordinal);
        }
        return DigitsRegex().Matches(s).Count > 1;
    }

    public static int? FirstNumber(string s)
    {
        var m = DigitsRegex().Match(s);
        return m.Success && int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    public static string Roman(int n)
    {
        if (n <= 0 || n >= 4000)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        var vals = new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        var syms = new[] { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
        var sb = new StringBuilder();
        for (var i = 0; i < vals.Length; i++)
        {
            while (n >= vals[i])
            {
                sb.Append(syms[i]);
                n -= vals[i];
            }
        }
        return sb.ToString();
    }

    /// <summary>Formats every number in a numeric value with the given form; separators are normalised
    /// (", " for commas, " & " for ampersands, an en dash for ranges).</summary>
    public static string Format(string value, string form, ResolvedLocale locale, string? genderForm)
    {
        var sb = new StringBuilder();
        var tokens = Regex.Split(value.Trim(), @"(\s*(?:,|&|-|–)\s*|\s+and\s+)");
        foreach (var tok in tokens)
        {
            var t = tok.Trim();
            if (t is "," )
            {
                sb.Append(", ");
                continue;
            }
            if (t == "&")
            {
                sb.Append(" & ");
                continue;
            }
            if (t is "-" or "–")
            {
                sb.Append(locale.Term("page-range-delimiter") ?? "–");
                continue;
            }
            if (t == "and")
            {
                sb.Append(" and ");
                continue;
            }
            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sb.Append(form switch
                {
                    "ordinal" => n.ToString(CultureInfo.InvariantCulture) + locale.OrdinalSuffix(n, genderForm),
                    "long-ordinal" => locale.LongOrdinal(n, genderForm),
                    "roman" => Roman(n),
                    _ => n.ToString(CultureInfo.InvariantCulture),
                });
            }
            else
            {
                sb.Append(t);
            }
        }
        return sb.ToString();
    }
}

internal sealed partial class Evaluator
{
    private Node? RenderNumber(NumberElement n, RenderContext ctx)
    {
        ctx.VarsCalled++;
        var value = GetVariable(n.Variable, "long", ctx);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        ctx.VarsRendered++;
        if (ctx.Mode == RenderMode.Sort && Numbers.FirstNumber(value) is { } first && Numbers.IsNumeric(value))
        {
            return new TextNode(first.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }
        string text;
        if (Numbers.IsNumeric(value))
        {
            var gender = _locale.Gender(n.Variable == "locator" ? ctx.Cite.Label ?? "page" : n.Variable);
            text = Numbers.Format(value, n.Form, _locale, gender);
        }
        else
        {
            // A non-numeric value is printed as it is, markup included.
            return Decorate(n, StripPeriods(n, new TextNode(value)));
        }
        return Decorate(n, StripPeriods(n, RichTextParser.Parse(text)));
    }

    private Node? RenderLabel(LabelElement l, RenderContext ctx)
    {
        if (l.Variable is null)
        {
            return null;
        }
        string? value;
        string termName;
        if (l.Variable == "locator")
        {
            value = ctx.Cite.Locator;
            termName = ctx.Cite.Label ?? "page";
            if (termName == "sub verbo")
            {
                termName = "sub-verbo";
            }
        }
        else
        {
            value = GetVariable(l.Variable, "long", ctx);
            termName = l.Variable;
        }
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var plural = l.Plural switch
        {
            "always" => true,
            "never" => false,
            _ => l.Variable is "number-of-pages" or "number-of-volumes"
                ? Numbers.FirstNumber(value) is > 1
                : Numbers.IsPlural(value, _locale.Term("and")),
        };
        var term = _locale.Term(termName, l.Form, plural);
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }
        return Decorate(l, StripPeriods(l, RichTextParser.Parse(term)));
    }
}
