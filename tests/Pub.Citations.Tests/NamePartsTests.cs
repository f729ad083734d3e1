// Names with particles ("van der Berg", "Jean de La Fontaine", "d'Alembert", "al-Hassan"), suffixes
// (also in a style that writes initials without periods), hyphenated and Cyrillic given names, an
// institution and a Japanese name, in the bibliography and in citations. Expected strings are what
// citeproc-js prints for these items in these styles (the IEEE number is joined to its entry in plain
// text, where citeproc-js's text output puts a space).
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NamePartsTests
{
    private const string Json = """
    [
      {"id": "vanderberg", "type": "book", "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}], "title": "Migratie", "publisher": "Boom", "issued": {"date-parts": [[2010]]}},
      {"id": "degaulle", "type": "book", "author": [{"family": "de Gaulle", "given": "Charles"}], "title": "Mémoires de guerre", "publisher": "Plon", "issued": {"date-parts": [[1954]]}},
      {"id": "vanparsed", "type": "book", "author": [{"family": "van Gogh", "given": "Vincent"}], "title": "Letters", "publisher": "Thames", "issued": {"date-parts": [[1996]]}},
      {"id": "lafontaine", "type": "book", "author": [{"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"}], "title": "Fables", "publisher": "Barbin", "issued": {"date-parts": [[1668]]}},
      {"id": "ivanov", "type": "book", "author": [{"family": "Иванов", "given": "Иван Иванович"}], "title": "Миграция", "publisher": "Наука", "issued": {"date-parts": [[2001]]}, "language": "ru"},
      {"id": "petrov", "type": "book", "author": [{"family": "Петров", "given": "П.П."}, {"family": "Сидоров", "given": "С. С."}], "title": "Рабство", "publisher": "Наука", "issued": {"date-parts": [[2002]]}, "language": "ru"},
      {"id": "sartre", "type": "book", "author": [{"family": "Sartre", "given": "Jean-Paul"}], "title": "Being and nothingness", "publisher": "Methuen", "issued": {"date-parts": [[1957]]}},
      {"id": "king", "type": "book", "author": [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}], "title": "Why we can't wait", "publisher": "Harper", "issued": {"date-parts": [[1964]]}},
      {"id": "dalembert", "type": "book", "author": [{"family": "d'Alembert", "given": "Jean"}], "title": "Discours", "publisher": "Briasson", "issued": {"date-parts": [[1751]]}},
      {"id": "alhassan", "type": "book", "author": [{"family": "al-Hassan", "given": "Ahmad Y."}], "title": "Technology", "publisher": "UNESCO", "issued": {"date-parts": [[2001]]}},
      {"id": "unesco", "type": "report", "author": [{"literal": "UNESCO Institute for Statistics"}], "title": "Report", "publisher": "UIS", "issued": {"date-parts": [[2019]]}},
      {"id": "many", "type": "article-journal", "author": [{"family": "Alpha", "given": "A."}, {"family": "Beta", "given": "B."}, {"family": "Gamma", "given": "G."}, {"family": "Delta", "given": "D."}, {"family": "Epsilon", "given": "E."}, {"family": "Zeta", "given": "Z."}, {"family": "Eta", "given": "E."}, {"family": "Theta", "given": "T."}], "title": "Many authors", "container-title": "J", "volume": "1", "page": "1-2", "issued": {"date-parts": [[2020]]}},
      {"id": "jp", "type": "book", "author": [{"family": "村上", "given": "春樹"}], "title": "ノルウェイの森", "publisher": "講談社", "issued": {"date-parts": [[1987]]}, "language": "ja"}
    ]
    """;

    [Theory]
    [InlineData("chicago-author-date.csl", "dalembert", "Alembert, Jean d’. 1751. Discours. Briasson.")]
    [InlineData("chicago-author-date.csl", "many", "Alpha, A., B. Beta, G. Gamma, et al. 2020. “Many Authors.” J 1: 1–2.")]
    [InlineData("chicago-author-date.csl", "vanderberg", "Berg, Jan van der. 2010. Migratie. Boom.")]
    [InlineData("chicago-author-date.csl", "degaulle", "Gaulle, Charles de. 1954. Mémoires de Guerre. Plon.")]
    [InlineData("chicago-author-date.csl", "vanparsed", "Gogh, Vincent van. 1996. Letters. Thames.")]
    [InlineData("chicago-author-date.csl", "alhassan", "Hassan, Ahmad Y. al-. 2001. Technology. UNESCO.")]
    [InlineData("chicago-author-date.csl", "king", "King, Martin Luther, Jr. 1964. Why We Can’t Wait. Harper.")]
    [InlineData("chicago-author-date.csl", "lafontaine", "La Fontaine, Jean de. 1668. Fables. Barbin.")]
    [InlineData("chicago-author-date.csl", "sartre", "Sartre, Jean-Paul. 1957. Being and Nothingness. Methuen.")]
    [InlineData("chicago-author-date.csl", "unesco", "UNESCO Institute for Statistics. 2019. Report. UIS.")]
    [InlineData("chicago-author-date.csl", "ivanov", "Иванов, Иван Иванович. 2001. Миграция. Наука.")]
    [InlineData("chicago-author-date.csl", "petrov", "Петров, П. П., and С. С. Сидоров. 2002. Рабство. Наука.")]
    [InlineData("chicago-author-date.csl", "jp", "村上春樹. 1987. ノルウェイの森. 講談社.")]
    [InlineData("apa.csl", "alhassan", "al-Hassan, A. Y. (2001). Technology. UNESCO.")]
    [InlineData("apa.csl", "many", "Alpha, A., Beta, B., Gamma, G., Delta, D., Epsilon, E., Zeta, Z., Eta, E., & Theta, T. (2020). Many authors. J, 1, 1–2.")]
    [InlineData("apa.csl", "dalembert", "d’Alembert, J. (1751). Discours. Briasson.")]
    [InlineData("apa.csl", "degaulle", "de Gaulle, C. (1954). Mémoires de guerre. Plon.")]
    [InlineData("apa.csl", "king", "King, M. L., Jr. (1964). Why we can’t wait. Harper.")]
    [InlineData("apa.csl", "lafontaine", "La Fontaine, J. de. (1668). Fables. Barbin.")]
    [InlineData("apa.csl", "sartre", "Sartre, J.-P. (1957). Being and nothingness. Methuen.")]
    [InlineData("apa.csl", "unesco", "UNESCO Institute for Statistics. (2019). Report. UIS.")]
    [InlineData("apa.csl", "vanderberg", "van der Berg, J. (2010). Migratie. Boom.")]
    [InlineData("apa.csl", "vanparsed", "van Gogh, V. (1996). Letters. Thames.")]
    [InlineData("apa.csl", "ivanov", "Иванов, И. И. (2001). Миграция. Наука.")]
    [InlineData("apa.csl", "petrov", "Петров, П. П., & Сидоров, С. С. (2002). Рабство. Наука.")]
    [InlineData("apa.csl", "jp", "村上春樹. (1987). ノルウェイの森. 講談社.")]
    [InlineData("ieee.csl", "vanderberg", "[1]J. van der Berg, Migratie. Boom, 2010.")]
    [InlineData("ieee.csl", "degaulle", "[2]C. de Gaulle, Mémoires de guerre. Plon, 1954.")]
    [InlineData("ieee.csl", "vanparsed", "[3]V. van Gogh, Letters. Thames, 1996.")]
    [InlineData("ieee.csl", "lafontaine", "[4]J. de La Fontaine, Fables. Barbin, 1668.")]
    [InlineData("ieee.csl", "ivanov", "[5]И. И. Иванов, Миграция. Наука, 2001.")]
    [InlineData("ieee.csl", "petrov", "[6]П. П. Петров and С. С. Сидоров, Рабство. Наука, 2002.")]
    [InlineData("ieee.csl", "sartre", "[7]J.-P. Sartre, Being and nothingness. Methuen, 1957.")]
    [InlineData("ieee.csl", "king", "[8]M. L. King Jr., Why we can’t wait. Harper, 1964.")]
    [InlineData("ieee.csl", "dalembert", "[9]J. d’Alembert, Discours. Briasson, 1751.")]
    [InlineData("ieee.csl", "alhassan", "[10]A. Y. al-Hassan, Technology. UNESCO, 2001.")]
    [InlineData("ieee.csl", "unesco", "[11]UNESCO Institute for Statistics, “Report,” UIS, 2019.")]
    [InlineData("ieee.csl", "many", "[12]A. Alpha et al., “Many authors,” J, vol. 1, pp. 1–2, 2020.")]
    [InlineData("ieee.csl", "jp", "[13]村上春樹, ノルウェイの森. 講談社, 1987.")]
    [InlineData("oscola.csl", "king", "King ML Jr, Why We Can’t Wait (Harper 1964)")]
    public void Bibliography_entry(string style, string id, string expected)
    {
        var (_, entries) = NameSubstitutionTests.Render(style, Json);
        Assert.Equal(expected, entries[id]);
    }

    [Theory]
    [InlineData("chicago-author-date.csl", "vanderberg", "(van der Berg 2010)")]
    [InlineData("chicago-author-date.csl", "degaulle", "(de Gaulle 1954)")]
    [InlineData("chicago-author-date.csl", "vanparsed", "(van Gogh 1996)")]
    [InlineData("chicago-author-date.csl", "lafontaine", "(La Fontaine 1668)")]
    [InlineData("chicago-author-date.csl", "ivanov", "(Иванов 2001)")]
    [InlineData("chicago-author-date.csl", "petrov", "(Петров and Сидоров 2002)")]
    [InlineData("chicago-author-date.csl", "sartre", "(Sartre 1957)")]
    [InlineData("chicago-author-date.csl", "king", "(King 1964)")]
    [InlineData("chicago-author-date.csl", "dalembert", "(d’Alembert 1751)")]
    [InlineData("chicago-author-date.csl", "alhassan", "(al-Hassan 2001)")]
    [InlineData("chicago-author-date.csl", "unesco", "(UNESCO Institute for Statistics 2019)")]
    [InlineData("chicago-author-date.csl", "many", "(Alpha et al. 2020)")]
    [InlineData("chicago-author-date.csl", "jp", "(村上 1987)")]
    [InlineData("gost-r-7-0-5-2008.csl", "vanderberg", "[Berg van der, 2010]")]
    [InlineData("gost-r-7-0-5-2008.csl", "dalembert", "[Alembert d’, 1751]")]
    [InlineData("gost-r-7-0-5-2008.csl", "alhassan", "[Hassan al-, 2001]")]
    [InlineData("gost-r-7-0-5-2008.csl", "lafontaine", "[La Fontaine, 1668]")]
    [InlineData("gost-r-7-0-5-2008.csl", "petrov", "[Петров, Сидоров, 2002]")]
    [InlineData("oscola.csl", "king", "Martin Luther King Jr, Why We Can’t Wait (Harper 1964).")]
    public void Citation(string style, string id, string expected)
    {
        var (cites, _) = NameSubstitutionTests.Render(style, Json);
        Assert.Equal(expected, cites[id]);
    }

    private const string Particles = """
    [
      {"id": "devries", "type": "book", "author": [{"family": "Vries", "given": "Ingrid", "non-dropping-particle": "de"}, {"family": "Leun", "given": "Joanne", "non-dropping-particle": "van der"}], "title": "Labour", "publisher": "Boom", "issued": {"date-parts": [[2018]]}},
      {"id": "lafontaine", "type": "book", "author": [{"family": "La Fontaine", "given": "Jean", "dropping-particle": "de"}], "title": "Fables", "publisher": "Barbin", "issued": {"date-parts": [[1668]]}},
      {"id": "dalembert", "type": "book", "author": [{"family": "Alembert", "given": "Jean", "non-dropping-particle": "d'"}], "title": "Discours", "publisher": "Briasson", "issued": {"date-parts": [[1751]]}}
    ]
    """;

    /// <summary>In French, Russian and Czech output a particle and the family name are joined by a
    /// no-break space; a demoted particle after the given names and an apostrophe keep their joins.</summary>
    [Theory]
    [InlineData("apa.csl", "fr-FR", "(de\u00A0Vries & van der\u00A0Leun, 2018)", "de\u00A0Vries, I., & van der\u00A0Leun, J. (2018). Labour. Boom.")]
    [InlineData("apa.csl", "ru-RU", "(de\u00A0Vries & van der\u00A0Leun, 2018)", "de\u00A0Vries, I., & van der\u00A0Leun, J. (2018). Labour. Boom.")]
    [InlineData("apa.csl", "en-US", "(de Vries & van der Leun, 2018)", "de Vries, I., & van der Leun, J. (2018). Labour. Boom.")]
    [InlineData("chicago-author-date.csl", "fr-FR", "(de\u00A0Vries et van der\u00A0Leun 2018)", "Vries, Ingrid de, et Joanne van der\u00A0Leun. 2018. Labour. Boom.")]
    [InlineData("ieee.csl", "fr-FR", "[1]", "[1]I. de\u00A0Vries et J. van der\u00A0Leun, Labour. Boom, 2018.")]
    public void A_particle_is_tied_to_the_family_name_in_French_and_Russian(string style, string lang, string cite, string entry)
    {
        var rendered = RealStyle.Render(style, Particles, lang);
        Assert.Equal(cite, rendered.Citations[0]);
        Assert.Equal(entry, rendered.Bibliography["devries"]);
    }

    [Theory]
    [InlineData("ieee.csl", "lafontaine", "[2]J. de\u00A0La Fontaine, Fables. Barbin, 1668.")]
    [InlineData("ieee.csl", "dalembert", "[3]J. d’Alembert, Discours. Briasson, 1751.")]
    [InlineData("chicago-author-date.csl", "lafontaine", "La Fontaine, Jean de. 1668. Fables. Barbin.")]
    [InlineData("chicago-author-date.csl", "dalembert", "Alembert, Jean d’. 1751. Discours. Briasson.")]
    public void A_dropping_particle_in_display_order_is_tied_too_but_an_apostrophe_joins_without_a_space(string style, string id, string entry)
    {
        Assert.Equal(entry, RealStyle.Render(style, Particles, "fr-FR").Bibliography[id]);
    }

    [Fact]
    public void A_hyphenated_particle_is_demoted_and_sorted_with_the_family_name()
    {
        var order = NameSubstitutionTests.BibliographyOrder("chicago-author-date.csl", Json).ToList();
        Assert.True(order.IndexOf("degaulle") < order.IndexOf("alhassan") && order.IndexOf("alhassan") < order.IndexOf("king"));
    }
}
