using Pub.Html.Edition;
using Pub.Model;
using Pub.Syntax;
using Xunit;

namespace Pub.Html.Tests;

/// <summary>The PDF edition's cover and imprint templates (templates/pdf) render to page markup.</summary>
public sealed class PrintPageTemplateTests
{
    private static readonly PrintPageContext Context = new()
    {
        SeriesTitle = "Occasional Papers on Trafficking in Human Beings",
        SeriesIssn = "2664-4932",
        NumberLabel = "Occasional Paper No. 4",
        PublisherName = "OSCE",
        PublisherPlace = "Vienna",
        SuggestedCitation = "Varga, Helena. *Forced Labour*. Vienna: OSCE, 2025.",
    };

    private static Document Paper(Metadata meta) => new("papers/op-004/paper.md", meta, [], []);

    private static Metadata SecondEdition(string language) => new()
    {
        Title = "Forced Labour * in Supply Chains",
        Subtitle = "A Review",
        Number = 4,
        Edition = 2,
        Language = language,
        Date = new PublicationDate(2025, 6, 2),
        FirstPublished = new PublicationDate(2023, 3, 12),
        Authors = [new Person("Helena Varga", "OSCE Secretariat")],
        Isbn = "978-92-9234-613-3",
        Licence = "CC BY-NC-ND 4.0",
        Copyright = "© 2025 OSCE",
        Disclaimer = "The views expressed\nare the author's own.",
    };

    [Fact]
    public void The_imprint_of_a_second_edition_states_the_edition_and_the_first_publication()
    {
        var result = PrintPageTemplates.Render(Paper(SecondEdition("en")), Context, new RepositoryTemplates());
        Assert.Empty(result.Diagnostics);
        var imprint = result.Imprint!.Markup;
        Assert.Contains(".text Second edition, 2 June 2025\n", imprint, StringComparison.Ordinal);
        Assert.Contains(".text First published 12 March 2023\n", imprint, StringComparison.Ordinal);
        Assert.Contains(".text ISBN 978-92-9234-613-3\n", imprint, StringComparison.Ordinal);
        Assert.Contains(".text ISSN 2664-4932\n", imprint, StringComparison.Ordinal);
        Assert.Contains(".text CC BY-NC-ND 4.0\n", imprint, StringComparison.Ordinal);
        // Values are escaped for the markup and never open a block of their own.
        Assert.Contains("**Forced Labour \\* in Supply Chains**", imprint, StringComparison.Ordinal);
        Assert.Contains(".small The views expressed are the author's own.\n", imprint, StringComparison.Ordinal);
        Assert.Contains(".heading Suggested citation\n.citation Varga, Helena. *Forced Labour*. Vienna: OSCE, 2025.", imprint, StringComparison.Ordinal);

        var cover = result.Cover!.Markup;
        Assert.Contains(".number Occasional Paper No. 4\n", cover, StringComparison.Ordinal);
        Assert.Matches(@"\.author Helena Varga\n+\.affiliation OSCE Secretariat\n", cover);
    }

    [Fact]
    public void A_first_edition_has_no_edition_statement_and_a_russian_one_has_russian_labels()
    {
        var first = PrintPageTemplates.Render(Paper(SecondEdition("en") with { Edition = 1, FirstPublished = null }), Context, new RepositoryTemplates());
        Assert.DoesNotContain("edition", first.Imprint!.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("First published", first.Imprint.Markup, StringComparison.Ordinal);

        var russian = PrintPageTemplates.Render(Paper(SecondEdition("ru")), Context, new RepositoryTemplates());
        Assert.Contains(".text Второе издание, 2 июня 2025\u00A0г.\n", russian.Imprint!.Markup, StringComparison.Ordinal);
        Assert.Contains("Рекомендуемая ссылка", russian.Imprint.Markup, StringComparison.Ordinal);

        var handbook = PrintPageTemplates.Render(Paper(new Metadata { Title = "H", Kind = ManuscriptKind.Handbook, Editors = [new Person("Ana Editor")] }), Context, new RepositoryTemplates());
        Assert.Matches(@"\.role Edited by\n+\.author Ana Editor\n", handbook.Cover!.Markup);
    }

    [Fact]
    public void A_template_error_is_reported_at_its_line_and_column_and_the_markup_maps_back_to_the_template()
    {
        var templates = new InMemoryTemplates(new Dictionary<string, string>
        {
            ["pdf/cover.txt"] = ".title {{ paper.title }}\n.subtitle {{ paper.titel }}\n",
        });
        var result = PrintPageTemplates.Render(Paper(new Metadata { Title = "T" }), Context, templates);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.TemplateRender.Id, error.Code);
        Assert.Equal("templates/pdf/cover.txt", error.FilePath);
        Assert.Equal((2, 20), (error.Span!.Value.Line, error.Span.Value.Column));
        Assert.Null(result.Cover);
        Assert.Null(result.Imprint);

        var good = PrintPageTemplates.Render(Paper(new Metadata { Title = "T" }), Context, new InMemoryTemplates(new Dictionary<string, string>
        {
            ["pdf/cover.txt"] = "{{ if true }}\n.title {{ paper.title }}\n{{ end }}   .titel x\n",
        }));
        var cover = good.Cover!;
        int at = cover.Markup.IndexOf(".titel", StringComparison.Ordinal);
        var span = cover.Locate(at)!.Value;
        Assert.Equal((3, 13), (span.Line, span.Column));
        Assert.Equal((2, 8), (cover.Locate(cover.Markup.IndexOf('T', StringComparison.Ordinal))!.Value.Line, cover.Locate(cover.Markup.IndexOf('T', StringComparison.Ordinal))!.Value.Column));
    }
}
