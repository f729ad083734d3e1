// BibTeX name lists: "and"-separated names, each in one of the three BibTeX forms.
namespace Pub.Citations.Readers;

/// <summary>
/// Splits a name field into CSL names. The three forms and how BibTeX reads them:
/// <code>
///   First von Last        "Ludwig van Beethoven"      von = first to last lower-case word before Last
///   von Last, First       "van Beethoven, Ludwig"     von = all words up to the last lower-case one
///   von Last, Jr, First   "Ford, Jr., Henry"          Jr → suffix
/// </code>
/// A word's case is that of its first letter outside protecting braces ({\"u}ber is lower case,
/// {von} counts as upper case). A name that is a single brace group, "{United Nations}", is an
/// institution (literal); "others" marks an incomplete list. The von part becomes the CSL
/// non-dropping particle, which is how styles print "van Beethoven" in both citation and sort.
/// </summary>
internal static class BibTeXNames
{
    /// <summary>The literal CSL name that stands for BibTeX's "and others".</summary>
    public const string Others = "others";

    public static IReadOnlyList<Name> Parse(string raw)
    {
        var names = new List<Name>();
        var current = new List<string>();
        foreach (var token in Tokenize(raw))
        {
            if (string.Equals(token, "and", StringComparison.OrdinalIgnoreCase))
            {
                AddName(names, current);
                current = [];
            }
            else
            {
                current.Add(token);
            }
        }
        AddName(names, current);
        return names;
    }

    private static void AddName(List<Name> names, List<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return;
        }
        if (tokens is [var only] && string.Equals(only, Others, StringComparison.OrdinalIgnoreCase))
        {
            names.Add(new Name { Literal = Others });
            return;
        }
        if (tokens is [var single] && IsWhollyBraced(single))
        {
            names.Add(new Name { Literal = BibTeXLatex.ToUnicode(single[1..^1]) });
            return;
        }
        var parts = new List<List<string>> { new() };
        foreach (var token in tokens)
        {
            if (token == ",")
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(token);
            }
        }
        parts.RemoveAll(p => p.Count == 0);
        if (parts.Count == 0)
        {
            return;
        }
        List<string> first = [], von = [], last = [], jr = [];
        if (parts.Count == 1)
        {
            var words = parts[0];
            var vonStart = -1;
            var vonEnd = -1;
            for (var i = 0; i < words.Count - 1; i++)
            {
                if (IsLowerCase(words[i]))
                {
                    if (vonStart < 0)
                    {
                        vonStart = i;
                    }
                    vonEnd = i;
                }
            }
            if (vonStart < 0)
            {
                first = words[..^1];
                last = [words[^1]];
            }
            else
            {
                first = words[..vonStart];
                von = words[vonStart..(vonEnd + 1)];
                last = words[(vonEnd + 1)..];
            }
        }
        else
        {
            (von, last) = SplitVonLast(parts[0]);
            if (parts.Count == 2)
            {
                first = parts[1];
            }
            else
            {
                jr = parts[1];
                first = [.. parts.Skip(2).SelectMany(p => p)];
            }
        }
        names.Add(new Name
        {
            Given = Text(first),
            NonDroppingParticle = Text(von),
            Family = Text(last),
            Suffix = Text(jr),
        });
    }

    private static (List<string> Von, List<string> Last) SplitVonLast(List<string> words)
    {
        var vonEnd = -1;
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (IsLowerCase(words[i]))
            {
                vonEnd = i;
            }
        }
        return vonEnd < 0 ? ([], words) : (words[..(vonEnd + 1)], words[(vonEnd + 1)..]);
    }

    private static string? Text(List<string> words) =>
        words.Count == 0 ? null : BibTeXLatex.ToUnicode(string.Join(' ', words));

    /// <summary>Words and commas at brace level 0; "~" separates words like a space.</summary>
    private static List<string> Tokenize(string raw)
    {
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in raw)
        {
            if (depth == 0 && (char.IsWhiteSpace(c) || c == '~' || c == ','))
            {
                if (word.Length > 0)
                {
                    tokens.Add(word.ToString());
                    word.Clear();
                }
                if (c == ',')
                {
                    tokens.Add(",");
                }
                continue;
            }
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            word.Append(c);
        }
        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }
        return tokens;
    }

    private static bool IsWhollyBraced(string word)
    {
        if (word.Length < 2 || word[0] != '{' || word[^1] != '}')
        {
            return false;
        }
        var depth = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] == '{')
            {
                depth++;
            }
            else if (word[i] == '}' && --depth == 0 && i != word.Length - 1)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLowerCase(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '{')
            {
                var end = MatchingBrace(word, i);
                if (i + 1 < word.Length && word[i + 1] == '\\')
                {
                    // A special character decides by the letter it produces.
                    var letter = BibTeXLatex.ToUnicode(word[(i + 1)..end]).FirstOrDefault(char.IsLetter);
                    if (letter != default)
                    {
                        return char.IsLower(letter);
                    }
                }
                i = end;
                continue;
            }
            if (c == '\\')
            {
                var letter = BibTeXLatex.ToUnicode(word[i..]).FirstOrDefault(char.IsLetter);
                return letter != default && char.IsLower(letter);
            }
            if (char.IsLetter(c))
            {
                return char.IsLower(c);
            }
        }
        return false;
    }

    private static int MatchingBrace(string word, int open)
    {
        var depth = 0;
        for (var i = open; i < word.Length; i++)
        {
            if (word[i] == '{')
            {
                depth++;
            }
            else if (word[i] == '}' && --depth == 0)
            {
                return i;
            }
        }
        return word.Length - 1;
    }
}
