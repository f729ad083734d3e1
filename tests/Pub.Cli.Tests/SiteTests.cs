using System.Text.Json;
using System.Xml.Linq;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The site around the editions: index, 404 and Atom feed, the handbook's contribution pages, the
/// citation files beside each page, the fonts, translations and the base-url setting.</summary>
public sealed class SiteTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Sample_series_builds_an_index_a_404_page_a_feed_and_a_page_per_contribution()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build");
        Assert.True(exit == 0, error);

        var index = project.Read("dist/index.html");
        string[] editions = ["op-001-en-ed1", "op-001-ru-ed1", "op-002-en-ed2", "op-003-en-ed1", "hb-001-en-ed1"];
        foreach (var edition in editions)
        {
            Assert.Contains($"<a href=\"{edition}.html\">HTML</a>", index, StringComparison.Ordinal);
            var size = Pub.Html.Site.SiteWriter.FileSize(new FileInfo(Path.Combine(project.Dist, edition + ".pdf")).Length);
            Assert.Contains($"<a href=\"{edition}.pdf\" type=\"application/pdf\">PDF, {size}</a>", index, StringComparison.Ordinal);
        }
        // Works by number within each series; both languages of paper 1 under it.
        Assert.True(index.IndexOf("Occasional Paper No. 1", StringComparison.Ordinal) < index.IndexOf("Occasional Paper No. 2", StringComparison.Ordinal));
        Assert.Contains("<span>Русский</span>", index, StringComparison.Ordinal);
        // The registry's first edition of paper 2 is listed after the second, unlinked: its files are not on the site.
        Assert.Contains("<h3 class=\"edition-title\">Seeing the Child First</h3>", index, StringComparison.Ordinal);
        Assert.DoesNotContain("op-002-en-ed1.html", index, StringComparison.Ordinal);
        Assert.DoesNotContain("op-002-en-ed1.html", project.Read("dist/op-002-en-ed2.html"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"edition-label\">Edition 2</span> · First published <time datetime=\"2024-06-20\">20 June 2024</time>", project.Read("dist/op-002-en-ed2.html"), StringComparison.Ordinal);
        var notFound = project.Read("dist/404.html");
        Assert.Contains("<h1 class=\"title\">Page not found</h1>", notFound, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", notFound, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", index, StringComparison.Ordinal);

        // Contribution pages exist and the contents page links them.
        var contents = project.Read("dist/hb-001-en-ed1.html");
        foreach (var chapter in new[] { "hb-001-en-ed1-ch1.html", "hb-001-en-ed1-ch2.html" })
        {
            Assert.True(project.Exists("dist/" + chapter), chapter);
            Assert.Contains($"<a href=\"{chapter}\">", contents, StringComparison.Ordinal);
        }
        var chapterPage = project.Read("dist/hb-001-en-ed1-ch2.html");
        Assert.Contains("<meta name=\"citation_inbook_title\" content=\"Identifying Victims of Trafficking in Human Beings: A Handbook for Practitioners in the OSCE Region\">", chapterPage, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", chapterPage, StringComparison.Ordinal);

        // The fonts the stylesheet names are served, unchanged, with their licences.
        var css = project.Read("dist/assets/pub.css");
        foreach (var font in Directory.GetFiles(Path.Combine(RepoPaths.Root, "templates/fonts"), "*.ttf"))
        {
            var name = Path.GetFileName(font);
            Assert.Contains($"url(\"fonts/{name}\")", css, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(font), File.ReadAllBytes(Path.Combine(project.Dist, "assets/fonts", name)));
        }
        Assert.True(project.Exists("dist/assets/fonts/OFL-SourceSerif4.txt"));

        // Translations link each other.
        Assert.Contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"op-001-ru-ed1.html\">", project.Read("dist/op-001-en-ed1.html"), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"op-001-en-ed1.html\">", project.Read("dist/op-001-ru-ed1.html"), StringComparison.Ordinal);

        // The feed is well-formed Atom with what RFC 4287 requires, one entry per edition.
        var feed = XDocument.Parse(project.Read("dist/feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotEmpty(feed.Element(Atom + "id")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        // The newest paper date: the second edition of paper 2.
        Assert.Equal("2025-03-14T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(editions.Order(StringComparer.Ordinal), entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value[..^5]).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            Assert.StartsWith("tag:pub.invalid,20", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            foreach (var link in entry.Elements(Atom + "link"))
            {
                Assert.True(project.Exists("dist/" + link.Attribute("href")!.Value), link.ToString());
            }
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public void Citation_files_beside_a_page_read_back_as_the_same_reference()
    {
        using var project = new TestProject();
        project.AddPaper("op-004-test", 4, title: "Braces {and} 100% & $costs_ #1", extraFrontMatter: "isbn: \"978-92-9234-611-9\"");
        var (exit, _, error) = project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var page = project.Read("dist/op-004-en-ed1.html");
        Assert.Contains("<section class=\"cite\" id=\"cite\"", page, StringComparison.Ordinal);
        Assert.Contains("Braces {and} 100% &amp; $costs_ #1", page[page.IndexOf("class=\"suggested-citation\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var (bib, bibProblems) = BibTeXReader.Read(new SourceText("op-004-en-ed1.bib", project.Read("dist/op-004-en-ed1.bib")));
        var json = CslJsonReader.Read(new SourceText("op-004-en-ed1.json", project.Read("dist/op-004-en-ed1.json")));
        Assert.Empty(bibProblems);
        Assert.Empty(json.Diagnostics);
        // BibTeX's extra braces protect the title's case; the reader says so as CSL's "nocase" span.
        Assert.Equal("<span class=\"nocase\">Braces {and} 100% & $costs_ #1</span>", Assert.Single(bib).Variables["title"]);
        Assert.Equal("Braces {and} 100% & $costs_ #1", Assert.Single(json.References).Variables["title"]);
        foreach (var reference in new[] { Assert.Single(bib), Assert.Single(json.References) })
        {
            Assert.Equal("report", reference.Type);
            Assert.Equal("Occasional Papers on Testing", reference.Variables["collection-title"]);
            Assert.Equal("4", reference.Variables.GetValueOrDefault("collection-number") ?? reference.Variables["number"]);
            Assert.Equal("Test Publisher", reference.Variables["publisher"]);
            Assert.Equal("978-92-9234-611-9", reference.Variables["ISBN"]);
            var author = Assert.Single(reference.Names["author"]);
            Assert.Equal(("Author", "Ada"), (author.Family, author.Given));
            Assert.Equal([2024, 5, 1], reference.Dates["issued"].Parts[0]);
        }

        var ris = project.Read("dist/op-004-en-ed1.ris").Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Tag: line[..2], Value: line[6..])).ToList();
        Assert.Equal(("TY", "RPRT"), ris[0]);
        Assert.Equal(("ER", ""), ris[^1]);
        Assert.Contains(("TI", "Braces {and} 100% & $costs_ #1"), ris);
        Assert.Contains(("AU", "Author, Ada"), ris);
        Assert.Contains(("DA", "2024/05/01/"), ris);
    }

    [Fact]
    public void Index_and_feed_list_the_editions_the_registry_records()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-test", 1, title: "Second Look", extraFrontMatter: "edition: 2");
        var registry = new Pub.Compiler.Publishing.SeriesRegistry("op",
        [
            new(1, "First Look", [new("en", "papers/op-001-test/paper.md", "First Look",
                [new(1, "2023-02-01", null, "final", [new("op-001-en-ed1.html", "00"), new("op-001-en-ed1.pdf", "00")])])]),
        ]);
        project.Write("papers/catalogue-op.yaml", Pub.Compiler.Publishing.SeriesRegistryFile.Write(registry));
        // The first edition was published before and is still on the site.
        project.Write("dist/op-001-en-ed1.html", "<!doctype html><title>First Look</title>");
        project.Write("dist/op-001-en-ed1.pdf", new byte[2500]);

        var (exit, _, error) = project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var index = project.Read("dist/index.html");
        var second = index.IndexOf("<a href=\"op-001-en-ed2.html\">Second Look</a>", StringComparison.Ordinal);
        var first = index.IndexOf("<a href=\"op-001-en-ed1.html\">First Look</a>", StringComparison.Ordinal);
        Assert.True(second > 0 && first > second, index);
        Assert.Contains("<a href=\"op-001-en-ed1.pdf\" type=\"application/pdf\">PDF, 3 kB</a>", index, StringComparison.Ordinal);
        Assert.Contains("<span>Edition 1</span> · <time datetime=\"2023-02-01\">1 February 2023</time>", index, StringComparison.Ordinal);
        // The second edition's PDF was not built (--format html), so it is not linked.
        Assert.DoesNotContain("op-001-en-ed2.pdf", index, StringComparison.Ordinal);

        var entries = XDocument.Parse(project.Read("dist/feed.xml")).Root!.Elements(Atom + "entry").ToList();
        Assert.Equal(["tag:pub.invalid,2024-05-01:op-001-en-ed2", "tag:pub.invalid,2023-02-01:op-001-en-ed1"], entries.Select(e => e.Element(Atom + "id")!.Value));
        Assert.Equal("2024-05-01T00:00:00Z", XDocument.Parse(project.Read("dist/feed.xml")).Root!.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Base_url_makes_canonical_links_feed_ids_and_metadata_absolute()
    {
        using var project = new TestProject(TestProject.Config + "\nbase-url: https://example.org/papers\n");
        project.AddPaper("op-001-test", 1);
        var (exit, _, error) = project.Run("build", "--format", "html");
        Assert.True(exit == 0, error);
        var page = project.Read("dist/op-001-en-ed1.html");
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/papers/op-001-en-ed1.html\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"https://example.org/papers/op-001-en-ed1.html\">", page, StringComparison.Ordinal);
        var feed = XDocument.Parse(project.Read("dist/feed.xml")).Root!;
        Assert.Equal("https://example.org/papers/", feed.Element(Atom + "id")!.Value);
        Assert.Equal("https://example.org/papers/op-001-en-ed1.html", feed.Element(Atom + "entry")!.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void Without_base_url_nothing_claims_an_address()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-test", 1);
        Assert.Equal(0, project.Run("build", "--format", "html").Exit);
        var page = project.Read("dist/op-001-en-ed1.html");
        Assert.DoesNotContain("rel=\"canonical\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("og:url", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://example.org", project.Read("dist/feed.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.org/papers")]
    [InlineData("ftp://example.org/")]
    [InlineData("https://example.org/?page=1")]
    public void A_malformed_base_url_is_PUB0506_at_its_position(string url)
    {
        using var project = new TestProject(TestProject.Config + "\nbase-url: " + url + "\n");
        project.AddPaper("op-001-test", 1);
        var (exit, _, error) = project.Run("build", "--format", "html");
        Assert.Equal(2, exit);
        Assert.Contains("pub.yaml(10,11): error PUB0506: base-url '" + url + "' is not an absolute http or https address", error, StringComparison.Ordinal);
        Assert.False(project.Exists("dist/op-001-en-ed1.html"));
    }
}
