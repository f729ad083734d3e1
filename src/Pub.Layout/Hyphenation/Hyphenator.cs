namespace Pub.Layout.Hyphenation;

/// <summary>
/// Liang's hyphenation algorithm. A pattern is a letter string with digits between the letters, such as
/// "a1b4c": wherever its letters occur in a word (the word framed by dots, so ".ab" only matches at the
/// start), each digit votes on the gap it stands in. Every pattern that matches casts its votes, the
/// highest vote per gap wins, and an odd winner means "a hyphen may go here", an even one "never here".
/// Higher levels of patterns thus carve exceptions out of lower ones.
///
/// Some pattern files have two levels (a <c>NEXTLEVEL</c> line between them): the first finds the
/// boundaries of compound words, the second hyphenates each part; a boundary may then sit closer to a
/// part's edge than inside a simple word (the <c>COMPOUND…HYPHENMIN</c> values).
/// </summary>
public sealed class Hyphenator
{
    private readonly List<Level> _levels;

    internal Hyphenator(List<Level> levels, int leftMin, int rightMin, int compoundLeftMin, int compoundRightMin, IReadOnlyList<string> noHyphen)
    {
        _levels = levels;
        LeftMin = leftMin;
        RightMin = rightMin;
        CompoundLeftMin = compoundLeftMin;
        CompoundRightMin = compoundRightMin;
        NoHyphen = noHyphen;
    }

    /// <summary>Letters a word keeps before its first hyphen.</summary>
    public int LeftMin { get; }
    /// <summary>Letters a word keeps after its last hyphen.</summary>
    public int RightMin { get; }
    public int CompoundLeftMin { get; }
    public int CompoundRightMin { get; }
    /// <summary>Characters next to which the file asks for no hyphen.</summary>
    public IReadOnlyList<string> NoHyphen { get; }

    public int PatternCount => _levels.Sum(l => l.Patterns.Count);

    /// <summary>
    /// Positions where <paramref name="word"/> (letters only, any case) may be hyphenated: a position p means
    /// between word[p - 1] and word[p]. At least <paramref name="leftMin"/> letters stay before the first and
    /// <paramref name="rightMin"/> after the last; the file's own minimums apply when they are larger.
    /// </summary>
    public IReadOnlyList<int> Points(string word, int leftMin = 2, int rightMin = 3) =>
        _cache.GetOrAdd((word, leftMin, rightMin), key => [.. Compute(key.Word, key.Left, key.Right)]);

    /// <summary>Points by word and minimums: a document repeats its words, and the passes and editions of a build
    /// share this hyphenator. Bounded by the vocabulary of the documents set.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Word, int Left, int Right), int[]> _cache = new();

    private List<int> Compute(string word, int leftMin, int rightMin)
    {
        var points = new List<int>();
        string lower = word.ToLowerInvariant();
        int left = Math.Max(leftMin, LeftMin), right = Math.Max(rightMin, RightMin);
        if (lower.Length < left + right)
            return points;
        var levels = _levels.Where(l => l.Patterns.Count > 0).ToList();
        if (levels.Count == 0)
            return points;
        if (levels.Count == 1)
        {
            Collect(levels[0], lower, 0, lower.Length, left, right, points);
            return points;
        }

        // Compound boundaries first, then each part on its own with the compound minimums at inner edges.
        var boundaries = new List<int>();
        Collect(levels[0], lower, 0, lower.Length, left, right, boundaries);
        int start = 0;
        for (int b = 0; b <= boundaries.Count; b++)
        {
            int end = b < boundaries.Count ? boundaries[b] : lower.Length;
            int partLeft = start == 0 ? left : Math.Max(1, CompoundLeftMin);
            int partRight = end == lower.Length ? right : Math.Max(1, CompoundRightMin);
            var inner = new List<int>();
            Collect(levels[1], lower, start, end, partLeft, partRight, inner);
            points.AddRange(inner);
            if (b < boundaries.Count)
                points.Add(end);
            start = end;
        }
        return points;
    }

    /// <summary>Odd-valued gaps of word[start..end], at least <paramref name="left"/>/<paramref name="right"/> letters from its ends.</summary>
    private static void Collect(Level level, string word, int start, int end, int left, int right, List<int> points)
    {
        int length = end - start;
        if (length < left + right)
            return;
        // The framed word ".part."; values[k] is the vote for the gap before framed[k].
        var framed = string.Concat(".", word.AsSpan(start, length), ".");
        var values = new byte[framed.Length + 1];
        var lookup = level.Patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < framed.Length; i++)
        {
            int max = Math.Min(level.MaxLength, framed.Length - i);
            for (int n = 1; n <= max; n++)
            {
                if (!lookup.TryGetValue(framed.AsSpan(i, n), out var votes))
                    continue;
                for (int k = 0; k < votes.Length; k++)
                {
                    if (votes[k] > values[i + k])
                        values[i + k] = votes[k];
                }
            }
        }
        // Gap between part[p - 1] and part[p] is before framed[p + 1].
        for (int p = left; p <= length - right; p++)
        {
            if (values[p + 1] % 2 == 1)
                points.Add(start + p);
        }
    }

    /// <summary>One level of patterns: letters → votes (one more vote than letters: before, between, after).</summary>
    internal sealed class Level
    {
        public Dictionary<string, byte[]> Patterns { get; } = new(StringComparer.Ordinal);

        public int MaxLength { get; private set; }

        public void Add(string letters, byte[] votes)
        {
            if (Patterns.TryGetValue(letters, out var existing))
            {
                for (int k = 0; k < votes.Length; k++)
                    existing[k] = Math.Max(existing[k], votes[k]);
                return;
            }
            Patterns[letters] = votes;
            MaxLength = Math.Max(MaxLength, letters.Length);
        }
    }
}
