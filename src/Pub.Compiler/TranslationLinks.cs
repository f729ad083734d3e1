using Pub.Model;

namespace Pub.Compiler;

/// <summary>
/// Fills <see cref="Metadata.Translations"/> from the workspace when nothing else has: the manuscripts
/// of the same series and number in another language, each with its latest edition, named by the
/// series' file pattern. Drafts without a number have no translations.
/// </summary>
internal static class TranslationLinks
{
    /// <param name="check">The manuscript with the diagnostics of a whole reading (<see cref="Workspace.Checked"/>): only
    /// a manuscript without errors is linked, and one read without its text may have them there.</param>
    public static Metadata Fill(Metadata meta, SeriesConfig series, IReadOnlyList<Manuscript> workspace, Func<Manuscript, Manuscript> check)
    {
        if (meta.Translations.Count > 0 || meta.Number is null)
        {
            return meta;
        }
        var links = workspace
            .Where(m => m.Document?.Meta is { } other
                && other.Series == meta.Series && other.Number == meta.Number
                && !string.Equals(other.Language, meta.Language, StringComparison.OrdinalIgnoreCase))
            .Select(check)
            .Where(m => !m.HasErrors)
            .Select(m => (Manuscript: m, Meta: m.Document?.Meta))
            .GroupBy(m => m.Meta!.Language, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(m => m.Meta!.Edition).First())
            .OrderBy(m => m.Meta!.Language, StringComparer.Ordinal)
            .Select(m =>
            {
                var other = m.Meta!;
                var name = series.FileName(other.Number, other.Language, other.Edition, Pub.Syntax.ProjectPath.FileName(m.Manuscript.Folder));
                return new EditionLink(other.Edition, other.Language, other.Title, other.Date, name + ".html", name + ".pdf");
            })
            .ToList();
        return links.Count == 0 ? meta : meta with { Translations = links };
    }
}

/// <summary>
/// An earlier edition is linked only when its files are in the output folder: the registry records every
/// edition ever published, but a site built from the manuscripts holds only the current ones, and a page
/// must not link a missing file. The files looked at are inputs of the edition's cache entry.
/// </summary>
internal static class EarlierEditionFiles
{
    public static Metadata KeepPresent(Metadata meta, Func<string, bool> exists) =>
        meta.EarlierEditions.Count == 0
            ? meta
            : meta with
            {
                EarlierEditions = [.. meta.EarlierEditions.Select(e => e with
                {
                    HtmlFile = e.HtmlFile.Length > 0 && exists(e.HtmlFile) ? e.HtmlFile : "",
                    PdfFile = e.PdfFile.Length > 0 && exists(e.PdfFile) ? e.PdfFile : "",
                })],
            };

    public static IEnumerable<string> Candidates(Metadata meta) =>
        meta.EarlierEditions.SelectMany(e => new[] { e.HtmlFile, e.PdfFile }).Where(f => f.Length > 0);
}
