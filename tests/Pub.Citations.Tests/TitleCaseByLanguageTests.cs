using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

/// <summary>A style's title case applies to English titles only: a reference whose <c>language</c> is another
/// keeps the casing rules of its own language (CSL 1.0.2, "Title case conversion").</summary>
public sealed class TitleCaseByLanguageTests
{
    private const string Json = """
        [
          {"id": "en", "type": "book", "title": "the trafficking of persons in the international legal order", "language": "en-GB",
           "author": [{"family": "Doe", "given": "Ann"}], "issued": {"date-parts": [[2020]]}},
          {"id": "unset", "type": "book", "title": "forced labour and the law of the sea",
           "author": [{"family": "Roe", "given": "Ben"}], "issued": {"date-parts": [[2019]]}},
          {"id": "de", "type": "book", "title": "Menschenhandel in der europäischen Union und seine Bekämpfung", "language": "de",
           "author": [{"family": "Müller", "given": "Jana"}], "issued": {"date-parts": [[2018]]}},
          {"id": "fr", "type": "book", "title": "La traite des êtres humains et le droit du travail", "language": "fr-FR",
           "author": [{"family": "Martin", "given": "Claire"}], "issued": {"date-parts": [[2017]]}},
          {"id": "ru", "type": "book", "title": "Торговля людьми в современной России", "language": "ru",
           "author": [{"family": "Иванова", "given": "Анна"}], "issued": {"date-parts": [[2016]]}}
        ]
        """;

    [Fact]
    public void OnlyEnglishTitlesAreTitleCased()
    {
        var csl = SharedData.CslFolder();
        var bag = new DiagnosticBag();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", "chicago-author-date.csl"), bag);
        Assert.NotNull(style);
        var refs = CslJsonReader.Read(new SourceText("languages.json", Json));
        Assert.Empty(refs.Diagnostics);
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), refs.References);
        var result = processor.Process([.. refs.References.Select((r, i) => new CitationCluster("c" + i, [new CitationItem(r.Id)]))]);
        var entries = result.Bibliography!.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText(), StringComparer.Ordinal);

        Assert.Contains("The Trafficking of Persons in the International Legal Order", entries["en"], StringComparison.Ordinal);
        Assert.Contains("Forced Labour and the Law of the Sea", entries["unset"], StringComparison.Ordinal);
        Assert.Contains("Menschenhandel in der europäischen Union und seine Bekämpfung", entries["de"], StringComparison.Ordinal);
        Assert.Contains("La traite des êtres humains et le droit du travail", entries["fr"], StringComparison.Ordinal);
        Assert.Contains("Торговля людьми в современной России", entries["ru"], StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutALanguageATitleFollowsTheLocaleOfTheStyle()
    {
        var csl = SharedData.CslFolder();
        var bag = new DiagnosticBag();
        var style = StyleResolver.Load(Path.Combine(csl, "styles", "chicago-author-date.csl"), bag);
        var refs = CslJsonReader.Read(new SourceText("languages.json", Json));
        // A Russian edition renders with the ru-RU locale: an item without a language is not title-cased.
        var processor = CslProcessor.Create(style!, LocaleSet.FromFolders(Path.Combine(csl, "locales")), refs.References, "ru-RU");
        var result = processor.Process([new CitationCluster("c", [new CitationItem("unset")]), new CitationCluster("d", [new CitationItem("en")])]);
        var entries = result.Bibliography!.Entries.ToDictionary(e => e.Id, e => e.Text.ToPlainText(), StringComparer.Ordinal);
        Assert.Contains("forced labour and the law of the sea", entries["unset"], StringComparison.Ordinal);
        Assert.Contains("The Trafficking of Persons in the International Legal Order", entries["en"], StringComparison.Ordinal);
    }
}
