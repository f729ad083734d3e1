// A mixed bibliography written for these tests: one item of each kind a report in the series cites.
namespace Pub.Citations.Tests;

internal static class MixedBibliography
{
    public const string Json = """
    [
      {"id": "bales2012", "type": "book", "author": [{"family": "Bales", "given": "Kevin"}],
       "title": "Disposable people: new slavery in the global economy", "edition": "3",
       "publisher": "University of California Press", "publisher-place": "Berkeley", "issued": {"date-parts": [[2012]]}},
      {"id": "gallagher2019", "type": "chapter", "author": [{"family": "Gallagher", "given": "Anne T."}],
       "title": "Trafficking in persons and international law",
       "container-title": "Research handbook on transnational crime",
       "editor": [{"family": "Boister", "given": "Neil"}, {"family": "Gless", "given": "Sabine"}],
       "publisher": "Edward Elgar", "publisher-place": "Cheltenham", "page": "250-270", "issued": {"date-parts": [[2019]]}},
      {"id": "chuang2014", "type": "article-journal", "author": [{"family": "Chuang", "given": "Janie A."}],
       "title": "Exploitation creep and the unmaking of human trafficking law",
       "container-title": "American Journal of International Law", "volume": "108", "issue": "4", "page": "609-649",
       "issued": {"date-parts": [[2014, 10]]}, "DOI": "10.5305/amerjintelaw.108.4.0609"},
      {"id": "osce2023", "type": "report", "author": [{"literal": "OSCE Office of the Special Representative for Combating Trafficking in Human Beings"}],
       "title": "Annual report 2022", "publisher": "OSCE", "publisher-place": "Vienna", "issued": {"date-parts": [[2023, 3, 15]]}},
      {"id": "rantsev2010", "type": "legal_case", "title": "Rantsev v. Cyprus and Russia",
       "authority": "European Court of Human Rights", "number": "25965/04", "issued": {"date-parts": [[2010, 1, 7]]}},
      {"id": "cets197", "type": "treaty", "title": "Council of Europe Convention on Action against Trafficking in Human Beings",
       "number": "CETS No. 197", "publisher-place": "Warsaw", "issued": {"date-parts": [[2005, 5, 16]]}},
      {"id": "unodc2023", "type": "webpage", "author": [{"literal": "United Nations Office on Drugs and Crime"}],
       "title": "Global report on trafficking in persons 2022", "container-title": "UNODC",
       "URL": "https://www.unodc.org/unodc/data-and-analysis/glotip.html",
       "issued": {"date-parts": [[2023, 1, 24]]}, "accessed": {"date-parts": [[2024, 3, 1]]}},
      {"id": "tiuriukanova2006", "type": "book", "author": [{"family": "Тюрюканова", "given": "Елена Викторовна"}],
       "title": "Торговля людьми в Российской Федерации", "publisher": "Юридическая литература",
       "publisher-place": "Москва", "issued": {"date-parts": [[2006]]}, "language": "ru"}
    ]
    """;
}
