// The CSL style model: an immutable-after-parse tree of rendering elements. Attribute values are
// kept close to the XML (strings for enumerations) so the evaluator reads them exactly as the
// specification names them.
using Pub.Syntax;

namespace Pub.Citations;

/// <summary>The five CSL formatting attributes; a null member is "not set".</summary>
public sealed record Formatting(
    string? FontStyle = null,
    string? FontVariant = null,
    string? FontWeight = null,
    string? TextDecoration = null,
    string? VerticalAlign = null)
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
    public string? Display { get; set; }
    public bool Quotes { get; set; }
    public bool StripPeriods { get; set; }
    public string? TextCase { get; set; }
    public SourceSpan? Span { get; set; }
}

public sealed class TextElement : CslElement
{
    public string? Variable { get; set; }
    public string? Macro { get; set; }
    public string? Term { get; set; }
    public string? Value { get; set; }
    public string Form { get; set; } = "long";
    public bool Plural { get; set; }
}

public sealed class NumberElement : CslElement
{
    public string Variable { get; set; } = string.Empty;
    public string Form { get; set; } = "numeric";
}

public sealed class LabelElement : CslElement
{
    public string? Variable { get; set; }
    public string Form { get; set; } = "long";
    public string Plural { get; set; } = "contextual";
}

public sealed class DatePartElement : CslElement
{
    public string Name { get; set; } = "year";
    public string? Form { get; set; }
    public string? RangeDelimiter { get; set; }
}

public sealed class DateElement : CslElement
{
    public string Variable { get; set; } = string.Empty;
    /// <summary>"text" or "numeric" for a localized date; null for a fully specified one.</summary>
    public string? Form { get; set; }
    public string DateParts { get; set; } = "year-month-day";
    public string? Delimiter { get; set; }
    public List<DatePartElement> Parts { get; } = [];
}

public sealed class NamePartElement : CslElement
{
    public string Name { get; set; } = "family";
}

public sealed class NameElement : CslElement
{
    /// <summary>Name options set on this element (and, delimiter, et-al-min …), by attribute name.</summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
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
}

public sealed class GroupElement : CslElement
{
    public List<CslElement> Children { get; } = [];
    public string? Delimiter { get; set; }
}

public sealed record ConditionTest(string Kind, IReadOnlyList<string> Values);

public sealed class Condition
{
    public string Match { get; set; } = "all";
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

/// <summary>Settings common to cs:citation and cs:bibliography.</summary>
public abstract class StyleSection
{
    public GroupElement Layout { get; set; } = new();
    public List<SortKey> Sort { get; } = [];
    public Dictionary<string, string> NameOptions { get; } = new(StringComparer.Ordinal);
}

public sealed class CitationSection : StyleSection
{
    public bool DisambiguateAddNames { get; set; }
    public bool DisambiguateAddGivenname { get; set; }
    public bool DisambiguateAddYearSuffix { get; set; }
    public string GivennameDisambiguationRule { get; set; } = "by-cite";
    public string? Collapse { get; set; }
    public string? CiteGroupDelimiter { get; set; }
    public string? YearSuffixDelimiter { get; set; }
    public string? AfterCollapseDelimiter { get; set; }
    public int NearNoteDistance { get; set; } = 5;
}

public sealed class BibliographySection : StyleSection
{
    public bool HangingIndent { get; set; }
    public string? SecondFieldAlign { get; set; }
    public int LineSpacing { get; set; } = 1;
    public int EntrySpacing { get; set; } = 1;
    public string? SubsequentAuthorSubstitute { get; set; }
    public string SubsequentAuthorSubstituteRule { get; set; } = "complete-all";
}

/// <summary>A parsed CSL style. A dependent style carries only <see cref="ParentId"/> until resolved.</summary>
public sealed class Style
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string Class { get; set; } = "in-text";
    public string? DefaultLocale { get; set; }
    public string Version { get; set; } = "1.0";
    public string? ParentId { get; set; }
    public bool IsDependent => ParentId is not null && Citation is null;
    public string DemoteNonDroppingParticle { get; set; } = "display-and-sort";
    public bool InitializeWithHyphen { get; set; } = true;
    public string? PageRangeFormat { get; set; }
    public Dictionary<string, string> NameOptions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GroupElement> Macros { get; } = new(StringComparer.Ordinal);
    public List<Locale> Locales { get; } = [];
    public CitationSection? Citation { get; set; }
    public BibliographySection? Bibliography { get; set; }
    public SourceText? Source { get; set; }
}
