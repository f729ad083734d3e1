using System.Globalization;

namespace Pub.Model;

/// <summary>The words pub itself puts on a page (captions, headings it adds, cross-reference names, dates),
/// in the manuscript's language. Both editions take them from here, so the HTML and the PDF of a paper
/// say the same. English is the fallback for a language pub does not know.</summary>
public sealed record Terms(
    string Language,
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
    string EditedBy,
    string Editor,
    string Editors,
    IReadOnlyList<string> Months)
{
    /// <summary>Between "Table 1" and its caption: ": " (". " in Russian; French sets a no-break space before the colon).</summary>
    public string CaptionSeparator => Language switch
    {
        "ru" => ". ",
        "fr" => "\u00A0: ",
        _ => ": ",
    };

    /// <summary>Heading of the list of figures after the contents.</summary>
    public string ListOfFigures => Language switch
    {
        "ru" => "Список рисунков",
        "de" => "Abbildungsverzeichnis",
        "fr" => "Table des figures",
        _ => "List of figures",
    };

    /// <summary>Heading of the list of tables after the contents.</summary>
    public string ListOfTables => Language switch
    {
        "ru" => "Список таблиц",
        "de" => "Tabellenverzeichnis",
        "fr" => "Liste des tableaux",
        _ => "List of tables",
    };

    /// <summary>"First published" before the date of a work's first edition, on the imprint of a later one.</summary>
    public string FirstPublished => Language switch
    {
        "ru" => "Первое издание вышло в свет",
        "de" => "Erstmals erschienen",
        "fr" => "Première publication",
        _ => "First published",
    };

    /// <summary>The label of the suggested citation on the imprint.</summary>
    public string SuggestedCitation => Language switch
    {
        "ru" => "Рекомендуемая ссылка",
        "de" => "Zitiervorschlag",
        "fr" => "Citation suggérée",
        _ => "Suggested citation",
    };

    /// <summary>"Second edition", "Второе издание", "2. Auflage": the edition statement of an imprint.</summary>
    public string EditionStatement(int edition)
    {
        string[] words = Language switch
        {
            "ru" => ["Первое", "Второе", "Третье", "Четвёртое", "Пятое", "Шестое", "Седьмое", "Восьмое", "Девятое", "Десятое"],
            "fr" => ["Première", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième", "Huitième", "Neuvième", "Dixième"],
            _ => ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"],
        };
        string n = edition.ToString(CultureInfo.InvariantCulture);
        return Language switch
        {
            "de" => $"{n}. Auflage",
            "ru" => edition is >= 1 and <= 10 ? $"{words[edition - 1]} издание" : $"{n}-е издание",
            "fr" => edition is >= 1 and <= 10 ? $"{words[edition - 1]} édition" : $"{n}e édition",
            _ => edition is >= 1 and <= 10 ? $"{words[edition - 1]} edition" : $"{n}{EnglishSuffix(edition)} edition",
        };
    }

    private static string EnglishSuffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    /// <summary>A colon after a run-in label ("Keywords:").</summary>
    public string Colon => Language == "fr" ? "\u00A0:" : ":";

    /// <summary>"Part" before the number of a part of an edited volume.</summary>
    public string Part => Language switch
    {
        "ru" => "Часть",
        "de" => "Teil",
        "fr" => "Partie",
        _ => "Part",
    };

    /// <summary>Before the citation of a chapter at its opening.</summary>
    public string CiteThisChapter => Language switch
    {
        "ru" => "Как цитировать главу",
        "de" => "Dieses Kapitel zitieren",
        "fr" => "Citer ce chapitre",
        _ => "Cite this chapter",
    };

    /// <summary>Heading of an edited volume's list of contributors.</summary>
    public string Contributors => Language switch
    {
        "ru" => "Авторы",
        "de" => "Autorinnen und Autoren",
        "fr" => "Auteurs",
        _ => "Contributors",
    };

    /// <summary>Names as a sentence lists them: "A", "A and B", "A, B and C".</summary>
    public string NameList(IReadOnlyList<string> names)
    {
        var and = Language switch
        {
            "ru" => " и ",
            "de" => " und ",
            "fr" => " et ",
            _ => " and ",
        };
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + and + names[^1];
    }

    private static readonly Terms English = new("en", "Section", "Chapter", "Figure", "Table", "Notes", "References", "Contents", "Abstract", "Keywords",
        "Page", "Draft", "edition", "Edited by", "Editor", "Editors",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

    private static readonly Dictionary<string, Terms> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        // Months in the genitive, as a Russian date is written ("12 марта 2024 г.").
        ["ru"] = new("ru", "Раздел", "Глава", "Рисунок", "Таблица", "Примечания", "Библиография", "Содержание", "Аннотация", "Ключевые слова",
            "Страница", "Черновик", "издание", "Под редакцией", "Редактор", "Редакторы",
            ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]),
        ["de"] = new("de", "Abschnitt", "Kapitel", "Abbildung", "Tabelle", "Anmerkungen", "Literatur", "Inhalt", "Zusammenfassung", "Schlüsselwörter",
            "Seite", "Entwurf", "Auflage", "Herausgegeben von", "Herausgeber", "Herausgeber",
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]),
        ["fr"] = new("fr", "Section", "Chapitre", "Figure", "Tableau", "Notes", "Références", "Table des matières", "Résumé", "Mots-clés",
            "Page", "Brouillon", "édition", "Sous la direction de", "Éditeur", "Éditeurs",
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]),
    };

    /// <summary>Terms for a BCP 47 tag, by its primary subtag ("en-GB" → "en").</summary>
    public static Terms For(string language)
    {
        var primary = language.Split('-', '_')[0].ToLowerInvariant();
        return ByLanguage.TryGetValue(primary, out var terms) ? terms : English;
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
