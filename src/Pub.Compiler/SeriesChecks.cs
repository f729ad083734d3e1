using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Checks across manuscripts: one number is one paper. A translation shares its number
/// (same series, number and edition, another language); anything else claiming a taken number is an
/// error on every manuscript involved, because pub cannot know which one is right.</summary>
internal static class SeriesChecks
{
    public static List<Manuscript> Apply(List<Manuscript> manuscripts)
    {
        var claims = manuscripts
            .Where(m => m.Document?.Meta is { Number: not null, Series: not null })
            .GroupBy(m => (m.Document!.Meta.Series, m.Document.Meta.Number, m.Document.Meta.Language, m.Document.Meta.Edition))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(m => (Manuscript: m, Others: g.Where(o => o != m).Select(o => o.Path).ToList())))
            .ToDictionary(x => x.Manuscript, x => x.Others);
        return [.. manuscripts.Select(m =>
        {
            if (!claims.TryGetValue(m, out var others))
            {
                return m;
            }
            var meta = m.Document!.Meta;
            var diagnostic = Diagnostic.Error(Codes.DuplicateNumber,
                $"{meta.Series} number {meta.Number} ({meta.Language}, edition {meta.Edition}) is also claimed by {string.Join(", ", others)}",
                ManuscriptLoader.FieldValueSpan(m.Document, "number"),
                "give each paper its own number; a translation has the same number and another language");
            return m with { Diagnostics = [.. m.Diagnostics, diagnostic] };
        })];
    }
}
