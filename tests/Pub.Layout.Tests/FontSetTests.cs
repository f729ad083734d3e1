using Pub.Layout.Fonts;

namespace Pub.Layout.Tests;

public sealed class FontSetTests
{
    [Fact]
    public void Faces_are_identified_from_the_name_table()
    {
        var fonts = TestFonts.Set;
        Assert.Equal(12, fonts.Faces.Count);
        var boldItalic = fonts.Resolve(FontRole.Text, bold: true, italic: true);
        Assert.Equal("Source Serif 4", boldItalic.Family);
        Assert.True(boldItalic.Bold && boldItalic.Italic);
        Assert.Equal("Source Sans 3", fonts.Resolve(FontRole.Heading, true, false).Family);
        Assert.Equal("Roboto Mono", fonts.Resolve(FontRole.Mono, false, false).Family);
    }

    [Fact]
    public void Metrics_come_from_head_hhea_and_hmtx()
    {
        var face = TestFonts.Set.Resolve(FontRole.Text, false, false);
        Assert.Equal(1000, face.UnitsPerEm);
        Assert.True(face.Ascent > 0 && face.Descent < 0);
        Assert.True(face.HasGlyph('a') && face.HasGlyph(0x2014));
        Assert.True(face.Advance('m') > face.Advance('i'));
        // Widths add up glyph by glyph.
        Assert.Equal(face.Measure("mi", 10), face.Measure("m", 10) + face.Measure("i", 10), 6);
    }

    [Fact]
    public void Mono_face_has_equal_advances()
    {
        var mono = TestFonts.Set.Resolve(FontRole.Mono, false, false);
        Assert.Equal(mono.Advance('i'), mono.Advance('W'));
    }

    [Fact]
    public void Only_ttf_files_are_read_and_roles_can_be_remapped()
    {
        var files = TestFonts.Files().Append(("README.md", "not a font"u8.ToArray()));
        var fonts = FontSet.Load(files, new Dictionary<FontRole, string> { [FontRole.Heading] = "Source Serif 4" });
        Assert.Equal("Source Serif 4", fonts.Resolve(FontRole.Heading, true, false).Family);
    }

    [Fact]
    public void A_file_that_is_not_TrueType_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => FontSet.Load([("broken.ttf", new byte[64])]));
    }
}
