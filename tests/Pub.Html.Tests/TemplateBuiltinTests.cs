using Pub.Html.Edition;
using Scriban;
using Scriban.Runtime;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

/// <summary>A template has Scriban's builtins, though each function group is only made when a template names it:
/// pages come out as Scriban's own default set renders them.</summary>
public sealed class TemplateBuiltinTests
{
    private static HtmlEditionResult Render(string shell) =>
        HtmlEditionWriter.Render(Doc([P(T("x"))]), new HtmlPageContext(), new InMemoryTemplates(new() { ["html/paper.html"] = shell }));

    /// <summary>The template rendered by Scriban with its default builtins and pub's settings, or null when it fails.</summary>
    private static string? WithScribanDefaults(string shell)
    {
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false, NewLine = "\n" };
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        context.PushGlobal(new ScriptObject());
        try
        {
            return Template.Parse(shell).Render(context).TrimEnd('\n', ' ') + "\n";
        }
        catch (Scriban.Syntax.ScriptRuntimeException)
        {
            return null;
        }
    }

    public static TheoryData<string> Templates() =>
    [
        "{{ 'abc' | string.upcase }}|{{ [3, 1, 2] | array.sort | array.join ',' }}|{{ 2.5 | math.round }}|{{ 'a<b' | html.escape }}",
        "{{ 'x1y' | regex.replace '[0-9]' '-' }}|{{ {a: 1} | object.size }}|{{ date.parse '2024-03-12' | date.to_string '%Y/%m/%d' }}",
        "{{ (timespan.from_days 2).days }}|{{ [] == empty }}|{{ '' == empty }}|{{ x = blank }}{{ x == null }}",
        "{{ string = 1 }}{{ string }}",
        "{{ x = 'a' | string.upcase }}{{ string = 1 }}{{ string }}",
        "{{ date = 1 }}",
        "{{ string.extra = 1 }}{{ string.extra }}",
        "{{ string.nope 'a' }}",
        "{{ nope.upcase 'a' }}",
        "{{ include = 1 }}",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_template_renders_as_with_Scribans_default_builtins(string shell)
    {
        var expected = WithScribanDefaults(shell);
        var result = Render(shell);

        Assert.Equal(expected, result.Html);
        if (expected is null)
        {
            Assert.Equal("PUB0403", Assert.Single(result.Diagnostics).Code);
        }
    }

    [Fact]
    public void The_groups_render_what_they_should()
    {
        Assert.Equal("ABC|1,2,3|2|a&lt;b\n", Render("{{ 'abc' | string.upcase }}|{{ [3, 1, 2] | array.sort | array.join ',' }}|{{ 2.5 | math.round }}|{{ 'a<b' | html.escape }}").Html);
        Assert.Equal("x-y|1|2024/03/12\n", Render("{{ 'x1y' | regex.replace '[0-9]' '-' }}|{{ {a: 1} | object.size }}|{{ date.parse '2024-03-12' | date.to_string '%Y/%m/%d' }}").Html);
    }

    [Fact]
    public void A_page_does_not_see_what_an_earlier_page_put_into_a_function_group()
    {
        var first = Render("{{ string.extra = 1 }}{{ string.extra }}");
        var second = Render("{{ string.extra }}");

        Assert.Equal("1\n", first.Html);
        Assert.Null(second.Html);
        Assert.Equal("PUB0403", Assert.Single(second.Diagnostics).Code);
    }
}
