using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Compiler;

/// <summary>
/// Expands series patterns: <c>{number}</c>, <c>{number:000}</c> (zero-padded), <c>{lang}</c>, <c>{edition}</c>
/// and <c>{series}</c>-free literal text. A manuscript without a number puts "draft-" and its folder name
/// where the number goes.
/// </summary>
public static partial class FilePatterns
{
    [GeneratedRegex(@"\{(?<name>number|lang|edition)(?::(?<format>0+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static readonly IReadOnlyList<string> Placeholders = ["number", "lang", "edition"];

    public static string Expand(string pattern, int? number, string language, int edition, string? folderName) =>
        Placeholder().Replace(pattern, match =>
        {
            var format = match.Groups["format"].Success ? "D" + match.Groups["format"].Value.Length.ToString(CultureInfo.InvariantCulture) : "D";
            return match.Groups["name"].Value switch
            {
                "number" => number is { } n ? n.ToString(format, CultureInfo.InvariantCulture) : "draft-" + Slug(folderName ?? "untitled"),
                "lang" => language,
                _ => edition.ToString(format, CultureInfo.InvariantCulture),
            };
        });

    /// <summary>Unknown placeholders in a pattern, for configuration diagnostics.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string pattern)
    {
        foreach (Match match in PlaceholderLike().Matches(pattern))
        {
            if (!Placeholder().IsMatch(match.Value))
            {
                yield return match.Value;
            }
        }
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderLike();

    /// <summary>Lower-case ASCII letters, digits and single hyphens; other letters are dropped.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }
}
