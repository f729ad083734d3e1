// Inheritable name options (CSL 1.0.2, "Inheritable Name Options"): cs:name takes what it does not set
// from cs:citation in citations and from cs:bibliography in the bibliography, and both from cs:style.
// The parser resolves them once per cs:names and context; rendering reads the result.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NameOptionInheritanceTests
{
    // The same macro serves the citation and the bibliography, so its cs:names inherits differently in each.
    private const string Xml =
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\"" +
        " et-al-min=\"5\" et-al-use-first=\"4\" initialize-with=\". \" and=\"text\" names-delimiter=\" / \">" +
        "<macro name=\"inherits\"><names variable=\"author editor\"/></macro>" +
        "<macro name=\"overrides\"><names variable=\"author\"><name et-al-min=\"2\" et-al-use-first=\"1\" and=\"symbol\" delimiter=\"; \"/></names></macro>" +
        "<citation et-al-min=\"3\" et-al-use-first=\"1\" name-form=\"short\" delimiter-precedes-last=\"never\" names-delimiter=\" + \">" +
        "<layout delimiter=\"; \"><group delimiter=\" | \"><text macro=\"inherits\"/><text macro=\"overrides\"/></group></layout></citation>" +
        "<bibliography initialize-with=\"\" name-as-sort-order=\"first\">" +
        "<layout><group delimiter=\" | \"><text macro=\"inherits\"/><text macro=\"overrides\"/></group></layout></bibliography>" +
        "</style>";

    private const string Items = """
        [{"id": "w", "type": "book", "title": "T",
          "author": [{"family": "Anker", "given": "Ann Bea"}, {"family": "Berg", "given": "Carl"}, {"family": "Cole", "given": "Dana"}, {"family": "Dorn", "given": "Eve"}],
          "editor": [{"family": "Engel", "given": "Finn"}]}]
        """;

    private static Style Parse()
    {
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("inherit.csl", Xml), bag);
        Assert.Empty(bag.Items);
        return style!;
    }

    private static NamesElement Names(Style style, string macro) => Assert.IsType<NamesElement>(Assert.Single(style.Macros[macro].Children));

    [Fact]
    public void A_names_without_name_takes_the_citations_options_in_citations_and_the_bibliographys_in_the_bibliography()
    {
        var options = Names(Parse(), "inherits").NameOptions;

        Assert.Equal(
            new NameOptions(NameAnd.Text, DelimiterPrecedes.Contextual, DelimiterPrecedes.Never, EtAlMin: 3, EtAlUseFirst: 1, null, null, false, true,
                ". ", null, ", ", NameForm.Short, ", ", DelimiterPrecedes.Never, " + "),
            options.Citation);
        Assert.Equal(
            new NameOptions(NameAnd.Text, DelimiterPrecedes.Contextual, DelimiterPrecedes.Contextual, EtAlMin: 5, EtAlUseFirst: 4, null, null, false, true,
                "", NameAsSortOrder.First, ", ", NameForm.Long, ", ", DelimiterPrecedes.Contextual, " / "),
            options.Bibliography);
    }

    [Fact]
    public void What_cs_name_sets_wins_over_the_section_and_the_style_in_both_contexts()
    {
        var options = Names(Parse(), "overrides").NameOptions;

        Assert.Equal((2, 1, NameAnd.Symbol, "; "), (options.Citation.EtAlMin, options.Citation.EtAlUseFirst, options.Citation.And, options.Citation.Delimiter));
        Assert.Equal((2, 1, NameAnd.Symbol, "; "), (options.Bibliography.EtAlMin, options.Bibliography.EtAlUseFirst, options.Bibliography.And, options.Bibliography.Delimiter));
        // What cs:name does not set still comes from its context.
        Assert.Equal((NameForm.Short, DelimiterPrecedes.Never), (options.Citation.Form, options.Citation.DelimiterPrecedesLast));
        Assert.Equal((NameForm.Long, NameAsSortOrder.First, ""), (options.Bibliography.Form, options.Bibliography.NameAsSortOrder, options.Bibliography.InitializeWith));
        // delimiter-precedes-last as inherited, before cs:name, is kept for names of institutions.
        Assert.Equal(DelimiterPrecedes.Never, options.Citation.InheritedDelimiterPrecedesLast);
    }

    [Fact]
    public void Each_section_keeps_the_options_a_names_without_name_gets_there()
    {
        var style = Parse();

        Assert.Equal(Names(style, "inherits").NameOptions.Citation, style.Citation!.NameOptions);
        Assert.Equal(Names(style, "inherits").NameOptions.Bibliography, style.Bibliography!.NameOptions);
        Assert.Equal((3, 1), (style.Citation.NameAttributes.EtAlMin, style.Citation.NameAttributes.EtAlUseFirst));
        Assert.Equal((5, 4), (style.Bibliography.NameAttributes.EtAlMin, style.Bibliography.NameAttributes.EtAlUseFirst));
    }

    [Fact]
    public void The_resolved_options_are_what_renders()
    {
        var read = CslJsonReader.Read(new SourceText("items.json", Items));
        var result = CslProcessor.Create(Parse(), LocaleSet.Builtin, read.References)
            .Process([new CitationCluster("c1", [new CitationItem("w")], 1)]);

        // Citation: et-al after one of four (cs:citation), short form, names-delimiter " + ";
        // cs:name's own et-al-min="2" et-al-use-first="1".
        Assert.Equal("Anker et al. + Engel | Anker et al.", result.Citations[0].Text.ToPlainText());
        // Bibliography: four names are below cs:style's et-al-min="5"; initials without periods, the first
        // name of each list inverted, "and" from cs:style; cs:style's names-delimiter " / ".
        Assert.Equal("Anker, AB, C Berg, D Cole, and E Dorn / Engel, F | Anker, AB et al.", result.Bibliography!.Entries[0].Text.ToPlainText());
    }
}
