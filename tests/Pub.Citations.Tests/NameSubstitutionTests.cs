// Works without an author: edited volumes, a translation, an editor who is also the translator, a
// corporate editor. The styles put their editors or translators in the author's place through
// cs:substitute; the substituted names keep the author's name options and get the role label.
// Expected strings are what citeproc-js prints for the same items in the same styles. A bibliography
// in a style with second-field-align joins the number to the entry in plain text, where citeproc-js's
// text output puts a space between them.
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NameSubstitutionTests
{
    private const string Json = """
    [
      {"id": "kempadoo2005", "type": "book",
       "editor": [{"family": "Kempadoo", "given": "Kamala"}, {"family": "Sanghera", "given": "Jyoti"}, {"family": "Pattanaik", "given": "Bandana"}],
       "title": "Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights",
       "publisher": "Paradigm", "publisher-place": "Boulder", "issued": {"date-parts": [[2005]]}},
      {"id": "kempadoo1998", "type": "book", "editor": [{"family": "Kempadoo", "given": "Kamala"}, {"family": "Doezema", "given": "Jo"}],
       "title": "Global sex workers: rights, resistance, and redefinition", "publisher": "Routledge", "publisher-place": "New York",
       "issued": {"date-parts": [[1998]]}},
      {"id": "eltis2011", "type": "book", "editor": [{"family": "Eltis", "given": "David"}, {"family": "Engerman", "given": "Stanley L."}],
       "title": "The Cambridge world history of slavery", "publisher": "Cambridge University Press", "publisher-place": "Cambridge",
       "issued": {"date-parts": [[2011]]}, "number-of-volumes": "4"},
      {"id": "eltis2000", "type": "book", "author": [{"family": "Eltis", "given": "David"}],
       "title": "The rise of African slavery in the Americas", "publisher": "Cambridge University Press", "publisher-place": "Cambridge",
       "issued": {"date-parts": [[2000]]}},
      {"id": "bales2012", "type": "book", "author": [{"family": "Bales", "given": "Kevin"}],
       "title": "Disposable people: new slavery in the global economy", "edition": "3", "publisher": "University of California Press",
       "publisher-place": "Berkeley", "issued": {"date-parts": [[2012]]}},
      {"id": "gallagher2019", "type": "chapter", "author": [{"family": "Gallagher", "given": "Anne T."}],
       "title": "Trafficking in persons and international law", "container-title": "Research handbook on transnational crime",
       "editor": [{"family": "Boister", "given": "Neil"}, {"family": "Gless", "given": "Sabine"}],
       "publisher": "Edward Elgar", "publisher-place": "Cheltenham", "page": "250-270", "issued": {"date-parts": [[2019]]}},
      {"id": "homer", "type": "book", "translator": [{"family": "Fagles", "given": "Robert"}], "title": "The Odyssey",
       "publisher": "Penguin", "publisher-place": "New York", "issued": {"date-parts": [[1996]]}},
      {"id": "weiss2015", "type": "book", "editor": [{"family": "Weiss", "given": "Anna"}], "translator": [{"family": "Weiss", "given": "Anna"}],
       "title": "Selected writings on servitude", "publisher": "Verso", "publisher-place": "London", "issued": {"date-parts": [[2015]]}},
      {"id": "unesco2012", "type": "book", "editor": [{"literal": "UNESCO"}],
       "title": "Human trafficking in South Africa: root causes and recommendations", "publisher": "UNESCO", "publisher-place": "Paris",
       "issued": {"date-parts": [[2012]]}}
    ]
    """;

    /// <summary>Each item cited once, in its own note, in the order above; the bibliography is keyed by item.</summary>
    internal static (Dictionary<string, string> Cites, Dictionary<string, string> Entries) Render(string styleFile, string json)
    {
        var (ids, result) = Process(styleFile, json);
        var cites = ids.Zip(result.Citations).ToDictionary(p => p.First, p => p.Second.Text.ToPlainText(), StringComparer.Ordinal);
        var entries = result.Bibliography?.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText().Trim(), StringComparer.Ordinal) ?? [];
        return (cites, entries);
    }

    internal static IReadOnlyList<string> BibliographyOrder(string styleFile, string json) =>
        [.. Process(styleFile, json).Result.Bibliography?.Entries.Select(e => e.Id) ?? []];

    private static (List<string> Ids, CslResult Result) Process(string styleFile, string json)
    {
        var csl = SharedData.CslFolder();
        var bag = new DiagnosticBag();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", styleFile), bag, Path.Combine(csl, "styles"));
        Assert.NotNull(style);
        var refs = CslJsonReader.Read(new SourceText("items.json", json));
        Assert.Empty(refs.Diagnostics);
        var ids = refs.References.Select(r => r.Id).ToList();
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), refs.References);
        var clusters = ids.Select((id, i) => new CitationCluster("c" + id, [new CitationItem(id)], i + 1)).ToList();
        var result = processor.Process(clusters, new ProcessOptions { Register = ids });
        Assert.Empty(result.Diagnostics);
        return (ids, result);
    }

    [Theory]
    [InlineData("chicago-author-date.csl", "kempadoo2005", "(Kempadoo et al. 2005)")]
    [InlineData("chicago-author-date.csl", "eltis2011", "(Eltis and Engerman 2011)")]
    [InlineData("chicago-author-date.csl", "homer", "(Fagles 1996)")]
    [InlineData("chicago-author-date.csl", "weiss2015", "(Weiss 2015)")]
    [InlineData("chicago-notes-bibliography.csl", "kempadoo2005", "Kamala Kempadoo et al., eds., Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights (Paradigm, 2005).")]
    [InlineData("chicago-notes-bibliography.csl", "homer", "Robert Fagles, trans., The Odyssey (Penguin, 1996).")]
    [InlineData("chicago-notes-bibliography.csl", "weiss2015", "Anna Weiss, ed., Selected Writings on Servitude, trans. Anna Weiss (Verso, 2015).")]
    [InlineData("apa.csl", "kempadoo2005", "(Kempadoo et al., 2005)")]
    [InlineData("apa.csl", "eltis2011", "(Eltis & Engerman, 2011)")]
    [InlineData("modern-language-association.csl", "kempadoo2005", "(Kempadoo et al.)")]
    [InlineData("harvard-cite-them-right.csl", "kempadoo2005", "(Kempadoo, Sanghera and Pattanaik, 2005)")]
    [InlineData("oscola.csl", "kempadoo2005", "Kamala Kempadoo, Jyoti Sanghera and Bandana Pattanaik (eds), Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights (Paradigm 2005).")]
    [InlineData("oscola.csl", "homer", "Robert Fagles (tr), The Odyssey (Penguin 1996).")]
    [InlineData("oscola.csl", "weiss2015", "Anna Weiss (ed), Selected Writings on Servitude (Anna Weiss tr, Verso 2015).")]
    [InlineData("oscola.csl", "unesco2012", "UNESCO (ed), Human Trafficking in South Africa: Root Causes and Recommendations (UNESCO 2012).")]
    public void Citation_of_a_work_without_author(string style, string id, string expected)
    {
        var (cites, _) = Render(style, Json);
        Assert.Equal(expected, cites[id]);
    }

    [Theory]
    [InlineData("chicago-author-date.csl", "kempadoo2005", "Kempadoo, Kamala, Jyoti Sanghera, and Bandana Pattanaik, eds. 2005. Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights. Paradigm.")]
    [InlineData("chicago-author-date.csl", "eltis2011", "Eltis, David, and Stanley L. Engerman, eds. 2011. The Cambridge World History of Slavery. 4 vols. Cambridge University Press.")]
    [InlineData("chicago-author-date.csl", "homer", "Fagles, Robert, trans. 1996. The Odyssey. Penguin.")]
    [InlineData("chicago-author-date.csl", "weiss2015", "Weiss, Anna, ed. 2015. Selected Writings on Servitude. Translated by Anna Weiss. Verso.")]
    [InlineData("chicago-author-date.csl", "unesco2012", "UNESCO, ed. 2012. Human Trafficking in South Africa: Root Causes and Recommendations. UNESCO.")]
    [InlineData("chicago-notes-bibliography.csl", "kempadoo2005", "Kempadoo, Kamala, Jyoti Sanghera, and Bandana Pattanaik, eds. Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights. Paradigm, 2005.")]
    [InlineData("apa.csl", "kempadoo2005", "Kempadoo, K., Sanghera, J., & Pattanaik, B. (Eds.). (2005). Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Paradigm.")]
    [InlineData("apa.csl", "unesco2012", "UNESCO (Ed.). (2012). Human trafficking in South Africa: root causes and recommendations. UNESCO.")]
    [InlineData("apa.csl", "weiss2015", "Weiss, A. (Ed.). (2015). Selected writings on servitude (A. Weiss, Trans.). Verso.")]
    [InlineData("modern-language-association.csl", "kempadoo2005", "Kempadoo, Kamala, et al., editors. Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights. Paradigm, 2005.")]
    [InlineData("modern-language-association.csl", "homer", "Fagles, Robert, translator. The Odyssey. Penguin, 1996.")]
    [InlineData("harvard-cite-them-right.csl", "kempadoo2005", "Kempadoo, K., Sanghera, J. and Pattanaik, B. (eds.) (2005) Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Boulder: Paradigm.")]
    [InlineData("harvard-cite-them-right.csl", "homer", "Fagles, R. (trans.) (1996) The Odyssey. New York: Penguin.")]
    [InlineData("oscola.csl", "weiss2015", "Weiss A (ed), Selected Writings on Servitude (Anna Weiss tr, Verso 2015)")]
    [InlineData("nlm-citation-sequence.csl", "kempadoo2005", "1.Kempadoo K, Sanghera J, Pattanaik B, editors. Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Boulder: Paradigm; 2005.")]
    [InlineData("nlm-citation-sequence.csl", "gallagher2019", "6.Gallagher AT. Trafficking in persons and international law. In: Boister N, Gless S, editors. Research handbook on transnational crime. Cheltenham: Edward Elgar; 2019. p. 250–70.")]
    [InlineData("nlm-citation-sequence.csl", "homer", "7.Fagles R, translator. The Odyssey. New York: Penguin; 1996.")]
    [InlineData("nlm-citation-sequence.csl", "weiss2015", "8.Weiss A, editor & translator. Selected writings on servitude. London: Verso; 2015.")]
    [InlineData("nlm-citation-sequence.csl", "unesco2012", "9.UNESCO, editor. Human trafficking in South Africa: root causes and recommendations. Paris: UNESCO; 2012.")]
    [InlineData("the-lancet.csl", "kempadoo2005", "1Kempadoo K, Sanghera J, Pattanaik B, editors. Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Boulder: Paradigm, 2005.")]
    [InlineData("elsevier-vancouver.csl", "eltis2011", "[3]Eltis D, Engerman SL, editors. The Cambridge world history of slavery. Cambridge: Cambridge University Press; 2011.")]
    [InlineData("american-medical-association.csl", "kempadoo2005", "1.Kempadoo K, Sanghera J, Pattanaik B, eds. Trafficking and Prostitution Reconsidered: New Perspectives on Migration, Sex Work, and Human Rights. Paradigm; 2005.")]
    [InlineData("ieee.csl", "kempadoo2005", "[1]K. Kempadoo, J. Sanghera, and B. Pattanaik, Eds., Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Boulder: Paradigm, 2005.")]
    [InlineData("ieee.csl", "homer", "[7]R. Fagles, Trans., The Odyssey. New York: Penguin, 1996.")]
    // The style prints title and year only "if variable=author editor translator director": the editors
    // used up by cs:substitute still count as present there.
    [InlineData("iso690-author-date-en.csl", "kempadoo2005", "KEMPADOO, Kamala, SANGHERA, Jyoti and PATTANAIK, Bandana (eds.), 2005. Trafficking and prostitution reconsidered: new perspectives on migration, sex work, and human rights. Boulder: Paradigm.")]
    [InlineData("iso690-author-date-en.csl", "homer", "FAGLES, Robert (trans.), 1996. The Odyssey. New York: Penguin.")]
    [InlineData("iso690-author-date-en.csl", "unesco2012", "UNESCO (ed.), 2012. Human trafficking in South Africa: root causes and recommendations. Paris: UNESCO.")]
    public void Bibliography_entry_of_a_work_without_author(string style, string id, string expected)
    {
        var (_, entries) = Render(style, Json);
        Assert.Equal(expected, entries[id]);
    }

    private const string EditedAndTranslated = """
    [
      {"id": "kollontai", "type": "book", "author": [{"family": "Kollontai", "given": "Alexandra"}], "editor": [{"family": "Holt", "given": "Alix"}], "translator": [{"family": "Holt", "given": "Alix"}], "title": "Selected writings of Alexandra Kollontai", "publisher": "Allison & Busby", "publisher-place": "London", "issued": {"date-parts": [[1977]]}}
    ]
    """;

    /// <summary>Only a cs:names that lists just editor and translator combines identical lists under the
    /// editortranslator term; one that lists a third variable (container-author) names each role.</summary>
    [Theory]
    [InlineData("apa.csl", "Kollontai, A. (1977). Selected writings of Alexandra Kollontai (A. Holt, Ed. & Trans.). Allison & Busby.")]
    [InlineData("oscola.csl", "Kollontai A, Selected Writings of Alexandra Kollontai (Alix Holt ed, Alix Holt tr, Allison & Busby 1977)")]
    [InlineData("cambridge-university-press-author-date.csl", "Kollontai, A. (1977). Selected writings of Alexandra Kollontai. (A. Holt, Trans., A. Holt, Ed.), London: Allison & Busby.")]
    public void Editor_and_translator_share_a_label_only_in_a_names_element_of_their_own(string style, string expected) =>
        Assert.Equal(expected, RealStyle.Render(style, EditedAndTranslated, "en-GB").Bibliography["kollontai"]);
}
