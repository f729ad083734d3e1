using Pub.Compiler.Publishing;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The registry file as written reads back as the same registry, and damaged ones are reported.</summary>
public sealed class SeriesRegistryFileTests
{
    private static (SeriesRegistry? Registry, IReadOnlyList<Diagnostic> Diagnostics) Read(string text) =>
        SeriesRegistryFile.Read(new InMemoryWorld().Add(SeriesRegistry.PathOf("op"), text), "op");

    [Fact]
    public void An_edition_without_files_is_written_so_that_it_reads_back()
    {
        // What a registry cut short after an edition's date reads as: an edition with no files.
        var (registry, diagnostics) = Read("series: op\nnumbers:\n  - number: 2\n    title: T\n    languages:\n      - language: en\n        path: p.md\n        title: T\n        editions:\n          - edition: 1\n            date: ");
        Assert.Empty(diagnostics);
        Assert.Empty(registry!.Numbers[0].Versions[0].Editions[0].Files);

        var written = SeriesRegistryFile.Write(registry);
        var (again, problems) = Read(written);

        Assert.Empty(problems);
        Assert.Equal(written, SeriesRegistryFile.Write(again!));
    }

    [Fact]
    public void Numbers_without_languages_and_languages_without_editions_read_back()
    {
        var registry = new SeriesRegistry("op", [new RegistryNumber(1, "One", []), new RegistryNumber(2, "Two", [new RegistryVersion("en", "p.md", "Two", [])])]);

        var (again, problems) = Read(SeriesRegistryFile.Write(registry));

        Assert.Empty(problems);
        Assert.Equal([0, 1], again!.Numbers.Select(n => n.Versions.Count));
        Assert.Empty(again.Numbers[1].Versions[0].Editions);
    }

    [Fact]
    public void A_registry_nested_thousands_deep_is_an_error_at_its_position()
    {
        var (registry, diagnostics) = Read("series: op\nnumbers: " + new string('[', 5000) + "\n");

        Assert.Null(registry);
        var error = Assert.Single(diagnostics);
        Assert.Equal(Codes.MalformedRegistry.Id, error.Code);
        Assert.Equal(2, error.Span!.Value.Line);
        Assert.Contains("nested deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }
}
