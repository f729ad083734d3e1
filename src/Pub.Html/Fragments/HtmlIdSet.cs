using System.Globalization;
using System.Text;

namespace Pub.Html.Fragments;

/// <summary>
/// The ids used on one page. Invariant: no two elements of a page share an id. Labels from the manuscript
/// keep their exact text (cross-references link to them); generated ids come from the heading text and
/// get a numeric suffix when taken. Ids are handed out in document order, so the same document always
/// gets the same ids.
/// </summary>
public sealed class HtmlIdSet
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Ids the page shell uses itself; a heading called "Abstract" must not take them.</summary>
    public static IReadOnlyList<string> ShellIds { get; } =
        ["main", "top", "toc", "toc-title", "abstract", "abstract-title", "keywords", "colophon"];

    public static HtmlIdSet ForPage()
    {
        var set = new HtmlIdSet();
        foreach (var id in ShellIds)
        {
            set._used.Add(id);
        }
        return set;
    }

    public bool Contains(string id) => _used.Contains(id);

    /// <summary>Takes <paramref name="preferred"/> if free, otherwise the first free "preferred-n".</summary>
    public string Claim(string preferred)
    {
        if (_used.Add(preferred))
        {
            return preferred;
        }
        for (var n = 2; ; n++)
        {
            var candidate = preferred + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A lower-case id from heading text: letters and digits of any script kept, runs of
    /// anything else turned into one hyphen.</summary>
    public static string Slug(string text, string fallback = "section")
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }
        if (builder.Length == 0)
        {
            return fallback;
        }
        // An id that starts with a digit is valid HTML but awkward in CSS selectors.
        return char.IsDigit(builder[0]) ? "s-" + builder : builder.ToString();
    }
}
