// Sentences of ordinary report prose about the series' subject, from phrase lists written for the corpus:
// varied lengths, numbers and percentages, long compounds and the occasional emphasis, as real papers have.
namespace Pub.Corpus;

public sealed class Prose(Seeded random)
{
    private static readonly string[] Subjects =
    [
        "the national referral mechanism", "labour inspectors", "most participating States", "the specialised police unit",
        "non-governmental organisations", "the prosecution service", "private recruitment agencies", "the court of appeal",
        "presumed victims", "municipal social services", "the national rapporteur", "employers in seasonal agriculture",
        "frontline officers", "the survey of shelters", "trade unions", "the financial intelligence unit",
        "the interministerial working group", "consular staff", "child-protection services", "the legislator",
        "researchers in the region", "the evaluation team", "several delegations", "the monitoring body",
    ];

    private static readonly string[] Verbs =
    [
        "identified", "reported", "rarely examined", "described in detail", "referred", "could not verify",
        "continued to rely on", "documented", "consistently underestimated", "published figures on", "reviewed",
        "compensated", "were asked about", "prosecuted", "drew attention to", "recommended changes to",
        "collected data on", "took account of", "struggled to detect", "gave priority to",
    ];

    private static readonly string[] Objects =
    [
        "cases of forced labour", "the indicators of exploitation", "debt bondage in construction", "recruitment fees charged abroad",
        "the residence permits granted to victims", "the situation of seasonal workers", "the conditions of domestic work",
        "unlawful wage deductions", "the data of the previous reporting period", "confiscated identity documents",
        "long subcontracting chains", "the recovery and reflection period", "exploitation in online platforms",
        "the assets of convicted traffickers", "the complaints of posted workers", "the referral of unaccompanied children",
        "the principle of non-punishment", "the testimony of victims in court", "labour exploitation in care work",
    ];

    private static readonly string[] Modifiers =
    [
        "in 2019", "by 37 per cent", "in three of the five regions", "after the reform of 2015", "despite repeated requests",
        "for the first time", "between 2012 and 2018", "in at least 1,240 cases", "under Article 4(a) of the Convention",
        "within 30 days", "without a formal complaint", "as the evaluation showed", "in the capital and two border regions",
        "during the reporting period", "with the support of international partners", "in more than half of the files reviewed",
        "at considerable cost", "over a period of eighteen months",
    ];

    private static readonly string[] Connectives =
    [
        "However,", "Moreover,", "In practice,", "By contrast,", "As a result,", "Nevertheless,", "In several countries,",
        "For example,", "At the same time,", "In most cases,", "Equally important,", "Unsurprisingly,",
    ];

    private static readonly string[] Clauses =
    [
        "which made comparisons between years difficult", "although the underlying legislation had not changed",
        "because the competent authorities lacked a shared definition", "while the number of convictions remained low",
        "so that victims were often treated as irregular migrants", "even though the indicators were widely known",
        "which left a gap in the protection of children", "as long as the employer controlled the accommodation",
        "since the interinstitutional agreements were never implemented",
        "in part because of the disproportionately short limitation periods",
    ];

    private static readonly string[] Claims =
    [
        "exploitation in the private household is the hardest to detect",
        "non-punishment provisions are applied inconsistently",
        "recruitment fees lie at the root of most cases of debt bondage",
        "the number of identified victims reflects enforcement effort more than prevalence",
        "multidisciplinary teams identify more victims than any single agency",
        "compensation orders are rarely enforced against traffickers",
        "labour inspectors need a clear mandate to enter private workplaces",
    ];

    private static readonly string[] EmphasisedTerms =
    [
        "de facto", "per se", "ex officio", "bona fide", "inter alia", "mutatis mutandis",
    ];

    private string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One sentence without citations, ending with its full stop.</summary>
    public string Sentence() => random.Next(6) switch
    {
        0 => $"{random.Pick(Connectives)} {random.Pick(Subjects)} {random.Pick(Verbs)} {random.Pick(Objects)} {random.Pick(Modifiers)}.",
        1 => $"{Capitalised(random.Pick(Subjects))} {random.Pick(Verbs)} {random.Pick(Objects)}, {random.Pick(Clauses)}.",
        2 => $"{Capitalised(random.Pick(Subjects))} {random.Pick(Verbs)} {random.Pick(Objects)} {random.Pick(Modifiers)}.",
        3 => $"{random.Pick(Connectives)} {random.Pick(Subjects)} {random.Pick(Verbs)} {random.Pick(Objects)} and {random.Pick(Objects)}, {random.Pick(Clauses)}.",
        4 => $"{Capitalised(random.Pick(Subjects))} {random.Pick(Verbs)} {random.Pick(Objects)}.",
        _ => $"In {random.Between(11, 94)} per cent of the cases, {random.Pick(Subjects)} {random.Pick(Verbs)} {random.Pick(Objects)} {random.Pick(Modifiers)}.",
    };

    /// <summary>What follows a narrative citation's author and year: " argues that …".</summary>
    public string NarrativeClaim() => $" {random.Pick(["argues", "shows", "concludes", "observes"])} that {random.Pick(Claims)}.";

    public string EmphasisedTerm() => random.Pick(EmphasisedTerms);

    /// <summary>A short phrase for a list item or a table cell.</summary>
    public string Phrase() => Capitalised($"{random.Pick(Verbs)} {random.Pick(Objects)}");

    public string Object() => Capitalised(random.Pick(Objects));

    public string Modifier() => random.Pick(Modifiers);
}
