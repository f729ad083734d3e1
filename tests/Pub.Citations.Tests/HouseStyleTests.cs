// The two house styles in templates/csl (pub-note, pub-author-date) rendered with the shipped locales
// against the series bibliography in papers/references.yaml.
using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class HouseStyleTests
{
    private const string ExtraYaml = """
        references:
        - id: smith-2020a
          type: book
          author: [{family: Smith, given: Jane}]
          title: First Book
          publisher: Routledge
          publisher-place: London
          issued: {date-parts: [[2020]]}
        - id: smith-2020b
          type: book
          author: [{family: Smith, given: Jane}]
          title: Second Book
          publisher: Routledge
          publisher-place: London
          issued: {date-parts: [[2020]]}
        - id: roe-2015
          type: report
          author: [{family: Roe, given: Ann}]
          title: "Annual report: trafficking in the region"
          title-short: Annual report
          publisher: OSCE
          publisher-place: Vienna
          issued: {date-parts: [[2015]]}
        - id: roe-2016
          type: report
          author: [{family: Roe, given: Ann}]
          title: "Annual report: trafficking in the region"
          title-short: Annual report
          publisher: OSCE
          publisher-place: Vienna
          issued: {date-parts: [[2016]]}
        - id: doe-j-2019
          type: article-journal
          author: [{family: Doe, given: John}]
          title: On one thing
          container-title: Journal of Things
          volume: 3
          page: 1-20
          issued: {date-parts: [[2019]]}
        - id: doe-a-2019
          type: article-journal
          author: [{family: Doe, given: Alice}]
          title: On another thing
          container-title: Journal of Things
          volume: 3
          page: 21-40
          issued: {date-parts: [[2019]]}
        - id: roe-2018
          type: book
          author: [{family: Roe, given: Ann}, {family: Poe, given: Ben}, {family: Low, given: Cy}, {family: Fox, given: Di}]
          title: Four Hands
          publisher: Routledge
          publisher-place: London
          issued: {date-parts: [[2018]]}
        """;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("PubPipeline.sln not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<Reference> References()
    {
        var path = Path.Combine(RepoRoot(), "papers", "references.yaml");
        var (refs, diagnostics) = CslYamlReader.Read(new SourceText(path, File.ReadAllText(path)));
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var (extra, extraDiagnostics) = CslYamlReader.Read(new SourceText("extra.yaml", ExtraYaml));
        Assert.Empty(extraDiagnostics);
        return [.. refs, .. extra];
    }

    private static Style LoadStyle(string name)
    {
        var path = Path.Combine(RepoRoot(), "templates", "csl", name + ".csl");
        var bag = new DiagnosticBag();
        var style = StyleParser.Parse(new SourceText(path, File.ReadAllText(path)), bag);
        Assert.NotNull(style);
        Assert.Empty(bag.Items);
        return style!;
    }

    private static CitationItem Cite(string id, string? locator = null, string? label = null) =>
        new(id) { Locator = locator, Label = label };

    /// <summary>One cluster per footnote, numbered 1, 2, 3 … in order.</summary>
    private static CslResult RenderNotes(string style, string lang, params CitationItem[][] notes)
    {
        var clusters = notes.Select((items, i) => new CitationCluster("n" + (i + 1), items, i + 1)).ToList();
        var result = CslProcessor.Create(LoadStyle(style), LocaleSet.Builtin, References(), lang).Process(clusters);
        Assert.Empty(result.Diagnostics);
        return result;
    }

    private static readonly CitationItem[][] NoteSequence =
    [
        [Cite("gallagher-2010", "12-15")],               // 1 book, first
        [Cite("gallagher-2010", "12-15")],               // 2 ibid.
        [Cite("gallagher-2010", "20")],                  // 3 ibid. with locator
        [Cite("lee-2007", "5")],                         // 4 chapter
        [Cite("chuang-2014", "612")],                    // 5 article
        [Cite("osce-2010", "23")],                       // 6 report by a corporate author
        [Cite("rantsev-2010", "282", "paragraph")],      // 7 legal case
        [Cite("palermo-2000", "3", "article-locator")],  // 8 treaty
        [Cite("osce-web")],                              // 9 web page
        [Cite("kovalkova-2024", "100")],                 // 10 Russian-language article
        [Cite("gallagher-2010", "30")],                  // 11 subsequent (near note)
        [Cite("rantsev-2010", "284", "paragraph")],      // 12 subsequent case
        [Cite("rantsev-2010", "285", "paragraph")],      // 13 ibid. for the case
        [Cite("stoyanova-2017"), Cite("stoyanova-2012")], // 14 two works by one author
        [Cite("tyuryukanova-2002", "45")],               // 15 edited book, no author
    ];

    [Fact]
    public void ShortNotesOfWorksThatWouldReadAlikeAddTheYear()
    {
        var result = RenderNotes("pub-note", "en-US",
            [Cite("roe-2015", "3")], [Cite("roe-2016", "4")], [Cite("gallagher-2010", "1")], [Cite("roe-2015", "5")], [Cite("roe-2016", "6")], [Cite("gallagher-2010", "2")]);
        var notes = result.Citations.Select(c => c.Text.ToPlainText()).ToList();
        Assert.Equal("Roe, Annual report, 2015, p. 5.", notes[3]);
        Assert.Equal("Roe, Annual report, 2016, p. 6.", notes[4]);
        // A work with no look-alike keeps the plain short form.
        Assert.Equal("Gallagher, The International Law of Human Trafficking, p. 2.", notes[5]);
    }

    [Fact]
    public void NoteStyleEnglish()
    {
        var result = RenderNotes("pub-note", "en-US", NoteSequence);
        var notes = result.Citations.Select(c => c.Text.ToPlainText()).ToList();
        Assert.Equal("Anne T. Gallagher, The International Law of Human Trafficking (Cambridge: Cambridge University Press, 2010), pp. 12–15, https://doi.org/10.1017/CBO9780511761065.", notes[0]);
        Assert.Equal("Ibid.", notes[1]);
        Assert.Equal("Ibid., p. 20.", notes[2]);
        Assert.Equal("Maggy Lee, “Understanding human trafficking,” in Maggy Lee (ed.), Human Trafficking (Cullompton: Willan Publishing, 2007), p. 5.", notes[3]);
        Assert.Equal("Janie A. Chuang, “Exploitation creep and the unmaking of human trafficking law,” American Journal of International Law, vol. 108, no. 4 (2014), p. 612, https://doi.org/10.5305/amerjintelaw.108.4.0609.", notes[4]);
        Assert.Equal("OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings, Unprotected Work, Invisible Exploitation: Trafficking for the Purpose of Domestic Servitude, Occasional Paper Series (Vienna: OSCE, 2010), p. 23.", notes[5]);
        Assert.Equal("Rantsev v. Cyprus and Russia, European Court of Human Rights, 25965/04, January 7, 2010, para. 282.", notes[6]);
        Assert.Equal("Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime (November 15, 2000), United Nations Treaty Series, vol. 2237, p. 319, art. 3.", notes[7]);
        Assert.Equal("Organization for Security and Co-operation in Europe, “Combating trafficking in human beings,” OSCE, https://www.osce.org/cthb (accessed February 20, 2024).", notes[8]);
        Assert.Equal("Gallagher, The International Law of Human Trafficking, p. 30.", notes[10]);
        Assert.Equal("Rantsev v. Cyprus and Russia, para. 284.", notes[11]);
        Assert.Equal("Ibid., para. 285.", notes[12]);
        Assert.Equal("Е. В. Тюрюканова and Л. Д. Ерохина (eds.), Торговля людьми: социокриминологический анализ (Москва: Academia, 2002), p. 45.", notes[14]);

        // Book titles and case names are italic, chapter titles are quoted.
        Assert.Contains("<i>The International Law of Human Trafficking</i>", result.Citations[0].Text.ToHtml(), StringComparison.Ordinal);
        Assert.StartsWith("<i>Rantsev v. Cyprus and Russia</i>, ", result.Citations[6].Text.ToHtml(), StringComparison.Ordinal);

        var bib = result.Bibliography!;
        Assert.True(bib.Format.HangingIndent);
        var entries = bib.Entries.Select(e => e.Text.ToPlainText()).ToList();
        Assert.Contains("Gallagher, Anne T. The International Law of Human Trafficking. Cambridge: Cambridge University Press, 2010. https://doi.org/10.1017/CBO9780511761065.", entries);
        Assert.Contains("Lee, Maggy. “Understanding human trafficking.” In Human Trafficking, edited by Maggy Lee. Cullompton: Willan Publishing, 2007.", entries);
        Assert.Contains("Rantsev v. Cyprus and Russia. European Court of Human Rights, 25965/04, January 7, 2010.", entries);
        // Same author again: the name is replaced by the rule, works in date order.
        var stoyanova = entries.FindIndex(e => e.StartsWith("Stoyanova, Vladislava. “Dancing on the borders", StringComparison.Ordinal));
        Assert.True(stoyanova >= 0);
        Assert.Equal("———. Human Trafficking and Slavery Reconsidered: Conceptual Limits and States’ Positive Obligations in European Law. Cambridge Studies in International and Comparative Law. Cambridge: Cambridge University Press, 2017. https://doi.org/10.1017/9781316675809.", entries[stoyanova + 1]);
        // Sorted by author, works without an author by title; Cyrillic after Latin.
        Assert.True(entries.FindIndex(e => e.StartsWith("Gallagher", StringComparison.Ordinal)) < entries.FindIndex(e => e.StartsWith("Lee", StringComparison.Ordinal)));
        Assert.True(entries.FindIndex(e => e.StartsWith("Protocol to Prevent", StringComparison.Ordinal)) < entries.FindIndex(e => e.StartsWith("Rantsev", StringComparison.Ordinal)));
        Assert.Equal("Тюрюканова, Е. В. and Л. Д. Ерохина (eds.). Торговля людьми: социокриминологический анализ. Москва: Academia, 2002.", entries[^1]);
    }

    [Fact]
    public void NoteStyleRussianTakesItsWordsFromTheLocale()
    {
        var result = RenderNotes("pub-note", "ru-RU", NoteSequence);
        var notes = result.Citations.Select(c => c.Text.ToPlainText()).ToList();
        Assert.Equal("Anne T. Gallagher, The International Law of Human Trafficking (Cambridge: Cambridge University Press, 2010), с. 12–15, https://doi.org/10.1017/CBO9780511761065.", notes[0]);
        Assert.Equal("Там же.", notes[1]);
        Assert.Equal("Там же, с. 20.", notes[2]);
        Assert.Equal("Maggy Lee, «Understanding human trafficking», в Maggy Lee (ред.), Human Trafficking (Cullompton: Willan Publishing, 2007), с. 5.", notes[3]);
        Assert.Equal("А. С. Ковалькова, «Торговля людьми и криминальная эксплуатация человека: проблемы законодательной регламентации», Юридический вестник Самарского университета, т. 10, № 1 (2024), с. 100, https://doi.org/10.18287/2542-047X-2024-10-1-98-105.", notes[9]);
        Assert.Equal("Gallagher, The International Law of Human Trafficking, с. 30.", notes[10]);
        Assert.Equal("Е. В. Тюрюканова и Л. Д. Ерохина (ред.), Торговля людьми: социокриминологический анализ (Москва: Academia, 2002), с. 45.", notes[14]);

        var entries = result.Bibliography!.Entries.Select(e => e.Text.ToPlainText()).ToList();
        Assert.Contains("Ковалькова, А. С. «Торговля людьми и криминальная эксплуатация человека: проблемы законодательной регламентации». Юридический вестник Самарского университета, т. 10, № 1 (2024), с. 98–105. https://doi.org/10.18287/2542-047X-2024-10-1-98-105.", entries);
        Assert.Contains("Тюрюканова, Е. В. и Л. Д. Ерохина (ред.). Торговля людьми: социокриминологический анализ. Москва: Academia, 2002.", entries);
        // Russian collation (as citeproc-js applies it): Cyrillic names before Latin ones.
        var authors = entries.Where(e => !e.StartsWith('\u2014')).Select(e => e[0]).ToList();
        var firstLatin = authors.FindIndex(char.IsAsciiLetter);
        Assert.True(firstLatin > 0);
        Assert.DoesNotContain(authors.Skip(firstLatin), c => c is >= '\u0400' and <= '\u04FF');
    }

    [Fact]
    public void AuthorDateStyle()
    {
        var result = RenderNotes("pub-author-date", "en-US",
            [Cite("gallagher-2010", "12-15")],
            [Cite("smith-2020a"), Cite("smith-2020b", "4")],
            [Cite("doe-j-2019"), Cite("doe-a-2019")],
            [Cite("roe-2018")],
            [Cite("rantsev-2010", "282", "paragraph")],
            [Cite("tyuryukanova-2002", "45")]);
        var cites = result.Citations.Select(c => c.Text.ToPlainText()).ToList();
        Assert.Equal("(Gallagher 2010, 12–15)", cites[0]);
        Assert.Equal("(Smith 2020a, 2020b, 4)", cites[1]);
        Assert.Equal("(Alice Doe 2019; John Doe 2019)", cites[2]);
        Assert.Equal("(Roe et al. 2018)", cites[3]);
        Assert.Equal("(Rantsev v. Cyprus and Russia 2010, para. 282)", cites[4]);
        Assert.Equal("(Тюрюканова and Ерохина 2002, 45)", cites[5]);

        var bib = result.Bibliography!;
        Assert.True(bib.Format.HangingIndent);
        var entries = bib.Entries.Select(e => e.Text.ToPlainText()).ToList();
        Assert.Contains("Gallagher, Anne T. 2010. The International Law of Human Trafficking. Cambridge: Cambridge University Press. https://doi.org/10.1017/CBO9780511761065.", entries);
        var smith = entries.IndexOf("Smith, Jane. 2020a. First Book. London: Routledge.");
        Assert.True(smith >= 0);
        Assert.Equal("———. 2020b. Second Book. London: Routledge.", entries[smith + 1]);
        Assert.Equal("Doe, Alice. 2019. “On another thing.” Journal of Things, vol. 3, pp. 21–40.", entries[0]);
    }

    [Fact]
    public void AuthorDateStyleRussian()
    {
        var result = RenderNotes("pub-author-date", "ru-RU",
            [Cite("roe-2018", "7")],
            [Cite("tyuryukanova-2002", "45")]);
        Assert.Equal("(Roe и др. 2018, 7)", result.Citations[0].Text.ToPlainText());
        Assert.Equal("(Тюрюканова и Ерохина 2002, 45)", result.Citations[1].Text.ToPlainText());
        Assert.Contains("Тюрюканова, Е. В. и Л. Д. Ерохина (ред.). 2002. Торговля людьми: социокриминологический анализ. Москва: Academia.",
            result.Bibliography!.Entries.Select(e => e.Text.ToPlainText()));
    }
}
