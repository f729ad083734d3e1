using System.Globalization;
using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>What the registries say was published of each manuscript, for <c>pub list</c>.</summary>
internal static class PublishedEditions
{
    /// <summary>Manuscript path → "ed1 2024-05-01, ed2 2025-03-01" for every series' registry.</summary>
    public static Dictionary<string, string> ByManuscript(IWorld world, ProjectConfig? config, List<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var series in config?.Series ?? [])
        {
            var (registry, found) = SeriesRegistryFile.Read(world, series.Id);
            diagnostics.AddRange(found);
            foreach (var version in registry?.Numbers.SelectMany(n => n.Versions) ?? [])
            {
                result[version.Path] = string.Join(", ", version.Editions.Select(e => string.Create(CultureInfo.InvariantCulture, $"ed{e.Edition} {e.Date}")));
            }
        }
        return result;
    }
}
