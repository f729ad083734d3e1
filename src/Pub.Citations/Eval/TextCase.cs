// text-case: lowercase, uppercase, capitalize-first, capitalize-all, sentence and title. The
// transformation runs over the whole rendered string (so "first word" means the first word of the
// element, not of each text run) while text marked nocase keeps its characters.
using System.Text;

namespace Pub.Citations;

internal static class TextCase
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto",
        "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
        // Further short prepositions and name particles that English title case keeps lower-case, and
        // "et" (of "et al." and of the French role term "éd. et trad."), as citeproc-js keeps them.
        "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
        "below", "beneath", "beside", "between", "beyond", "despite", "during", "except", "inside", "like", "near",
        "off", "per", "since", "than", "through", "toward", "towards", "under", "unlike", "until", "upon", "versus",
        "vs", "v", "within", "without", "de", "von", "van", "et",
    };

    /// <param name="english">Title case applies (to English text; a term in any language).</param>
    /// <param name="anyScript">Title case raises words of every script (a term such as "ред."), not only
    /// Latin-script words of an English title (where a Greek β stays).</param>
    public static void Apply(Node node, TextCasing mode, bool english, string? language = null, bool anyScript = false)
    {
        // Turkish and Azeri pair dotted and dotless i differently from other languages.
        var turkic = language is not null && (language.StartsWith("tr", StringComparison.OrdinalIgnoreCase) || language.StartsWith("az", StringComparison.OrdinalIgnoreCase));
        var runs = new List<TextNode>();
        Evaluator.ForEachText(node, t =>
        {
            if (t.Role == TextRole.Content)
            {
                runs.Add(t);
            }
        });
        if (runs.Count == 0)
        {
            return;
        }
        var sb = new StringBuilder();
        var mask = new List<bool>();
        foreach (var r in runs)
        {
            sb.Append(r.Text);
            for (var i = 0; i < r.Text.Length; i++)
            {
                mask.Add(r.NoCase);
            }
        }
        var chars = sb.ToString().ToCharArray();
        var prot = mask.ToArray();
        switch (mode)
        {
            case TextCasing.Lowercase:
                Map(chars, prot, c => turkic && c == 'I' ? '\u0131' : char.ToLowerInvariant(c));
                // A term the style asks for in lower case stays so even where it opens a note: OSCOLA's
                // "ibid" is lower case at the start of a footnote.
                runs.ForEach(r => r.IsTerm = false);
                break;
            case TextCasing.Uppercase:
                Map(chars, prot, c => c == '\u0131' ? 'I' : turkic && c == 'i' ? '\u0130' : char.ToUpperInvariant(c));
                break;
            case TextCasing.CapitalizeFirst:
                CapitalizeFirst(chars, prot);
                break;
            case TextCasing.CapitalizeAll:
                foreach (var (s, e) in Words(chars))
                {
                    if (!prot[s])
                    {
                        chars[s] = char.ToUpperInvariant(chars[s]);
                    }
                }
                break;
            case TextCasing.Sentence:
                Map(chars, prot, char.ToLowerInvariant);
                CapitalizeFirst(chars, prot);
                break;
            case TextCasing.Title:
                if (english)
                {
                    Title(chars, prot, anyScript);
                }
                break;
        }
        var pos = 0;
        foreach (var r in runs)
        {
            r.Text = new string(chars, pos, r.Text.Length);
            pos += r.Text.Length;
        }
    }

    private static void Map(char[] chars, bool[] prot, Func<char, char> f)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            if (!prot[i])
            {
                chars[i] = f(chars[i]);
            }
        }
    }

    /// <summary>Upper-cases the first character of the first word when it is a letter: "2nd" stays "2nd".</summary>
    private static void CapitalizeFirst(char[] chars, bool[] prot)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetterOrDigit(chars[i]))
            {
                if (!prot[i] && char.IsLetter(chars[i]))
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }
                return;
            }
        }
    }

    private static bool IsAllUpper(char[] chars)
    {
        var any = false;
        foreach (var c in chars)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            any |= char.IsUpper(c);
        }
        return any;
    }

    /// <summary>Word spans: runs of letters, digits and apostrophes, split at spaces, hyphens and slashes.</summary>
    private static List<(int Start, int End)> Words(char[] chars)
    {
        var list = new List<(int, int)>();
        var i = 0;
        while (i < chars.Length)
        {
            while (i < chars.Length && !IsWordChar(chars[i]))
            {
                i++;
            }
            var s = i;
            while (i < chars.Length && (IsWordChar(chars[i]) || (chars[i] == '.' && i + 1 < chars.Length && char.IsLetter(chars[i + 1]) && i > s)))
            {
                i++;
            }
            if (i > s)
            {
                list.Add((s, i));
            }
        }
        return list;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '\u2019' or '`' or '_';

    private static void Title(char[] chars, bool[] prot, bool anyScript)
    {
        var words = Words(chars);
        for (var w = 0; w < words.Count; w++)
        {
            var (s, e) = words[w];
            if (prot[s])
            {
                continue;
            }
            var word = new string(chars, s, e - s);
            // A lone letter after a hyphen ("07-x") is a label, not a word.
            if (e - s == 1 && s > 0 && chars[s - 1] == '-')
            {
                continue;
            }
            // Elided particles (d’, l’) stay as written.
            if (word.Length > 2 && char.IsLower(word[0]) && word[1] is '\'' or '\u2019')
            {
                continue;
            }
            // A word with any capital in it (UN, iPhone, McDonald, a capitalised "The") is left as
            // written; title case only raises lower-case words. (The CSL specification also lowers
            // capitalised stop words and whole upper-case titles; citeproc-js, and so every Zotero
            // user, leaves them, and so does pub.)
            if (word.Any(char.IsUpper))
            {
                continue;
            }
            var first = w == 0 || AfterColonOrStart(chars, s);
            var last = w == words.Count - 1;
            if (StopWords.Contains(word) && !first && !last)
            {
                continue;
            }
            // A lone letter inside a title is a symbol or an abbreviation ("trafficking, n.", "Plan b").
            if (word.Length == 1 && !first)
            {
                continue;
            }
            if (anyScript || chars[s] <= '\u024F')
            {
                // Title case is for English (Latin-script) words; Greek letters such as β stay.
                chars[s] = char.ToUpperInvariant(chars[s]);
            }
        }
    }

    private static bool AfterColonOrStart(char[] chars, int s)
    {
        for (var i = s - 1; i >= 0; i--)
        {
            var c = chars[i];
            if (char.IsWhiteSpace(c) || c is '"' or '\u201C' or '\u2018' or '(' or '[')
            {
                continue;
            }
            return c is ':' or '?' or '!' && i < s - 1;
        }
        return true;
    }
}
