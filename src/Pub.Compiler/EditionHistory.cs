using System.Globalization;
using Pub.Compiler.Publishing;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Fills a manuscript's <see cref="Metadata.EarlierEditions"/> and <see cref="Metadata.FirstPublished"/> from
/// the series registry: the editions recorded under the same number and language with a lower edition
/// number, oldest first, named by the series' file pattern. The registry, not the manuscripts, is the
/// record of what was published, so an earlier edition needs no manuscript of its own in the workspace.
/// </summary>
internal sealed class EditionHistory
{
    private readonly Dictionary<string, SeriesRegistry> _registries = new(StringComparer.Ordinal);

    private EditionHistory(List<Diagnostic> diagnostics) => Diagnostics = diagnostics;

    /// <summary>Problems reading the registries (PUB1107). A registry that cannot be read gives no history.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads the registry of every series in pub.yaml that has one.</summary>
    public static EditionHistory Load(IWorld world, ProjectConfig config)
    {
        var diagnostics = new List<Diagnostic>();
        var history = new EditionHistory(diagnostics);
        foreach (var series in config.Series)
        {
            if (!world.FileExists(SeriesRegistry.PathOf(series.Id)))
            {
                continue;
            }
            var (registry, found) = SeriesRegistryFile.Read(world, series.Id);
            diagnostics.AddRange(found);
            if (registry is not null)
            {
                history._registries[series.Id] = registry;
            }
        }
        return history;
    }

    public Manuscript Apply(Manuscript manuscript)
    {
        if (manuscript.Document is not { } document || manuscript.Series is not { } series
            || !_registries.TryGetValue(series.Id, out var registry))
        {
            return manuscript;
        }
        var meta = document.Meta;
        var number = meta.Number ?? registry.NumberOf(manuscript.Path)?.Number;
        if (number is not { } n || registry.Find(n) is not { } entry)
        {
            return manuscript;
        }
        var earlier = entry.Versions
            .Where(v => string.Equals(v.Language, meta.Language, StringComparison.Ordinal))
            .SelectMany(v => v.Editions.Select(e => (Version: v, Edition: e)))
            .Where(x => x.Edition.Edition < meta.Edition)
            .OrderBy(x => x.Edition.Edition)
            .Select(x =>
            {
                var name = series.FileName(n, meta.Language, x.Edition.Edition, ProjectPath.FileName(manuscript.Folder));
                return new EditionLink(x.Edition.Edition, meta.Language, x.Version.Title, ParseDate(x.Edition.Date), name + ".html", name + ".pdf");
            })
            .ToList();
        if (earlier.Count == 0)
        {
            return manuscript;
        }
        var updated = meta with { EarlierEditions = earlier, FirstPublished = earlier[0].Date };
        return manuscript with { Document = document with { Meta = updated } };
    }

    private static PublicationDate? ParseDate(string text) =>
        IsoDate.TryParse(text, out var date)
            ? new PublicationDate(date.Year, date.Month, date.Day)
            : null;
}
