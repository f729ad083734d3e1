using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using Pub.Layout.Paged;

namespace Pub.Pdf;

/// <summary>Info dictionary, XMP, language, and the parts PDFsharp would otherwise make random or time-dependent.</summary>
internal static class Metadata
{
    public static void Apply(PdfDocument pdf, PagedDocument document)
    {
        var m = document.Metadata;
        pdf.Info.Title = m.Title;
        pdf.Info.Author = string.Join(", ", m.Authors);
        if (m.Subject is not null)
            pdf.Info.Subject = m.Subject;
        if (m.Keywords.Count > 0)
            pdf.Info.Keywords = string.Join(", ", m.Keywords);
        pdf.Info.Creator = "pub";
        pdf.Language = m.Language;
        pdf.ViewerPreferences.DisplayDocTitle = true;
    }

    public static byte[] SaveDeterministic(PdfDocument pdf, PagedDocument document)
    {
        var m = document.Metadata;
        var date = m.Created ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        pdf.Info.CreationDate = date;
        pdf.Info.ModificationDate = date;
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
