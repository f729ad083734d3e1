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
