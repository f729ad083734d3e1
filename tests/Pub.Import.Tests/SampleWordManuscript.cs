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

    /// <summary>The picture: a bar chart drawn pixel by pixel (two bars, 64 and 36 per cent, on white), as PNG.</summary>
    public static byte[] Png { get; } = BarChart(320, 120, [0.64, 0.36]);

    private static byte[] BarChart(int width, int height, double[] shares)
    {
        var pixels = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width + 1);
            pixels[row] = 0; // no filter
            var bar = y * shares.Length / height;
            var inBar = y % (height / shares.Length) is var offset && offset > 8 && offset < height / shares.Length - 8;
            for (var x = 0; x < width; x++)
            {
                pixels[row + 1 + x] = (byte)(inBar && x < shares[bar] * width ? (bar == 0 ? 0x55 : 0xAA) : 0xFF);
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(pixels);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8-bit greyscale
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var buffer = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typed));
        png.Write(buffer);
    }

    // PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: the picture is small.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

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
            .Picture(Png, "Bar chart with two bars: 64 per cent of the workers paid a recruitment fee, 36 per cent did not.")
            .Paragraph("Caption", T("Figure 1: Share of workers who paid a recruitment fee (illustrative figures)"))
            .Paragraph("Heading1", T("3. Conclusions"))
            .Paragraph(null, T("Banning recruitment fees is a necessary step; enforcing the ban where the debt is owed is the harder one."));
        return word.Build();
    }
}
