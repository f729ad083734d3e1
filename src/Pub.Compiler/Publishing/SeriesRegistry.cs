namespace Pub.Compiler.Publishing;

/// <summary>One published file of an edition and its SHA-256 (lower-case hex).</summary>
public sealed record RegistryFile(string Name, string Sha256);

public sealed record RegistryEdition(int Edition, string Date, string? Isbn, string Status, IReadOnlyList<RegistryFile> Files);

/// <summary>One language of a numbered paper: the original or a translation, each its own manuscript.</summary>
public sealed record RegistryVersion(string Language, string Path, string Title, IReadOnlyList<RegistryEdition> Editions);

public sealed record RegistryNumber(int Number, string Title, IReadOnlyList<RegistryVersion> Versions);

/// <summary>
/// The series registry, <c>papers/catalogue-&lt;series&gt;.yaml</c>: the single source of truth for which
/// number belongs to which paper and what was published under it. Numbers are kept in ascending order,
/// languages and editions in the order they were published. Only <c>pub publish</c> writes it.
/// </summary>
public sealed record SeriesRegistry(string Series, IReadOnlyList<RegistryNumber> Numbers)
{
    public static string PathOf(string series) => $"{Workspace.PapersFolder}/catalogue-{series}.yaml";

    public string Path => PathOf(Series);

    public RegistryNumber? Find(int number) => Numbers.FirstOrDefault(n => n.Number == number);

    /// <summary>The number a manuscript was published under, if any.</summary>
    public RegistryNumber? NumberOf(string manuscriptPath) =>
        Numbers.FirstOrDefault(n => n.Versions.Any(v => string.Equals(v.Path, manuscriptPath, StringComparison.Ordinal)));

    public int NextFree(IEnumerable<int> alsoTaken) =>
        Numbers.Select(n => n.Number).Concat(alsoTaken).DefaultIfEmpty(0).Max() + 1;

    /// <summary>A new registry with the edition recorded: it replaces an edition of the same number, language
    /// and edition number (a republication of identical content), or is added after the others.</summary>
    public SeriesRegistry Record(int number, string title, string language, string path, RegistryEdition edition)
    {
        var existing = Find(number) ?? new RegistryNumber(number, title, []);
        var version = existing.Versions.FirstOrDefault(v => v.Language == language) ?? new RegistryVersion(language, path, title, []);
        var editions = version.Editions.Any(e => e.Edition == edition.Edition)
            ? version.Editions.Select(e => e.Edition == edition.Edition ? edition : e).ToList()
            : [.. version.Editions, edition];
        var updatedVersion = version with { Path = path, Title = title, Editions = editions };
        var versions = existing.Versions.Any(v => v.Language == language)
            ? existing.Versions.Select(v => v.Language == language ? updatedVersion : v).ToList()
            : [.. existing.Versions, updatedVersion];
        var updated = existing with { Versions = versions };
        var numbers = Numbers.Where(n => n.Number != number).Append(updated).OrderBy(n => n.Number).ToList();
        return this with { Numbers = numbers };
    }
}
