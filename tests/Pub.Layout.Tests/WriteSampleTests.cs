using Pub.Pdf;

namespace Pub.Layout.Tests;

public sealed class WriteSampleTests
{
    [Fact]
    public void Sample_paper_writes_a_pdf()
    {
        var paged = Typesetter.Layout(SampleDocuments.Paper(), SampleDocuments.Settings(), TestFonts.Set);
        var bytes = PdfEditionWriter.Write(paged);
        var dir = Environment.GetEnvironmentVariable("PUB_LAYOUT_SAMPLE_DIR");
        if (dir is not null)
        {
            File.WriteAllBytes(Path.Combine(dir, "paper.pdf"), bytes);
            File.WriteAllText(Path.Combine(dir, "paper.layout.txt"), paged.Dump());
            var handbook = Typesetter.Layout(SampleDocuments.Handbook(), SampleDocuments.Settings(draft: true), TestFonts.Set);
            File.WriteAllBytes(Path.Combine(dir, "handbook.pdf"), PdfEditionWriter.Write(handbook));
        }
        Assert.True(bytes.Length > 1000);
    }
}
