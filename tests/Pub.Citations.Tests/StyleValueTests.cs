// Attributes with a closed value set are parsed into enums once: a value outside the set is a
// PUB0707 warning at the attribute, and the attribute's CSL 1.0.2 default is what renders.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class StyleValueTests
{
    private const string Head = "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n";

    private static (Style Style, Diagnostic[] Diagnostics) Parse(string xml)
    {
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText("styles/house.csl", xml), bag);
        Assert.NotNull(style);
        return (style!, [.. bag.Items]);
    }

    private static Diagnostic SingleValueWarning(Diagnostic[] diagnostics)
    {
        var d = Assert.Single(diagnostics);
        Assert.Equal(Codes.InvalidStyleValue.Id, d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("styles/house.csl", d.FilePath);
        return d;
    }

    private static string Underlined(Diagnostic d) => d.Span!.Value.Source.Text.Substring(d.Span.Value.Start, d.Span.Value.Length);

    [Fact]
    public void A_misspelt_term_form_is_reported_at_the_attribute_and_the_long_form_is_used()
    {
        var (style, diagnostics) = Parse(Head +
            "  <citation>\n" +
            "    <layout>\n" +
            "      <text term=\"editor\" form=\"longg\"/>\n" +
            "    </layout>\n" +
            "  </citation>\n" +
            "</style>\n");

        var d = SingleValueWarning(diagnostics);
        Assert.Equal((4, 27), (d.Span!.Value.Line, d.Span.Value.Column));
        Assert.Equal("form=\"longg\"", Underlined(d));
        Assert.Contains("long, short, verb, verb-short or symbol", d.Message, StringComparison.Ordinal);
        Assert.Contains("using the default 'long'", d.Message, StringComparison.Ordinal);
        Assert.Equal(["did you mean 'long'?"], d.Hints);
        var text = Assert.IsType<TextElement>(Assert.Single(style.Citation!.Layout.Children));
        Assert.Equal(TermForm.Long, text.Form);
    }

    [Fact]
    public void A_misspelt_text_case_is_ignored_with_a_suggestion()
    {
        var (style, diagnostics) = Parse(Head +
            "  <citation><layout>\n" +
            "    <text variable=\"title\"\n" +
            "          text-case='titel'/>\n" +
            "  </layout></citation>\n" +
            "</style>\n");

        var d = SingleValueWarning(diagnostics);
        Assert.Equal((4, 11), (d.Span!.Value.Line, d.Span.Value.Column));
        Assert.Equal("text-case='titel'", Underlined(d));
        Assert.Contains("the attribute is ignored", d.Message, StringComparison.Ordinal);
        Assert.Equal(["did you mean 'title'?"], d.Hints);
        Assert.Null(Assert.Single(style.Citation!.Layout.Children).TextCase);
    }

    [Fact]
    public void A_label_plural_outside_its_set_renders_as_contextual()
    {
        const string layout = "<group delimiter=\" \"><label variable=\"page\" plural=\"sometimes\"/><text variable=\"page\"/></group>";
        var (style, diagnostics) = Parse(Head + "<citation><layout>" + layout + "</layout></citation></style>");

        var d = SingleValueWarning(diagnostics);
        Assert.Contains("plural=\"sometimes\" on <label>", d.Message, StringComparison.Ordinal);
        Assert.Contains("(contextual, always or never); using the default 'contextual'", d.Message, StringComparison.Ordinal);
        var label = Assert.IsType<LabelElement>(Assert.IsType<GroupElement>(Assert.Single(style.Citation!.Layout.Children)).Children[0]);
        Assert.Equal(LabelPlural.Contextual, label.Plural);

        var items = CslJsonReader.Read(new SourceText("items.json", """
            [{"id": "one", "type": "book", "page": "5"}, {"id": "range", "type": "book", "page": "5-9"}]
            """));
        var result = CslProcessor.Create(style, LocaleSet.Builtin, items.References)
            .Process([new CitationCluster("c1", [new CitationItem("one")], 1), new CitationCluster("c2", [new CitationItem("range")], 2)]);
        Assert.Equal(["page 5", "pages 5–9"], result.Citations.Select(c => c.Text.ToPlainText()));
    }

    [Fact]
    public void A_date_part_form_is_checked_against_the_forms_its_name_allows()
    {
        var (style, diagnostics) = Parse(Head +
            "<citation><layout><date variable=\"issued\">" +
            "<date-part name=\"day\" form=\"short\"/><date-part name=\"month\" form=\"short\"/>" +
            "</date></layout></citation></style>");

        var d = SingleValueWarning(diagnostics);
        Assert.Contains("form=\"short\" on <date-part> is not a CSL 1.0.2 value (numeric, numeric-leading-zeros or ordinal)", d.Message, StringComparison.Ordinal);
        var parts = Assert.IsType<DateElement>(Assert.Single(style.Citation!.Layout.Children)).Parts;
        Assert.Equal([(DatePartName.Day, (DatePartForm?)null), (DatePartName.Month, DatePartForm.Short)], parts.Select(p => (p.Name, p.Form)));
    }

    [Fact]
    public void Name_options_outside_their_sets_are_reported_one_by_one()
    {
        var (style, diagnostics) = Parse(Head +
            "<citation et-al-min=\"three\" name-as-sort-order=\"every\"><layout>" +
            "<names variable=\"author\"><name and=\"und\" delimiter-precedes-last=\"sometimes\" initialize=\"no\"/></names>" +
            "</layout></citation></style>");

        Assert.Equal(5, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Codes.InvalidStyleValue.Id, d.Code));
        Assert.Equal(["et-al-min=\"three\"", "name-as-sort-order=\"every\"", "and=\"und\"", "delimiter-precedes-last=\"sometimes\"", "initialize=\"no\""],
            diagnostics.Select(Underlined));
        Assert.Contains("is not a whole number", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(NameAttributes.None, style.Citation!.NameAttributes);
        var names = Assert.IsType<NamesElement>(Assert.Single(style.Citation.Layout.Children));
        Assert.Equal(NameAttributes.None, names.Name!.Attributes);
    }

    [Fact]
    public void Valid_values_are_parsed_without_a_diagnostic()
    {
        var (style, diagnostics) = Parse(
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"note\" version=\"1.0\" demote-non-dropping-particle=\"never\" page-range-format=\"chicago-16\">" +
            "<citation collapse=\"year-suffix-ranged\" givenname-disambiguation-rule=\"primary-name-with-initials\"><layout>" +
            "<text variable=\"title\" form=\"short\" text-case=\"capitalize-first\" font-variant=\"small-caps\" display=\"right-inline\"/>" +
            "<number variable=\"edition\" form=\"long-ordinal\"/>" +
            "<names variable=\"author\"><name form=\"count\" and=\"symbol\" delimiter-precedes-et-al=\"after-inverted-name\" et-al-use-last=\"true\"/></names>" +
            "</layout></citation>" +
            "<bibliography second-field-align=\"margin\" subsequent-author-substitute-rule=\"partial-first\"><layout><text variable=\"title\"/></layout></bibliography>" +
            "</style>");

        Assert.Empty(diagnostics);
        Assert.Equal((StyleClass.Note, ParticleDemotion.Never, PageRangeFormat.Chicago16), (style.Class, style.DemoteNonDroppingParticle, style.PageRangeFormat));
        Assert.Equal((CollapseMode.YearSuffixRanged, GivennameRule.PrimaryNameWithInitials), (style.Citation!.Collapse, style.Citation.GivennameDisambiguationRule));
        Assert.Equal((SecondFieldAlign.Margin, SubstituteRule.PartialFirst), (style.Bibliography!.SecondFieldAlign, style.Bibliography.SubsequentAuthorSubstituteRule));
        var children = style.Citation.Layout.Children;
        var text = Assert.IsType<TextElement>(children[0]);
        Assert.Equal((TermForm.Short, TextCasing.CapitalizeFirst, FontVariant.SmallCaps, DisplayMode.RightInline),
            (text.Form, text.TextCase!.Value, text.Formatting.FontVariant!.Value, text.Display!.Value));
        Assert.Equal(NumberForm.LongOrdinal, Assert.IsType<NumberElement>(children[1]).Form);
        var name = Assert.IsType<NamesElement>(children[2]).Name!.Attributes;
        Assert.Equal(new NameAttributes(Form: NameForm.Count, And: NameAnd.Symbol, DelimiterPrecedesEtAl: DelimiterPrecedes.AfterInvertedName, EtAlUseLast: true), name);
    }

    [Fact]
    public void A_variable_takes_only_the_long_and_short_forms()
    {
        var (_, diagnostics) = Parse(Head + "<citation><layout><text variable=\"title\" form=\"verb\"/><text term=\"editor\" form=\"verb\"/></layout></citation></style>");

        var d = SingleValueWarning(diagnostics);
        Assert.Contains("form=\"verb\" on <text> is not a CSL 1.0.2 value (long or short)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_et_al_term_outside_its_set_falls_back_to_et_al()
    {
        var (style, diagnostics) = Parse(Head + "<citation><layout><names variable=\"author\"><et-al term=\"et al\"/></names></layout></citation></style>");

        var d = SingleValueWarning(diagnostics);
        Assert.Equal("term=\"et al\"", Underlined(d));
        Assert.Equal(["did you mean 'et-al'?"], d.Hints);
        Assert.Equal(EtAlTerm.EtAl, Assert.IsType<NamesElement>(Assert.Single(style.Citation!.Layout.Children)).EtAl!.Term);
    }

    [Fact]
    public void A_locale_term_is_read_with_the_same_checks()
    {
        var (style, diagnostics) = Parse(Head +
            "  <locale xml:lang=\"fr\"><terms>\n" +
            "    <term name=\"ordinal-01\" gender-form=\"masculin\" match=\"whole-number\">er</term>\n" +
            "    <term name=\"editor\" form=\"shrot\">éd.</term>\n" +
            "  </terms></locale>\n" +
            "  <citation><layout><text variable=\"title\"/></layout></citation>\n" +
            "</style>\n");

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Codes.InvalidStyleValue.Id, d.Code));
        Assert.Equal([(3, 29, "gender-form=\"masculin\""), (4, 25, "form=\"shrot\"")],
            diagnostics.Select(d => (d.Span!.Value.Line, d.Span.Value.Column, Underlined(d))));
        var terms = Assert.Single(style.Locales).Terms;
        Assert.Equal((null, OrdinalMatch.WholeNumber), (terms["ordinal-01"][0].GenderForm, terms["ordinal-01"][0].Match));
        Assert.Equal(TermForm.Long, terms["editor"][0].Form);
    }

    [Fact]
    public void An_unknown_test_or_position_in_a_condition_is_reported_and_never_holds()
    {
        var (style, diagnostics) = Parse(Head +
            "<citation><layout><choose>" +
            "<if varible=\"title\"><text value=\"typo\"/></if>" +
            "<else-if position=\"firts\"><text value=\"first\"/></else-if>" +
            "<else><text variable=\"title\"/></else>" +
            "</choose></layout></citation></style>");

        Assert.Equal([(Codes.InvalidStyle.Id, "varible=\"title\"", "did you mean 'variable'?"), (Codes.InvalidStyleValue.Id, "position=\"firts\"", "did you mean 'first'?")],
            diagnostics.Select(d => (d.Code, Underlined(d), Assert.Single(d.HintList))));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal("unknown attribute 'varible' on <if>; the test never holds", diagnostics[0].Message);

        var items = CslJsonReader.Read(new SourceText("items.json", """[{"id": "a", "type": "book", "title": "Title"}]"""));
        var result = CslProcessor.Create(style, LocaleSet.Builtin, items.References).Process([new CitationCluster("c", [new CitationItem("a")], 1)]);
        Assert.Equal("Title", result.Citations[0].Text.ToPlainText());
    }

    [Fact]
    public void The_official_styles_and_locales_use_only_csl_values_and_tests()
    {
        var csl = SharedData.CslFolder();
        var files = Directory.GetFiles(Path.Combine(csl, "styles"), "*.csl", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(csl, "locales"), "*.xml"))
            .Concat(Directory.GetFiles(Path.Combine(csl, "test-suite", "extra-locales"), "*.xml")).ToList();
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var bag = new DiagnosticBag();
            var source = new SourceText(file, File.ReadAllText(file));
            _ = file.EndsWith(".csl", StringComparison.Ordinal) ? StyleParser.Parse(source, bag) is not null : LocaleParser.Parse(source, bag) is not null;
            problems.AddRange(bag.Items.Where(d => d.Code == Codes.InvalidStyleValue.Id || d.Code == Codes.InvalidStyle.Id).Select(d => $"{Path.GetFileName(file)}: {d.Message}"));
        }
        Assert.Empty(problems);
    }
}
