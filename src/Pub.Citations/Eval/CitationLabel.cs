// The citation-label of label styles ("Ferr78", "AnOc03"), made by the processor when an item has
// none of its own. CSL leaves the form to the processor; this one is the form Zotero users see:
// letters of the first names of the first name variable present, by how many names there are
//   one name: four letters · two: two and two · three: two, one, one · four or more: one each (four),
// each piece with its first letter upper-case and the rest lower-case, then the last two digits of
// the year ("00" for an undated work). A work without names takes the first four letters of its
// title with articles, prepositions and conjunctions left out. Ambiguous labels get a year-suffix in
// disambiguation, as any citation does.
using System.Globalization;
using System.Text;

namespace Pub.Citations;

internal static class CitationLabel
{
    private static readonly int[][] LettersPerName = [[4], [2, 2], [2, 1, 1], [1, 1, 1, 1]];

    /// <summary>Words a label made from a title skips: English articles, prepositions and conjunctions,
    /// the "v." of case names and name particles.</summary>
    private static readonly HashSet<string> TitleSkipWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "nor", "but", "yet", "so", "for", "of", "in", "on", "at", "to", "by", "as",
        "from", "into", "onto", "with", "within", "without", "about", "above", "across", "after", "against",
        "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between", "beyond",
        "despite", "down", "during", "except", "inside", "like", "near", "off", "over", "per", "since", "than",
        "through", "toward", "towards", "under", "until", "up", "upon", "via", "versus", "vs", "vs.", "v", "v.",
        "de", "d'", "von", "van", "et", "al", "c", "ca", "circa",
    };

    private static readonly string[] LeadingArticles = ["a ", "an ", "the "];

    public static string? For(Reference item)
    {
        var letters = FromNames(item) ?? FromTitle(item) ?? string.Empty;
        var year = item.Dates.TryGetValue("issued", out var issued) && issued.Parts is [[var y, ..], ..]
            ? Math.Abs(y) % 100
            : 0;
        return letters + year.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string? FromNames(Reference item)
    {
        // The author first, then the other name variables in a fixed (alphabetical) order.
        var variable = item.Names.ContainsKey("author") && item.Names["author"].Count > 0
            ? "author"
            : item.Names.Where(n => n.Value.Count > 0).Select(n => n.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        if (variable is null)
        {
            return null;
        }
        var names = item.Names[variable];
        var widths = LettersPerName[Math.Min(names.Count, LettersPerName.Length) - 1];
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Length && i < names.Count; i++)
        {
            var piece = Letters(FamilyOrLiteral(names[i]));
            if (piece.Length == 0)
            {
                break;
            }
            sb.Append(Capitalised(piece, widths[i]));
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string FamilyOrLiteral(Name name)
    {
        var text = name.Family ?? name.Literal ?? string.Empty;
        foreach (var article in LeadingArticles)
        {
            if (text.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return text[article.Length..];
            }
        }
        return text;
    }

    /// <summary>Letters only: "O’Connell" gives "OConnell".</summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetter));

    private static string? FromTitle(Reference item)
    {
        if (!item.Variables.TryGetValue("title", out var title) || title.Length == 0)
        {
            return null;
        }
        var words = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !TitleSkipWords.Contains(w));
        var joined = string.Concat(words);
        return joined.Length == 0 ? null : Capitalised(joined, LettersPerName[0][0]);
    }

    private static string Capitalised(string text, int width)
    {
        var piece = text.Length <= width ? text : text[..width];
        return piece.Length == 1
            ? piece.ToUpperInvariant()
            : piece[..1].ToUpperInvariant() + piece[1..].ToLowerInvariant();
    }
}
