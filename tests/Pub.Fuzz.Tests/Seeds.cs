using System.Buffers.Binary;
using System.Text;

namespace Pub.Fuzz.Tests;

/// <summary>
/// The real files the fuzzers start from: the sample manuscripts and bibliographies under papers/, the
/// fixtures under tests/fixtures, the shipped styles and fonts under templates/, the official styles and
/// locales in ../shared when it is there, and a few files written for these tests under Seeds/.
/// </summary>
internal static class Seeds
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PubPipeline.sln not found above the test folder");
    }

    private static string Shared(string folder) => Path.Combine(Path.GetDirectoryName(RepositoryRoot)!, "shared", "csl", folder);

    private static IEnumerable<string> Files(string folder, string pattern, SearchOption option = SearchOption.AllDirectories) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern, option).Order(StringComparer.Ordinal) : [];

    private static string InRepo(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static List<(string, string)> Texts(IEnumerable<string> paths, int maxChars = int.MaxValue) =>
        [.. paths.Select(p => (Path.GetRelativePath(RepositoryRoot, p), File.ReadAllText(p))).Where(t => t.Item2.Length <= maxChars)];

    private static readonly Lazy<List<(string, string)>> manuscripts = new(() => Texts(
        Files(InRepo("papers"), "*.md").Concat(Files(InRepo("tests", "fixtures", "markdown"), "*.md"))));

    /// <summary>Manuscripts: the sample papers and chapters and the Markdown fixtures.</summary>
    public static IReadOnlyList<(string Name, string Text)> Manuscripts => manuscripts.Value;

    /// <summary>Manuscripts short enough to lay out many times in a test run.</summary>
    public static IReadOnlyList<(string Name, string Text)> ShortManuscripts { get; } =
        [.. Texts(Files(InRepo("tests", "fixtures", "markdown"), "*.md"), 3000)];

    public static IReadOnlyList<(string Name, string Text)> BibTeX { get; } = Texts(Files(InRepo("tests", "Pub.Fuzz.Tests", "Seeds"), "*.bib"));

    public static IReadOnlyList<(string Name, string Text)> CslJson { get; } = Texts(
        Files(InRepo("tests", "fixtures", "citeproc", "corpus"), "references.json"));

    public static IReadOnlyList<(string Name, string Text)> CslYaml { get; } = Texts(
        [InRepo("papers", "references.yaml"), InRepo("tests", "fixtures", "citations", "references.yaml")]);

    /// <summary>The house styles and, when ../shared is there, the official styles (only the smaller ones, for speed).</summary>
    public static IReadOnlyList<(string Name, string Text)> Styles { get; } = Texts(
        Files(InRepo("templates", "csl"), "*.csl").Concat(Files(Shared("styles"), "*.csl").Take(8)), 40_000);

    public static IReadOnlyList<(string Name, string Text)> Locales { get; } =
    [
        .. new[] { "en-US", "en-GB", "ru-RU", "de-DE", "fr-FR" }
            .Select(Pub.Citations.BuiltinLocales.Load).OfType<Pub.Syntax.SourceText>().Select(s => (s.Path, s.Text)),
        .. Texts(Files(Shared("locales"), "*.xml").Take(2)),
    ];

    public static IReadOnlyList<(string Name, string Text)> Config { get; } = Texts([InRepo("pub.yaml")]);

    public static IReadOnlyList<(string Name, string Text)> Registries { get; } = Texts(Files(InRepo("papers"), "catalogue-*.yaml", SearchOption.TopDirectoryOnly));

    public static IReadOnlyList<(string Name, byte[] Bytes)> Images { get; } =
    [
        .. Files(InRepo("papers"), "*.png").Take(2).Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))),
        ("small.png", SmallPng(120, 80)),
        ("small.jpg", SmallJpeg(640, 480)),
    ];

    /// <summary>The sample series' SVG figures and its logo.</summary>
    public static IReadOnlyList<(string Name, string Text)> Svgs { get; } =
        Texts([.. Files(InRepo("papers"), "*.svg"), InRepo("templates", "assets", "logo.svg")]);

    /// <summary>The smallest shipped face (Roboto Mono, with a classic kern-free layout) and a Source Sans face with GPOS kerning.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Fonts { get; } =
    [
        .. new[] { "RobotoMono_400Regular.ttf", "SourceSans3_400Regular_Italic.ttf" }
            .Select(f => (f, File.ReadAllBytes(InRepo("templates", "fonts", f)))),
    ];

    /// <summary>A PNG header as an encoder writes it: IHDR, pHYs (300 dpi), an empty IDAT, IEND. No CRC is checked by the reader.</summary>
    public static byte[] SmallPng(uint width, uint height)
    {
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        void Chunk(string type, byte[] body)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)body.Length);
            png.AddRange(length);
            png.AddRange(Encoding.ASCII.GetBytes(type));
            png.AddRange(body);
            png.AddRange(new byte[4]);
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk("IHDR", ihdr);
        var phys = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(phys, 11811);
        BinaryPrimitives.WriteUInt32BigEndian(phys.AsSpan(4), 11811);
        phys[8] = 1;
        Chunk("pHYs", phys);
        Chunk("IDAT", []);
        Chunk("IEND", []);
        return [.. png];
    }

    /// <summary>A JPEG's markers up to the scan: SOI, APP0 (JFIF, 72 dpi), DQT, SOF0 with the size, SOS, EOI.</summary>
    public static byte[] SmallJpeg(ushort width, ushort height)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, byte[] body)
        {
            jpeg.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
            jpeg.AddRange(body);
        }
        Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 1, 0, 72, 0, 72, 0, 0]);
        Segment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(0xDA, [1, 1, 0, 0, 63, 0]);
        jpeg.AddRange([0x12, 0x34, 0xFF, 0xD9]);
        return [.. jpeg];
    }
}
