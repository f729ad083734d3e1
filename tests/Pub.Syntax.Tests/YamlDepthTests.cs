// YAML nested thousands deep made the reader recurse until the process ran out of stack; it now stops at the
// first value past the limit with a positioned error, in every file pub reads as YAML.
using Pub.Syntax;
using Xunit;
using YamlDotNet.Core;

namespace Pub.Syntax.Tests;

public sealed class YamlDepthTests
{
    [Fact]
    public void Ten_thousand_nested_flow_mappings_stop_at_the_first_too_deep()
    {
        var yaml = "title: " + new string('{', 10_000) + "\n";

        var error = Assert.Throws<YamlException>(() => YamlText.Load(yaml));
        var explained = YamlSyntaxError.Explain(yaml, error);

        Assert.Equal((1, 8 + YamlText.MaxDepth - 1), (explained.Line, explained.Column));
        Assert.Equal(YamlText.TooDeepMessage, explained.Message);
    }

    [Fact]
    public void Nested_block_lists_past_the_limit_are_refused_and_within_it_read()
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";

        Assert.Throws<YamlException>(() => YamlText.Load(Nested(5000)));
        var stream = YamlText.Load(Nested(YamlText.MaxDepth));
        Assert.Single(stream.Documents);
    }

    [Theory]
    [InlineData("- : ")]
    [InlineData("title: T\nkeywords:\n  - : \n")]
    public void A_field_with_neither_name_nor_value_in_a_list_is_an_error_with_a_position(string yaml)
    {
        // Found by fuzzing: YamlDotNet's tree builder threw an ArgumentException without a position here.
        var error = Assert.Throws<YamlException>(() => YamlText.Load(yaml));
        var explained = YamlSyntaxError.Explain(yaml, error);

        Assert.Equal(yaml.Split('\n').Length - (yaml.EndsWith('\n') ? 1 : 0), explained.Line);
        Assert.Equal(YamlText.MissingValueMessage, explained.Message);
    }
}
