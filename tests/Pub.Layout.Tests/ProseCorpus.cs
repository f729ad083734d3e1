using Pub.Model;
using ModelText = Pub.Model.Text;

namespace Pub.Layout.Tests;

/// <summary>
/// Ordinary report prose, generated: sentences of varied length drawn from a vocabulary of the series' subject in
/// English, Russian, German and French, with what real papers carry besides words: long compounds, numbers and
/// percentages, abbreviations, bracketed citations, emphasis, web addresses and DOIs, and footnotes of source
/// references. The same seed gives the same text on every machine.
/// </summary>
internal static class ProseCorpus
{
    public static readonly string[] Languages = ["en", "ru", "de", "fr"];

    private sealed record Vocabulary(string[] Subjects, string[] Verbs, string[] Objects, string[] Modifiers,
        string[] Connectives, string[] Long, string[] Sources, string NoteLead);

    private static string[] Words(string text) => text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static readonly Dictionary<string, Vocabulary> ByLanguage = new()
    {
        ["en"] = new(
            Words("the national referral mechanism | labour inspectors | most participating States | the specialised police unit | " +
                  "non-governmental organisations | the prosecution service | recruitment agencies | the court of appeal | victims | " +
                  "municipal social services | the ombudsperson | employers in agriculture | frontline officers | the survey"),
            Words("identified | reported | rarely examined | described | referred | could not verify | continued to rely on | " +
                  "documented | underestimated | published | reviewed | compensated | were asked about | prosecuted"),
            Words("cases of forced labour | the indicators of exploitation | debt bondage in construction | recruitment fees | " +
                  "the residence permits granted | seasonal workers | the conditions of domestic work | wage deductions | " +
                  "the data of the previous year | confiscated passports | subcontracting chains | the reflection period"),
            Words("in 2019 | by 37 per cent | in three of the five regions | after the reform of 2015 | despite repeated requests | " +
                  "for the first time | between 2012 and 2018 | in at least 1,240 cases | under Article 4(a) | within 30 days | " +
                  "without a formal complaint | as the evaluation showed"),
            Words("However, | Moreover, | In practice, | By contrast, | As a result, | Nevertheless, | In several countries, | For example,"),
            Words("counter-trafficking | intergovernmental | institutionalisation | characteristically | disproportionately | " +
                  "multidisciplinary | non-discrimination | responsibilities | interinstitutional | misrepresentation"),
            Words("OSCE 2021, 14 | GRETA 2023, para. 88 | ILO 2017 | Kempadoo et al. 2005, 12–19 | UNODC 2022, 45 | Eurostat 2024"),
            "See"),
        ["ru"] = new(
            Words("национальный механизм перенаправления | трудовые инспекторы | большинство государств-участников | " +
                  "специализированное подразделение полиции | неправительственные организации | прокуратура | кадровые агентства | " +
                  "апелляционный суд | пострадавшие | муниципальные социальные службы | уполномоченный по правам человека | " +
                  "работодатели в сельском хозяйстве | сотрудники пограничной службы"),
            Words("выявили | сообщили о | редко рассматривали | описали | направили | не смогли проверить | продолжали опираться на | " +
                  "задокументировали | недооценивали | опубликовали | пересмотрели | возместили ущерб за"),
            Words("случаи принудительного труда | признаки эксплуатации | долговую кабалу в строительстве | сборы за трудоустройство | " +
                  "выданные виды на жительство | сезонных работников | условия домашнего труда | удержания из заработной платы | " +
                  "данные предыдущего года | изъятые паспорта | цепочки субподряда | период восстановления и размышления"),
            Words("в 2019 году | на 37 процентов | в трёх из пяти регионов | после реформы 2015 года | несмотря на неоднократные запросы | " +
                  "впервые | в 2012–2018 годах | не менее чем в 1 240 случаях | согласно статье 127.1 УК РФ | в течение 30 дней | " +
                  "без официальной жалобы | как показала оценка"),
            Words("Однако | Кроме того, | На практике | Напротив, | В результате | Тем не менее | В ряде стран | Например,"),
            Words("противодействие | межгосударственного | институционализации | непропорционально | междисциплинарного | " +
                  "недискриминации | ответственности | правоприменительной | межведомственного | высококвалифицированных"),
            Words("ОБСЕ 2021, с. 14 | ГРЕТА 2023, п. 88 | МОТ 2017 | Тюрюканова 2006, с. 12–19 | УНП ООН 2022, с. 45"),
            "См."),
        ["de"] = new(
            Words("der nationale Verweisungsmechanismus | die Arbeitsinspektorate | die meisten Teilnehmerstaaten | " +
                  "die spezialisierte Polizeieinheit | Nichtregierungsorganisationen | die Staatsanwaltschaft | Personalvermittlungsagenturen | " +
                  "das Berufungsgericht | die Betroffenen | die kommunalen Sozialdienste | die Ombudsstelle | Arbeitgeber in der Landwirtschaft"),
            Words("erfassten | meldeten | prüften selten | beschrieben | verwiesen | konnten nicht überprüfen | stützten sich weiterhin auf | " +
                  "dokumentierten | unterschätzten | veröffentlichten | überprüften | entschädigten"),
            Words("Fälle von Zwangsarbeit | die Indikatoren der Ausbeutung | Schuldknechtschaft im Baugewerbe | Vermittlungsgebühren | " +
                  "die erteilten Aufenthaltstitel | Saisonarbeitskräfte | die Bedingungen der Hausarbeit | Lohnabzüge | " +
                  "die Daten des Vorjahres | einbehaltene Reisepässe | Subunternehmerketten | die Bedenk- und Stabilisierungsfrist"),
            Words("im Jahr 2019 | um 37 Prozent | in drei von fünf Regionen | nach der Reform von 2015 | trotz wiederholter Anfragen | " +
                  "erstmals | zwischen 2012 und 2018 | in mindestens 1.240 Fällen | nach § 232a StGB | innerhalb von 30 Tagen | " +
                  "ohne förmliche Beschwerde | wie die Evaluierung zeigte | z. B. im Gastgewerbe"),
            Words("Allerdings | Darüber hinaus | In der Praxis | Im Gegensatz dazu | Infolgedessen | Dennoch | In mehreren Ländern | Beispielsweise"),
            Words("Menschenhandelsbekämpfung | Arbeitsausbeutungsverfahren | Opferschutzorganisationen | Bundesarbeitsministerium | " +
                  "Aufenthaltsgenehmigungen | Strafverfolgungsbehörden | Entschädigungsansprüche | Sozialversicherungsträger | " +
                  "Fachberatungsstellen | Zusammenarbeitsvereinbarung"),
            Words("OSZE 2021, S. 14 | GRETA 2023, Rn. 88 | ILO 2017 | Follmar-Otto und Rabe 2009, S. 12–19 | UNODC 2022, S. 45"),
            "Vgl."),
        ["fr"] = new(
            Words("le mécanisme national d’orientation | les inspecteurs du travail | la plupart des États participants | " +
                  "l’unité de police spécialisée | les organisations non gouvernementales | le parquet | les agences de recrutement | " +
                  "la cour d’appel | les victimes | les services sociaux municipaux | le médiateur | les employeurs agricoles"),
            Words("ont identifié | ont signalé | ont rarement examiné | ont décrit | ont orienté | n’ont pas pu vérifier | " +
                  "ont continué de s’appuyer sur | ont documenté | ont sous-estimé | ont publié | ont réexaminé | ont indemnisé"),
            Words("des cas de travail forcé | les indicateurs d’exploitation | la servitude pour dettes dans le bâtiment | " +
                  "les frais de recrutement | les titres de séjour délivrés | les travailleurs saisonniers | les conditions du travail domestique | " +
                  "les retenues sur salaire | les données de l’année précédente | les passeports confisqués | les chaînes de sous-traitance"),
            Words("en 2019 | de 37 % | dans trois des cinq régions | après la réforme de 2015 | malgré des demandes répétées | " +
                  "pour la première fois | entre 2012 et 2018 | dans au moins 1 240 cas | au titre de l’article 225-4-1 | dans un délai de 30 jours | " +
                  "sans plainte formelle | comme l’a montré l’évaluation"),
            Words("Cependant, | En outre, | Dans la pratique, | À l’inverse, | En conséquence, | Néanmoins, | Dans plusieurs pays, | Par exemple,"),
            Words("intergouvernementales | institutionnalisation | disproportionnellement | pluridisciplinaire | non-discrimination | " +
                  "responsabilités | interinstitutionnelle | anticonstitutionnellement | désindustrialisation | accompagnement"),
            Words("OSCE 2021, p. 14 | GRETA 2023, par. 88 | OIT 2017 | Guillemaut 2008, p. 12–19 | ONUDC 2022, p. 45"),
            "Voir"),
    };

    private static readonly string[] Addresses =
    [
        "https://www.osce.org/files/f/documents/4/a/516045_0.pdf",
        "https://doi.org/10.1080/23322705.2019.1659043",
        "https://www.coe.int/en/web/anti-human-trafficking/country-monitoring-work",
        "https://ec.europa.eu/eurostat/databrowser/view/crim_thb_vctz/default/table?lang=en",
        "https://www.unodc.org/documents/data-and-analysis/glotip/2022/GLOTiP_2022_web.pdf",
        "https://doi.org/10.1177/0032329219894790",
    ];

    /// <summary>Paragraphs of prose in <paramref name="language"/>, with footnotes numbered from <paramref name="firstNote"/>.</summary>
    public static (List<Block> Blocks, List<Note> Notes) Generate(string language, int paragraphs, int seed, int firstNote = 1)
    {
        var vocabulary = ByLanguage[language];
        var random = new Random(seed);
        var blocks = new List<Block>();
        var notes = new List<Note>();
        for (int p = 0; p < paragraphs; p++)
        {
            var content = new List<Inline>();
            int sentences = 1 + random.Next(7);
            for (int s = 0; s < sentences; s++)
            {
                if (content.Count > 0)
                    content.Add(new ModelText(" "));
                content.AddRange(Sentence(vocabulary, random));
                if (random.Next(6) == 0)
                {
                    int number = firstNote + notes.Count;
                    string label = $"{language}-{number}";
                    content.Add(new NoteRef(label, number));
                    notes.Add(new Note(label, [new Paragraph(NoteText(vocabulary, random))], number));
                }
            }
            blocks.Add(new Paragraph(content));
        }
        return (blocks, notes);
    }

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    private static string Capitalised(string text) => char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];

    private static List<Inline> Sentence(Vocabulary v, Random random)
    {
        var parts = new List<Inline>();
        var text = new System.Text.StringBuilder();
        bool connective = random.Next(3) == 0;
        if (connective)
            text.Append(Pick(v.Connectives, random)).Append(' ');
        string subject = Pick(v.Subjects, random);
        text.Append(connective ? subject : Capitalised(subject));
        int clauses = 1 + random.Next(3);
        for (int c = 0; c < clauses; c++)
        {
            if (c > 0)
                text.Append(random.Next(2) == 0 ? ", and " : "; ").Append(Pick(v.Subjects, random));
            text.Append(' ').Append(Pick(v.Verbs, random)).Append(' ');
            if (random.Next(5) == 0)
            {
                parts.Add(new ModelText(text.ToString()));
                text.Clear();
                parts.Add(new Emphasis([new ModelText(Pick(v.Objects, random))]));
            }
            else
                text.Append(Pick(v.Objects, random));
            if (random.Next(2) == 0)
                text.Append(' ').Append(Pick(v.Modifiers, random));
            if (random.Next(4) == 0)
                text.Append(' ').Append(Pick(v.Long, random));
        }
        if (random.Next(4) == 0)
            text.Append(" (").Append(Pick(v.Sources, random)).Append(')');
        text.Append('.');
        parts.Add(new ModelText(text.ToString()));
        return parts;
    }

    private static List<Inline> NoteText(Vocabulary v, Random random)
    {
        var parts = new List<Inline> { new ModelText(v.NoteLead + " " + Pick(v.Sources, random) + ". ") };
        if (random.Next(2) == 0)
        {
            string address = Pick(Addresses, random);
            parts.Add(new Link(address, null, [new ModelText(address)]));
            parts.Add(new ModelText(". "));
        }
        parts.AddRange(Sentence(v, random));
        return parts;
    }
}
