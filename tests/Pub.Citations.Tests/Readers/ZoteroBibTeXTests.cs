// A BibTeX file as Zotero exports it (ten items of different types) read by pub and rendered with real
// styles. The expected strings are what citeproc-js 2.4.63 prints for the CSL-JSON that Zotero exports for
// the same items: reading the BibTeX export must lose nothing that the CSL-JSON export keeps.
using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

public sealed class ZoteroBibTeXTests
{
    private const string Export = """
        @article{lebaron_unfree_2021,
            title = {Unfree labour beyond binaries: {Insecurity}, social hierarchy and labour market restructuring},
            volume = {23},
            issn = {1461-6742},
            shorttitle = {Unfree labour beyond binaries},
            url = {https://doi.org/10.1080/14616742.2019.1650661},
            doi = {10.1080/14616742.2019.1650661},
            language = {en},
            number = {2},
            urldate = {2023-05-04},
            journal = {International Feminist Journal of Politics},
            author = {LeBaron, Genevieve},
            month = mar,
            year = {2021},
            pages = {230--255},
        }

        @book{bales_disposable_2012,
            address = {Berkeley},
            edition = {3},
            title = {Disposable {People}: {New} {Slavery} in the {Global} {Economy}},
            isbn = {978-0-520-27291-0},
            shorttitle = {Disposable {People}},
            publisher = {University of California Press},
            author = {Bales, Kevin},
            year = {2012},
        }

        @incollection{gallagher_trafficking_2019,
            address = {Cheltenham},
            title = {Trafficking in {Persons} and {International} {Law}},
            booktitle = {Research {Handbook} on {Transnational} {Crime}},
            publisher = {Edward Elgar},
            author = {Gallagher, Anne T.},
            editor = {Boister, Neil and Gless, Sabine},
            year = {2019},
            pages = {250--270},
        }

        @inproceedings{smith_forced_2018,
            address = {Vienna},
            title = {Forced {Labour} in {Supply} {Chains}},
            doi = {10.1000/xyz123},
            booktitle = {Proceedings of the {OSCE} {Alliance} {Conference}},
            publisher = {OSCE},
            author = {Smith, Jane and Doe, John},
            year = {2018},
            pages = {45--60},
        }

        @techreport{ilo_global_2022,
            address = {Geneva},
            type = {Report},
            title = {Global {Estimates} of {Modern} {Slavery}: {Forced} {Labour} and {Forced} {Marriage}},
            url = {https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733/lang--en/index.htm},
            number = {2022/1},
            urldate = {2023-01-15},
            institution = {International Labour Organization},
            author = {{International Labour Organization}},
            month = sep,
            year = {2022},
        }

        @phdthesis{ivanova_trafficking_2015,
            address = {Moscow},
            type = {{PhD} {Thesis}},
            title = {Trafficking in {Women} in the {Russian} {Federation}},
            school = {Moscow State University},
            author = {Ivanova, Maria},
            year = {2015},
        }

        @misc{unodc_human_2023,
            title = {Human {Trafficking} {FAQs}},
            url = {https://www.unodc.org/unodc/en/human-trafficking/faqs.html},
            urldate = {2023-05-04},
            journal = {United Nations Office on Drugs and Crime},
            author = {{UNODC}},
            year = {2021},
            note = {Last updated 2021},
            howpublished = {https://www.unodc.org/unodc/en/human-trafficking/faqs.html},
        }

        @book{kant_perpetual_2010,
            address = {London},
            title = {Perpetual {Peace}},
            publisher = {Penguin},
            author = {Kant, Immanuel},
            translator = {Campbell Smith, Mary},
            editor = {Smith, Adam},
            year = {2010},
        }

        @misc{roe_memo_2019,
            title = {Memorandum on {Victim} {Identification}},
            author = {Roe, Ann},
            year = {2019},
        }

        @article{chuang_exploitation_2014,
            title = {Exploitation {Creep} and the {Unmaking} of {Human} {Trafficking} {Law}},
            volume = {108},
            doi = {10.5305/amerjintelaw.108.4.0609},
            number = {4},
            journal = {American Journal of International Law},
            author = {Chuang, Janie A.},
            month = oct,
            year = {2014},
            pages = {609--649},
        }
        """;

    private static RealStyle.Rendered Render(string style)
    {
        var (references, diagnostics) = BibTeXReader.Read(new SourceText("zotero.bib", Export));
        return RealStyle.Render(style, references, diagnostics);
    }

    [Fact]
    public void ChicagoNotesBibliography()
    {
        var r = Render("chicago-notes-bibliography.csl");
        Assert.Equal(
        [
            "Genevieve LeBaron, “Unfree Labour beyond Binaries: Insecurity, Social Hierarchy and Labour Market Restructuring,” International Feminist Journal of Politics 23, no. 2 (2021): 230–55, https://doi.org/10.1080/14616742.2019.1650661.",
            "Kevin Bales, Disposable People: New Slavery in the Global Economy, 3rd ed. (University of California Press, 2012).",
            "Anne T. Gallagher, “Trafficking in Persons and International Law,” in Research Handbook on Transnational Crime, ed. Neil Boister and Sabine Gless (Edward Elgar, 2019).",
            "Jane Smith and John Doe, “Forced Labour in Supply Chains,” Proceedings of the OSCE Alliance Conference (Vienna), 2018, 45–60, https://doi.org/10.1000/xyz123.",
            "International Labour Organization, Global Estimates of Modern Slavery: Forced Labour and Forced Marriage, Report no. 2022/1 (International Labour Organization, 2022), https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733/lang--en/index.htm.",
            "Maria Ivanova, “Trafficking in Women in the Russian Federation” (PhD Thesis, Moscow State University, 2015).",
            "UNODC, “Human Trafficking FAQs,” United Nations Office on Drugs and Crime, 2021, https://www.unodc.org/unodc/en/human-trafficking/faqs.html.",
            "Immanuel Kant, Perpetual Peace, ed. Adam Smith, trans. Mary Campbell Smith (Penguin, 2010).",
            "Ann Roe, “Memorandum on Victim Identification,” 2019.",
            "Janie A. Chuang, “Exploitation Creep and the Unmaking of Human Trafficking Law,” American Journal of International Law 108, no. 4 (2014): 609–49, https://doi.org/10.5305/amerjintelaw.108.4.0609.",
        ], r.Citations);
        Assert.Equal(
        [
            "Bales, Kevin. Disposable People: New Slavery in the Global Economy. 3rd ed. University of California Press, 2012.",
            "Chuang, Janie A. “Exploitation Creep and the Unmaking of Human Trafficking Law.” American Journal of International Law 108, no. 4 (2014): 609–49. https://doi.org/10.5305/amerjintelaw.108.4.0609.",
            "Gallagher, Anne T. “Trafficking in Persons and International Law.” In Research Handbook on Transnational Crime, edited by Neil Boister and Sabine Gless. Edward Elgar, 2019.",
            "International Labour Organization. Global Estimates of Modern Slavery: Forced Labour and Forced Marriage. Report No. 2022/1. International Labour Organization, 2022. https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733/lang--en/index.htm.",
            "Ivanova, Maria. “Trafficking in Women in the Russian Federation.” PhD Thesis, Moscow State University, 2015.",
            "Kant, Immanuel. Perpetual Peace. Edited by Adam Smith. Translated by Mary Campbell Smith. Penguin, 2010.",
            "LeBaron, Genevieve. “Unfree Labour beyond Binaries: Insecurity, Social Hierarchy and Labour Market Restructuring.” International Feminist Journal of Politics 23, no. 2 (2021): 230–55. https://doi.org/10.1080/14616742.2019.1650661.",
            "Smith, Jane, and John Doe. “Forced Labour in Supply Chains.” Proceedings of the OSCE Alliance Conference (Vienna), 2018, 45–60. https://doi.org/10.1000/xyz123.",
            "UNODC. “Human Trafficking FAQs.” United Nations Office on Drugs and Crime, 2021. https://www.unodc.org/unodc/en/human-trafficking/faqs.html.",
        ], r.Bibliography.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Apa()
    {
        var r = Render("apa.csl");
        Assert.Equal(
        [
            "(LeBaron, 2021)",
            "(Bales, 2012)",
            "(Gallagher, 2019)",
            "(Smith & Doe, 2018)",
            "(International Labour Organization, 2022)",
            "(Ivanova, 2015)",
            "(UNODC, 2021)",
            "(Kant, 2010)",
            "(Roe, 2019)",
            "(Chuang, 2014)",
        ], r.Citations);
        Assert.Equal(
        [
            "Bales, K. (2012). Disposable People: New Slavery in the Global Economy (3rd ed.). University of California Press.",
            "Chuang, J. A. (2014). Exploitation Creep and the Unmaking of Human Trafficking Law. American Journal of International Law, 108(4), 609–649. https://doi.org/10.5305/amerjintelaw.108.4.0609",
            "Gallagher, A. T. (2019). Trafficking in Persons and International Law. In N. Boister & S. Gless (Eds.), Research Handbook on Transnational Crime (pp. 250–270). Edward Elgar.",
            "International Labour Organization. (2022). Global Estimates of Modern Slavery: Forced Labour and Forced Marriage (Report No. 2022/1). International Labour Organization. https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733/lang--en/index.htm",
            "Ivanova, M. (2015). Trafficking in Women in the Russian Federation [PhD Thesis]. Moscow State University.",
            "Kant, I. (2010). Perpetual Peace (A. Smith, Ed.; M. Campbell Smith, Trans.). Penguin.",
            "LeBaron, G. (2021). Unfree labour beyond binaries: Insecurity, social hierarchy and labour market restructuring. International Feminist Journal of Politics, 23(2), 230–255. https://doi.org/10.1080/14616742.2019.1650661",
            "Roe, A. (2019). Memorandum on Victim Identification.",
            "Smith, J., & Doe, J. (2018). Forced Labour in Supply Chains. Proceedings of the OSCE Alliance Conference, 45–60. https://doi.org/10.1000/xyz123",
            "UNODC. (2021). Human Trafficking FAQs. United Nations Office on Drugs and Crime. https://www.unodc.org/unodc/en/human-trafficking/faqs.html",
        ], r.Bibliography.Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AWebPageKeepsItsAccessDateAndAddress()
    {
        var (references, _) = BibTeXReader.Read(new SourceText("zotero.bib", Export));
        var page = references.Single(r => r.Id == "unodc_human_2023");
        Assert.Equal("webpage", page.Type);
        Assert.Equal([2023, 5, 4], page.Dates["accessed"].Parts[0]);
        Assert.Equal("https://www.unodc.org/unodc/en/human-trafficking/faqs.html", page.Variables["URL"]);
        Assert.Equal("United Nations Office on Drugs and Crime", page.Variables["container-title"]);
        Assert.False(page.Variables.ContainsKey("publisher"));
    }
}
