namespace Pub.Model;

/// <summary>The words pub itself puts on a page (captions, headings it adds, cross-reference names), in
/// the manuscript's language. English is the fallback for a language pub does not know.</summary>
public sealed record Terms(
    string Section,
    string Chapter,
    string Figure,
    string Table,
    string Notes,
    string References,
    string Contents,
    string Abstract,
    string Keywords,
    string Page,
    string Draft,
    string Edition,
    string EditedBy)
{
    private static readonly Terms English = new("Section", "Chapter", "Figure", "Table", "Notes", "References", "Contents", "Abstract", "Keywords", "Page", "Draft", "edition", "Edited by");

    private static readonly Dictionary<string, Terms> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        ["ru"] = new("Раздел", "Глава", "Рисунок", "Таблица", "Примечания", "Библиография", "Содержание", "Аннотация", "Ключевые слова", "Страница", "Проект", "издание", "Под редакцией"),
        ["de"] = new("Abschnitt", "Kapitel", "Abbildung", "Tabelle", "Anmerkungen", "Literatur", "Inhalt", "Zusammenfassung", "Schlagwörter", "Seite", "Entwurf", "Auflage", "Herausgegeben von"),
        ["fr"] = new("Section", "Chapitre", "Figure", "Tableau", "Notes", "Références", "Table des matières", "Résumé", "Mots-clés", "Page", "Brouillon", "édition", "Sous la direction de"),
    };

    public static Terms For(string language)
    {
        var primary = language.Split('-')[0].ToLowerInvariant();
        return ByLanguage.TryGetValue(primary, out var terms) ? terms : English;
    }

    /// <summary>"Table 3: " or "Таблица 3. " — the caption label for a numbered table or figure.</summary>
    public string CaptionLabel(string word, string? number, string language) =>
        number is null ? "" : language.StartsWith("ru", StringComparison.Ordinal) ? $"{word} {number}. " : $"{word} {number}: ";
}
