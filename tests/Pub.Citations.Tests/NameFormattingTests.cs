// Formatting on cs:name: where it applies in a list of names. The specification lets cs:name carry
// formatting without saying whether it covers the list or each name; citeproc-js formats each name
// and leaves the delimiters and "and" plain, and formats a list cut short by "et al." once more as a
// whole. Expected strings are what citeproc-js 2.4 prints for the same style and items.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NameFormattingTests
{
    private const string Items = """
    [
      {"id": "two", "type": "book", "author": [{"family": "Anderson", "given": "Bridget"}, {"family": "Davidson", "given": "Julia"}]},
      {"id": "three", "type": "book", "author": [{"family": "Anderson", "given": "Bridget"}, {"family": "Davidson", "given": "Julia"}, {"family": "Cole", "given": "Tom"}]},
      {"id": "mixed", "type": "book", "author": [{"literal": "European Commission"}, {"family": "Davidson", "given": "Julia"}]}
    ]
    """;

    private static string Style(string name, string etAl) =>
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
        "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
        $"<citation><layout><names variable=\"author\"><name {name}/>{etAl}</names></layout></citation></style>";

    private static List<string> Cites(string style, string items = Items)
    {
        var bag = new DiagnosticBag();
        var parsed = StyleParser.Parse(new SourceText("t.csl", style), bag);
        Assert.NotNull(parsed);
        var read = CslJsonReader.Read(new SourceText("items.json", items));
        var processor = CslProcessor.Create(parsed!, LocaleSet.Builtin, read.References);
        var clusters = read.References.Select((r, i) => new CitationCluster("c" + (i + 1), [new CitationItem(r.Id)], i + 1)).ToList();
        return [.. processor.Process(clusters).Citations.Select(c => c.Text.ToHtml())];
    }

    [Fact]
    public void Each_name_is_formatted_and_the_delimiters_are_not()
    {
        var cites = Cites(Style("font-weight=\"bold\" and=\"text\"", string.Empty));
        Assert.Equal("<b>Bridget Anderson</b> and <b>Julia Davidson</b>", cites[0]);
        Assert.Equal("<b>Bridget Anderson</b>, <b>Julia Davidson</b>, and <b>Tom Cole</b>", cites[1]);
        Assert.Equal("<b>European Commission</b> and <b>Julia Davidson</b>", cites[2]);
    }

    [Fact]
    public void A_list_cut_short_by_et_al_is_formatted_again_as_a_whole()
    {
        var cites = Cites(Style("font-variant=\"small-caps\" form=\"short\" and=\"symbol\" et-al-min=\"3\" et-al-use-first=\"1\"", "<et-al font-variant=\"normal\"/>"));
        Assert.Equal("<span style=\"font-variant:small-caps;\">Anderson</span> &#38; <span style=\"font-variant:small-caps;\">Davidson</span>", cites[0]);
        Assert.Equal("<span style=\"font-variant:small-caps;\"><span style=\"font-variant:small-caps;\">Anderson</span> <span style=\"font-variant:normal;\">et al.</span></span>", cites[1]);
    }

    private const string Edited = """
    [
      {"id": "two", "type": "book", "editor": [{"family": "Anderson", "given": "Bridget"}, {"family": "Davidson", "given": "Julia"}]},
      {"id": "three", "type": "book", "editor": [{"family": "Anderson", "given": "Bridget"}, {"family": "Davidson", "given": "Julia"}, {"family": "Cole", "given": "Tom"}]}
    ]
    """;

    private static string SubstitutingStyle(string substitute) =>
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
        "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
        "<citation><layout><names variable=\"author\" font-weight=\"bold\" prefix=\"(\" suffix=\")\">" +
        "<name font-variant=\"small-caps\" form=\"short\" and=\"symbol\" et-al-min=\"3\" et-al-use-first=\"1\"/><et-al font-variant=\"normal\"/>" +
        $"<label prefix=\" \" form=\"short\"/><substitute>{substitute}</substitute></names></layout></citation></style>";

    [Fact]
    public void A_shorthand_substitute_takes_the_affixes_and_formatting_of_the_names_it_stands_for()
    {
        var cites = Cites(SubstitutingStyle("<names variable=\"editor\" font-style=\"italic\" prefix=\"[\" suffix=\"]\"/>"), Edited);
        Assert.Equal("(<b><span style=\"font-variant:small-caps;\">Anderson</span> &#38; <span style=\"font-variant:small-caps;\">Davidson</span> eds.</b>)", cites[0]);
        Assert.Equal("(<b><span style=\"font-variant:small-caps;\"><span style=\"font-variant:small-caps;\">Anderson</span> <span style=\"font-variant:normal;\">et al.</span></span> eds.</b>)", cites[1]);
    }

    [Theory]
    [InlineData("<names variable=\"editor\" font-style=\"italic\" prefix=\"[\" suffix=\"]\"><name/></names>", "[<i>Bridget Anderson, Julia Davidson</i>]")]
    [InlineData("<text value=\"X\" font-style=\"italic\"/>", "<i>X</i>")]
    public void Any_other_substitute_keeps_its_own_affixes_and_formatting(string substitute, string expected) =>
        Assert.Equal(expected, Cites(SubstitutingStyle(substitute), Edited)[0]);

    private const string Initials = """
    [
      {"id": "mixed", "type": "book", "author": [{"literal": "U.N. Office"}, {"family": "Gallagher", "given": "Anne T.", "suffix": "Jr."}]},
      {"id": "many", "type": "book", "author": [{"family": "A", "given": "B. C."}, {"family": "D", "given": "E. F."}, {"family": "G", "given": "H."}, {"family": "I", "given": "J."}]},
      {"id": "edited", "type": "book", "editor": [{"family": "A", "given": "B. C."}, {"family": "D", "given": "E. F."}]}
    ]
    """;

    private static string StrippingStyle(string names) =>
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\" default-locale=\"en-US\">" +
        "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>" +
        $"<macro name=\"m\">{names}</macro><citation><layout><text macro=\"m\" strip-periods=\"true\"/></layout></citation></style>";

    [Fact]
    public void Strip_periods_on_a_macro_removes_the_periods_of_its_names_et_al_and_label()
    {
        var authors = Cites(StrippingStyle("<names variable=\"author\"><name et-al-min=\"4\" et-al-use-first=\"2\" name-as-sort-order=\"first\"/></names>"), Initials);
        Assert.Equal("UN Office, Anne T Gallagher Jr", authors[0]);
        Assert.Equal("A, B C, E F D, et al", authors[1]);
        var editors = Cites(StrippingStyle("<names variable=\"editor\" delimiter=\". \"><name and=\"text\" delimiter=\". \" sort-separator=\". \" name-as-sort-order=\"first\"/><label form=\"short\" prefix=\" \"/></names>"), Initials);
        Assert.Equal("A. B C and E F D eds", editors[2]);
    }
}
