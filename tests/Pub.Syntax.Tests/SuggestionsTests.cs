using Xunit;

namespace Pub.Syntax.Tests;

public sealed class SuggestionsTests
{
    private static readonly string[] Fields = ["series", "number", "title", "subtitle", "authors", "editors", "date", "language", "status", "doi"];

    [Theory]
    [InlineData("tilte", "title")] // transposition
    [InlineData("authros", "authors")]
    [InlineData("sereis", "series")]
    [InlineData("langauge", "language")]
    [InlineData("numbr", "number")] // deletion
    [InlineData("staatus", "status")] // insertion
    [InlineData("Title", "title")] // case
    [InlineData("dat", "date")]
    [InlineData("subtilte", "subtitle")]
    public void Typos_suggest_the_intended_word(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, Fields));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("x")]
    [InlineData("publisher")]
    [InlineData("")]
    public void Nothing_is_suggested_when_nothing_is_close(string word)
    {
        Assert.Null(Suggestions.Closest(word, Fields));
    }

    [Fact]
    public void No_candidates_means_no_suggestion()
    {
        Assert.Null(Suggestions.Closest("title", []));
    }

    [Fact]
    public void Ties_are_broken_in_ordinal_order()
    {
        Assert.Equal("ab", Suggestions.Closest("aa", ["ba", "ab"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcd", "acbd", 1)]
    [InlineData("ca", "abc", 3)]
    public void Edit_distance_counts_a_transposition_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.EditDistance(a, b));
        Assert.Equal(expected, Suggestions.EditDistance(b, a));
    }
}
