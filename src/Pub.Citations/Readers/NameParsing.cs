// Name clean-up shared by the readers: particles written inside family or given names
// ("van Gogh", "Vincent van") are split off, as CSL expects when parse-names is not false.
namespace Pub.Citations;

public static class NameParsing
{
    public static Name Normalize(Name name)
    {
        if (name.Literal is not null || !name.ParseNames)
        {
            return name;
        }
        var family = name.Family;
        var given = name.Given;
        var nonDrop = name.NonDroppingParticle;
        var drop = name.DroppingParticle;
        var suffix = name.Suffix;
        var commaSuffix = name.CommaSuffix;
        if (family is not null && family.Length > 1 && family[0] == '"' && family[^1] == '"')
        {
            return name with { Family = family[1..^1] };
        }
        if (family is not null && nonDrop is null)
        {
            // Leading lower-case words (and "d'", "l'") are a non-dropping particle.
            var words = family.Split(' ');
            var n = 0;
            while (n < words.Length - 1 && IsParticle(words[n]))
            {
                n++;
            }
            if (n > 0)
            {
                nonDrop = string.Join(' ', words[..n]);
                family = string.Join(' ', words[n..]);
                if (nonDrop[^1] is '\'' or '\u2019')
                {
                    // Keep the written space after an elided particle ("de' Frinkle").
                    nonDrop += " ";
                }
            }
            else if (words.Length == 1 && family.Length > 2 && family[1] is '\'' or '\u2019' && char.IsLower(family[0]))
            {
                nonDrop = family[..2];
                family = family[2..];
            }
            else if (words.Length == 1 && char.IsLower(family[0]) && family.IndexOf('-', StringComparison.Ordinal) is var hyphen
                && hyphen > 0 && hyphen < family.Length - 1)
            {
                // A lower-case prefix joined by a hyphen is a particle too ("al-Hassan", "el-Amin").
                nonDrop = family[..(hyphen + 1)];
                family = family[(hyphen + 1)..];
            }
        }
        if (given is not null && suffix is null)
        {
            var comma = given.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                suffix = given[(comma + 1)..].Trim();
                given = given[..comma].Trim();
                if (suffix.StartsWith('!'))
                {
                    suffix = suffix[1..].Trim();
                    commaSuffix = true;
                }
            }
        }
        if (given is not null && drop is null)
        {
            var words = given.Split(' ');
            var n = words.Length;
            while (n > 1 && IsParticle(words[n - 1]))
            {
                n--;
            }
            if (n < words.Length)
            {
                drop = string.Join(' ', words[n..]);
                given = string.Join(' ', words[..n]);
            }
        }
        return name with { Family = family, Given = given, NonDroppingParticle = nonDrop, DroppingParticle = drop, Suffix = suffix, CommaSuffix = commaSuffix };
    }

    private static bool IsParticle(string word) =>
        word.Length > 0 && (char.IsLower(word[0]) || (word.Length > 1 && word[0] is '\'' or '\u2019' && char.IsLower(word[1])));
}
