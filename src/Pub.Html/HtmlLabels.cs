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

    private static readonly HtmlLabels Russian = new(Terms.For("ru"), "Перейти к основному тексту", "Скачать PDF", "Вернуться к ссылке", "Авторы", "Издание", "Опубликовано");

    private static readonly HtmlLabels German = new(Terms.For("de"), "Zum Inhalt springen", "PDF herunterladen", "Zurück zum Verweis", "Autorinnen und Autoren", "Auflage", "Veröffentlicht");

    private static readonly HtmlLabels French = new(Terms.For("fr"), "Aller au contenu", "Télécharger le PDF", "Retour à l’appel de note", "Auteurs", "Édition", "Publié");

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

    /// <summary>The label of the link from a bibliography entry back to the work's first citation.</summary>
    public string BackToCitation => Terms.Language switch
    {
        "ru" => "Вернуться к первой ссылке на работу",
        "de" => "Zurück zum ersten Zitat",
        "fr" => "Retour à la première citation",
        _ => "Back to the first citation",
    };
}
