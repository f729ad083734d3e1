using System.Globalization;
using System.Security;
using System.Text;

namespace Pub.Pdf;

/// <summary>The document facts that the Info dictionary and the XMP packet both state; PDF/A requires the two to agree.</summary>
internal sealed record DocumentFacts(
    string Title,
    string Author,
    string? Subject,
    IReadOnlyList<string> Keywords,
    string Language,
    DateTime Date,
    string Creator,
    string Producer,
    string DocumentId,
    string InstanceId);

/// <summary>
/// The XMP metadata packet: Dublin Core (title, creator, description, subject, language), the XMP basic and
/// PDF schemas (dates, tools, keywords), media management ids, and the conformance claims: PDF/A-2b
/// (<c>pdfaid</c>) and PDF/UA-1 (<c>pdfuaid</c>). PDF/A-2 admits only its predefined schemas unless an
/// extension schema describes the others, so the packet carries the description of <c>pdfuaid</c>.
/// </summary>
internal static class XmpPacket
{
    public static byte[] Build(DocumentFacts facts)
    {
        string date = Date(facts.Date);
        var x = new StringBuilder();
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.Append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.Append("<rdf:Description rdf:about=\"\"\n");
        x.Append("  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
        x.Append("  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
        x.Append("  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
        x.Append("  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n");
        x.Append("  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n");
        x.Append("  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n");
        x.Append("  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n");
        x.Append("  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n");
        x.Append("  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
        x.Append("<dc:format>application/pdf</dc:format>\n");
        x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(facts.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (facts.Author.Length > 0)
            x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(E(facts.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (facts.Subject is { } subject)
            x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        if (facts.Keywords.Count > 0)
        {
            x.Append("<dc:subject><rdf:Bag>");
            foreach (var keyword in facts.Keywords)
                x.Append("<rdf:li>").Append(E(keyword)).Append("</rdf:li>");
            x.Append("</rdf:Bag></dc:subject>\n");
            x.Append("<pdf:Keywords>").Append(E(string.Join(", ", facts.Keywords))).Append("</pdf:Keywords>\n");
        }
        x.Append("<dc:language><rdf:Bag><rdf:li>").Append(E(facts.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n");
        x.Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n");
        x.Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n");
        x.Append("<xmp:CreatorTool>").Append(E(facts.Creator)).Append("</xmp:CreatorTool>\n");
        x.Append("<pdf:Producer>").Append(E(facts.Producer)).Append("</pdf:Producer>\n");
        x.Append("<xmpMM:DocumentID>uuid:").Append(facts.DocumentId).Append("</xmpMM:DocumentID>\n");
        x.Append("<xmpMM:InstanceID>uuid:").Append(facts.InstanceId).Append("</xmpMM:InstanceID>\n");
        x.Append("<pdfaid:part>2</pdfaid:part>\n");
        x.Append("<pdfaid:conformance>B</pdfaid:conformance>\n");
        x.Append("<pdfuaid:part>1</pdfuaid:part>\n");
        x.Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n");
        x.Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n");
        x.Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n");
        x.Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n");
        x.Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n");
        x.Append("<pdfaProperty:name>part</pdfaProperty:name>\n");
        x.Append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n");
        x.Append("<pdfaProperty:category>internal</pdfaProperty:category>\n");
        x.Append("<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n");
        x.Append("</rdf:li></rdf:Seq></pdfaSchema:property>\n");
        x.Append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n");
        x.Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
        // Padding lets an editor grow the packet in place, as the XMP specification recommends.
        for (int i = 0; i < 20; i++)
            x.Append(' ', 99).Append('\n');
        x.Append("<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    /// <summary>The date as XMP writes it; the Info dictionary states the same instant (<see cref="PdfDate"/>).</summary>
    public static string Date(DateTime date) => date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string PdfDate(DateTime date) => date.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);

    private static string E(string text) => SecurityElement.Escape(text) ?? "";
}
