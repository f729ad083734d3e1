using System.Globalization;
using Pub.Model;

namespace Pub.Html;

/// <summary>The words the HTML edition adds around a manuscript ("Figure", "Notes", "Skip to content"),
/// in the languages the series publishes in. Unknown languages fall back to English.</summary>
public sealed record HtmlLabels(
    string Language,
    string Contents,
    string Abstract,
    string Keywords,
    string Notes,
    string Figure,
    string Table,
    string CaptionSeparator,
    string SkipToContent,
    string DownloadPdf,
    string BackToReference,
    string Authors,
    string Editors,
    string Edition,
    string Published,
    string Draft,
    IReadOnlyList<string> Months)
{
    public static HtmlLabels English { get; } = new(
        "en", "Contents", "Abstract", "Keywords", "Notes", "Figure", "Table", ": ", "Skip to content",
        "Download PDF", "Back to reference", "Authors", "Editors", "Edition", "Published", "Draft",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

    public static HtmlLabels Russian { get; } = new(
        "ru", "Содержание", "Аннотация", "Ключевые слова", "Примечания", "Рисунок", "Таблица", ". ",
        "Перейти к основному тексту", "Скачать PDF", "Вернуться к ссылке", "Авторы", "Редакторы", "Издание",
        "Опубликовано", "Черновик",
        // Genitive forms: a date reads "12 марта 2024 г.".
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]);

    public static HtmlLabels German { get; } = new(
        "de", "Inhalt", "Zusammenfassung", "Schlüsselwörter", "Anmerkungen", "Abbildung", "Tabelle", ": ",
        "Zum Inhalt springen", "PDF herunterladen", "Zurück zum Verweis", "Autorinnen und Autoren",
        "Herausgeberinnen und Herausgeber", "Auflage", "Veröffentlicht", "Entwurf",
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]);

    // French sets a no-break space before a colon.
    public static HtmlLabels French { get; } = new(
        "fr", "Table des matières", "Résumé", "Mots-clés", "Notes", "Figure", "Tableau", "\u00A0: ",
        "Aller au contenu", "Télécharger le PDF", "Retour à l’appel de note", "Auteurs", "Éditeurs",
        "Édition", "Publié", "Brouillon",
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]);

    /// <summary>Labels for a BCP 47 language tag ("ru", "en-GB"), by its primary subtag.</summary>
    public static HtmlLabels For(string language)
    {
        var primary = language.Split('-', '_')[0];
        return primary.ToLowerInvariant() switch
        {
            "ru" => Russian,
            "de" => German,
            "fr" => French,
            _ => English,
        };
    }

    /// <summary>A date as a reader of the language writes it: "12 March 2024", "12. März 2024",
    /// "12 mars 2024", "12 марта 2024 г.".</summary>
    public string FormatDate(PublicationDate date)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        var month = date.Month is >= 1 and <= 12 ? Months[date.Month - 1] : date.Month.ToString(CultureInfo.InvariantCulture);
        return Language switch
        {
            "de" => $"{day}. {month} {year}",
            "ru" => $"{day} {month} {year}\u00A0г.",
            _ => $"{day} {month} {year}",
        };
    }
}
