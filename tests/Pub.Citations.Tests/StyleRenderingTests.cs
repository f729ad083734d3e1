using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class StyleRenderingTests
{
    private static (CslResult Result, Dictionary<string, string> Entries) Render(string styleFile)
    {
        var csl = SharedData.CslFolder();
        var bag = new DiagnosticBag();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", styleFile), bag);
        Assert.NotNull(style);
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
        var refs = CslJsonReader.Read(new SourceText("mixed.json", MixedBibliography.Json));
        Assert.Empty(refs.Diagnostics);
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), refs.References);
        var clusters = refs.References.Select((r, i) => new CitationCluster("c" + i, [new CitationItem(r.Id)])).ToList();
        var result = processor.Process(clusters);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Bibliography);
        Assert.Equal(8, result.Bibliography!.Entries.Count);
        var entries = result.Bibliography.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText(), StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, styleFile + ".txt"),
            result.Citations.Select(c => c.Text.ToPlainText()).Concat(entries.Select(e => e.Key + " | " + e.Value)));
        return (result, entries);
    }

    [Fact]
    public void Apa()
    {
        var (result, e) = Render("apa.csl");
        Assert.Equal("(Bales, 2012)", result.Citations[0].Text.ToPlainText());
        Assert.Equal("(Тюрюканова, 2006)", result.Citations[7].Text.ToPlainText());
        Assert.Equal("Bales, K. (2012). Disposable people: new slavery in the global economy (3rd ed.). University of California Press.", e["bales2012"]);
        Assert.Equal("Chuang, J. A. (2014). Exploitation creep and the unmaking of human trafficking law. American Journal of International Law, 108(4), 609–649. https://doi.org/10.5305/amerjintelaw.108.4.0609", e["chuang2014"]);
        Assert.Equal("Gallagher, A. T. (2019). Trafficking in persons and international law. In N. Boister & S. Gless (Eds.), Research handbook on transnational crime (pp. 250–270). Edward Elgar.", e["gallagher2019"]);
        Assert.Equal("OSCE Office of the Special Representative for Combating Trafficking in Human Beings. (2023). Annual report 2022. OSCE.", e["osce2023"]);
        Assert.Equal("Rantsev v. Cyprus and Russia, No. 25965/04 (European Court of Human Rights January 7, 2010).", e["rantsev2010"]);
        Assert.StartsWith("Council of Europe Convention on Action against Trafficking in Human Beings, May 16, 2005", e["cets197"], StringComparison.Ordinal);
        Assert.StartsWith("United Nations Office on Drugs and Crime. (2023, January 24). Global report on trafficking in persons 2022. UNODC. https://www.unodc.org/", e["unodc2023"], StringComparison.Ordinal);
        Assert.Equal("Тюрюканова, Е. В. (2006). Торговля людьми в Российской Федерации. Юридическая литература.", e["tiuriukanova2006"]);
        // Titles of books are italic; the bibliography hangs.
        var bales = result.Bibliography!.Entries.Single(x => x.Id == "bales2012").Text.ToHtml();
        Assert.Contains("<i>Disposable people: new slavery in the global economy</i>", bales, StringComparison.Ordinal);
        Assert.True(result.Bibliography.Format.HangingIndent);
        // Sorted by author: Latin names first, Cyrillic last.
        Assert.Equal("tiuriukanova2006", result.Bibliography.Entries[^1].Id);
    }

    [Fact]
    public void ChicagoAuthorDate()
    {
        var (result, e) = Render("chicago-author-date.csl");
        Assert.Equal("(Bales 2012)", result.Citations[0].Text.ToPlainText());
        Assert.Equal("Bales, Kevin. 2012. Disposable People: New Slavery in the Global Economy. 3rd ed. University of California Press.", e["bales2012"]);
        Assert.Equal("Chuang, Janie A. 2014. “Exploitation Creep and the Unmaking of Human Trafficking Law.” American Journal of International Law 108 (4): 609–49. https://doi.org/10.5305/amerjintelaw.108.4.0609.", e["chuang2014"]);
        Assert.Equal("Gallagher, Anne T. 2019. “Trafficking in Persons and International Law.” In Research Handbook on Transnational Crime, edited by Neil Boister and Sabine Gless. Edward Elgar.", e["gallagher2019"]);
        Assert.Equal("Rantsev v. Cyprus and Russia, No. 25965/04 (European Court of Human Rights January 7, 2010).", e["rantsev2010"]);
        Assert.Equal("United Nations Office on Drugs and Crime. 2023. “Global Report on Trafficking in Persons 2022.” UNODC, January 24. https://www.unodc.org/unodc/data-and-analysis/glotip.html.", e["unodc2023"]);
        // Title case applies to English items only: the Russian title keeps its capitalisation.
        Assert.Equal("Тюрюканова, Елена Викторовна. 2006. Торговля людьми в Российской Федерации. Юридическая литература.", e["tiuriukanova2006"]);
    }

    [Fact]
    public void HarvardCiteThemRight()
    {
        var (result, e) = Render("harvard-cite-them-right.csl");
        Assert.Equal("(Bales, 2012)", result.Citations[0].Text.ToPlainText());
        Assert.Equal("Bales, K. (2012) Disposable people: new slavery in the global economy. 3rd ed. Berkeley: University of California Press.", e["bales2012"]);
        Assert.Equal("Chuang, J.A. (2014) “Exploitation creep and the unmaking of human trafficking law,” American Journal of International Law, 108(4), pp. 609–649. Available at: https://doi.org/10.5305/amerjintelaw.108.4.0609.", e["chuang2014"]);
        Assert.Equal("Gallagher, A.T. (2019) “Trafficking in persons and international law,” in N. Boister and S. Gless (eds.) Research handbook on transnational crime. Cheltenham: Edward Elgar, pp. 250–270.", e["gallagher2019"]);
        Assert.Equal("OSCE Office of the Special Representative for Combating Trafficking in Human Beings (2023) Annual report 2022. Vienna: OSCE.", e["osce2023"]);
        Assert.EndsWith("(Accessed: March 1, 2024).", e["unodc2023"], StringComparison.Ordinal);
        Assert.Equal("Тюрюканова, Е.В. (2006) Торговля людьми в Российской Федерации. Москва: Юридическая литература.", e["tiuriukanova2006"]);
    }

    [Fact]
    public void Ieee()
    {
        var (result, e) = Render("ieee.csl");
        Assert.Equal("[1]", result.Citations[0].Text.ToPlainText());
        Assert.Equal("[8]", result.Citations[7].Text.ToPlainText());
        Assert.Equal(SecondFieldAlign.Flush, result.Bibliography!.Format.SecondFieldAlign);
        Assert.Equal("[1]K. Bales, Disposable people: new slavery in the global economy, 3rd ed. Berkeley: University of California Press, 2012.", e["bales2012"]);
        Assert.Equal("[2]A. T. Gallagher, “Trafficking in persons and international law,” in Research handbook on transnational crime, N. Boister and S. Gless, Eds., Cheltenham: Edward Elgar, 2019, pp. 250–270.", e["gallagher2019"]);
        Assert.Equal("[3]J. A. Chuang, “Exploitation creep and the unmaking of human trafficking law,” American Journal of International Law, vol. 108, no. 4, pp. 609–649, Oct. 2014, doi: 10.5305/amerjintelaw.108.4.0609.", e["chuang2014"]);
        Assert.Equal("[8]Е. В. Тюрюканова, Торговля людьми в Российской Федерации. Москва: Юридическая литература, 2006.", e["tiuriukanova2006"]);
        var html = result.Bibliography.Entries[0].Text.ToHtml();
        Assert.StartsWith("\n    <div class=\"csl-left-margin\">[1]</div><div class=\"csl-right-inline\">", html, StringComparison.Ordinal);
    }
}
