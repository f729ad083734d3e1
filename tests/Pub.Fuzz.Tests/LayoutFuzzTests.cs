using CsCheck;
using Pub.Layout;
using Pub.Layout.Fonts;
using Pub.Layout.Images;
using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Fuzz.Tests;

/// <summary>What layout reads besides the document (image headers, font files) and the layout of parsed manuscripts.</summary>
public sealed class LayoutFuzzTests
{
    private static readonly Lazy<FontSet> ShippedFonts = new(() => FontSet.Load(
        Directory.GetFiles(Path.Combine(Seeds.RepositoryRoot, "templates", "fonts"), "*.ttf").Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))));

    [Fact]
    public void Image_headers_read_to_a_size_or_nothing() =>
        FuzzRun.Check(Mutations.Bytes(Seeds.Images), m =>
        {
            if (ImageHeader.Read(m.Value) is { } header)
            {
                Assert.True(header.PixelWidth > 0 && header.PixelHeight > 0, $"{header.PixelWidth}×{header.PixelHeight} pixels");
                Assert.True(double.IsFinite(header.WidthPoints) && header.WidthPoints > 0, $"{header.WidthPoints} points wide");
                Assert.True(double.IsFinite(header.HeightPoints) && header.HeightPoints > 0, $"{header.HeightPoints} points high");
            }
        }, Mutations.Show, cases: 400);

    [Fact]
    public void Svg_files_read_to_a_drawing_or_problems_and_never_throw() =>
        FuzzRun.Check(Mutations.Text(Seeds.Svgs), m =>
        {
            var figure = Pub.Layout.Vector.SvgReader.Read(System.Text.Encoding.UTF8.GetBytes(m.Value));
            if (!figure.Drawable)
            {
                Assert.NotEmpty(figure.Problems);
                return;
            }
            Assert.True(double.IsFinite(figure.Width) && figure.Width > 0 && figure.Width <= Pub.Layout.Vector.SvgReader.MaxSide, $"{figure.Width} points wide");
            Assert.True(double.IsFinite(figure.Height) && figure.Height > 0 && figure.Height <= Pub.Layout.Vector.SvgReader.MaxSide, $"{figure.Height} points high");
            foreach (var path in figure.Marks.OfType<Pub.Layout.Vector.VectorPath>())
            {
                Assert.All(path.Steps, s => Assert.True(double.IsFinite(s.P1.X + s.P1.Y + s.P2.X + s.P2.Y + s.P3.X + s.P3.Y), $"{s}"));
                Assert.True(double.IsFinite(path.StrokeWidth) && path.StrokeWidth >= 0, $"stroke {path.StrokeWidth}");
            }
            foreach (var text in figure.Marks.OfType<Pub.Layout.Vector.SvgText>())
                Assert.True(double.IsFinite(text.Size * text.Transform.Scale), $"text size {text.Size}");
        }, Mutations.Show, cases: 300);

    /// <summary>Text that reaches every table a face is read from: Latin with kerning pairs, Cyrillic, Greek,
    /// ligatures, a character outside the BMP and one no font has.</summary>
    private const string Sample = "AVAT To Wa ff fi — Жжя Ωμέγα 𝒜 \uFFFF\u0378";

    [Fact]
    public void Font_files_load_or_are_reported_and_what_loads_can_measure() =>
        FuzzRun.Check(Mutations.Bytes(Seeds.Fonts), m =>
        {
            // The damaged file sorts first, so that it is the face kept when its name matches the sound one's.
            var sound = Seeds.Fonts[0];
            var problems = new List<Diagnostic>();
            var set = FontSet.Read([("A-damaged.ttf", m.Value), sound], problems);
            Assert.NotNull(set);
            Assert.All(problems, p => Assert.Equal(("A-damaged.ttf", Codes.UnreadableFont.Id), (p.Path, p.Code)));
            // either the damaged file was read (it sorts first, so it is kept even when it names the sound face) or it is reported
            Assert.True(problems.Count == 1 || set.Faces.Count is 1 or 2, $"{problems.Count} problems and {set.Faces.Count} faces");
            foreach (var face in set.Faces)
            {
                Assert.True(double.IsFinite(face.Measure(Sample, 10)), $"{face.Id} measures the sample as infinite");
                _ = face.Kerns(Sample, 10);
                foreach (var rune in Sample.EnumerateRunes())
                {
                    _ = face.HasGlyph(rune.Value);
                    _ = face.Advance(rune.Value);
                }
            }
        }, Mutations.Show, cases: 60, caseSeconds: 20);

    private static readonly string[] CellPieces = ["x", "word ", "Антиторговля ", "[@k]", "**b**", "`c`", "\\|", "{#tbl-x}", "", "  ", "averyveryverylongunbreakablewordwithoutanyhyphenationpoints"];

    /// <summary>A pipe table of 1 to 90 columns: wide tables squeeze every column below the width of its words.</summary>
    private static readonly Gen<string> WideTables = Gen.Select(Gen.Int[1, 90], Gen.Int[1, 4], Gen.Int[0, CellPieces.Length - 1].Array[1, 400], (columns, rows, cells) =>
    {
        var table = new System.Text.StringBuilder("Table: Wide {#tbl-w}\n\n");
        int next = 0;
        for (int row = 0; row < rows + 2; row++)
        {
            for (int c = 0; c < columns; c++)
                table.Append("| ").Append(row == 1 ? "---" : CellPieces[cells[next++ % cells.Length]]).Append(' ');
            table.Append("|\n");
        }
        return "---\ntitle: Wide\n---\n\n" + table;
    });

    private static LayoutSettings Settings => new()
    {
        SeriesTitle = "Occasional Papers",
        NumberLabel = "Occasional Paper No. 1",
        Year = 2025,
        Images = new Dictionary<string, byte[]>
        {
            ["figures/a.png"] = Seeds.SmallPng(100_000, 100_000),
            ["b.jpg"] = Seeds.SmallJpeg(1, 65_535),
            ["figures/referral-times.png"] = Seeds.Images[0].Bytes,
        },
    };

    private static void LaysOut(string text)
    {
        var parsed = ManuscriptParser.Parse(new SourceText("paper.md", text), ManuscriptKind.Chapter);
        if (parsed.Document is not { } document)
            return;
        var paged = Typesetter.Layout(document, Settings, ShippedFonts.Value);
        Assert.NotEmpty(paged.Pages);
        Properties.SpansInside(paged.Diagnostics);
    }

    private static readonly Gen<string> Laid = Gen.OneOf(
        Mutations.Text(Seeds.ShortManuscripts, 4).Select(m => m.Value),
        WideTables,
        MarkdownFuzzTests.Structure(80));

    [Fact]
    public void Parsed_manuscripts_lay_out() =>
        FuzzRun.Check(Laid, LaysOut, t => Mutations.Show(t), cases: 12, caseSeconds: 60);
}
