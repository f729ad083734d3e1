using Pub.Compiler;
using Pub.Compiler.Publishing;
using Pub.Testing;

namespace Pub.Fuzz.Tests;

/// <summary>The project's own files: pub.yaml and a series registry, read through the in-memory world.</summary>
public sealed class ProjectFileFuzzTests
{
    private static readonly string[] ConfigPieces =
    [
        "title: ", "series:\n", "  op:\n", "    title: ", "    issn: ", "1234-5678", "    prefix: ", "csl: ", "locale: ", "fonts:\n", "  - ",
        "base-url: ", "https://example.org/", "output: ", "../outside", "/etc", "templates: ", "bibliography: ", "[", "]", "{", "}", ": ", "- ",
        "\n", "  ", "'", "\"", "&a ", "*a", "<<: *a\n", "!!int ", "~", "null", "-1", "99999999999999999999", "\t", "\0", "\uFEFF", "#",
    ];

    private static void ReadsConfig(string text)
    {
        var world = new InMemoryWorld().Add(ConfigReader.FileName, text).Add("templates/fonts/a.ttf", [0]);
        var (config, diagnostics) = ConfigReader.Read(world);
        Properties.SpansInside(diagnostics);
        Properties.FailureExplained(config, diagnostics, "configuration");
    }

    [Fact]
    public void Pub_yaml_reads_to_a_configuration_or_diagnostics() =>
        FuzzRun.Check(CsCheck.Gen.OneOf(Mutations.Text(Seeds.Config).Select(m => m.Value), Mutations.Structure(ConfigPieces, 80)),
            ReadsConfig, t => Mutations.Show(t), cases: 150);

    [Fact]
    public void Series_registries_read_to_a_registry_or_diagnostics() =>
        FuzzRun.Check(Mutations.Text(Seeds.Registries), m =>
        {
            var world = new InMemoryWorld().Add(SeriesRegistry.PathOf("op"), m.Value);
            var (registry, diagnostics) = SeriesRegistryFile.Read(world, "op");
            Properties.SpansInside(diagnostics);
            Properties.FailureExplained(registry, diagnostics, "registry");
            if (registry is not null)
            {
                // what was read is written back in a form that reads the same
                var written = SeriesRegistryFile.Write(registry);
                var (again, problems) = SeriesRegistryFile.Read(new InMemoryWorld().Add(SeriesRegistry.PathOf("op"), written), "op");
                Assert.True(again is not null, $"the registry as written does not read back: {string.Join("; ", problems.Select(p => p.Message))}\n{written}");
                Assert.Equal(written, SeriesRegistryFile.Write(again));
            }
        }, Mutations.Show, cases: 150);
}
