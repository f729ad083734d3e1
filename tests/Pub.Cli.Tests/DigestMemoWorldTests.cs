// A build's world remembers digests and folder listings; whatever the build changes must be seen afresh.
using Pub.Compiler;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

public sealed class DigestMemoWorldTests
{
    [Fact]
    public void AListingIsRememberedUntilTheBuildChangesSomethingBelowTheFolder()
    {
        var files = new InMemoryWorld().Add("templates/html/paper.html", "a").Add("dist/op-001.html", "b");
        var world = new DigestMemoWorld(files);
        Assert.Equal(["templates/html/paper.html"], world.ListFiles("templates"));

        // Changed behind the build's back: not seen, as by a build that had listed the folder once.
        files.Add("templates/html/chapter.html", "c");
        Assert.Equal(["templates/html/paper.html"], world.ListFiles("templates"));

        // Writing elsewhere leaves the listing alone.
        Assert.Null(world.WriteAtomic("dist/op-002.html", "d"u8));
        Assert.Equal(["templates/html/paper.html"], world.ListFiles("templates"));

        // Writing below the folder, however deep, lists it again.
        Assert.Null(world.WriteAtomic("templates/html/partials/head.html", "e"u8));
        Assert.Equal(["templates/html/chapter.html", "templates/html/paper.html", "templates/html/partials/head.html"], world.ListFiles("templates"));
    }

    [Fact]
    public void CopyingUnsyncedWritingAndDeletingListTheFolderAgain()
    {
        var files = new InMemoryWorld().Add("templates/fonts/a.ttf", "font").Add("dist/x.html", "x");
        var world = new DigestMemoWorld(files);
        Assert.Equal(["dist/x.html"], world.ListFiles("dist"));
        Assert.Equal(["dist/x.html"], world.ListFiles("dist/"));

        Assert.Null(world.Copy("templates/fonts/a.ttf", "dist/assets/fonts/a.ttf"));
        Assert.Equal(["dist/assets/fonts/a.ttf", "dist/x.html"], world.ListFiles("dist"));
        Assert.Equal(["dist/assets/fonts/a.ttf"], world.ListFiles("dist/assets"));

        Assert.Null(world.WriteAtomicUnsynced("dist/assets/fonts/b.ttf", "other"u8));
        Assert.Equal(["dist/assets/fonts/a.ttf", "dist/assets/fonts/b.ttf", "dist/x.html"], world.ListFiles("dist/"));

        // Deleting a folder's file, or the folder itself, forgets the listings below and above it.
        Assert.Null(world.Delete("dist/assets/fonts/a.ttf"));
        Assert.Null(world.Delete("dist/assets/fonts/b.ttf"));
        Assert.Empty(world.ListFiles("dist/assets"));
        Assert.Equal(["dist/x.html"], world.ListFiles("dist"));
    }

    [Fact]
    public void ADigestIsRememberedUntilTheFileIsWritten()
    {
        var files = new InMemoryWorld().Add("dist/a.css", "one");
        var world = new DigestMemoWorld(files);
        var first = world.Digest("dist/a.css");
        files.Add("dist/a.css", "two");
        Assert.Equal(first, world.Digest("dist/a.css"));
        Assert.Equal(3, world.FileSize("dist/a.css"));
        Assert.Null(world.WriteAtomicUnsynced("dist/a.css", "three"u8));
        Assert.Equal(5, world.FileSize("dist/a.css"));
        Assert.Equal(FileDigest.Of("three"u8), world.Digest("dist/a.css"));
    }
}
