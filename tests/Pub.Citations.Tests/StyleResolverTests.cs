using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class StyleResolverTests
{
    private const string Dependent = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-GB">
          <info>
            <title>Occasional Papers (author-date)</title>
            <id>http://example.org/styles/occasional-papers</id>
            <link href="http://www.zotero.org/styles/{0}" rel="independent-parent"/>
          </info>
        </style>
        """;

    [Fact]
    public void DependentStyleResolvesToItsParentFromAConfiguredFolder()
    {
        var styles = Path.Combine(SharedData.CslFolder(), "styles");
        var dir = Directory.CreateTempSubdirectory("pub-styles-");
        try
        {
            var path = Path.Combine(dir.FullName, "occasional-papers.csl");
            File.WriteAllText(path, Dependent.Replace("{0}", "apa", StringComparison.Ordinal));
            var bag = new DiagnosticBag();

            var style = StyleResolver.Load(path, bag, styles);

            Assert.Empty(bag.Items);
            Assert.NotNull(style);
            Assert.Equal("http://www.zotero.org/styles/apa", style!.Id);
            Assert.Equal("en-GB", style.DefaultLocale);
            Assert.NotNull(style.Citation);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingParentIsADiagnostic()
    {
        var dir = Directory.CreateTempSubdirectory("pub-styles-");
        try
        {
            var path = Path.Combine(dir.FullName, "orphan.csl");
            File.WriteAllText(path, Dependent.Replace("{0}", "no-such-style", StringComparison.Ordinal));
            var bag = new DiagnosticBag();

            var style = StyleResolver.Load(path, bag);

            Assert.Null(style);
            var d = Assert.Single(bag.Items);
            Assert.Equal(Codes.MissingParentStyle.Id, d.Code);
            Assert.Contains("no-such-style", d.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
