using Pub.Layout.Fonts;

namespace Pub.Layout.Tests;

/// <summary>The fonts and hyphenation patterns shipped in templates/, found by walking up to the folder holding the solution.</summary>
internal static class TestFonts
{
    private static readonly Lazy<FontSet> Shared = new(() => FontSet.Load(Files()));

    public static FontSet Set => Shared.Value;

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PubPipeline.sln not found above the test folder");
    }

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Patterns = new(() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "templates", "hyphenation"), "hyph_*.dic")
            .ToDictionary(f => Pub.Layout.Hyphenation.HyphenationFiles.LanguageOf(f)!, File.ReadAllBytes, StringComparer.OrdinalIgnoreCase));

    /// <summary>The pattern files shipped in templates/hyphenation, by language tag.</summary>
    public static IReadOnlyDictionary<string, byte[]> Hyphenation => Patterns.Value;

    public static IEnumerable<(string, byte[])> Files() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "templates", "fonts"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)));
}
