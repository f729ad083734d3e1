using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The manifest of the output folder, and what a complete build deletes because of it.</summary>
public sealed class OutputManifestTests : IDisposable
{
    private readonly TestProject _project = new();

    public OutputManifestTests()
    {
        _project.AddPaper("op-one", 1);
        _project.AddPaper("op-a", 1, title: "A Draft");
        var path = "papers/op-a/paper.md";
        _project.Write(path, _project.Read(path).Replace("number: 1\n", "", StringComparison.Ordinal).Replace("status: final", "status: draft", StringComparison.Ordinal));
    }

    public void Dispose() => _project.Dispose();

    private string Build(int expectedExit = 0, params string[] paths)
    {
        var (exit, _, error) = _project.Run(["build", .. paths]);
        Assert.True(exit == expectedExit, error);
        return error;
    }

    private void Rename(string from, string to) => Directory.Move(Path.Combine(_project.Root, from), Path.Combine(_project.Root, to));

    private string Manifest => _project.Read("dist/manifest.json");

    [Fact]
    public void ACompleteBuildDeletesWhatItNoLongerMakesAndNothingElse()
    {
        Build();
        Assert.True(_project.Exists("dist/op-draft-a-en-ed1-files/figures/chart.png"));
        Assert.Contains("\"path\": \"op-draft-a-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);
        _project.Write("dist/CNAME", "papers.example.org\n");
        Rename("papers/op-a", "papers/op-b");

        // A build of some manuscripts deletes nothing and adds what it made to the manifest.
        Build(0, "papers/op-b");
        Assert.True(_project.Exists("dist/op-draft-b-en-ed1.pdf"));
        Assert.True(_project.Exists("dist/op-draft-a-en-ed1.pdf"));
        Assert.Contains("\"path\": \"op-draft-a-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"op-draft-b-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);

        var error = Build();
        Assert.Contains(", 6 removed;", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_project.Dist, "op-draft-a-*"));
        Assert.True(_project.Exists("dist/op-draft-b-en-ed1.pdf"));
        Assert.Contains("\"path\": \"op-draft-b-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("op-draft-a", Manifest, StringComparison.Ordinal);
        // A file put there by hand is not pub's: it stays, unlisted.
        Assert.Equal("papers.example.org\n", _project.Read("dist/CNAME"));
        Assert.DoesNotContain("CNAME", Manifest, StringComparison.Ordinal);

        using var fresh = new TestProject();
        foreach (var (file, _) in _project.Snapshot(includeDist: false))
        {
            fresh.Write(file, File.ReadAllBytes(Path.Combine(_project.Root, file)));
        }
        Assert.Equal(0, fresh.Run("build").Exit);
        var here = _project.Snapshot(includeDist: true).Where(f => f.Key.StartsWith("dist/", StringComparison.Ordinal) && f.Key != "dist/CNAME");
        var there = fresh.Snapshot(includeDist: true).Where(f => f.Key.StartsWith("dist/", StringComparison.Ordinal));
        Assert.Equal(there, here);
    }

    [Fact]
    public void ABuildWithAnErrorDeletesNothingAndKeepsListingWhatIsThere()
    {
        Build();
        Rename("papers/op-a", "papers/op-b");
        _project.Write("papers/op-one/paper.md", _project.Read("papers/op-one/paper.md").Replace("A paragraph", "A paragraph [@nobody-2020]", StringComparison.Ordinal));

        var error = Build(1);

        Assert.DoesNotContain("removed", error, StringComparison.Ordinal);
        Assert.True(_project.Exists("dist/op-draft-a-en-ed1.pdf"));
        Assert.Contains("\"path\": \"op-draft-a-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"op-draft-b-en-ed1.pdf\"", Manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void AManifestOfAnotherFormatIsNeverUsedToDelete()
    {
        // Manifests written before pub listed its own files listed everything in the folder.
        _project.Write("dist/notes.txt", "mine\n");
        _project.Write("dist/manifest.json", "{\n  \"generator\": \"pub 0.1.0\",\n  \"artifacts\": [\n    {\"path\": \"notes.txt\", \"size\": 5, \"sha256\": \"x\"}\n  ]\n}\n");

        Build();

        Assert.Equal("mine\n", _project.Read("dist/notes.txt"));
        Assert.DoesNotContain("notes.txt", Manifest, StringComparison.Ordinal);
        Assert.Contains("\"manifest-version\": 2", Manifest, StringComparison.Ordinal);
    }
}
