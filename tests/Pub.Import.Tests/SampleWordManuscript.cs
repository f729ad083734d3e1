using DocumentFormat.OpenXml.Wordprocessing;
using static Pub.Import.Tests.WordFixture;

namespace Pub.Import.Tests;

/// <summary>
/// The generator of tests/fixtures/import/sample-zotero.docx, a short Word manuscript written for the project,
/// laid out as an author using Zotero would send it: Title, Subtitle, Author and Abstract paragraphs, typed
/// heading numbers, Zotero citation fields (works of the series' bibliography, found by DOI or by title, year
/// and author, and one work it lacks), a footnote, a nested list, a quotation, a table with its caption above
/// and a cross-reference to it, and a picture with its caption and description. Rewrite the file with
/// <c>PUB_UPDATE_GOLDEN=1</c> when this changes.
/// </summary>
public static class SampleWordManuscript
{
    public const string RepositoryPath = "tests/fixtures/import/sample-zotero.docx";

    private const string Osce2010 = """{"id":"101","type":"report","title":"Unprotected Work, Invisible Exploitation: Trafficking for the Purpose of Domestic Servitude","author":[{"literal":"OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings"}],"issued":{"date-parts":[["2010"]]},"publisher":"OSCE","publisher-place":"Vienna"}""";
    private const string Gallagher2010 = """{"id":"102","type":"book","title":"The International Law of Human Trafficking","author":[{"family":"Gallagher","given":"Anne T."}],"issued":{"date-parts":[["2010"]]},"publisher":"Cambridge University Press","publisher-place":"Cambridge","DOI":"10.1017/CBO9780511761065"}""";
    private const string Stoyanova2017 = """{"id":"103","type":"book","title":"Human Trafficking and Slavery Reconsidered: Conceptual Limits and States' Positive Obligations in European Law","author":[{"family":"Stoyanova","given":"Vladislava"}],"issued":{"date-parts":[["2017"]]},"publisher":"Cambridge University Press","publisher-place":"Cambridge"}""";
    private const string Kara2017 = """{"id":"104","type":"book","title":"Modern Slavery: A Global Perspective","author":[{"family":"Kara","given":"Siddharth"}],"issued":{"date-parts":[["2017"]]},"publisher":"Columbia University Press","publisher-place":"New York"}""";

    /// <summary>A 4×2 PNG (grey and white halves), enough for a picture part.</summary>
    public static byte[] Png { get; } = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000040000000208000000005AC322BF000000104944415478DA636868F8FF9F014400001BFA05FDB1F207C60000000049454E44AE426082");

    public static byte[] Build()
    {
        var word = new WordFixture { Creator = "Mira Kovač", Keywords = "recruitment fees; debt bondage; labour migration; forced labour" };
        word.Paragraph("Title", T("Recruitment Fees and Debt Bondage in Labour Migration"))
            .Paragraph("Subtitle", T("How Charges Paid Before Departure Become Control at Destination"))
            .Paragraph("Author", T("Mira Kovač"))
            .Paragraph("Abstract", T("Workers who borrow to pay a recruiter arrive owing more than they can earn. This paper traces how such debts are used to keep workers in place and what States can do to break the link."))
            .Paragraph("Heading1", T("1. Introduction"))
            .Paragraph(null, [T("Debt has long been a means of control in the exploitation of migrant workers. The OSCE has described how workers in private households are kept by debts they cannot repay "),
                .. Field(Zotero((Osce2010, "")), "(OSCE Office of the Special Representative 2010)"), T(".")])
            .Paragraph(null, [T("International law treats debt bondage as a practice similar to slavery, and the Trafficking Protocol lists it among the means of exploitation "),
                .. Field(Zotero((Gallagher2010, "\"locator\":\"12-14\",\"label\":\"page\",\"prefix\":\"see\"")), "(see Gallagher 2010, 12–14)"), T(".")])
            .Paragraph("Heading1", T("2. From fee to debt"))
            .Paragraph(null, T("A typical sequence has three stages:"))
            .ListItem(1, 0, "a fee charged before departure, often several months' wages;")
            .ListItem(2, 1, "a loan from the recruiter or a lender linked to it;")
            .ListItem(2, 1, "deductions from wages at destination;")
            .ListItem(1, 0, "a debt that grows faster than it is repaid.")
            .Paragraph("Quote", T("The worker is free to leave, but only after the debt is paid, and the debt is never paid."))
            .Paragraph(null, T("The courts have held that such an arrangement may amount to forced labour"), word.Footnote(P(null, [T("On the positive obligations of States in these cases, see "),
                .. Field(Zotero((Stoyanova2017, "\"locator\":\"5\",\"label\":\"chapter\"")), "Stoyanova, ch. 5"), T(".")])), T(". "),
                Italic("Who"), T(" charges the fee matters less than "), Bold("whether"), T(" the worker can refuse it."))
            .Paragraph(null, [T("Kara "), .. Field(Zotero((Kara2017, "\"locator\":\"54\",\"label\":\"page\",\"suppress-author\":true")), "(2017, 54)"),
                T(" finds the same pattern across several regions; "), .. Field("REF _Ref1001 \\h", "Table 1"), T(" sets out where fees are charged.")])
            .Add(P("Caption", new BookmarkStart { Id = "1", Name = "_Ref1001" }, T("Table 1"), new BookmarkEnd { Id = "1" }, T(": Where recruitment fees are charged and who may charge them")))
            .Add(Table([["Stage", "Charged by", "Lawful under ILO Convention No. 181"], ["Before departure", "Private agency", "No"], ["At destination", "Employer", "No"]]))
            .Picture(Png, "Two squares, grey and white, standing for the share of workers who paid a fee and the share who did not.")
            .Paragraph("Caption", T("Figure 1: Workers who paid a recruitment fee (illustration)"))
            .Paragraph("Heading1", T("3. Conclusions"))
            .Paragraph(null, T("Banning recruitment fees is a necessary step; enforcing the ban where the debt is owed is the harder one."));
        return word.Build();
    }
}
