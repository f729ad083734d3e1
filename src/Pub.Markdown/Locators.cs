using System.Text.RegularExpressions;

namespace Pub.Markdown;

/// <summary>
/// Locator terms in English, Russian, German and French, mapped to CSL locator types. After a key,
/// ", p. 33" gives locator "33" with label "page"; a bare number is a page; anything else is a suffix.
/// </summary>
internal static partial class Locators
{
    private static readonly (string Term, string Label)[] Terms =
    [
        ("pages", "page"), ("page", "page"), ("pp.", "page"), ("p.", "page"), ("сс.", "page"), ("с.", "page"), ("стр.", "page"), ("S.", "page"),
        ("chapters", "chapter"), ("chapter", "chapter"), ("chaps.", "chapter"), ("chap.", "chapter"), ("ch.", "chapter"), ("гл.", "chapter"), ("Kap.", "chapter"),
        ("sections", "section"), ("section", "section"), ("secs.", "section"), ("sec.", "section"), ("§§", "section"), ("§", "section"), ("разд.", "section"), ("Abschn.", "section"),
        ("paragraphs", "paragraph"), ("paragraph", "paragraph"), ("paras.", "paragraph"), ("para.", "paragraph"), ("¶", "paragraph"), ("пп.", "paragraph"), ("п.", "paragraph"), ("Abs.", "paragraph"), ("Rn.", "paragraph"), ("par.", "paragraph"),
        ("figures", "figure"), ("figure", "figure"), ("figs.", "figure"), ("fig.", "figure"), ("рис.", "figure"), ("Abb.", "figure"),
        ("notes", "note"), ("note", "note"), ("nn.", "note"), ("n.", "note"), ("прим.", "note"), ("Anm.", "note"),
        ("volumes", "volume"), ("volume", "volume"), ("vols.", "volume"), ("vol.", "volume"), ("т.", "volume"), ("Bd.", "volume"),
        ("articles", "article-locator"), ("article", "article-locator"), ("arts.", "article-locator"), ("art.", "article-locator"), ("ст.", "article-locator"), ("Art.", "article-locator"),
        ("lines", "line"), ("line", "line"), ("l.", "line"), ("ll.", "line"),
        ("parts", "part"), ("part", "part"), ("pt.", "part"), ("ч.", "part"), ("Teil", "part"),
        ("tables", "table"), ("table", "table"), ("tab.", "table"), ("табл.", "table"), ("Tab.", "table"),
        ("sub verbo", "sub-verbo"), ("s.v.", "sub-verbo"),
    ];

    [GeneratedRegex(@"^(?<value>[\p{N}IVXLCDMivxlcdm](?:[\p{N}\p{L}()]|\.(?=\p{N}))*(?:\s*(?:[-–—]{1,2}|,\s*|&|and)\s*[\p{N}IVXLCDMivxlcdm](?:[\p{N}\p{L}()]|\.(?=\p{N}))*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Value();

    public static (string? Locator, string? Label, string Suffix) Split(string after)
    {
        var text = after.TrimStart();
        var hadComma = text.StartsWith(',');
        if (hadComma)
        {
            text = text[1..].TrimStart();
        }
        foreach (var (term, label) in Terms)
        {
            if (text.StartsWith(term, StringComparison.Ordinal) && (text.Length == term.Length || !char.IsLetter(text[term.Length]) || term.EndsWith('.')))
            {
                var rest = text[term.Length..].TrimStart();
                var value = Value().Match(rest);
                if (value.Success)
                {
                    return (Clean(value.Value), label, rest[value.Length..].Trim());
                }
            }
        }
        var bare = Value().Match(text);
        if (bare.Success && bare.Value.Any(char.IsDigit))
        {
            return (Clean(bare.Value), "page", text[bare.Length..].Trim());
        }
        // As in Pandoc, a suffix keeps the comma that separates it from the key: "[@a, and elsewhere]".
        return (null, null, after.Trim());
    }

    private static string Clean(string value) => value.Replace("--", "-", StringComparison.Ordinal).TrimEnd(',', ' ');
}
