// Numeric variables: detection (is-numeric), cs:number forms (numeric, ordinal, long-ordinal, roman),
// and plural detection for labels.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations;

internal static partial class Numbers
{
    // One number of a numeric value (CSL 1.0.2, is-numeric): digits with letter affixes ("12a", "A5", "L2d"),
    // or a compound number joined by slashes, as courts and registries number their cases ("21884/15"
    // is one application number, so its label is singular).
    private const string ArabicNumber = @"(?:[A-Za-z]?\d+[A-Za-z]*|[A-Za-z]*\d+)(?:/[A-Za-z]?\d+[A-Za-z]*)*";

    // An upper-case roman numeral ("VII"). It counts as a number only beside an arabic one, as in the
    // volumes of the European Court's Reports ("2005-VII"): alone, words such as "MIX" or "CD" would pass.
    private const string RomanNumber = @"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})";

    // CSL 1.0.2 separates numbers by commas, hyphens and ampersands only, so "77587/12 and 74603/12" (two
    // joined applications) is text and takes no "No." label, as citeproc-js prints it. citeproc-js does
    // read "5 and 6" as numeric; pub follows the specification there.
    private const string Separator = @"\s*(?:,|&|-|–)\s*";

    // A lower-case roman numeral counts the front matter of a book: "xiv, 412" pages, "xiv" pages, as
    // citeproc-js reads them. An upper-case one is a number only after an arabic one (below).
    private const string LowerRomanNumber = @"(?=[mdclxvi])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})";

    // A roman numeral follows an arabic number and a hyphen ("2005-VII"); a capital letter standing alone
    // in a list ("L, 2024/1712", an Official Journal series) is not a number.
    private const string NumberWithVolume = "(?:" + ArabicNumber + @"(?:\s*[-–]\s*" + RomanNumber + ")?|" + LowerRomanNumber + @"(?![A-Za-z]))";

    [GeneratedRegex(@"^\s*" + NumberWithVolume + "(?:" + Separator + NumberWithVolume + @")*\s*$")]
    private static partial Regex NumericRegex();

    [GeneratedRegex("(" + Separator + ")")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();

    /// <summary>CSL 1.0.2 is-numeric: the value consists of numbers only, separated by commas, hyphens or
    /// ampersands. Unlike citeproc-js, which also reads a number followed by letters after a hyphen
    /// as a range (it prints the Russian law number "162-ФЗ" as "Pub. L. Nos. 162-ФЗ"), a part without a
    /// digit that is no roman numeral is not a number: "162-ФЗ" is one law number, not numeric.</summary>
    public static bool IsNumeric(string s) => NumericRegex().IsMatch(s);

    /// <summary>The numbers of a numeric value, without their separators.</summary>
    private static int CountNumbers(string s) => SeparatorRegex().Split(s.Trim()).Count(t => t.Trim() is { Length: > 0 } n && !SeparatorRegex().IsMatch(n));

    /// <summary>A court's case number ("70-18", "21884/15") names one case: its hyphens are part of the
    /// number, never a range, so it keeps them and its label is plural only for a list of cases
    /// ("Nos. 12-345, 12-346"), as citeproc-js reads it.</summary>
    public static bool IsDocketNumber(string variable, Reference item) =>
        variable == "number" && item.Type == "legal_case";

    /// <summary>A case number's hyphens read as parts of one number: "12-345, 12-346" holds two numbers.</summary>
    public static string WithoutRanges(string caseNumber) => HyphenRegex().Replace(caseNumber, "/");

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
            // Text that opens with a range or list of numbers ("367-368, fig. 333") is plural; text that
            // only holds one ("Pub. L. No. 106-386") takes the singular, as citeproc-js gives both.
            return Regex.IsMatch(s, @"^\s*\d+\s*[-–,&]\s*\d") || s.Contains(" and ", StringComparison.Ordinal);
        }
        return CountNumbers(s) > 1;
    }

    public static int? FirstNumber(string s)
    {
        var m = DigitsRegex().Match(s);
        return m.Success && int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    public static string Roman(int n) => Pub.Model.Numerals.Roman(n);

    [GeneratedRegex(@"\s*[-–]\s*")]
    private static partial Regex HyphenRegex();

    [GeneratedRegex(@"\s*&\s*")]
    private static partial Regex AmpersandRegex();

    /// <summary>Sets the hyphens between the numbers of a numeric value as range delimiters
    /// ("2005-VII" → "2005–VII") and its ampersands as the locale's ("2&3" → "2 & 3"), leaving every
    /// other character as written.</summary>
    public static string JoinRanges(string numericValue, string rangeDelimiter, ResolvedLocale locale) =>
        AmpersandRegex().Replace(HyphenRegex().Replace(numericValue.Trim(), rangeDelimiter), " " + Ampersand(locale) + " ");

    /// <summary>What joins two numbers written with an ampersand ("213 & 235"): the symbol form of the
    /// locale's "and" term, which a style may redefine, as citeproc-js and the CSL test suite
    /// (label_PluralWithLocalizedAmpersand) print it. A locale without that form (de-DE, ru-RU) keeps the
    /// ampersand rather than falling back to its word "und" or "и".</summary>
    public static string Ampersand(ResolvedLocale locale) =>
        locale.FindTerm("and", TermForm.Symbol) is { Form: TermForm.Symbol } term ? term.Single : "&";

    /// <summary>The delimiter of a range in a number variable: a series number is a span of years
    /// more often than not, so collection-number takes the year-range delimiter, the others the page one.</summary>
    public static string RangeDelimiter(string variable, ResolvedLocale locale) =>
        (variable == "collection-number" ? locale.Term("year-range-delimiter") : locale.Term("page-range-delimiter")) ?? "–";

    /// <summary>Formats every number in a numeric value with the given form; separators are normalised
    /// (", " for commas, the locale's ampersand between spaces, the range delimiter for hyphens).</summary>
    public static string Format(string value, NumberForm form, ResolvedLocale locale, TermGender? genderForm, string rangeDelimiter)
    {
        var sb = new StringBuilder();
        var tokens = SeparatorRegex().Split(value.Trim());
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
                sb.Append(' ').Append(Ampersand(locale)).Append(' ');
                continue;
            }
            if (t is "-" or "–")
            {
                sb.Append(rangeDelimiter);
                continue;
            }
            if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sb.Append(form switch
                {
                    NumberForm.Ordinal => n.ToString(CultureInfo.InvariantCulture) + locale.OrdinalSuffix(n, genderForm),
                    NumberForm.LongOrdinal => locale.LongOrdinal(n, genderForm),
                    NumberForm.Roman => Roman(n),
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
        var value = GetVariable(n.Variable, TermForm.Long, ctx);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        ctx.VarsRendered++;
        if (ctx.InSubstitute)
        {
            // Like a text variable, a number printed as a substitute is not printed again.
            ctx.Suppressed.Add(n.Variable);
        }
        if (ctx.Mode == RenderMode.Sort && Numbers.FirstNumber(value) is { } first && Numbers.IsNumeric(value))
        {
            return new TextNode(first.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }
        string text;
        if (Numbers.IsNumeric(value) && !Numbers.IsDocketNumber(n.Variable, ctx.Item))
        {
            var gender = _locale.Gender(n.Variable == "locator" ? ctx.Cite.Label ?? "page" : n.Variable);
            text = Numbers.Format(value, n.Form, _locale, gender, Numbers.RangeDelimiter(n.Variable, _locale));
        }
        else
        {
            // A non-numeric value, or a case number, is printed as it is, markup included.
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
            value = GetVariable(l.Variable, TermForm.Long, ctx);
            termName = l.Variable;
        }
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var plural = l.Plural switch
        {
            LabelPlural.Always => true,
            LabelPlural.Never => false,
            _ => l.Variable is "number-of-pages" or "number-of-volumes"
                ? Numbers.FirstNumber(value) is > 1
                : Numbers.IsPlural(Numbers.IsDocketNumber(l.Variable, ctx.Item) ? Numbers.WithoutRanges(value) : value, _locale.Term("and")),
        };
        var term = _locale.Term(termName, l.Form, plural);
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }
        return Decorate(l, StripPeriods(l, RichTextParser.Parse(term)));
    }
}
