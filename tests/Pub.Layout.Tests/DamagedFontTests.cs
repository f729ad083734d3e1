using Pub.Layout.Fonts;
using Pub.Syntax;

namespace Pub.Layout.Tests;

/// <summary>A damaged .ttf in a fonts folder is reported by name and left out; the other fonts are used. Before,
/// such a file threw from the reader (an index past the end of the file, or an allocation of billions of
/// entries) and took the PDF editions with it.</summary>
public sealed class DamagedFontTests
{
    private static (string, byte[]) Sound => TestFonts.Files().First(f => f.Item1 == "RobotoMono_400Regular.ttf");

    private static (FontSet? Set, List<Diagnostic> Problems) Read(params (string, byte[])[] files)
    {
        var problems = new List<Diagnostic>();
        return (FontSet.Read(files, problems), problems);
    }

    private static void ReportedAndLeftOut(byte[] damaged, string why)
    {
        var (set, problems) = Read(("broken.ttf", damaged), Sound);

        var problem = Assert.Single(problems);
        Assert.Equal((Codes.UnreadableFont.Id, Severity.Error, "broken.ttf"), (problem.Code, problem.Severity, problem.Path));
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
        Assert.Equal(["RobotoMono-Regular"], set!.Faces.Select(f => f.Id));
    }

    [Fact]
    public void Text_with_a_ttf_name_is_reported() =>
        ReportedAndLeftOut("This is not a font, only a file named like one.\n"u8.ToArray(), "not a TrueType font");

    [Fact]
    public void A_font_cut_short_is_reported() =>
        ReportedAndLeftOut(Sound.Item2[..2000], "lies outside the file");

    [Fact]
    public void A_table_directory_with_a_huge_offset_is_reported()
    {
        var font = (byte[])Sound.Item2.Clone();
        // the first table record's offset (bytes 12 + 8) set to 0xFFFFFFF0: offset + length wrapped round before
        font[20] = 0xFF;
        font[21] = 0xFF;
        font[22] = 0xFF;
        font[23] = 0xF0;
        ReportedAndLeftOut(font, "lies outside the file");
    }

    [Fact]
    public void With_no_readable_font_there_is_no_set_and_load_says_why()
    {
        var (set, problems) = Read(("broken.ttf", [1, 2, 3]));

        Assert.Null(set);
        Assert.Single(problems);
        var error = Assert.Throws<InvalidDataException>(() => FontSet.Load([("broken.ttf", [1, 2, 3])]));
        Assert.Contains("broken.ttf", error.Message, StringComparison.Ordinal);
    }
}
