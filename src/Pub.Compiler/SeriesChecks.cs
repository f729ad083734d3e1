using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Checks across manuscripts: one number is one paper. A translation shares its number
/// (same series, number and edition, another language); anything else claiming a taken number is an
/// error on every manuscript involved, because pub cannot know which one is right.</summary>
internal static class SeriesChecks
{
    /// <summary>For each manuscript (by path) whose number another one claims too, the paths of the others. Only the
    /// front matter counts, so manuscripts read without their text give the same claims.</summary>
    public static Dictionary<string, List<string>> Claims(IReadOnlyList<Manuscript> manuscripts) => manuscripts
        .Where(m => m.Document?.Meta is { Number: not null, Series: not null })
        .GroupBy(m => (m.Document!.Meta.Series, m.Document.Meta.Number, m.Document.Meta.Language, m.Document.Meta.Edition))
        .Where(g => g.Count() > 1)
        .SelectMany(g => g.Select(m => (m.Path, Others: g.Where(o => o != m).Select(o => o.Path).ToList())))
        .ToDictionary(x => x.Path, x => x.Others, StringComparer.Ordinal);

    /// <summary>The manuscript with the error its claim to a taken number gives, if it has one.</summary>
    public static Manuscript Mark(Manuscript manuscript, Dictionary<string, List<string>> claims)
    {
        if (!claims.TryGetValue(manuscript.Path, out var others))
        {
            return manuscript;
        }
        var meta = manuscript.Document!.Meta;
        var diagnostic = Diagnostic.Error(Codes.DuplicateNumber,
            $"{meta.Series} number {meta.Number} ({meta.Language}, edition {meta.Edition}) is also claimed by {string.Join(", ", others)}",
            ManuscriptLoader.FieldValueSpan(manuscript.Document, "number"),
            "give each paper its own number; a translation has the same number and another language");
        return manuscript with { Diagnostics = [.. manuscript.Diagnostics, diagnostic] };
    }
}
