namespace Pub.Layout;

/// <summary>The words layout itself adds to a page, in the document's language (English when unknown).</summary>
internal sealed record Labels(string Abstract, string Keywords, string Notes, string Figure, string Table, string Editor, string Editors, string[] Months)
{
    /// <summary>Title of the table of contents.</summary>
    public string Contents { get; init; } = "Contents";

    private static readonly Labels English = new("Abstract", "Keywords:", "Notes", "Figure", "Table", "Editor", "Editors",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

    private static readonly Dictionary<string, Labels> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        // Months in the genitive, as a Russian date is written ("12 марта 2025").
        ["ru"] = new("Аннотация", "Ключевые слова:", "Примечания", "Рисунок", "Таблица", "Редактор", "Редакторы",
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]) { Contents = "Содержание" },
        ["de"] = new("Zusammenfassung", "Schlüsselwörter:", "Anmerkungen", "Abbildung", "Tabelle", "Herausgeber", "Herausgeber",
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]) { Contents = "Inhalt" },
        ["fr"] = new("Résumé", "Mots-clés :", "Notes", "Figure", "Tableau", "Éditeur", "Éditeurs",
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]) { Contents = "Table des matières" },
    };

    /// <summary>Labels for a BCP 47 tag; only the primary language subtag counts ("en-GB" → "en").</summary>
    public static Labels For(string language)
    {
        string primary = language.Split('-', '_')[0];
        return ByLanguage.GetValueOrDefault(primary) ?? English;
    }

    public string LongDate(Model.PublicationDate date) =>
        date.Month is >= 1 and <= 12
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}")
            : date.Iso;
}
