namespace Pub.Corpus;

/// <summary>A person's name, or an organisation's (<see cref="Literal"/>).</summary>
public sealed record Name(string? Family, string? Given, string? Literal = null)
{
    public static Name Organisation(string name) => new(null, null, name);
}

/// <summary>One entry of the shared bibliography, with the fields its CSL type uses.</summary>
public sealed record Reference(string Id, string Type, string Title)
{
    public IReadOnlyList<Name> Authors { get; init; } = [];
    public IReadOnlyList<Name> Editors { get; init; } = [];
    public int Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    public string? ContainerTitle { get; init; }
    public string? Publisher { get; init; }
    public string? Place { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Pages { get; init; }
    public string? Number { get; init; }
    public string? Authority { get; init; }
    public string? Doi { get; init; }
    public string? Url { get; init; }
    public string? Accessed { get; init; }
    public string? Genre { get; init; }
}
