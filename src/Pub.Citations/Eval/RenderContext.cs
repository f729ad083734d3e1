// Per-cite evaluation state: the item, the cite's position and locator, disambiguation settings,
// and the bookkeeping CSL needs while rendering (variables called/rendered for group suppression,
// variables already used by cs:substitute).
namespace Pub.Citations;

internal enum RenderMode
{
    Citation,
    Bibliography,
    Sort,
}

internal enum Position
{
    First = 0,
    Subsequent = 1,
    Ibid = 2,
    IbidWithLocator = 3,
}

/// <summary>How a cite is rendered; also the inputs that disambiguation varies.</summary>
internal sealed record CiteParams
{
    public Position Position { get; init; }
    public bool NearNote { get; init; }
    public string? Locator { get; init; }
    public string? Label { get; init; }
    public int? FirstReferenceNoteNumber { get; init; }
    public int CitationNumber { get; init; }
    public string? YearSuffix { get; init; }
    public bool Disambiguate => DisambiguateLevel > 0;
    /// <summary>How many disambiguate="true" tests (in rendering order) succeed; they are switched on one at a time.</summary>
    public int DisambiguateLevel { get; init; }
    /// <summary>Extra names shown beyond et-al-use-first (disambiguate-add-names).</summary>
    public int ExtraNames { get; init; }
    /// <summary>With extra names: how many names of the first list the cite shows; the bibliography entry shows no fewer.</summary>
    public int? CitedNames { get; init; }
    /// <summary>Given-name expansion per name (name slot, index) → 1 initials, 2 full given name.</summary>
    public IReadOnlyDictionary<(string Slot, int Index), int>? GivenLevels { get; init; }
    /// <summary>Global given-name expansion per person (all-names rules), keyed by the name record.</summary>
    public IReadOnlyDictionary<Name, int>? NameLevels { get; init; }
    /// <summary>With the primary-name rules the global expansion applies to the first name only.</summary>
    public bool NameLevelsPrimaryOnly { get; init; }
    public bool SuppressAuthor { get; init; }
    public bool AuthorOnly { get; init; }
    /// <summary>The cite repeats the year of the cite before it by the same author (collapse="year-suffix"):
    /// its year prints as the year-suffix alone.</summary>
    public bool CollapsedYear { get; init; }
}

internal sealed class RenderContext(Reference item, CiteParams cite, RenderMode mode, StyleSection section)
{
    public Reference Item { get; } = item;
    public CiteParams Cite { get; } = cite;
    public RenderMode Mode { get; } = mode;
    /// <summary>The section being rendered or sorted; it decides which inherited name options apply.</summary>
    public StyleSection Section { get; } = section;
    public HashSet<string> Suppressed { get; } = new(StringComparer.Ordinal);
    public int VarsCalled { get; set; }
    public int VarsRendered { get; set; }
    public int MacroDepth { get; set; }
    /// <summary>Inside a macro called with strip-periods: names lose their periods ("Anne T Gallagher").</summary>
    public bool StripPeriodsFromNames { get; set; }
    public int DisambiguateTests { get; set; }
    /// <summary>Names of the sort key being evaluated (names-min / names-use-first overrides).</summary>
    public SortKey? SortKey { get; set; }
    /// <summary>The output of the first cs:names rendered (subsequent-author-substitute, cite grouping).</summary>
    public GroupNode? FirstNames { get; set; }
    /// <summary>The first name list inside <see cref="FirstNames"/> (no label, no affixes).</summary>
    public GroupNode? FirstNameList { get; set; }
    public string? FirstNamesText { get; set; }
    public List<string>? FirstNamesParts { get; set; }
    public bool InFirstNames { get; set; }
    /// <summary>Whether the first cs:names has been seen, rendered or not (suppress-author only hides that one).</summary>
    public bool NamesSeen { get; set; }
    public TextNode? YearSuffixNode { get; set; }
    /// <summary>A cs:text asked for a variable other than the locator or citation number (a title, say),
    /// whether or not the item has it: a cite without names that does so does not join a cite group, as
    /// in citeproc-js (a cs:substitute ending in `&lt;text variable="publisher"/&gt;` keeps nameless
    /// cites apart even when they have no publisher: "(2019; 2021a)").</summary>
    public bool TextVariableCalled { get; set; }
    public bool YearSuffixRendered { get; set; }
    public bool InSubstitute { get; set; }
    /// <summary>The cs:names whose cs:substitute is being rendered; shorthand cs:names inherit its options.</summary>
    public NamesElement? SubstituteFor { get; set; }
    /// <summary>Rendered given-name forms per name, filled while rendering for disambiguation.</summary>
    public List<(string Slot, int Index, Name Name)>? NamesSeenForDisambiguation { get; set; }
    /// <summary>The first variable of the cs:names whose substitute is being rendered (see NameSlot).</summary>
    public string? NameSlotRoot { get; set; }
}
