using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

public sealed class CslYamlReaderTests
{
    private static (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Diagnostics) Read(params string[] lines) =>
        CslYamlReader.Read(new SourceText("refs/library.yaml", string.Join("\n", lines) + "\n"));

    private static Reference ReadOne(params string[] lines)
    {
        var (references, diagnostics) = Read(lines);
        Assert.Empty(diagnostics);
        return Assert.Single(references);
    }

    private static void AssertAt(Diagnostic diagnostic, string code, int line, int column)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.NotNull(diagnostic.Span);
        Assert.Equal("refs/library.yaml", diagnostic.FilePath);
        Assert.Equal((line, column), (diagnostic.Span.Value.Line, diagnostic.Span.Value.Column));
    }

    [Fact]
    public void Top_level_list_of_items()
    {
        var (references, diagnostics) = Read(
            "- id: rantsev2010",                       // 1
            "  type: legal_case",                      // 2
            "  title: Rantsev v. Cyprus and Russia",   // 3
            "  authority: European Court of Human Rights",
            "  issued:",
            "    date-parts:",
            "      - [2010, 1, 7]",
            "  number: 25965/04",
            "- id: osce2021",                          // 9
            "  type: report",
            "  author:",
            "    - literal: OSCE Office of the Special Representative",
            "    - family: Beethoven",
            "      given: Ludwig",
            "      non-dropping-particle: van",
            "  issued: 2021",
            "  page: 12",
            "  volume: 3",
            "  doi: 10.1000/xyz");
        Assert.Empty(diagnostics);
        Assert.Equal(2, references.Count);
        var rantsev = references[0];
        Assert.Equal("rantsev2010", rantsev.Id);
        Assert.Equal("legal_case", rantsev.Type);
        Assert.Equal("Rantsev v. Cyprus and Russia", rantsev.Variables["title"]);
        Assert.Equal("European Court of Human Rights", rantsev.Variables["authority"]);
        Assert.Equal("25965/04", rantsev.Variables["number"]);
        Assert.Equal([[2010, 1, 7]], rantsev.Dates["issued"].Parts);
        Assert.Equal((1, 3), (rantsev.Span!.Value.Line, rantsev.Span!.Value.Column));

        var report = references[1];
        Assert.Equal((9, 3), (report.Span!.Value.Line, report.Span!.Value.Column));
        Assert.Equal(
            [
                new Name { Literal = "OSCE Office of the Special Representative" },
                new Name { Family = "Beethoven", Given = "Ludwig", NonDroppingParticle = "van" },
            ],
            report.Names["author"]);
        Assert.Equal([[2021]], report.Dates["issued"].Parts);
        Assert.Equal("12", report.Variables["page"]);
        Assert.Equal("3", report.Variables["volume"]);
        Assert.Equal("10.1000/xyz", report.Variables["DOI"]);
    }

    [Fact]
    public void Pandoc_references_map_with_cyrillic_content()
    {
        var reference = ReadOne(
            "references:",
            "- id: tolstoy",
            "  type: book",
            "  title: Война и мир",
            "  author: Толстой, Лев Николаевич",
            "  publisher-place: Москва",
            "  issued: \"1869\"");
        Assert.Equal("Война и мир", reference.Variables["title"]);
        Assert.Equal("Москва", reference.Variables["publisher-place"]);
        Assert.Equal([new Name { Family = "Толстой", Given = "Лев Николаевич" }], reference.Names["author"]);
        Assert.Equal([[1869]], reference.Dates["issued"].Parts);
    }

    [Fact]
    public void Names_as_text_literal_without_comma()
    {
        var reference = ReadOne(
            "- id: a",
            "  type: report",
            "  author: [United Nations Office on Drugs and Crime, \"Smith, John\", {family: Fontaine, given: Jean, non-dropping-particle: de la}]",
            "  editor:",
            "    - family: Bach",
            "      given: Johann Sebastian",
            "      suffix: Jr.",
            "      dropping-particle: von",
            "      comma-suffix: true");
        Assert.Equal(
            [
                new Name { Literal = "United Nations Office on Drugs and Crime" },
                new Name { Family = "Smith", Given = "John" },
                new Name { Family = "Fontaine", Given = "Jean", NonDroppingParticle = "de la" },
            ],
            reference.Names["author"]);
        Assert.Equal(
            [new Name { Family = "Bach", Given = "Johann Sebastian", Suffix = "Jr.", DroppingParticle = "von", CommaSuffix = true }],
            reference.Names["editor"]);
    }

    [Fact]
    public void Date_forms()
    {
        var reference = ReadOne(
            "- id: a",
            "  type: book",
            "  issued: {date-parts: [[2010], [2012]]}",
            "  accessed: {date-parts: [[\"2021\", \"3\", \"4\"]]}",
            "  original-date: {literal: Spring term 2010}",
            "  event-date: {raw: 2010-05-01}",
            "  submitted: {date-parts: [[2009]], season: 2, circa: true}",
            "  available-date: 2010/2012");
        Assert.Equal([[2010], [2012]], reference.Dates["issued"].Parts);
        Assert.Equal([[2021, 3, 4]], reference.Dates["accessed"].Parts);
        Assert.Equal("Spring term 2010", reference.Dates["original-date"].Literal);
        Assert.Equal("2010-05-01", reference.Dates["event-date"].Raw);
        Assert.Equal([[2010, 5, 1]], reference.Dates["event-date"].Parts);
        Assert.Equal(2, reference.Dates["submitted"].Season);
        Assert.True(reference.Dates["submitted"].Circa);
        Assert.Equal([[2010], [2012]], reference.Dates["available-date"].Parts);
    }

    [Fact]
    public void Iso_date_string()
    {
        var reference = ReadOne("- {id: a, type: book, issued: \"2010-01-07\"}");
        Assert.Equal([[2010, 1, 7]], reference.Dates["issued"].Parts);
    }

    [Fact]
    public void Wrong_shapes_are_reported_at_their_node_and_other_items_load()
    {
        var (references, diagnostics) = Read(
            "- id: ok1",                           // 1
            "  type: book",                        // 2
            "  title: Fine",                       // 3
            "- type: book",                        // 4: no id → item skipped, reported at (4,3)
            "  title: No id",                      // 5
            "- id: badtype",                       // 6
            "  type: jornal-article",              // 7: unknown type at (7,9)
            "- id: badname",                       // 8
            "  type: book",                        // 9
            "  author:",                           // 10
            "    - [Smith, John]",                 // 11: a name that is a list at (11,7)
            "    - family: Doe",                   // 12
            "- id: baddate",                       // 13
            "  type: book",                        // 14
            "  issued: not a date",                // 15: unreadable date at (15,11)
            "- id: baddateparts",                  // 16
            "  type: book",                        // 17
            "  issued:",                           // 18
            "    date-parts: [[twenty, 1]]",       // 19: not a number at (19,19)
            "- id: ok2",                           // 20
            "  type: article-journal");            // 21
        Assert.Equal(["ok1", "badtype", "badname", "baddate", "baddateparts", "ok2"], references.Select(r => r.Id));
        Assert.Equal(5, diagnostics.Count);
        AssertAt(diagnostics[0], "PUB0807", 4, 3);
        Assert.Equal(Severity.Error, diagnostics[0].Severity);
        AssertAt(diagnostics[1], "PUB0805", 7, 9);
        AssertAt(diagnostics[2], "PUB0808", 11, 7);
        AssertAt(diagnostics[3], "PUB0808", 15, 11);
        AssertAt(diagnostics[4], "PUB0808", 19, 19);
        Assert.Equal("document", references[1].Type);
        Assert.Equal([new Name { Family = "Doe" }], references[2].Names["author"]);
        Assert.Equal("not a date", references[3].Dates["issued"].Literal);
        Assert.False(references[4].Dates.ContainsKey("issued"));
    }

    [Fact]
    public void Duplicate_id_keeps_the_first_item()
    {
        var (references, diagnostics) = Read(
            "- {id: a, type: book, title: First}",
            "- {id: a, type: book, title: Second}");
        Assert.Equal("First", Assert.Single(references).Variables["title"]);
        AssertAt(Assert.Single(diagnostics), "PUB0802", 2, 3);
    }

    [Fact]
    public void Numeric_id_is_text() =>
        Assert.Equal("2010", ReadOne("- {id: 2010, type: book}").Id);

    [Fact]
    public void Invalid_yaml_is_one_error()
    {
        var (references, diagnostics) = Read(
            "- id: a",
            "  title: [unclosed",
            "- id: b");
        Assert.Empty(references);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PUB0806", diagnostic.Code);
        Assert.NotNull(diagnostic.Span);
    }

    [Fact]
    public void Top_level_must_be_a_list()
    {
        var (references, diagnostics) = Read("title: not a bibliography");
        Assert.Empty(references);
        AssertAt(Assert.Single(diagnostics), "PUB0807", 1, 1);
    }

    [Fact]
    public void Empty_file_has_no_items()
    {
        var (references, diagnostics) = Read("");
        Assert.Empty(references);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_title_nested_thousands_deep_is_an_error_at_the_first_level_too_deep()
    {
        var (references, diagnostics) = Read("references:", "- id: a", "  title: " + new string('{', 5000));

        Assert.Empty(references);
        AssertAt(Assert.Single(diagnostics), Codes.MalformedBibYaml.Id, 3, 10 + YamlText.MaxDepth - 3);
    }
}
