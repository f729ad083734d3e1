using Pub.Model;

namespace Pub.Html;

/// <summary>The words the HTML edition adds around a manuscript. The words both editions use ("Figure",
/// "Notes", dates) come from <see cref="Model.Terms"/>; only the page's own (skip link, download link,
/// back-links) are kept here. Unknown languages fall back to English.</summary>
public sealed record HtmlLabels(
    Terms Terms,
    string SkipToContent,
    string DownloadPdf,
    string BackToReference,
    string Authors,
    string Edition,
    string Published)
{
    public static HtmlLabels English { get; } = new(Terms.For("en"), "Skip to content", "Download PDF", "Back to reference", "Authors", "Edition", "Published");

    private static readonly HtmlLabels Russian = new(Terms.For("ru"), "Перейти к основному тексту", "Скачать PDF", "Вернуться к ссылке", "Авторы", "Издание", "Опубликовано")
    {
        CiteThis = "Как цитировать",
        CiteDownloads = "Библиографическая запись",
        EditionFormat = "{0}-е издание",
        FirstPublished = "Впервые опубликовано",
        EarlierEditions = "Предыдущие издания",
        OtherLanguages = "Другие языки",
        Previous = "Предыдущая глава",
        Next = "Следующая глава",
        ChapterNavigation = "Главы",
        ChapterNavigationEnd = "Главы (конец страницы)",
        PartOf = "Из сборника",
        Publications = "Публикации",
        Feed = "Лента Atom",
        NotFound = "Страница не найдена",
        NotFoundText = "Такой страницы нет. Возможно, адрес набран с ошибкой или страница была перемещена.",
        AllPublications = "Все публикации",
        BackToCitation = "Вернуться к первой ссылке на работу",
    };

    private static readonly HtmlLabels German = new(Terms.For("de"), "Zum Inhalt springen", "PDF herunterladen", "Zurück zum Verweis", "Autorinnen und Autoren", "Auflage", "Veröffentlicht")
    {
        CiteThis = "Zitiervorschlag",
        CiteDownloads = "Literaturangabe herunterladen",
        EditionFormat = "{0}. Auflage",
        FirstPublished = "Erstmals veröffentlicht",
        EarlierEditions = "Frühere Auflagen",
        OtherLanguages = "Andere Sprachen",
        Previous = "Vorheriges Kapitel",
        Next = "Nächstes Kapitel",
        ChapterNavigation = "Kapitel",
        ChapterNavigationEnd = "Kapitel (Seitenende)",
        PartOf = "In",
        Publications = "Veröffentlichungen",
        Feed = "Atom-Feed",
        NotFound = "Seite nicht gefunden",
        NotFoundText = "Diese Seite gibt es nicht. Vielleicht ist die Adresse falsch geschrieben oder die Seite wurde verschoben.",
        AllPublications = "Alle Veröffentlichungen",
        BackToCitation = "Zurück zum ersten Zitat",
    };

    private static readonly HtmlLabels French = new(Terms.For("fr"), "Aller au contenu", "Télécharger le PDF", "Retour à l’appel de note", "Auteurs", "Édition", "Publié")
    {
        CiteThis = "Pour citer ce document",
        CiteDownloads = "Télécharger la référence",
        EditionFormat = "{0}e édition",
        FirstPublished = "Première publication",
        EarlierEditions = "Éditions précédentes",
        OtherLanguages = "Autres langues",
        Previous = "Chapitre précédent",
        Next = "Chapitre suivant",
        ChapterNavigation = "Chapitres",
        ChapterNavigationEnd = "Chapitres (fin de page)",
        PartOf = "Dans",
        Publications = "Publications",
        Feed = "Flux Atom",
        NotFound = "Page introuvable",
        NotFoundText = "Cette page n’existe pas. L’adresse est peut-être mal saisie, ou la page a été déplacée.",
        AllPublications = "Toutes les publications",
        BackToCitation = "Retour à la première citation",
    };

    /// <summary>Heading of the "Cite this" block.</summary>
    public string CiteThis { get; init; } = "How to cite";

    public string CiteDownloads { get; init; } = "Download the reference";

    /// <summary>"Edition {0}" with the edition number.</summary>
    public string EditionFormat { get; init; } = "Edition {0}";

    public string FirstPublished { get; init; } = "First published";

    public string EarlierEditions { get; init; } = "Earlier editions";

    /// <summary>The accessible name of the language switcher.</summary>
    public string OtherLanguages { get; init; } = "Other languages";

    public string Previous { get; init; } = "Previous chapter";

    public string Next { get; init; } = "Next chapter";

    /// <summary>The accessible name of the navigation between a handbook's contributions.</summary>
    public string ChapterNavigation { get; init; } = "Chapters";

    /// <summary>The same navigation repeated at the end of the page needs a name of its own.</summary>
    public string ChapterNavigationEnd { get; init; } = "Chapters (end of page)";

    /// <summary>Before the handbook's title on a contribution's page ("In").</summary>
    public string PartOf { get; init; } = "In";

    public string Publications { get; init; } = "Publications";

    public string Feed { get; init; } = "Atom feed";

    public string NotFound { get; init; } = "Page not found";

    public string NotFoundText { get; init; } = "There is no page at this address. It may have been mistyped, or the page may have moved.";

    public string AllPublications { get; init; } = "All publications";

    /// <summary>The label of the link from a bibliography entry back to the work's first citation.</summary>
    public string BackToCitation { get; init; } = "Back to the first citation";

    public string EditionLabel(int edition) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, EditionFormat, edition);

    /// <summary>A language's name in that language ("Русский"), for links to translations; the tag itself
    /// for a language not listed.</summary>
    public static string LanguageName(string tag) => Terms.For(tag).Language switch
    {
        "en" => "English",
        "ru" => "Русский",
        "de" => "Deutsch",
        "fr" => "Français",
        _ => tag,
    };

    public string Language => Terms.Language;

    public string Contents => Terms.Contents;

    public string Abstract => Terms.Abstract;

    public string Keywords => Terms.Keywords;

    public string Notes => Terms.Notes;

    public string Figure => Terms.Figure;

    public string Table => Terms.Table;

    public string CaptionSeparator => Terms.CaptionSeparator;

    public string Editors => Terms.Language == "de" ? "Herausgeberinnen und Herausgeber" : Terms.Editors;

    public string Draft => Terms.Draft;

    /// <summary>Labels for a BCP 47 language tag ("ru", "en-GB"), by its primary subtag.</summary>
    public static HtmlLabels For(string language) => Terms.For(language).Language switch
    {
        "ru" => Russian,
        "de" => German,
        "fr" => French,
        _ => English,
    };

    public string FormatDate(PublicationDate date) => Terms.FormatDate(date);
}
