// Works by institutions, alone or beside persons. Before a last name that is an institution the
// delimiter in front of "and" follows the style-wide setting, not the cs:name's own (as citeproc-js
// does): APA prints "International Labour Organization & Walk Free Foundation" but "Kiss, L., & Pocock,
// N. S.". Expected strings are what citeproc-js prints for these items in these styles.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class InstitutionalAuthorTests
{
    private const string Json = """
    [
      {"id": "ilo2017", "type": "report", "author": [{"literal": "International Labour Organization"}, {"literal": "Walk Free Foundation"}], "title": "Global estimates of modern slavery: forced labour and forced marriage", "publisher": "ILO", "publisher-place": "Geneva", "issued": {"date-parts": [[2017]]}},
      {"id": "ilo2022", "type": "report", "author": [{"literal": "ILO"}, {"literal": "Walk Free"}, {"literal": "IOM"}], "title": "Global estimates of modern slavery: forced labour and forced marriage", "publisher": "ILO", "publisher-place": "Geneva", "issued": {"date-parts": [[2022]]}},
      {"id": "zimmerman2006", "type": "report", "author": [{"family": "Zimmerman", "given": "Cathy"}, {"literal": "London School of Hygiene and Tropical Medicine"}], "title": "Stolen smiles: a summary report on the physical and psychological health consequences of women and adolescents trafficked in Europe", "publisher": "LSHTM", "publisher-place": "London", "issued": {"date-parts": [[2006]]}},
      {"id": "kiss2015", "type": "article-journal", "author": [{"family": "Kiss", "given": "Ligia"}, {"family": "Pocock", "given": "Nicola S."}], "title": "Health of men, women, and children in post-trafficking services", "container-title": "The Lancet Global Health", "volume": "3", "issue": "3", "page": "e154-e161", "issued": {"date-parts": [[2015]]}}
    ]
    """;

    [Theory]
    [InlineData("apa.csl", "ilo2022", "ILO, Walk Free, & IOM. (2022). Global estimates of modern slavery: forced labour and forced marriage. ILO.")]
    [InlineData("apa.csl", "ilo2017", "International Labour Organization & Walk Free Foundation. (2017). Global estimates of modern slavery: forced labour and forced marriage. ILO.")]
    [InlineData("apa.csl", "kiss2015", "Kiss, L., & Pocock, N. S. (2015). Health of men, women, and children in post-trafficking services. The Lancet Global Health, 3(3), e154–e161.")]
    [InlineData("apa.csl", "zimmerman2006", "Zimmerman, C. & London School of Hygiene and Tropical Medicine. (2006). Stolen smiles: a summary report on the physical and psychological health consequences of women and adolescents trafficked in Europe. LSHTM.")]
    [InlineData("chicago-author-date.csl", "ilo2022", "ILO, Walk Free, and IOM. 2022. Global Estimates of Modern Slavery: Forced Labour and Forced Marriage. ILO.")]
    [InlineData("chicago-author-date.csl", "ilo2017", "International Labour Organization and Walk Free Foundation. 2017. Global Estimates of Modern Slavery: Forced Labour and Forced Marriage. ILO.")]
    [InlineData("chicago-author-date.csl", "kiss2015", "Kiss, Ligia, and Nicola S. Pocock. 2015. “Health of Men, Women, and Children in Post-Trafficking Services.” The Lancet Global Health 3 (3): e154–61.")]
    [InlineData("chicago-author-date.csl", "zimmerman2006", "Zimmerman, Cathy and London School of Hygiene and Tropical Medicine. 2006. Stolen Smiles: A Summary Report on the Physical and Psychological Health Consequences of Women and Adolescents Trafficked in Europe. LSHTM.")]
    [InlineData("harvard-cite-them-right.csl", "ilo2022", "ILO, Walk Free, and IOM (2022) Global estimates of modern slavery: forced labour and forced marriage. Geneva: ILO.")]
    [InlineData("harvard-cite-them-right.csl", "ilo2017", "International Labour Organization and Walk Free Foundation (2017) Global estimates of modern slavery: forced labour and forced marriage. Geneva: ILO.")]
    [InlineData("harvard-cite-them-right.csl", "kiss2015", "Kiss, L. and Pocock, N.S. (2015) “Health of men, women, and children in post-trafficking services,” The Lancet Global Health, 3(3), pp. e154–e161.")]
    [InlineData("harvard-cite-them-right.csl", "zimmerman2006", "Zimmerman, C. and London School of Hygiene and Tropical Medicine (2006) Stolen smiles: a summary report on the physical and psychological health consequences of women and adolescents trafficked in Europe. London: LSHTM.")]
    [InlineData("modern-language-association.csl", "ilo2022", "ILO, et al. Global Estimates of Modern Slavery: Forced Labour and Forced Marriage. ILO, 2022.")]
    [InlineData("modern-language-association.csl", "ilo2017", "International Labour Organization and Walk Free Foundation. Global Estimates of Modern Slavery: Forced Labour and Forced Marriage. ILO, 2017.")]
    [InlineData("modern-language-association.csl", "kiss2015", "Kiss, Ligia, and Nicola S. Pocock. “Health of Men, Women, and Children in Post-Trafficking Services.” The Lancet Global Health, vol. 3, no. 3, 2015, pp. e154–61.")]
    [InlineData("modern-language-association.csl", "zimmerman2006", "Zimmerman, Cathy and London School of Hygiene and Tropical Medicine. Stolen Smiles: A Summary Report on the Physical and Psychological Health Consequences of Women and Adolescents Trafficked in Europe. LSHTM, 2006.")]
    public void Bibliography_entry(string style, string id, string expected)
    {
        var (_, entries) = NameSubstitutionTests.Render(style, Json);
        Assert.Equal(expected, entries[id]);
    }

    [Theory]
    [InlineData("apa.csl", "(International Labour Organization & Walk Free Foundation, 2017)")]
    [InlineData("chicago-author-date.csl", "(International Labour Organization and Walk Free Foundation 2017)")]
    public void Citation_of_two_institutions(string style, string expected)
    {
        var (cites, _) = NameSubstitutionTests.Render(style, Json);
        Assert.Equal(expected, cites["ilo2017"]);
    }
}
