namespace Pub.Corpus;

/// <summary>
/// A small random source with a fixed algorithm (SplitMix64), so that one seed gives the same corpus on every
/// machine and with every runtime; System.Random promises no such thing across versions.
/// </summary>
public sealed class Seeded(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with the given probability (0–1).</summary>
    public bool Chance(double probability) => NextULong() % 10_000 < (ulong)(probability * 10_000);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="count"/> different items, in the order drawn.</summary>
    public List<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var picked = new List<T>();
        for (var i = 0; i < count && pool.Count > 0; i++)
        {
            var at = Next(pool.Count);
            picked.Add(pool[at]);
            pool.RemoveAt(at);
        }
        return picked;
    }
}
