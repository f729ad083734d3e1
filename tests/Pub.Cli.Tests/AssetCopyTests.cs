using System.Security.Cryptography;
using Pub.Compiler;
using Pub.Syntax;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The stylesheet and fonts are copied into the output folder as files, not read whole into memory;
/// a copy that is already right is left alone, one that is not is replaced, with --force or without.</summary>
public sealed class AssetCopyTests
{
    private static readonly string Font = "assets/fonts/SourceSerif4_400Regular.ttf";

    /// <summary>A project with one paper built to HTML; <paramref name="font"/> is one of the fonts it copied.</summary>
    private static TestProject Built(out string font, out byte[] original)
    {
        var project = new TestProject();
        project.AddPaper("op-004-test", 4, title: "Fonts");
        Assert.Equal(0, project.Run("build", "--format", "html").Exit);
        font = Path.Combine(project.Dist, Font);
        original = File.ReadAllBytes(font);
        return project;
    }

    [Fact]
    public void A_copy_and_a_digest_on_disk_give_the_bytes_and_hash_of_the_file()
    {
        using var project = new TestProject();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        project.Write("data/blob.bin", bytes);
        var world = new FileSystemWorld(project.Root);

        Assert.Null(world.Copy("data/blob.bin", "dist/copy/blob.bin"));

        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(project.Root, "dist/copy/blob.bin")));
        Assert.Equal(FileDigest.Of(bytes), world.Digest("dist/copy/blob.bin"));
        Assert.Equal(new FileDigest(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), world.Digest("data/blob.bin"));
        Assert.Single(Directory.GetFiles(Path.Combine(project.Root, "dist/copy")));
        Assert.Null(world.Digest("data/missing.bin"));
        Assert.Equal(bytes.Length, world.FileSize("dist/copy/blob.bin"));
        Assert.Null(world.FileSize("data/missing.bin"));
        Assert.Null(world.FileSize("data"));
        Assert.NotNull(world.Copy("data/missing.bin", "dist/copy/missing.bin"));
        Assert.False(File.Exists(Path.Combine(project.Root, "dist/copy/missing.bin")));
    }

    [Fact]
    public void A_prepared_copy_is_put_in_place_by_the_copy_and_one_never_put_in_place_is_discarded()
    {
        using var project = new TestProject();
        var (first, second) = (RandomNumberGenerator.GetBytes(200_000), RandomNumberGenerator.GetBytes(1_000));
        project.Write("data/first.bin", first);
        project.Write("data/second.bin", second);
        var world = new FileSystemWorld(project.Root);
        var folder = Path.Combine(project.Root, "dist/copy");

        world.PrepareCopy("data/first.bin", "dist/copy/first.bin");
        world.PrepareCopy("data/second.bin", "dist/copy/unused.bin");
        world.PrepareCopy("data/first.bin", "dist/copy/other.bin");
        // Prepared copies are hidden files beside their targets until they are put in place.
        Assert.Equal(3, Directory.GetFiles(folder).Length);
        Assert.All(Directory.GetFiles(folder), f => Assert.StartsWith(".", Path.GetFileName(f), StringComparison.Ordinal));

        Assert.Null(world.Copy("data/first.bin", "dist/copy/first.bin"));
        // A copy from another source than the prepared one copies what it is asked to.
        Assert.Null(world.Copy("data/second.bin", "dist/copy/other.bin"));
        world.DiscardPreparedCopies();

        Assert.Equal(["first.bin", "other.bin"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(folder, "first.bin")));
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(folder, "other.bin")));
    }

    [Fact]
    public void Preparing_a_copy_removes_what_a_killed_pub_left_beside_its_targets_and_nothing_else()
    {
        using var project = new TestProject();
        project.Write("data/font.ttf", [1, 2, 3]);
        var folder = Path.Combine(project.Root, "dist/fonts");
        Directory.CreateDirectory(folder);
        // No process has the largest id; process 1 always runs.
        var left = Path.Combine(folder, $".font.ttf.{int.MaxValue}.tmp");
        var running = Path.Combine(folder, ".other.ttf.1.tmp");
        var unrelated = Path.Combine(folder, ".notes.tmp");
        foreach (var file in new[] { left, running, unrelated })
        {
            File.WriteAllBytes(file, [0]);
        }
        var world = new FileSystemWorld(project.Root);

        world.PrepareCopy("data/font.ttf", "dist/fonts/font.ttf");
        world.DiscardPreparedCopies();

        Assert.False(File.Exists(left));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(unrelated));
        Assert.False(File.Exists(Path.Combine(folder, "font.ttf")));
    }

    [Fact]
    public void A_build_whose_only_edition_fails_writes_no_assets_and_leaves_no_prepared_copy()
    {
        using var project = new TestProject();
        project.AddPaper("op-004-test", 4, title: "Fonts", body: "A claim [@nobody-1999].");

        var (exit, _, error) = project.Run("build", "--format", "html", "--jobs", "2");

        Assert.NotEqual(0, exit);
        Assert.Contains("PUB0201", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Dist, "assets")) && Directory.EnumerateFileSystemEntries(Path.Combine(project.Dist, "assets"), "*", SearchOption.AllDirectories).Any(),
            string.Join(", ", Directory.Exists(Path.Combine(project.Dist, "assets")) ? Directory.EnumerateFileSystemEntries(Path.Combine(project.Dist, "assets"), "*", SearchOption.AllDirectories) : []));
    }

    [Fact]
    public void A_copy_never_reads_or_writes_outside_the_project()
    {
        using var project = new TestProject();
        var outside = Path.Combine(Path.GetTempPath(), "pub-tests", "outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
            File.CreateSymbolicLink(Path.Combine(project.Root, "link.txt"), Path.Combine(outside, "secret.txt"));
            var world = new FileSystemWorld(project.Root);

            Assert.Contains("outside the project", world.Copy("link.txt", "dist/secret.txt"), StringComparison.Ordinal);
            Assert.Contains("outside the project", world.Copy("../" + Path.GetFileName(project.Root) + "/pub.yaml", "../copied.yaml"), StringComparison.Ordinal);
            Assert.Null(world.Digest("link.txt"));
            Assert.Null(world.FileSize("link.txt"));
            Assert.False(File.Exists(Path.Combine(project.Root, "dist/secret.txt")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_forced_build_leaves_an_identical_font_alone_and_replaces_a_damaged_one()
    {
        using var project = Built(out var font, out var original);
        var untouched = DateTime.UtcNow.AddDays(-3);
        File.SetLastWriteTimeUtc(font, untouched);
        var damaged = Path.Combine(project.Dist, "assets/pub.css");
        File.WriteAllText(damaged, "/* damaged */");

        var (exit, _, error) = project.Run("build", "--format", "html", "--force");

        Assert.True(exit == 0, error);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(font));
        Assert.Equal(original, File.ReadAllBytes(font));
        Assert.Equal(File.ReadAllBytes(Path.Combine(project.Root, "templates/html/assets/pub.css")), File.ReadAllBytes(damaged));
    }

    [Fact]
    public void A_damaged_font_is_replaced_by_an_incremental_build()
    {
        using var project = Built(out var font, out var original);
        File.WriteAllBytes(font, original[..1000]);

        var (exit, _, error) = project.Run("build", "--format", "html");

        Assert.True(exit == 0, error);
        Assert.Equal(original, File.ReadAllBytes(font));
    }
}
