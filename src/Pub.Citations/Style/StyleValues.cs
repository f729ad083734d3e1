// The closed value sets of CSL 1.0.2 attributes, as enums, and the vocabulary that maps each to the
// words a style writes. A value outside its set is reported where it is written (PUB0707) and the
// attribute takes its default, so the evaluator never sees a word it does not know.
namespace Pub.Citations;

public enum StyleClass { InText, Note }

/// <summary>form on cs:text (term or variable), cs:label and locale terms.</summary>
public enum TermForm { Long, Short, Verb, VerbShort, Symbol }

public enum NumberForm { Numeric, Ordinal, LongOrdinal, Roman }

/// <summary>plural on cs:label.</summary>
public enum LabelPlural { Contextual, Always, Never }

/// <summary>form on cs:date: a localized date.</summary>
public enum DateForm { Text, Numeric }

/// <summary>date-parts on a localized cs:date: which parts of the locale's date are shown.</summary>
public enum DatePartsShown { YearMonthDay, YearMonth, Year }

public enum DatePartName { Year, Month, Day }

/// <summary>form on cs:date-part; which forms a part allows depends on its name (see <see cref="CslValues.AllowedForms"/>).</summary>
public enum DatePartForm { Long, Short, Numeric, NumericLeadingZeros, Ordinal }

public enum NamePartName { Given, Family }

/// <summary>form on cs:name (name-form where inherited).</summary>
public enum NameForm { Long, Short, Count }

/// <summary>and on cs:name: the word or the symbol before the last name.</summary>
public enum NameAnd { Text, Symbol }

/// <summary>delimiter-precedes-last and delimiter-precedes-et-al.</summary>
public enum DelimiterPrecedes { Contextual, AfterInvertedName, Always, Never }

public enum NameAsSortOrder { First, All }

/// <summary>term on cs:et-al: the locale term that follows a shortened name list.</summary>
public enum EtAlTerm { EtAl, AndOthers }

public enum ParticleDemotion { Never, SortOnly, DisplayAndSort }

public enum TextCasing { Lowercase, Uppercase, CapitalizeFirst, CapitalizeAll, Sentence, Title }

public enum DisplayMode { Block, LeftMargin, RightInline, Indent }

public enum FontStyle { Normal, Italic, Oblique }

public enum FontVariant { Normal, SmallCaps }

public enum FontWeight { Normal, Bold, Light }

public enum TextDecoration { None, Underline }

public enum VerticalAlign { Baseline, Sup, Sub }

public enum ConditionMatch { All, Any, None }

public enum CollapseMode { CitationNumber, Year, YearSuffix, YearSuffixRanged }

public enum GivennameRule { AllNames, AllNamesWithInitials, PrimaryName, PrimaryNameWithInitials, ByCite }

public enum SecondFieldAlign { Flush, Margin }

public enum SubstituteRule { CompleteAll, CompleteEach, PartialEach, PartialFirst }

public enum PageRangeFormat { Chicago, Chicago15, Chicago16, Expanded, Minimal, MinimalTwo }

public enum SortDirection { Ascending, Descending }

/// <summary>gender and gender-form on a locale term: nouns that ordinals agree with, and the ordinal forms for them.</summary>
public enum TermGender { Masculine, Feminine }

/// <summary>match on an ordinal term (ordinal-00 … ordinal-99): which digits of a number it applies to.</summary>
public enum OrdinalMatch { LastDigit, LastTwoDigits, WholeNumber }

/// <summary>The words of one closed value set, in the order the specification lists them.</summary>
public sealed class CslVocabulary<T> where T : struct
{
    private readonly (string Word, T Value)[] _words;

    public CslVocabulary(params (string Word, T Value)[] words) => _words = words;

    public IEnumerable<string> Words => _words.Select(w => w.Word);

    public bool TryParse(string word, out T value)
    {
        foreach (var (w, v) in _words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The word a style writes for <paramref name="value"/>.</summary>
    public string Word(T value)
    {
        foreach (var (w, v) in _words)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return w;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }
}

/// <summary>The vocabularies of CSL 1.0.2 (specification, "Appendix" and the attribute sections).</summary>
public static class CslValues
{
    public static readonly CslVocabulary<bool> Boolean = new(("true", true), ("false", false));
    public static readonly CslVocabulary<StyleClass> Class = new(("in-text", StyleClass.InText), ("note", StyleClass.Note));

    public static readonly CslVocabulary<TermForm> TermForms = new(
        ("long", TermForm.Long), ("short", TermForm.Short), ("verb", TermForm.Verb), ("verb-short", TermForm.VerbShort), ("symbol", TermForm.Symbol));

    /// <summary>A variable on cs:text has a long and a short form only.</summary>
    public static readonly CslVocabulary<TermForm> VariableForms = new(("long", TermForm.Long), ("short", TermForm.Short));

    public static readonly CslVocabulary<NumberForm> NumberForms = new(
        ("numeric", NumberForm.Numeric), ("ordinal", NumberForm.Ordinal), ("long-ordinal", NumberForm.LongOrdinal), ("roman", NumberForm.Roman));

    public static readonly CslVocabulary<LabelPlural> LabelPlurals = new(
        ("contextual", LabelPlural.Contextual), ("always", LabelPlural.Always), ("never", LabelPlural.Never));

    public static readonly CslVocabulary<DateForm> DateForms = new(("text", DateForm.Text), ("numeric", DateForm.Numeric));

    public static readonly CslVocabulary<DatePartsShown> DateParts = new(
        ("year-month-day", DatePartsShown.YearMonthDay), ("year-month", DatePartsShown.YearMonth), ("year", DatePartsShown.Year));

    public static readonly CslVocabulary<DatePartName> DatePartNames = new(
        ("day", DatePartName.Day), ("month", DatePartName.Month), ("year", DatePartName.Year));

    private static readonly CslVocabulary<DatePartForm> DayForms = new(
        ("numeric", DatePartForm.Numeric), ("numeric-leading-zeros", DatePartForm.NumericLeadingZeros), ("ordinal", DatePartForm.Ordinal));

    private static readonly CslVocabulary<DatePartForm> MonthForms = new(
        ("long", DatePartForm.Long), ("short", DatePartForm.Short), ("numeric", DatePartForm.Numeric), ("numeric-leading-zeros", DatePartForm.NumericLeadingZeros));

    private static readonly CslVocabulary<DatePartForm> YearForms = new(("long", DatePartForm.Long), ("short", DatePartForm.Short));

    /// <summary>The forms a date part allows: a day is never "short", a year never "numeric".</summary>
    public static CslVocabulary<DatePartForm> AllowedForms(DatePartName name) => name switch
    {
        DatePartName.Day => DayForms,
        DatePartName.Month => MonthForms,
        _ => YearForms,
    };

    public static readonly CslVocabulary<NamePartName> NamePartNames = new(("given", NamePartName.Given), ("family", NamePartName.Family));

    public static readonly CslVocabulary<NameForm> NameForms = new(("long", NameForm.Long), ("short", NameForm.Short), ("count", NameForm.Count));

    public static readonly CslVocabulary<NameAnd> And = new(("text", NameAnd.Text), ("symbol", NameAnd.Symbol));

    public static readonly CslVocabulary<DelimiterPrecedes> DelimiterPrecedes = new(
        ("contextual", Citations.DelimiterPrecedes.Contextual), ("after-inverted-name", Citations.DelimiterPrecedes.AfterInvertedName),
        ("always", Citations.DelimiterPrecedes.Always), ("never", Citations.DelimiterPrecedes.Never));

    public static readonly CslVocabulary<NameAsSortOrder> NameAsSortOrder = new(
        ("first", Citations.NameAsSortOrder.First), ("all", Citations.NameAsSortOrder.All));

    public static readonly CslVocabulary<EtAlTerm> EtAlTerms = new(("et-al", Citations.EtAlTerm.EtAl), ("and others", Citations.EtAlTerm.AndOthers));

    public static readonly CslVocabulary<ParticleDemotion> DemoteNonDroppingParticle = new(
        ("never", ParticleDemotion.Never), ("sort-only", ParticleDemotion.SortOnly), ("display-and-sort", ParticleDemotion.DisplayAndSort));

    public static readonly CslVocabulary<TextCasing> TextCase = new(
        ("lowercase", TextCasing.Lowercase), ("uppercase", TextCasing.Uppercase), ("capitalize-first", TextCasing.CapitalizeFirst),
        ("capitalize-all", TextCasing.CapitalizeAll), ("sentence", TextCasing.Sentence), ("title", TextCasing.Title));

    public static readonly CslVocabulary<DisplayMode> Display = new(
        ("block", DisplayMode.Block), ("left-margin", DisplayMode.LeftMargin), ("right-inline", DisplayMode.RightInline), ("indent", DisplayMode.Indent));

    public static readonly CslVocabulary<FontStyle> FontStyle = new(
        ("normal", Citations.FontStyle.Normal), ("italic", Citations.FontStyle.Italic), ("oblique", Citations.FontStyle.Oblique));

    public static readonly CslVocabulary<FontVariant> FontVariant = new(("normal", Citations.FontVariant.Normal), ("small-caps", Citations.FontVariant.SmallCaps));

    public static readonly CslVocabulary<FontWeight> FontWeight = new(
        ("normal", Citations.FontWeight.Normal), ("bold", Citations.FontWeight.Bold), ("light", Citations.FontWeight.Light));

    public static readonly CslVocabulary<TextDecoration> TextDecoration = new(("none", Citations.TextDecoration.None), ("underline", Citations.TextDecoration.Underline));

    public static readonly CslVocabulary<VerticalAlign> VerticalAlign = new(
        ("baseline", Citations.VerticalAlign.Baseline), ("sup", Citations.VerticalAlign.Sup), ("sub", Citations.VerticalAlign.Sub));

    /// <summary>The tests of cs:if and cs:else-if.</summary>
    public static readonly IReadOnlyList<string> Conditions = ["type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"];

    /// <summary>The values of the position test.</summary>
    public static readonly IReadOnlyList<string> Positions = ["first", "subsequent", "ibid", "ibid-with-locator", "near-note"];

    public static readonly CslVocabulary<ConditionMatch> Match = new(("all", ConditionMatch.All), ("any", ConditionMatch.Any), ("none", ConditionMatch.None));

    public static readonly CslVocabulary<CollapseMode> Collapse = new(
        ("citation-number", CollapseMode.CitationNumber), ("year", CollapseMode.Year), ("year-suffix", CollapseMode.YearSuffix),
        ("year-suffix-ranged", CollapseMode.YearSuffixRanged));

    public static readonly CslVocabulary<GivennameRule> GivennameRules = new(
        ("all-names", GivennameRule.AllNames), ("all-names-with-initials", GivennameRule.AllNamesWithInitials),
        ("primary-name", GivennameRule.PrimaryName), ("primary-name-with-initials", GivennameRule.PrimaryNameWithInitials),
        ("by-cite", GivennameRule.ByCite));

    public static readonly CslVocabulary<SecondFieldAlign> SecondFieldAlign = new(
        ("flush", Citations.SecondFieldAlign.Flush), ("margin", Citations.SecondFieldAlign.Margin));

    public static readonly CslVocabulary<SubstituteRule> SubsequentAuthorSubstituteRule = new(
        ("complete-all", SubstituteRule.CompleteAll), ("complete-each", SubstituteRule.CompleteEach),
        ("partial-each", SubstituteRule.PartialEach), ("partial-first", SubstituteRule.PartialFirst));

    public static readonly CslVocabulary<PageRangeFormat> PageRangeFormat = new(
        ("chicago", Citations.PageRangeFormat.Chicago), ("chicago-15", Citations.PageRangeFormat.Chicago15),
        ("chicago-16", Citations.PageRangeFormat.Chicago16), ("expanded", Citations.PageRangeFormat.Expanded),
        ("minimal", Citations.PageRangeFormat.Minimal), ("minimal-two", Citations.PageRangeFormat.MinimalTwo));

    public static readonly CslVocabulary<TermGender> Genders = new(("masculine", TermGender.Masculine), ("feminine", TermGender.Feminine));

    public static readonly CslVocabulary<OrdinalMatch> OrdinalMatches = new(
        ("last-digit", OrdinalMatch.LastDigit), ("last-two-digits", OrdinalMatch.LastTwoDigits), ("whole-number", OrdinalMatch.WholeNumber));

    public static readonly CslVocabulary<SortDirection> Sort = new(("ascending", SortDirection.Ascending), ("descending", SortDirection.Descending));
}
