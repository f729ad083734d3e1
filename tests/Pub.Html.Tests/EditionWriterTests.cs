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
    public void Handbook_chapters_get_their_own_articles_and_note_ids()
    {
        var chapter = Doc([P(T("Body"), new NoteRef("a", 1))], [new Note("a", [P(T("Note"))], 1)],
            new Metadata { Title = "Chapter one", Authors = [new Person("A. Author")], Kind = ManuscriptKind.Chapter });
        var book = Doc([], meta: new Metadata { Title = "Handbook", Kind = ManuscriptKind.Handbook }) with { Chapters = [chapter] };

        var result = HtmlEditionWriter.Render(book, Context, new RepositoryTemplates());

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<article class=\"chapter\" id=\"chapter-1\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#ch1-fn-1\" id=\"ch1-fnref-1\"", result.Html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#chapter-1\">Chapter one</a>", result.Html, StringComparison.Ordinal);
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
