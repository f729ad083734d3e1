// A build starts reading the style and bibliographies a manuscript names before the manuscript is parsed, from
// its front matter alone; these are the values the parse would find.
using Pub.Markdown;
using Pub.Syntax;
using Xunit;

namespace Pub.Markdown.Tests;

public sealed class CitationFieldsTests
{
    private static (string? Csl, IReadOnlyList<string> Bibliography) Fields(string text) =>
        ManuscriptParser.CitationFields(new SourceText("papers/op-1/paper.md", text));

    [Fact]
    public void OneBibliographyAndAStyleAreReadAsWritten()
    {
        var (csl, bibliography) = Fields("---\ntitle: T\nbibliography: ../references.json\ncsl: ../../styles/ieee.csl\n---\n\nText [@a].\n");
        Assert.Equal("../../styles/ieee.csl", csl);
        Assert.Equal(["../references.json"], bibliography);
    }

    [Fact]
    public void ListedBibliographiesKeepTheirOrder()
    {
        var (csl, bibliography) = Fields("---\ntitle: T\nbibliography:\n  - refs.yaml\n  - \"more refs.json\"\n---\n\nText.\n");
        Assert.Null(csl);
        Assert.Equal(["refs.yaml", "more refs.json"], bibliography);
    }

    [Fact]
    public void TheParseFindsTheSameFiles()
    {
        const string text = "---\ntitle: T\nseries: op\nbibliography: [a.json, b.yaml]\ncsl: chicago-author-date\n---\n\nText [@a].\n";
        var (csl, bibliography) = Fields(text);
        var meta = ManuscriptParser.Parse(new SourceText("papers/op-1/paper.md", text)).Document!.Meta;
        Assert.Equal(meta.Csl, csl);
        Assert.Equal(meta.Bibliography, bibliography);
    }

    [Theory]
    [InlineData("no front matter\n")]
    [InlineData("---\ntitle: [unclosed\n---\n")]
    [InlineData("---\ntitle: T\nbibliography: refs.json\n")]
    [InlineData("---\n- a list\n- not fields\n---\n")]
    [InlineData("---\ntitle: T\nbibliography: {file: refs.json}\ncsl: [a, b]\n---\n")]
    public void FrontMatterThatCannotBeReadNamesNothing(string text)
    {
        var (csl, bibliography) = Fields(text);
        Assert.Null(csl);
        Assert.Empty(bibliography);
    }
}
