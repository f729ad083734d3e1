using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Pub.Layout.Hyphenation;
using Xunit;

namespace Pub.Layout.Tests;

/// <summary>Which patterns a language takes, and that only those are taken from what a build hands over: the build
/// reads a pattern file from disk when its value is first asked for.</summary>
public sealed class HyphenationLookupTests
{
    [Theory]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en_GB", "en-GB")]
    [InlineData("en", "en-US")]
    [InlineData("en-AU", "en-US")]
    [InlineData("ru", "ru-RU")]
    [InlineData("de-AT", "de-DE")]
    [InlineData("fr-CA", "fr")]
    public void OnlyThePatternsPickedForALanguageAreTaken(string language, string picked)
    {
        var patterns = new Recording(TestFonts.Hyphenation);
        Assert.NotNull(new HyphenationLanguages(patterns).For(language));
        Assert.Equal([picked], patterns.Taken);
    }

    [Fact]
    public void ALanguageWithoutPatternsTakesNone()
    {
        var patterns = new Recording(TestFonts.Hyphenation);
        Assert.Null(new HyphenationLanguages(patterns).For("tr"));
        Assert.Empty(patterns.Taken);
    }

    /// <summary>The patterns as a build hands them over, noting every value taken; enumerating the pairs (which
    /// would read every file) fails the test.</summary>
    private sealed class Recording(IReadOnlyDictionary<string, byte[]> inner) : IReadOnlyDictionary<string, byte[]>
    {
        public List<string> Taken { get; } = [];

        public byte[] this[string key]
        {
            get
            {
                var value = inner[key];
                Taken.Add(inner.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)));
                return value;
            }
        }

        public IEnumerable<string> Keys => inner.Keys;
        public IEnumerable<byte[]> Values => throw new InvalidOperationException("every value taken");
        public int Count => inner.Count;
        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out byte[] value)
        {
            if (!inner.ContainsKey(key))
            {
                value = null;
                return false;
            }
            value = this[key];
            return true;
        }

        public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() => throw new InvalidOperationException("every value taken");
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
