// Given names and extra names appear in an author-date citation only where the cite would otherwise
// read the same as another cite of the bibliography. The bibliography below is one a paper on modern
// slavery might cite: edited volumes beside their editors' own books, two authors named Smith, a
// Kempadoo chapter in her own edited volume, two reports of one agency in one year, two four-author
// papers that share their first author and year. Expected strings
// are what citeproc-js prints for these items, each cited once, in these styles.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NameDisambiguationTests
{
    private const string Json = """
    [
      {"id": "eltis2011", "type": "book", "editor": [{"family": "Eltis", "given": "David"}, {"family": "Engerman", "given": "Stanley L."}], "title": "The Cambridge world history of slavery", "publisher": "Cambridge University Press", "publisher-place": "Cambridge", "issued": {"date-parts": [[2011], [2021]]}, "number-of-volumes": "4"},
      {"id": "eltis2000", "type": "book", "author": [{"family": "Eltis", "given": "David"}], "title": "The rise of African slavery in the Americas", "publisher": "Cambridge University Press", "issued": {"date-parts": [[2000]]}},
      {"id": "engerman1974", "type": "book", "author": [{"family": "Fogel", "given": "Robert William"}, {"family": "Engerman", "given": "Stanley L."}], "title": "Time on the cross", "publisher": "Little, Brown", "issued": {"date-parts": [[1974]]}},
      {"id": "eltis2008", "type": "chapter", "author": [{"family": "Eltis", "given": "David"}, {"family": "Richardson", "given": "David"}], "title": "A new assessment of the transatlantic slave trade", "container-title": "Extending the frontiers", "editor": [{"family": "Eltis", "given": "David"}, {"family": "Richardson", "given": "David"}], "publisher": "Yale University Press", "issued": {"date-parts": [[2008]]}},
      {"id": "kempadoo2005", "type": "book", "editor": [{"family": "Kempadoo", "given": "Kamala"}, {"family": "Sanghera", "given": "Jyoti"}, {"family": "Pattanaik", "given": "Bandana"}], "title": "Trafficking and prostitution reconsidered", "publisher": "Paradigm", "issued": {"date-parts": [[2005]]}},
      {"id": "kempadoo2005b", "type": "chapter", "author": [{"family": "Kempadoo", "given": "Kamala"}], "title": "From moral panic to global justice", "container-title": "Trafficking and prostitution reconsidered", "editor": [{"family": "Kempadoo", "given": "Kamala"}, {"family": "Sanghera", "given": "Jyoti"}, {"family": "Pattanaik", "given": "Bandana"}], "publisher": "Paradigm", "page": "vii-xxxiv", "issued": {"date-parts": [[2005]]}},
      {"id": "kempadoo1998", "type": "book", "editor": [{"family": "Kempadoo", "given": "Kamala"}, {"family": "Doezema", "given": "Jo"}], "title": "Global sex workers", "publisher": "Routledge", "issued": {"date-parts": [[1998]]}},
      {"id": "doezema2010", "type": "book", "author": [{"family": "Doezema", "given": "Jo"}], "title": "Sex slaves and discourse masters", "publisher": "Zed Books", "issued": {"date-parts": [[2010]]}},
      {"id": "bales2012", "type": "book", "author": [{"family": "Bales", "given": "Kevin"}], "title": "Disposable people", "publisher": "University of California Press", "issued": {"date-parts": [[2012]]}},
      {"id": "bales2005", "type": "book", "author": [{"family": "Bales", "given": "Kevin"}], "title": "Understanding global slavery", "publisher": "University of California Press", "issued": {"date-parts": [[2005]]}},
      {"id": "bales2005b", "type": "book", "editor": [{"family": "Bales", "given": "Kevin"}], "title": "Ending slavery", "publisher": "University of California Press", "issued": {"date-parts": [[2005]]}},
      {"id": "gallagher2010", "type": "book", "author": [{"family": "Gallagher", "given": "Anne T."}], "title": "The international law of human trafficking", "publisher": "Cambridge University Press", "issued": {"date-parts": [[2010]]}},
      {"id": "gallagher2010b", "type": "article-journal", "author": [{"family": "Gallagher", "given": "Anne T."}, {"family": "Holmes", "given": "Paul"}], "title": "Developing an effective criminal justice response", "container-title": "International Criminal Justice Review", "volume": "18", "page": "318-343", "issued": {"date-parts": [[2010]]}},
      {"id": "chuang2014", "type": "article-journal", "author": [{"family": "Chuang", "given": "Janie A."}], "title": "Exploitation creep", "container-title": "American Journal of International Law", "volume": "108", "page": "609-649", "issued": {"date-parts": [[2014]]}},
      {"id": "chuang2006", "type": "article-journal", "author": [{"family": "Chuang", "given": "Janie"}], "title": "Beyond a snapshot", "container-title": "Indiana Journal of Global Legal Studies", "volume": "13", "page": "137-163", "issued": {"date-parts": [[2006]]}},
      {"id": "smith2001", "type": "article-journal", "author": [{"family": "Smith", "given": "John"}, {"family": "Jones", "given": "Mary"}, {"family": "Brown", "given": "Peter"}], "title": "Forced labour in agriculture", "container-title": "Journal of Rural Studies", "volume": "17", "page": "1-10", "issued": {"date-parts": [[2001]]}},
      {"id": "smith2001b", "type": "article-journal", "author": [{"family": "Smith", "given": "John"}, {"family": "Lee", "given": "Ann"}, {"family": "Brown", "given": "Peter"}], "title": "Migration and servitude", "container-title": "Journal of Rural Studies", "volume": "17", "page": "11-20", "issued": {"date-parts": [[2001]]}},
      {"id": "smith2003", "type": "article-journal", "author": [{"family": "Smith", "given": "Adam"}], "title": "Servitude", "container-title": "Journal of Rural Studies", "volume": "19", "page": "11-20", "issued": {"date-parts": [[2003]]}},
      {"id": "smith2003b", "type": "article-journal", "author": [{"family": "Smith", "given": "Anna"}], "title": "Bondage", "container-title": "Journal of Rural Studies", "volume": "19", "page": "21-30", "issued": {"date-parts": [[2003]]}},
      {"id": "unodc2023", "type": "report", "author": [{"literal": "United Nations Office on Drugs and Crime"}], "title": "Global report on trafficking in persons 2022", "publisher": "United Nations", "issued": {"date-parts": [[2023]]}},
      {"id": "unodc2023b", "type": "report", "author": [{"literal": "United Nations Office on Drugs and Crime"}], "title": "Annual report 2022", "publisher": "United Nations", "issued": {"date-parts": [[2023]]}},
      {"id": "obrien2013", "type": "article-journal", "author": [{"family": "O'Brien", "given": "Erin"}, {"family": "Hayes", "given": "Sharon"}, {"family": "Carpenter", "given": "Belinda"}], "title": "The politics of sex trafficking", "container-title": "Journal", "issued": {"date-parts": [[2013]]}},
      {"id": "obrien2013b", "type": "article-journal", "author": [{"family": "O'Brien", "given": "Erin"}, {"family": "Wilson", "given": "Michael"}], "title": "Clinton, Bush and Obama", "container-title": "Journal", "issued": {"date-parts": [[2013]]}},
      {"id": "white2019", "type": "article-journal", "author": [{"family": "White", "given": "John"}, {"family": "Jones", "given": "Mary"}, {"family": "Brown", "given": "Peter"}, {"family": "Green", "given": "Paula"}], "title": "Debt bondage in brick kilns", "container-title": "World Development", "volume": "120", "page": "1-12", "issued": {"date-parts": [[2019]]}},
      {"id": "white2019b", "type": "article-journal", "author": [{"family": "White", "given": "John"}, {"family": "Lee", "given": "Ann"}, {"family": "Brown", "given": "Peter"}, {"family": "Green", "given": "Paula"}], "title": "Labour brokers", "container-title": "World Development", "volume": "121", "page": "13-24", "issued": {"date-parts": [[2019]]}}
    ]
    """;

    private static void AssertCitations(string style, params string[] expected)
    {
        var (cites, _) = NameSubstitutionTests.Render(style, Json);
        var ids = CslJsonReader.Read(new SourceText("items.json", Json)).References.Select(r => r.Id);
        Assert.Equal(expected, ids.Select(id => cites[id]).ToArray());
    }

    [Fact]
    public void Apa()
    {
        AssertCitations("apa.csl",
            "(Eltis & Engerman, 2011–2021)",
            "(Eltis, 2000)",
            "(Fogel & Engerman, 1974)",
            "(Eltis & Richardson, 2008)",
            "(Kempadoo et al., 2005)",
            "(Kempadoo, 2005)",
            "(Kempadoo & Doezema, 1998)",
            "(Doezema, 2010)",
            "(Bales, 2012)",
            "(Bales, 2005b)",
            "(Bales, 2005a)",
            "(Gallagher, 2010)",
            "(Gallagher & Holmes, 2010)",
            "(J. A. Chuang, 2014)",
            "(J. Chuang, 2006)",
            "(J. Smith, Jones, et al., 2001)",
            "(J. Smith, Lee, et al., 2001)",
            "(A. Smith, 2003b)",
            "(A. Smith, 2003a)",
            "(United Nations Office on Drugs and Crime, 2023b)",
            "(United Nations Office on Drugs and Crime, 2023a)",
            "(O’Brien et al., 2013)",
            "(O’Brien & Wilson, 2013)",
            "(White, Jones, et al., 2019)",
            "(White, Lee, et al., 2019)");
    }

    [Fact]
    public void ChicagoAuthorDate()
    {
        AssertCitations("chicago-author-date.csl",
            "(Eltis and Engerman 2011–2021)",
            "(Eltis 2000)",
            "(Fogel and Engerman 1974)",
            "(Eltis and Richardson 2008)",
            "(Kempadoo et al. 2005)",
            "(Kempadoo 2005)",
            "(Kempadoo and Doezema 1998)",
            "(Doezema 2010)",
            "(Bales 2012)",
            "(Bales 2005b)",
            "(Bales 2005a)",
            "(Gallagher 2010)",
            "(Gallagher and Holmes 2010)",
            "(J. A. Chuang 2014)",
            "(J. Chuang 2006)",
            "(J. Smith, Jones, et al. 2001)",
            "(J. Smith, Lee, et al. 2001)",
            "(Adam Smith 2003)",
            "(Anna Smith 2003)",
            "(United Nations Office on Drugs and Crime 2023b)",
            "(United Nations Office on Drugs and Crime 2023a)",
            "(O’Brien et al. 2013)",
            "(O’Brien and Wilson 2013)",
            "(White, Jones, et al. 2019)",
            "(White, Lee, et al. 2019)");
    }

    // Bales 2005 (his book) and Bales 2005 (a volume he edited) are by the same person: initials cannot
    // tell them apart, only the year suffix can (the editor stands in the author's place).
    [Fact]
    public void HarvardCiteThemRight()
    {
        AssertCitations("harvard-cite-them-right.csl",
            "(Eltis and Engerman, 2011–2021)",
            "(Eltis, 2000)",
            "(Fogel and Engerman, 1974)",
            "(Eltis and Richardson, 2008)",
            "(Kempadoo, Sanghera and Pattanaik, 2005)",
            "(Kempadoo, 2005)",
            "(Kempadoo and Doezema, 1998)",
            "(Doezema, 2010)",
            "(Bales, 2012)",
            "(Bales, 2005b)",
            "(Bales, 2005a)",
            "(Gallagher, 2010)",
            "(Gallagher and Holmes, 2010)",
            "(Chuang, 2014)",
            "(Chuang, 2006)",
            "(Smith, Jones and Brown, 2001)",
            "(Smith, Lee and Brown, 2001)",
            "(Adam Smith, 2003)",
            "(Anna Smith, 2003)",
            "(United Nations Office on Drugs and Crime, 2023b)",
            "(United Nations Office on Drugs and Crime, 2023a)",
            "(O’Brien, Hayes and Carpenter, 2013)",
            "(O’Brien and Wilson, 2013)",
            "(White, Jones, et al., 2019)",
            "(White, Lee, et al., 2019)");
    }

    [Fact]
    public void ElsevierHarvard()
    {
        AssertCitations("elsevier-harvard.csl",
            "(Eltis and Engerman, 2011–2021)",
            "(Eltis, 2000)",
            "(Fogel and Engerman, 1974)",
            "(Eltis and Richardson, 2008)",
            "(Kempadoo et al., 2005)",
            "(Kempadoo, 2005)",
            "(Kempadoo and Doezema, 1998)",
            "(Doezema, 2010)",
            "(Bales, 2012)",
            "(Bales, 2005a)",
            "(Bales, 2005b)",
            "(Gallagher, 2010)",
            "(Gallagher and Holmes, 2010)",
            "(Chuang, 2014)",
            "(Chuang, 2006)",
            "(Smith et al., 2001a)",
            "(Smith et al., 2001b)",
            "(Adam Smith, 2003)",
            "(Anna Smith, 2003)",
            "(United Nations Office on Drugs and Crime, 2023a)",
            "(United Nations Office on Drugs and Crime, 2023b)",
            "(O’Brien et al., 2013)",
            "(O’Brien and Wilson, 2013)",
            "(White et al., 2019a)",
            "(White et al., 2019b)");
    }

    [Fact]
    public void SpringerBasicAuthorDate()
    {
        AssertCitations("springer-basic-author-date.csl",
            "(Eltis and Engerman 2011–2021)",
            "(Eltis 2000)",
            "(Fogel and Engerman 1974)",
            "(Eltis and Richardson 2008)",
            "(Kempadoo et al. 2005)",
            "(Kempadoo 2005)",
            "(Kempadoo and Doezema 1998)",
            "(Doezema 2010)",
            "(Bales 2012)",
            "(Bales 2005a)",
            "(Bales 2005b)",
            "(Gallagher 2010)",
            "(Gallagher and Holmes 2010)",
            "(Chuang 2014)",
            "(Chuang 2006)",
            "(Smith et al. 2001a)",
            "(Smith et al. 2001b)",
            "(Smith 2003a)",
            "(Smith 2003b)",
            "(United Nations Office on Drugs and Crime 2023a)",
            "(United Nations Office on Drugs and Crime 2023b)",
            "(O’Brien et al. 2013)",
            "(O’Brien and Wilson 2013)",
            "(White et al. 2019a)",
            "(White et al. 2019b)");
    }

    // The bibliography entry shows a name as fully as its cite needed ("Adam Smith 2003" → "Smith, Adam"),
    // and at least as many names as the cite (harvard-cite-them-right truncates both after one name).
    [Theory]
    [InlineData("harvard-cite-them-right.csl", "smith2003", "Smith, Adam (2003) “Servitude,” Journal of Rural Studies, 19, pp. 11–20.")]
    [InlineData("harvard-cite-them-right.csl", "smith2003b", "Smith, Anna (2003) “Bondage,” Journal of Rural Studies, 19, pp. 21–30.")]
    [InlineData("harvard-cite-them-right.csl", "white2019", "White, J., Jones, M., et al. (2019) “Debt bondage in brick kilns,” World Development, 120, pp. 1–12.")]
    [InlineData("harvard-cite-them-right.csl", "white2019b", "White, J., Lee, A., et al. (2019) “Labour brokers,” World Development, 121, pp. 13–24.")]
    [InlineData("elsevier-harvard.csl", "smith2003", "Smith, Adam, 2003. Servitude. Journal of Rural Studies 19, 11–20.")]
    [InlineData("elsevier-harvard.csl", "smith2001", "Smith, J., Jones, M., Brown, P., 2001a. Forced labour in agriculture. Journal of Rural Studies 17, 1–10.")]
    public void Bibliography_entry_follows_its_disambiguated_cite(string style, string id, string expected)
    {
        var (_, entries) = NameSubstitutionTests.Render(style, Json);
        Assert.Equal(expected, entries[id]);
    }
}
