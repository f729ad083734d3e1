// The CSL style model: an immutable-after-parse tree of rendering elements. Attributes with a closed
// value set are enums (Style/StyleValues.cs), parsed once with their defaults applied; free text
// (affixes, delimiters, variable and term names) stays a string.
using Pub.Syntax;

namespace Pub.Citations;

/// <summary>The five CSL formatting attributes; a null member is "not set".</summary>
public sealed record Formatting(
    FontStyle? FontStyle = null,
    FontVariant? FontVariant = null,
    FontWeight? FontWeight = null,
    TextDecoration? TextDecoration = null,
    VerticalAlign? VerticalAlign = null)
{
    public static Formatting None { get; } = new();

    public bool IsEmpty => FontStyle is null && FontVariant is null && FontWeight is null && TextDecoration is null && VerticalAlign is null;
}

/// <summary>Attributes shared by rendering elements. Not every element uses every member.</summary>
public abstract class CslElement
{
    public Formatting Formatting { get; set; } = Formatting.None;
    public string Prefix { get; set; } = string.Empty;
    public string Suffix { get; set; } = string.Empty;
    public DisplayMode? Display { get; set; }
    public bool Quotes { get; set; }
    public bool StripPeriods { get; set; }
    public TextCasing? TextCase { get; set; }
    public SourceSpan? Span { get; set; }
}

public sealed class TextElement : CslElement
{
    public string? Variable { get; set; }
    public string? Macro { get; set; }
    public string? Term { get; set; }
    public string? Value { get; set; }
    public TermForm Form { get; set; }
    public bool Plural { get; set; }
}

public sealed class NumberElement : CslElement
{
    public string Variable { get; set; } = string.Empty;
    public NumberForm Form { get; set; }
}

public sealed class LabelElement : CslElement
{
    public string? Variable { get; set; }
    public TermForm Form { get; set; }
    public LabelPlural Plural { get; set; }
}

public sealed class DatePartElement : CslElement
{
    public DatePartName Name { get; set; }
    /// <summary>Null: the part's default (long month, numeric day, long year), or the locale's for a localized date.</summary>
    public DatePartForm? Form { get; set; }
    public string? RangeDelimiter { get; set; }
}

public sealed class DateElement : CslElement
{
    public string Variable { get; set; } = string.Empty;
    /// <summary>Set for a localized date; null for a fully specified one.</summary>
    public DateForm? Form { get; set; }
    public DatePartsShown DateParts { get; set; }
    public string? Delimiter { get; set; }
    public List<DatePartElement> Parts { get; } = [];
}

public sealed class NamePartElement : CslElement
{
    public NamePartName Name { get; set; }
}

public sealed class NameElement : CslElement
{
    /// <summary>Name options set on this element (and, delimiter, et-al-min …).</summary>
    public NameAttributes Attributes { get; set; } = NameAttributes.None;
    public NamePartElement? Given { get; set; }
    public NamePartElement? Family { get; set; }
}

public sealed class EtAlElement : CslElement
{
    public string Term { get; set; } = "et-al";
}

public sealed class NamesElement : CslElement
{
    public List<string> Variables { get; } = [];
    public NameElement? Name { get; set; }
    public EtAlElement? EtAl { get; set; }
    public LabelElement? Label { get; set; }
    /// <summary>True when the label comes after the name element.</summary>
    public bool LabelAfterName { get; set; }
    public List<CslElement>? Substitute { get; set; }
    public string? Delimiter { get; set; }
    /// <summary>The options its names render with, inheritance resolved once when the style is parsed.</summary>
    public ContextNameOptions NameOptions { get; set; } = ContextNameOptions.Defaults;
}

public sealed class GroupElement : CslElement
{
    public List<CslElement> Children { get; } = [];
    public string? Delimiter { get; set; }
}

public sealed record ConditionTest(string Kind, IReadOnlyList<string> Values);

public sealed class Condition
{
    public ConditionMatch Match { get; set; }
    public List<ConditionTest> Tests { get; } = [];
}

public sealed class ChooseBranch
{
    /// <summary>Null for cs:else.</summary>
    public Condition? Condition { get; set; }
    public List<CslElement> Children { get; } = [];
}

public sealed class ChooseElement : CslElement
{
    public List<ChooseBranch> Branches { get; } = [];
}

public sealed record SortKey(string? Variable, string? Macro, bool Descending, int? NamesMin, int? NamesUseFirst, int? NamesUseLast);

/// <summary>The inheritable name options as one element sets them (cs:style, cs:citation,
/// cs:bibliography or cs:name); a null member is not set there and comes from the element around it.
/// On cs:name, <see cref="Form"/> and <see cref="Delimiter"/> are its form and delimiter attributes; on
/// the others, name-form and name-delimiter. <see cref="NamesDelimiter"/> (names-delimiter) is the
/// inherited delimiter of cs:names.</summary>
public sealed record NameAttributes(
    NameAnd? And = null,
    DelimiterPrecedes? DelimiterPrecedesEtAl = null,
    DelimiterPrecedes? DelimiterPrecedesLast = null,
    int? EtAlMin = null,
    int? EtAlUseFirst = null,
    int? EtAlSubsequentMin = null,
    int? EtAlSubsequentUseFirst = null,
    bool? EtAlUseLast = null,
    bool? Initialize = null,
    string? InitializeWith = null,
    NameAsSortOrder? NameAsSortOrder = null,
    string? SortSeparator = null,
    NameForm? Form = null,
    string? Delimiter = null,
    string? NamesDelimiter = null)
{
    public static NameAttributes None { get; } = new();

    /// <summary>These attributes laid over <paramref name="inherited"/>: each one set here wins.</summary>
    public NameAttributes Over(NameAttributes inherited) => new(
        And ?? inherited.And,
        DelimiterPrecedesEtAl ?? inherited.DelimiterPrecedesEtAl,
        DelimiterPrecedesLast ?? inherited.DelimiterPrecedesLast,
        EtAlMin ?? inherited.EtAlMin,
        EtAlUseFirst ?? inherited.EtAlUseFirst,
        EtAlSubsequentMin ?? inherited.EtAlSubsequentMin,
        EtAlSubsequentUseFirst ?? inherited.EtAlSubsequentUseFirst,
        EtAlUseLast ?? inherited.EtAlUseLast,
        Initialize ?? inherited.Initialize,
        InitializeWith ?? inherited.InitializeWith,
        NameAsSortOrder ?? inherited.NameAsSortOrder,
        SortSeparator ?? inherited.SortSeparator,
        Form ?? inherited.Form,
        Delimiter ?? inherited.Delimiter,
        NamesDelimiter ?? inherited.NamesDelimiter);
}

/// <summary>Settings common to cs:citation and cs:bibliography.</summary>
public abstract class StyleSection
{
    public GroupElement Layout { get; set; } = new();
    public List<SortKey> Sort { get; } = [];
    /// <summary>The name options in force inside this section: cs:style's, with the section's own laid over them.</summary>
    public NameAttributes NameAttributes { get; set; } = NameAttributes.None;
    /// <summary>The options of a cs:names without cs:name in this section (a name variable as a sort key).</summary>
    public NameOptions NameOptions { get; set; } = NameOptions.Defaults;
}

public sealed class CitationSection : StyleSection
{
    public bool DisambiguateAddNames { get; set; }
    public bool DisambiguateAddGivenname { get; set; }
    public bool DisambiguateAddYearSuffix { get; set; }
    public GivennameRule GivennameDisambiguationRule { get; set; } = GivennameRule.ByCite;
    public CollapseMode? Collapse { get; set; }
    public string? CiteGroupDelimiter { get; set; }
    public string? YearSuffixDelimiter { get; set; }
    public string? AfterCollapseDelimiter { get; set; }
    public int NearNoteDistance { get; set; } = 5;
}

public sealed class BibliographySection : StyleSection
{
    public bool HangingIndent { get; set; }
    public SecondFieldAlign? SecondFieldAlign { get; set; }
    public int LineSpacing { get; set; } = 1;
    public int EntrySpacing { get; set; } = 1;
    public string? SubsequentAuthorSubstitute { get; set; }
    public SubstituteRule SubsequentAuthorSubstituteRule { get; set; }
}

/// <summary>A parsed CSL style. A dependent style carries only <see cref="ParentId"/> until resolved.</summary>
public sealed class Style
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public StyleClass Class { get; set; }
    public string? DefaultLocale { get; set; }
    public string Version { get; set; } = "1.0";
    public string? ParentId { get; set; }
    public bool IsDependent => ParentId is not null && Citation is null;
    public ParticleDemotion DemoteNonDroppingParticle { get; set; } = ParticleDemotion.DisplayAndSort;
    public bool InitializeWithHyphen { get; set; } = true;
    public PageRangeFormat? PageRangeFormat { get; set; }
    /// <summary>The name options cs:style sets for every cs:name and cs:names.</summary>
    public NameAttributes NameAttributes { get; set; } = NameAttributes.None;
    public Dictionary<string, GroupElement> Macros { get; } = new(StringComparer.Ordinal);
    public List<Locale> Locales { get; } = [];
    public CitationSection? Citation { get; set; }
    public BibliographySection? Bibliography { get; set; }
    public SourceText? Source { get; set; }
}

/// <summary>The options a name list renders with in one context: what cs:name sets itself, over what it
/// inherits from cs:citation or cs:bibliography, over what cs:style sets, with CSL 1.0.2's defaults for
/// the rest. Computed once per cs:names and context when the style is parsed.</summary>
/// <param name="InheritedDelimiterPrecedesLast">delimiter-precedes-last as inherited, before the cs:name's
/// own: citeproc-js uses it before an institution's name.</param>
/// <param name="NamesDelimiter">names-delimiter as inherited: the delimiter of a cs:names that sets none.</param>
public sealed record NameOptions(
    NameAnd? And,
    DelimiterPrecedes DelimiterPrecedesEtAl,
    DelimiterPrecedes DelimiterPrecedesLast,
    int? EtAlMin,
    int? EtAlUseFirst,
    int? EtAlSubsequentMin,
    int? EtAlSubsequentUseFirst,
    bool EtAlUseLast,
    bool Initialize,
    string? InitializeWith,
    NameAsSortOrder? NameAsSortOrder,
    string SortSeparator,
    NameForm Form,
    string Delimiter,
    DelimiterPrecedes InheritedDelimiterPrecedesLast,
    string? NamesDelimiter)
{
    public static NameOptions Defaults { get; } = Resolve(NameAttributes.None, NameAttributes.None);

    /// <param name="own">What the cs:name sets (<see cref="NameAttributes.None"/> without cs:name).</param>
    /// <param name="inherited">What the section and the style set, the section's winning.</param>
    public static NameOptions Resolve(NameAttributes own, NameAttributes inherited)
    {
        var o = own.Over(inherited);
        return new NameOptions(
            o.And,
            o.DelimiterPrecedesEtAl ?? DelimiterPrecedes.Contextual,
            o.DelimiterPrecedesLast ?? DelimiterPrecedes.Contextual,
            o.EtAlMin,
            o.EtAlUseFirst,
            o.EtAlSubsequentMin,
            o.EtAlSubsequentUseFirst,
            o.EtAlUseLast ?? false,
            o.Initialize ?? true,
            o.InitializeWith,
            o.NameAsSortOrder,
            o.SortSeparator ?? ", ",
            o.Form ?? NameForm.Long,
            o.Delimiter ?? ", ",
            inherited.DelimiterPrecedesLast ?? DelimiterPrecedes.Contextual,
            inherited.NamesDelimiter);
    }
}

/// <summary>A cs:names' options in each context. CSL inheritance runs from cs:citation in citations and
/// from cs:bibliography in the bibliography, so a cs:names in a macro both call has two sets.</summary>
public sealed record ContextNameOptions(NameOptions Citation, NameOptions Bibliography)
{
    public static ContextNameOptions Defaults { get; } = new(NameOptions.Defaults, NameOptions.Defaults);

    /// <summary>The options in the section being rendered (a sort key renders in the section it sorts).</summary>
    public NameOptions In(StyleSection section) => section is BibliographySection ? Bibliography : Citation;
}
