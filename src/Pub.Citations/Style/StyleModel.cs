// The CSL style model: an immutable tree of rendering elements (records with init-only members and
// read-only lists), built once by StyleParser and only read afterwards. Attributes with a closed
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
public abstract record CslElement
{
    public Formatting Formatting { get; init; } = Formatting.None;
    public string Prefix { get; init; } = string.Empty;
    public string Suffix { get; init; } = string.Empty;
    public DisplayMode? Display { get; init; }
    public bool Quotes { get; init; }
    public bool StripPeriods { get; init; }
    public TextCasing? TextCase { get; init; }
    public SourceSpan? Span { get; init; }
}

public sealed record TextElement : CslElement
{
    public string? Variable { get; init; }
    public string? Macro { get; init; }
    public string? Term { get; init; }
    public string? Value { get; init; }
    public TermForm Form { get; init; }
    public bool Plural { get; init; }
}

public sealed record NumberElement : CslElement
{
    public string Variable { get; init; } = string.Empty;
    public NumberForm Form { get; init; }
}

public sealed record LabelElement : CslElement
{
    public string? Variable { get; init; }
    public TermForm Form { get; init; }
    public LabelPlural Plural { get; init; }
}

public sealed record DatePartElement : CslElement
{
    public DatePartName Name { get; init; }
    /// <summary>Null: the part's default (long month, numeric day, long year), or the locale's for a localized date.</summary>
    public DatePartForm? Form { get; init; }
    public string? RangeDelimiter { get; init; }
}

public sealed record DateElement : CslElement
{
    public string Variable { get; init; } = string.Empty;
    /// <summary>Set for a localized date; null for a fully specified one.</summary>
    public DateForm? Form { get; init; }
    public DatePartsShown DateParts { get; init; }
    public string? Delimiter { get; init; }
    public IReadOnlyList<DatePartElement> Parts { get; init; } = [];
}

public sealed record NamePartElement : CslElement
{
    public NamePartName Name { get; init; }
}

public sealed record NameElement : CslElement
{
    /// <summary>Name options set on this element (and, delimiter, et-al-min …).</summary>
    public NameAttributes Attributes { get; init; } = NameAttributes.None;
    public NamePartElement? Given { get; init; }
    public NamePartElement? Family { get; init; }
}

public sealed record EtAlElement : CslElement
{
    public EtAlTerm Term { get; init; }
}

public sealed record NamesElement : CslElement
{
    public IReadOnlyList<string> Variables { get; init; } = [];
    public NameElement? Name { get; init; }
    public EtAlElement? EtAl { get; init; }
    public LabelElement? Label { get; init; }
    /// <summary>True when the label comes after the name element.</summary>
    public bool LabelAfterName { get; init; }
    public IReadOnlyList<CslElement>? Substitute { get; init; }
    public string? Delimiter { get; init; }
    /// <summary>The options its names render with, inheritance resolved once when the style is parsed.</summary>
    public ContextNameOptions NameOptions { get; init; } = ContextNameOptions.Defaults;
}

public sealed record GroupElement : CslElement
{
    public IReadOnlyList<CslElement> Children { get; init; } = [];
    public string? Delimiter { get; init; }
}

public sealed record ConditionTest(string Kind, IReadOnlyList<string> Values);

public sealed record Condition
{
    public ConditionMatch Match { get; init; }
    public IReadOnlyList<ConditionTest> Tests { get; init; } = [];
}

public sealed record ChooseBranch
{
    /// <summary>Null for cs:else.</summary>
    public Condition? Condition { get; init; }
    public IReadOnlyList<CslElement> Children { get; init; } = [];
}

public sealed record ChooseElement : CslElement
{
    public IReadOnlyList<ChooseBranch> Branches { get; init; } = [];
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
public abstract record StyleSection
{
    public GroupElement Layout { get; init; } = new();
    public IReadOnlyList<SortKey> Sort { get; init; } = [];
    /// <summary>The name options in force inside this section: cs:style's, with the section's own laid over them.</summary>
    public NameAttributes NameAttributes { get; init; } = NameAttributes.None;
    /// <summary>The options of a cs:names without cs:name in this section (a name variable as a sort key).</summary>
    public NameOptions NameOptions { get; init; } = NameOptions.Defaults;
}

public sealed record CitationSection : StyleSection
{
    public bool DisambiguateAddNames { get; init; }
    public bool DisambiguateAddGivenname { get; init; }
    public bool DisambiguateAddYearSuffix { get; init; }
    public GivennameRule GivennameDisambiguationRule { get; init; } = GivennameRule.ByCite;
    public CollapseMode? Collapse { get; init; }
    public string? CiteGroupDelimiter { get; init; }
    public string? YearSuffixDelimiter { get; init; }
    public string? AfterCollapseDelimiter { get; init; }
    public int NearNoteDistance { get; init; } = 5;
}

public sealed record BibliographySection : StyleSection
{
    public bool HangingIndent { get; init; }
    public SecondFieldAlign? SecondFieldAlign { get; init; }
    public int LineSpacing { get; init; } = 1;
    public int EntrySpacing { get; init; } = 1;
    public string? SubsequentAuthorSubstitute { get; init; }
    public SubstituteRule SubsequentAuthorSubstituteRule { get; init; }
}

/// <summary>A parsed CSL style. A dependent style carries only <see cref="ParentId"/> until resolved.</summary>
public sealed record Style
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public StyleClass Class { get; init; }
    public string? DefaultLocale { get; init; }
    public string Version { get; init; } = "1.0";
    public string? ParentId { get; init; }
    public bool IsDependent => ParentId is not null && Citation is null;
    public ParticleDemotion DemoteNonDroppingParticle { get; init; } = ParticleDemotion.DisplayAndSort;
    public bool InitializeWithHyphen { get; init; } = true;
    public PageRangeFormat? PageRangeFormat { get; init; }
    /// <summary>The name options cs:style sets for every cs:name and cs:names.</summary>
    public NameAttributes NameAttributes { get; init; } = NameAttributes.None;
    public IReadOnlyDictionary<string, GroupElement> Macros { get; init; } = new Dictionary<string, GroupElement>(StringComparer.Ordinal);
    /// <summary>The style's own cs:locale elements, in the order they take precedence.</summary>
    public IReadOnlyList<Locale> Locales { get; init; } = [];
    public CitationSection? Citation { get; init; }
    public BibliographySection? Bibliography { get; init; }
    public SourceText? Source { get; init; }
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
