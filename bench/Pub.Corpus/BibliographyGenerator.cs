// About 300 references of the kinds a paper of the series cites: journal articles, monographs and edited
// volumes, chapters, reports of international organisations, judgments, laws and treaties, web pages.
// Names, titles and publishers are drawn from lists written for the corpus; nothing names a real work.
namespace Pub.Corpus;

public static class BibliographyGenerator
{
    private static readonly string[] GivenNames =
    [
        "Anna", "Marta", "Irina", "Olena", "Sofia", "Lena", "Nadia", "Claire", "Helen", "Maria", "Elif", "Ana",
        "Katarzyna", "Laura", "Julia", "Eva", "Nino", "Aigerim", "Dilnoza", "Jana", "Petra", "Sara", "Ines",
        "Thomas", "Martin", "Pavel", "Dmitri", "Andrei", "Jonas", "Lukas", "David", "Michael", "Peter", "Marco",
        "Ivan", "Tomasz", "Giorgi", "Arman", "Rustam", "Jean-Luc", "Hans-Peter", "Mehmet", "Samuel", "Oliver",
    ];

    private static readonly string[] FamilyNames =
    [
        "Novak", "Kowalska", "Petrenko", "Horvath", "Ivanova", "Schneider", "Moreau", "Rossi", "Lindqvist", "Jansen",
        "Kovacs", "Popescu", "Dimitrova", "Nowak", "Bauer", "Fischer", "Laurent", "Bianchi", "Andersson", "de Vries",
        "Yilmaz", "Gashi", "Hoxha", "Beridze", "Abdullayev", "Nurlanova", "Karimova", "Tkachenko", "Shevchenko",
        "Williams", "Thompson", "O'Connor", "McAllister", "Fernandez", "Garcia Lopez", "van den Berg", "Mueller",
        "Zielinski", "Marinescu", "Stojanovic", "Kuznetsova", "Volkova", "Halvorsen", "Costa", "Pereira", "Dubois",
    ];

    private static readonly string[] Organisations =
    [
        "OSCE Office for Democratic Institutions and Human Rights",
        "Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
        "Group of Experts on Action against Trafficking in Human Beings",
        "International Labour Organization",
        "United Nations Office on Drugs and Crime",
        "European Union Agency for Fundamental Rights",
        "International Organization for Migration",
        "European Commission",
        "Council of Europe",
        "Inter-Agency Coordination Group against Trafficking in Persons",
        "European Union Agency for Law Enforcement Cooperation",
        "Office of the United Nations High Commissioner for Human Rights",
    ];

    private static readonly string[] Journals =
    [
        "Journal of Migration and Labour Rights", "Anti-Exploitation Review", "European Journal of Criminal Policy",
        "International Review of Victimology Studies", "Journal of Human Rights Practice and Policy",
        "Crime, Law and Social Change Quarterly", "Labour Law Journal of Central Europe", "Global Crime and Justice",
        "Migration Studies Review", "Social Policy and Administration Studies",
    ];

    private static readonly string[] Publishers =
    [
        "Northbridge University Press|Cambridge", "Harbour Academic|London", "Intersentia Legal|Antwerp",
        "Edition Donaukanal|Vienna", "Baltic Academic Publishers|Riga", "Presses universitaires du Rhône|Lyon",
        "Wydawnictwo Naukowe Vistula|Warsaw", "Policy Press Europe|Bristol", "Routledge Scholarly|Abingdon",
        "Nomos Rechtswissenschaft|Baden-Baden",
    ];

    private static readonly string[] Topics =
    [
        "Forced Labour", "Debt Bondage", "Domestic Servitude", "Labour Exploitation", "Child Trafficking",
        "Victim Identification", "Non-Punishment", "Recruitment Fees", "Supply Chains", "Sexual Exploitation",
        "Online Recruitment", "Compensation for Victims", "Labour Inspection", "Financial Investigations",
        "Migrant Workers", "Seasonal Agriculture", "Construction Work", "National Referral Mechanisms",
        "Asylum Procedures", "Criminal Justice Responses", "Prevention Policies", "Due Diligence",
    ];

    private static readonly string[] TitleFrames =
    [
        "{0} in the OSCE Region: Patterns and Responses",
        "Rethinking {0}: Evidence from Five Countries",
        "{0} and the Law: A Comparative Study",
        "The Politics of {0}",
        "{0} and {1}: Connections and Gaps",
        "Measuring {0}: Methods, Data and Limits",
        "From {0} to {1}: Policy Lessons",
        "Understanding {0} in Europe and Central Asia",
        "{0}: A Handbook for Practitioners",
        "Who Pays for {0}? Costs, Victims and Remedies",
        "{0} after the Pandemic",
        "Cross-Border Cooperation on {0}",
    ];

    private static readonly string[] Places = ["Vienna", "Warsaw", "Geneva", "Strasbourg", "Brussels", "The Hague", "New York"];

    /// <summary>The shared bibliography: <paramref name="count"/> references with unique keys.</summary>
    public static IReadOnlyList<Reference> Generate(Seeded random, int count)
    {
        var references = new List<Reference>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var reference = (i % 20) switch
            {
                < 6 => Article(random),
                < 10 => Book(random, edited: i % 20 == 9),
                < 13 => Chapter(random),
                < 17 => Report(random),
                17 => Case(random),
                18 => random.Chance(0.5) ? Law(random) : Treaty(random),
                _ => WebPage(random),
            };
            references.Add(reference with { Id = UniqueKey(reference, keys) });
        }
        return references;
    }

    private static string UniqueKey(Reference reference, HashSet<string> keys)
    {
        var first = reference.Authors.Count > 0 ? reference.Authors[0] : reference.Editors.Count > 0 ? reference.Editors[0] : null;
        var stem = first switch
        {
            { Family: { } family } => family,
            { Literal: { } literal } => string.Concat(literal.Split(' ').Where(w => w.Length > 2 && char.IsUpper(w[0])).Select(w => w[0])),
            _ => reference.Title.Split(' ')[0],
        };
        var key = new string([.. stem.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) + "-" + reference.Year;
        var unique = key;
        for (var suffix = 'a'; !keys.Add(unique); suffix++)
        {
            unique = key + suffix;
        }
        return unique;
    }

    private static Name Person(Seeded random) => new(random.Pick(FamilyNames), random.Pick(GivenNames));

    private static List<Name> People(Seeded random, int min, int max) =>
        [.. Enumerable.Range(0, random.Between(min, max)).Select(_ => Person(random)).DistinctBy(n => n.Family)];

    private static string Title(Seeded random)
    {
        var topics = random.PickDistinct(Topics, 2);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(TitleFrames), topics[0], topics[1]);
    }

    private static (string Publisher, string Place) Publisher(Seeded random)
    {
        var parts = random.Pick(Publishers).Split('|');
        return (parts[0], parts[1]);
    }

    private static int Year(Seeded random) => random.Between(1998, 2025);

    private static string Doi(Seeded random, string prefix) =>
        $"10.{random.Between(1000, 9999)}/{prefix}.{random.Between(2000, 2025)}.{random.Between(100000, 999999)}";

    private static Reference Article(Seeded random)
    {
        var first = random.Between(1, 420);
        return new Reference(string.Empty, "article-journal", Title(random))
        {
            Authors = People(random, 1, 4),
            Year = Year(random),
            ContainerTitle = random.Pick(Journals),
            Volume = random.Between(3, 48).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Issue = random.Between(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pages = $"{first}–{first + random.Between(12, 34)}",
            Doi = random.Chance(0.8) ? Doi(random, "jmlr") : null,
        };
    }

    private static Reference Book(Seeded random, bool edited)
    {
        var (publisher, place) = Publisher(random);
        return new Reference(string.Empty, "book", Title(random))
        {
            Authors = edited ? [] : People(random, 1, 3),
            Editors = edited ? People(random, 1, 3) : [],
            Year = Year(random),
            Publisher = publisher,
            Place = place,
        };
    }

    private static Reference Chapter(Seeded random)
    {
        var (publisher, place) = Publisher(random);
        var first = random.Between(1, 300);
        return new Reference(string.Empty, "chapter", Title(random))
        {
            Authors = People(random, 1, 2),
            Editors = People(random, 1, 3),
            ContainerTitle = Title(random),
            Year = Year(random),
            Publisher = publisher,
            Place = place,
            Pages = $"{first}–{first + random.Between(15, 30)}",
        };
    }

    private static Reference Report(Seeded random)
    {
        var organisation = random.Pick(Organisations);
        var corporate = random.Chance(0.7);
        return new Reference(string.Empty, "report", Title(random))
        {
            Authors = corporate ? [Name.Organisation(organisation)] : People(random, 1, 3),
            Year = Year(random),
            Publisher = organisation,
            Place = random.Pick(Places),
            Number = random.Chance(0.4) ? $"No. {random.Between(1, 40)}" : null,
            Url = random.Chance(0.6) ? $"https://www.example.org/documents/{random.Between(100000, 999999)}/report-{random.Between(1, 99)}.pdf" : null,
        };
    }

    private static Reference Case(Seeded random)
    {
        var applicant = random.Pick(FamilyNames);
        var state = random.Pick(new[] { "Austria", "Poland", "Georgia", "Italy", "the United Kingdom", "Türkiye", "Moldova", "Greece" });
        return new Reference(string.Empty, "legal_case", $"{applicant} v. {state}")
        {
            Authority = "European Court of Human Rights",
            Number = $"{random.Between(1000, 99999)}/{random.Between(10, 22)}",
            Year = random.Between(2005, 2025),
            Month = random.Between(1, 12),
            Day = random.Between(1, 28),
        };
    }

    private static Reference Law(Seeded random) =>
        new(string.Empty, "legislation", $"Act on the Prevention of {random.Pick(Topics)}")
        {
            Year = Year(random),
            Number = $"{random.Between(10, 400)}/{random.Between(2000, 2024)}",
            ContainerTitle = "Official Gazette",
        };

    private static Reference Treaty(Seeded random) =>
        new(string.Empty, "treaty", $"Convention on Cooperation against {random.Pick(Topics)}")
        {
            Authors = [Name.Organisation("Council of Europe")],
            Year = Year(random),
            Number = $"CETS No. {random.Between(150, 230)}",
            Place = random.Pick(Places),
        };

    private static Reference WebPage(Seeded random)
    {
        var organisation = random.Pick(Organisations);
        return new Reference(string.Empty, "webpage", Title(random))
        {
            Authors = [Name.Organisation(organisation)],
            ContainerTitle = organisation,
            Year = Year(random),
            Month = random.Between(1, 12),
            Url = $"https://www.example.org/news/{random.Between(2015, 2025)}/{random.Between(1, 12):00}/item-{random.Between(1000, 9999)}",
            Accessed = $"2025-{random.Between(1, 12):00}-{random.Between(1, 28):00}",
        };
    }
}
