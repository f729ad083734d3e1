using Pub.Html.Edition;
using Pub.Model;
using Pub.Syntax;
using static Pub.Html.Tests.Build;

namespace Pub.Html.Tests;

public sealed class EditionWriterTests
{
    private static readonly HtmlPageContext Context = new()
    {
        SeriesTitle = "Occasional Papers on Trafficking in Human Beings in the OSCE Region",
        NumberLabel = "Occasional Paper No. 7",
        PublisherName = "Office of the Special Representative",
        PublisherPlace = "Vienna",
        PdfFileName = "op-007.pdf",
        Generator = "pub 0.1.0",
        Draft = true,
        ImageUrl = path => "images/" + ProjectPath.FileName(path),
    };

    private static HtmlEditionResult RenderShell(string shell, Document? document = null, Dictionary<string, string>? more = null)
    {
        var files = new Dictionary<string, string>(more ?? []) { ["html/paper.html"] = shell };
        return HtmlEditionWriter.Render(document ?? Doc([P(T("x"))]), new HtmlPageContext(), new InMemoryTemplates(files));
    }

    [Fact]
    public void Real_shell_renders_a_complete_page()
    {
        var result = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates());

        Assert.Empty(result.Diagnostics);
        var html = result.Html!;
        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">\n<head>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Trafficking for Forced Criminality: Non-punishment in Practice | Occasional Papers", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"assets/pub.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"Victims of trafficking", html, StringComparison.Ordinal);
        Assert.Contains("States &amp; what", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"number-label\">Occasional Paper No. 7</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"draft-stamp\">Draft</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"title\">Trafficking for Forced Criminality</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2024-03-12\">12 March 2024</time>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#sec-method\"><span class=\"secno\">1.1</span> Scope and <em>method</em></a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"images/flow.png\" alt=\"A flow chart with four steps\">", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn-2\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"op-007.pdf\" type=\"application/pdf\" download>Download PDF</a>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"citation_author\" content=\"Anna Petrova\">", html, StringComparison.Ordinal);
        Assert.Contains("\"@type\": \"Report\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"licence\">Creative Commons", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_title_and_publisher_carry_their_language_on_a_page_in_another()
    {
        var context = Context with { SeriesLanguage = "en" };
        var russian = SamplePaper.Create() with { Meta = SamplePaper.Create().Meta with { Language = "ru" } };

        var ru = HtmlEditionWriter.Render(russian, context, new RepositoryTemplates()).Html!;
        var en = HtmlEditionWriter.Render(SamplePaper.Create(), context, new RepositoryTemplates()).Html!;

        Assert.Contains("<p class=\"series\" lang=\"en\">Occasional Papers", ru, StringComparison.Ordinal);
        Assert.Contains("<p class=\"publisher\" lang=\"en\">", ru, StringComparison.Ordinal);
        Assert.Contains("<p class=\"series\">Occasional Papers", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var first = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html;
        var second = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html;
        Assert.NotNull(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Page_contains_no_request_to_another_host()
    {
        var html = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html!;
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"//", html, StringComparison.Ordinal);
        var css = new RepositoryTemplates().Read("html/assets/pub.css")!;
        Assert.DoesNotMatch(@"url\(\s*[""']?(https?:)?//", css);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Handbook_contributions_get_their_own_pages_linked_from_the_contents()
    {
        Document Chapter(string title, string author) => Doc([P(T("Body of " + title), new NoteRef("a", 1), T(" cites "), new CitedWork("x-2020", [T("X 2020")]))], [new Note("a", [P(T("Note"))], 1)],
            new Metadata { Title = title, Authors = [new Person(author)], Kind = ManuscriptKind.Chapter });
        var book = Doc([new BibliographyBlock(Id("refs"), [new BibliographyEntry("x-2020", [T("X. 2020. A work.")])])], meta: new Metadata { Title = "Handbook", Kind = ManuscriptKind.Handbook, Editors = [new Person("E. Ditor")] })
            with { Chapters = [Chapter("Chapter one", "A. Author"), Chapter("Chapter two", "B. Author"), Chapter("Chapter three", "C. Author")] };

        var result = HtmlEditionWriter.Render(book, Context with { PageFileName = "hb-001-en-ed1.html" }, new RepositoryTemplates());

        Assert.Empty(result.Diagnostics);
        // The contents page links every contribution's page and holds none of their text.
        Assert.Contains("<li><a href=\"hb-001-en-ed1-ch1.html\"><span class=\"secno\">1</span> Chapter one</a><span class=\"toc-authors\">A. Author</span>", result.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"hb-001-en-ed1-ch3.html\">", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Body of", result.Html, StringComparison.Ordinal);

        Assert.Equal(["hb-001-en-ed1-ch1.html", "hb-001-en-ed1-ch2.html", "hb-001-en-ed1-ch3.html"], result.ChapterPages.Select(p => p.FileName));
        var first = result.ChapterPages[0].Html;
        var middle = result.ChapterPages[1].Html;
        var last = result.ChapterPages[2].Html;
        Assert.Contains("<h1 class=\"title\"><span class=\"chapter-number\">2</span> Chapter two</h1>", middle, StringComparison.Ordinal);
        Assert.Contains("Body of Chapter two", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("Body of Chapter one", middle, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#fn-1\" id=\"fnref-1\"", middle, StringComparison.Ordinal);
        // Previous, contents and next; none before the first or after the last.
        Assert.Contains("<a href=\"hb-001-en-ed1-ch1.html\" rel=\"prev\">", middle, StringComparison.Ordinal);
        Assert.Contains("<a href=\"hb-001-en-ed1-ch3.html\" rel=\"next\">", middle, StringComparison.Ordinal);
        Assert.Contains("<li class=\"contents\"><a href=\"hb-001-en-ed1.html\">Contents</a></li>", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Contains("<title>Chapter two | Handbook</title>", middle, StringComparison.Ordinal);
        // A contribution's citation links to the handbook's references on the contents page.
        Assert.Contains("id=\"ref-x-2020\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("cites <a href=\"hb-001-en-ed1.html#ref-x-2020\" role=\"doc-biblioref\">X 2020</a>", middle, StringComparison.Ordinal);
    }

    [Fact]
    public void Translations_are_linked_in_the_head_and_in_a_language_switcher()
    {
        var meta = SamplePaper.Create().Meta with
        {
            Translations = [new EditionLink(1, "ru", "Принудительная преступность", null, "op-007-ru-ed1.html", "op-007-ru-ed1.pdf")],
        };
        var relative = HtmlEditionWriter.Render(SamplePaper.Create() with { Meta = meta }, Context, new RepositoryTemplates()).Html!;
        var absolute = HtmlEditionWriter.Render(SamplePaper.Create() with { Meta = meta }, Context with { BaseUrl = "https://example.org/op/" }, new RepositoryTemplates()).Html!;

        Assert.Contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"op-007-ru-ed1.html\">", relative, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"https://example.org/op/op-007-ru-ed1.html\">", absolute, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"languages\" aria-label=\"Other languages\">", relative, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"op-007-ru-ed1.html\" hreflang=\"ru\" lang=\"ru\">Русский</a></li>", relative, StringComparison.Ordinal);

        var untranslated = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html!;
        Assert.DoesNotContain("hreflang", untranslated, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"languages\"", untranslated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_edition_states_its_edition_first_publication_and_earlier_editions()
    {
        var meta = SamplePaper.Create().Meta with
        {
            Edition = 2,
            FirstPublished = new PublicationDate(2023, 5, 4),
            EarlierEditions = [new EditionLink(1, "en", "Old title", new PublicationDate(2023, 5, 4), "op-007-en-ed1.html", "op-007-en-ed1.pdf")],
        };
        var html = HtmlEditionWriter.Render(SamplePaper.Create() with { Meta = meta }, Context, new RepositoryTemplates()).Html!;

        Assert.Contains("<span class=\"edition-label\">Edition 2</span> · First published <time datetime=\"2023-05-04\">4 May 2023</time>", html, StringComparison.Ordinal);
        Assert.Contains("Earlier editions: Edition 1 (<time datetime=\"2023-05-04\">4 May 2023</time>) <a href=\"op-007-en-ed1.html\">HTML</a> <a href=\"op-007-en-ed1.pdf\" type=\"application/pdf\">PDF</a>", html, StringComparison.Ordinal);

        var russian = HtmlEditionWriter.Render(SamplePaper.Create() with { Meta = meta with { Language = "ru" } }, Context, new RepositoryTemplates()).Html!;
        Assert.Contains("<span class=\"edition-label\">2-е издание</span> · Впервые опубликовано", russian, StringComparison.Ordinal);

        var first = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html!;
        Assert.DoesNotContain("edition-statement", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Cite_block_shows_the_suggested_citation_and_the_downloads()
    {
        var context = Context with
        {
            SuggestedCitation = [T("Author, A. "), new Emphasis([T("Title & more")]), T(". Series 7.")],
            CitationDownloads = [new CitationDownload("BibTeX", "op-007-en-ed1.bib", "application/x-bibtex"), new CitationDownload("RIS", "op-007-en-ed1.ris", "application/x-research-info-systems")],
        };
        var html = HtmlEditionWriter.Render(SamplePaper.Create(), context, new RepositoryTemplates()).Html!;

        Assert.Contains("<h2 id=\"cite-title\">How to cite</h2>\n<p class=\"suggested-citation\">Author, A. <em>Title &amp; more</em>. Series 7.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"op-007-en-ed1.bib\" type=\"application/x-bibtex\" download>BibTeX</a> · <a href=\"op-007-en-ed1.ris\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"cite\"", HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates()).Html!, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_shell_is_PUB0401_naming_the_path()
    {
        var result = HtmlEditionWriter.Render(Doc([]), new HtmlPageContext(), new InMemoryTemplates([]));

        Assert.Null(result.Html);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0401", diagnostic.Code);
        Assert.Contains("html/paper.html", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("templates/html/paper.html", diagnostic.FilePath);
    }

    [Fact]
    public void Missing_include_is_PUB0401_at_the_include()
    {
        var result = RenderShell("<p>\n  {{ include 'html/partials/nope.html' }}\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0401", diagnostic.Code);
        Assert.Contains("html/partials/nope.html", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("templates/html/paper.html", diagnostic.FilePath);
        Assert.Equal((2, 6), (diagnostic.Span!.Value.Line, diagnostic.Span!.Value.Column));
    }

    [Fact]
    public void Include_may_not_climb_out_of_templates()
    {
        var result = RenderShell("{{ include '../secrets.txt' }}");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0401", diagnostic.Code);
        Assert.Contains("outside the templates folder", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_PUB0402_with_file_line_and_column()
    {
        var partial = "<header>\n<h1>{{ page.title }}</h1>\n<p>{{ page.subtitle | }}</p>\n";
        var result = RenderShell("<body>\n{{ include 'html/partials/front.html' }}\n</body>\n", more: new() { ["html/partials/front.html"] = partial });

        Assert.Null(result.Html);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0402", diagnostic.Code);
        Assert.Equal("templates/html/partials/front.html", diagnostic.FilePath);
        var span = diagnostic.Span!.Value;
        Assert.Equal(3, span.Line);
        Assert.Equal(23, span.Column);
        Assert.Equal("}}", span.Text);
        Assert.Equal("<p>{{ page.subtitle | }}</p>", span.Source.Line(span.Line));
    }

    [Fact]
    public void Syntax_errors_stop_the_page_before_anything_renders()
    {
        // The shell itself is fine but would fail while rendering; only the parse error is reported.
        var result = RenderShell("{{ nope }}{{ include 'html/b.html' }}", more: new() { ["html/b.html"] = "{{ end }}" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0402", diagnostic.Code);
    }

    [Fact]
    public void Unknown_variable_is_PUB0403_with_position()
    {
        var result = RenderShell("<title>{{ page.title }}</title>\n<p>{{ page.titel }}</p>\n<p>{{ autor }}</p>\n");

        Assert.Null(result.Html);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0403", diagnostic.Code);
        Assert.Equal("templates/html/paper.html", diagnostic.FilePath);
        Assert.Equal(2, diagnostic.Span!.Value.Line);
        Assert.Contains("titel", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_error_in_a_partial_points_into_the_partial()
    {
        var result = RenderShell("<body>\n{{ include 'html/partials/x.html' }}\n", more: new() { ["html/partials/x.html"] = "<p>\n{{ page.author }}</p>\n" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0403", diagnostic.Code);
        Assert.Equal("templates/html/partials/x.html", diagnostic.FilePath);
        Assert.Equal(2, diagnostic.Span!.Value.Line);
    }

    [Fact]
    public void Unknown_global_variable_is_PUB0403()
    {
        var result = RenderShell("a\n  {{ autor }}\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PUB0403", diagnostic.Code);
        Assert.Equal((2, 6), (diagnostic.Span!.Value.Line, diagnostic.Span!.Value.Column));
    }

    [Fact]
    public void Template_values_arrive_escaped()
    {
        var result = RenderShell("{{ page.title }}|{{ page.subtitle }}", Doc([], meta: new Metadata { Title = "A <b> & \"c\"" }));
        Assert.Equal("A &lt;b&gt; &amp; &quot;c&quot;|\n", result.Html);
    }

    [Fact]
    public void Crlf_templates_render_lf_pages()
    {
        var result = RenderShell("<p>\r\n{{ page.title }}\r\n</p>\r\n");
        Assert.Equal("<p>\nTest paper\n</p>\n", result.Html);
    }

    /// <summary>Writes the sample page and stylesheet for a look in a browser when PUB_HTML_SAMPLE names a folder.</summary>
    [Fact]
    public void Sample_page_for_review()
    {
        var folder = Environment.GetEnvironmentVariable("PUB_HTML_SAMPLE");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        var result = HtmlEditionWriter.Render(SamplePaper.Create(), Context, new RepositoryTemplates());
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "page.html"), result.Html);
        File.Copy(Path.Combine(RepositoryTemplates.Folder, "html/assets/pub.css"), Path.Combine(folder, "assets/pub.css"), overwrite: true);
    }
}
