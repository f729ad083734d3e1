// The CSL data model of a bibliographic item, shared by the readers (CSL-JSON, CSL-YAML, BibTeX)
// and the processor. Field names follow CSL 1.0.2 variable names exactly ("container-title", "DOI").
using Pub.Syntax;

namespace Pub.Citations;

/// <summary>A personal or institutional name. Institutional names use <see cref="Literal"/>.</summary>
public sealed record Name
{
    public string? Family { get; init; }
    public string? Given { get; init; }
    public string? DroppingParticle { get; init; }
    public string? NonDroppingParticle { get; init; }
    public string? Suffix { get; init; }
    public string? Literal { get; init; }
    public bool CommaSuffix { get; init; }
    public bool StaticOrdering { get; init; }
    public bool ParseNames { get; init; } = true;
}

/// <summary>One date, or a range of two. Each part is [year, month?, day?]; a literal or raw date
/// replaces parts when it cannot be parsed.</summary>
public sealed record DateValue
{
    public IReadOnlyList<IReadOnlyList<int>> Parts { get; init; } = [];
    public int? Season { get; init; }
    public bool Circa { get; init; }
    public string? Literal { get; init; }
    public string? Raw { get; init; }
}

/// <summary>A bibliographic item: its id, CSL type and variables grouped by kind.</summary>
public sealed record Reference
{
    public required string Id { get; init; }
    public required string Type { get; init; }

    /// <summary>Standard and number variables as strings ("title", "page", "volume", "DOI" …).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Name variables ("author", "editor" …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Name>> Names { get; init; } = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);

    /// <summary>Date variables ("issued", "accessed" …).</summary>
    public IReadOnlyDictionary<string, DateValue> Dates { get; init; } = new Dictionary<string, DateValue>(StringComparer.Ordinal);

    /// <summary>Where the entry stands in its file, for diagnostics (duplicate entries, missing fields).</summary>
    public SourceSpan? Span { get; init; }
}
