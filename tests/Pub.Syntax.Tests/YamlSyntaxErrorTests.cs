// The common YAML mistakes of front matter and pub.yaml, each explained in plain words at the place the
// editor has to change (not where the reader gave up), with what to write instead.
using Pub.Syntax;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pub.Syntax.Tests;

public sealed class YamlSyntaxErrorTests
{
    private static YamlSyntaxError Explain(string yaml)
    {
        try
        {
            new YamlStream().Load(new StringReader(yaml));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return YamlSyntaxError.Explain(yaml, ex);
        }
        throw new InvalidOperationException("the YAML was read without an error: " + yaml);
    }

    [Fact]
    public void AColonInAnUnquotedTitleIsExplainedAtTheValue()
    {
        var error = Explain("series: op\ntitle: Debt Bondage: Evidence from Corridors\nnumber: 3\n");
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Equal("the value of 'title' holds ': ', which YAML reads as the start of another field", error.Message);
        Assert.Contains("double quotes", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingSpaceAfterAColonIsFoundOnTheLineThatLacksIt()
    {
        var error = Explain("series: op\ntitle:Debt Bondage\nnumber: 3\n");
        Assert.Equal((2, 6), (error.Line, error.Column)); // at the colon
        Assert.Equal("'title:' has no space after the colon, so YAML reads the line as text, not as a field", error.Message);
        Assert.Equal("write 'title: Debt Bondage'", error.Hint);
    }

    [Fact]
    public void AFieldIndentedUnlikeItsListIsExplained()
    {
        var error = Explain("series: op\nauthors:\n  - name: Ana\n   affiliation: OSCE\n");
        Assert.Equal(4, error.Line);
        Assert.Equal("this line is not indented like the list it follows", error.Message);
    }

    [Fact]
    public void ALineIndentedUnderAPlainValueIsExplained()
    {
        var error = Explain("series: op\n title: x\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("this line is indented more than the field above it, so YAML reads it as part of that field's value", error.Message);
    }

    [Fact]
    public void ATabIsFoundWhereItIndents()
    {
        var error = Explain("series: op\n\ttitle: x\n");
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Equal("a tab indents this line", error.Message);
        Assert.Contains("spaces", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApostropheInsideSingleQuotesIsExplained()
    {
        var error = Explain("series: op\ntitle: 'It's here'\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("an apostrophe ends the value quoted with '…' early", error.Message);
        Assert.Contains("It''s", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedQuotationIsFoundWhereItOpens()
    {
        var error = Explain("series: op\ntitle: \"Behind Closed Doors\nnumber: 3\n");
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Equal("a quotation opened here is not closed on its line", error.Message);
    }

    [Fact]
    public void AnUnclosedListIsFoundWhereItOpens()
    {
        var error = Explain("series: op\nkeywords: [trafficking, labour\nnumber: 3\n");
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Equal("this '[' is never closed", error.Message);
    }

    [Fact]
    public void ARepeatedFieldIsNamed()
    {
        var error = Explain("series: op\nnumber: 3\nseries: hb\n");
        Assert.Equal(3, error.Line);
        Assert.Equal("the field 'series' appears twice", error.Message);
    }

    [Fact]
    public void AValueStartingWithAnAtSignNeedsQuotes()
    {
        var error = Explain("series: op\ntitle: @home\n");
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Equal("a value cannot start with '@' unless it is quoted", error.Message);
    }
}
