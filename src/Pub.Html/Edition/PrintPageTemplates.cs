using System.Globalization;
using System.Text;
using Pub.Model;
using Pub.Syntax;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Pub.Html.Edition;

/// <summary>What the front-matter templates of the PDF edition need beyond the document. Plain text; the
/// writer escapes it for the page markup.</summary>
public sealed record PrintPageContext
{
    public string? SeriesTitle { get; init; }
    public string? SeriesShortTitle { get; init; }
    public string? SeriesIssn { get; init; }
    public string? NumberLabel { get; init; }
    public string? PublisherName { get; init; }
    public string? PublisherPlace { get; init; }
    /// <summary>The logo's project-relative path, when pub.yaml or the front matter names one.</summary>
    public string? Logo { get; init; }
    /// <summary>The edition's entry in the house citation style, as page markup (see <see cref="PageMarkupText"/>).</summary>
    public string? SuggestedCitation { get; init; }
    public bool Draft { get; init; }
}

/// <summary>One rendered page template: its page markup, and a map from an offset in the markup back to the
/// template position that wrote it, for diagnostics about the markup.</summary>
public sealed record RenderedPageTemplate(string Path, string Markup, Func<int, SourceSpan?> Locate);

public sealed record PrintPageTemplatesResult(RenderedPageTemplate? Cover, RenderedPageTemplate? Imprint, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Renders the PDF edition's cover and imprint templates (<c>templates/pdf/cover.txt</c> and
/// <c>templates/pdf/imprint.txt</c>) to page markup, the small block language the typesetter sets (see
/// docs/pdf-templates.md). The templates run as the HTML shell does: strict variables, includes only inside
/// templates/, every problem a diagnostic with the template's line and column. A template that does not exist is
/// not an error: the typesetter's built-in cover is used and no imprint is printed.
/// </summary>
public static class PrintPageTemplates
{
    public const string CoverPath = "pdf/cover.txt";
    public const string ImprintPath = "pdf/imprint.txt";

    public static PrintPageTemplatesResult Render(Document document, PrintPageContext context, ITemplateSource templates)
    {
        var diagnostics = new List<Diagnostic>();
        var model = Model(document, context);
        var cover = RenderOne(CoverPath, model, templates, diagnostics);
        var imprint = RenderOne(ImprintPath, model, templates, diagnostics);
        return new PrintPageTemplatesResult(cover, imprint, diagnostics);
    }

    private static RenderedPageTemplate? RenderOne(string path, ScriptObject model, ITemplateSource templates, List<Diagnostic> diagnostics)
    {
        if (templates.Read(path) is null)
            return null;
        var set = TemplateSet.Load(templates, path);
        if (set.Diagnostics.Count > 0)
        {
            diagnostics.AddRange(set.Diagnostics);
            return null;
        }
        var scriban = set.Context(templates, model);
        var output = new MappedOutput(scriban);
        scriban.PushOutput(output);
        try
        {
            set.Templates[path].Render(scriban);
        }
        catch (ScriptRuntimeException error)
        {
            var source = set.TextFor(error.Span.FileName);
            var span = source is null ? (SourceSpan?)null : TemplateSet.ToSpan(source, error.Span);
            var diagnostic = Diagnostic.Error(Codes.TemplateRender, error.OriginalMessage, span);
            diagnostics.Add(span is null ? diagnostic.WithPath(templates.DisplayPath(path)) : diagnostic);
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            diagnostics.Add(Diagnostic.Error(Codes.TemplateRender, error.Message).WithPath(templates.DisplayPath(path)));
            return null;
        }
        var fallback = set.TextFor(templates.DisplayPath(path));
        return new RenderedPageTemplate(templates.DisplayPath(path), output.Text, offset => output.Locate(offset, set) ?? fallback?.Span(0, 0));
    }

    /// <summary>
    /// Collects the output and, for each piece of literal template text written, where it came from. A value
    /// written by an expression is located at the expression: the place where the literal text before it ends.
    /// (Scriban gives the current node for literal text, but not a reliable span for an expression inside a block.)
    /// </summary>
    private sealed class MappedOutput(TemplateContext context) : IScriptOutput
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Start, Scriban.Parsing.SourceSpan Span, string Written)> _pieces = [];

        public string Text => _text.ToString();

        public void Write(string text, int offset, int count)
        {
            if (count > 0 && context.CurrentNode is ScriptRawStatement node)
                _pieces.Add((_text.Length, node.Span, text.Substring(offset, count)));
            _text.Append(text, offset, count);
        }

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        /// <summary>The template position of the output character at <paramref name="offset"/>.</summary>
        public SourceSpan? Locate(int offset, TemplateSet set)
        {
            int k = _pieces.FindLastIndex(p => p.Start <= offset);
            if (k < 0)
                return null;
            var (start, span, written) = _pieces[k];
            if (set.TextFor(span.FileName) is not { } source)
                return null;
            var whole = TemplateSet.ToSpan(source, span);
            // Whitespace control may have trimmed the literal text's start: find where this piece of it begins.
            int at = source.Text.IndexOf(written, whole.Start, StringComparison.Ordinal);
            if (at < 0)
                return whole;
            int into = Math.Min(offset - start, written.Length);
            return source.Span(Math.Min(at + into, Math.Max(0, source.Text.Length - 1)), 1);
        }
    }

    private static ScriptObject Model(Document document, PrintPageContext context)
    {
        var meta = document.Meta;
        var terms = Terms.For(meta.Language);
        var paper = new ScriptObject
        {
            ["language"] = meta.Language,
            ["title"] = Text(meta.Title),
            ["subtitle"] = Text(meta.Subtitle),
            ["authors"] = People(meta.Authors),
            ["editors"] = People(meta.Editors),
            ["is_handbook"] = meta.Kind == ManuscriptKind.Handbook,
            ["number"] = meta.Number,
            ["edition"] = meta.Edition,
            ["edition_statement"] = meta.Edition >= 2 ? Text(terms.EditionStatement(meta.Edition)) : null,
            ["date"] = meta.Date is { } d ? Text(terms.FormatDate(d)) : null,
            ["year"] = meta.Date?.Year,
            ["first_published"] = meta.Edition >= 2 && (meta.FirstPublished ?? meta.EarlierEditions.FirstOrDefault()?.Date) is { } first ? Text(terms.FormatDate(first)) : null,
            ["earlier_editions"] = Array(meta.EarlierEditions.Select(e => (object?)new ScriptObject
            {
                ["edition"] = e.Edition,
                ["statement"] = Text(terms.EditionStatement(e.Edition)),
                ["date"] = e.Date is { } ed ? Text(terms.FormatDate(ed)) : null,
                ["year"] = e.Date?.Year,
            })),
            ["isbn"] = Text(meta.Isbn),
            ["doi"] = Text(meta.Doi),
            ["doi_url"] = meta.Doi is { Length: > 0 } doi ? "<" + PageMarkupText.Escape("https://doi.org/" + doi) + ">" : null,
            ["licence"] = Text(meta.Licence),
            ["copyright"] = Text(meta.Copyright),
            ["disclaimer"] = Text(meta.Disclaimer),
            ["citation"] = context.SuggestedCitation,
            ["draft"] = context.Draft,
        };
        var series = new ScriptObject
        {
            ["title"] = Text(context.SeriesTitle),
            ["short_title"] = Text(context.SeriesShortTitle),
            ["issn"] = Text(context.SeriesIssn),
            ["number_label"] = Text(context.NumberLabel),
        };
        var publisher = new ScriptObject
        {
            ["name"] = Text(context.PublisherName),
            ["place"] = Text(context.PublisherPlace),
            ["logo"] = context.Logo,
        };
        var labels = new ScriptObject
        {
            ["edited_by"] = Text(terms.EditedBy),
            ["editor"] = Text(terms.Editor),
            ["editors"] = Text(terms.Editors),
            ["first_published"] = Text(terms.FirstPublished),
            ["suggested_citation"] = Text(terms.SuggestedCitation),
        };
        return new ScriptObject
        {
            ["paper"] = paper,
            ["series"] = series,
            ["publisher"] = publisher,
            ["labels"] = labels,
        };
    }

    private static ScriptArray People(IReadOnlyList<Person> people) =>
        Array(people.Select(p => (object?)new ScriptObject
        {
            ["name"] = Text(p.Name),
            ["affiliation"] = Text(p.Affiliation),
        }));

    private static ScriptArray Array(IEnumerable<object?> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
            array.Add(item);
        return array;
    }

    private static string? Text(string? value) => value is { Length: > 0 } ? PageMarkupText.Escape(value) : null;
}

/// <summary>Text for page markup: values are escaped so that they print as written, and inline content (a
/// rendered citation) becomes the markup's emphasis, bold and links.</summary>
public static class PageMarkupText
{
    /// <summary>Backslash before the markup's special characters; line breaks become spaces, so that a value
    /// never opens a block of its own.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '<' or '>')
                result.Append('\\').Append(c);
            else if (c is '\n' or '\r' or '\t')
            {
                if (result.Length > 0 && result[^1] != ' ')
                    result.Append(' ');
            }
            else
                result.Append(c);
        }
        if (result.Length > 0 && result[0] == '.')
            result.Insert(0, '\\');
        return result.ToString().Trim();
    }

    public static string FromInlines(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        Write(inlines, text);
        return text.ToString().Trim();
    }

    private static void Write(IReadOnlyList<Inline> inlines, StringBuilder text)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    text.Append(Escape(t.Value.Replace("\n", " ", StringComparison.Ordinal)) is var e && t.Value.StartsWith(' ') ? " " + e : e);
                    if (t.Value.Length > 1 && t.Value.EndsWith(' '))
                        text.Append(' ');
                    break;
                case Emphasis em:
                    Wrap("*", em.Content, text);
                    break;
                case Strong strong:
                    Wrap("**", strong.Content, text);
                    break;
                case Link link when string.Equals(Plain(link.Content), link.Url, StringComparison.Ordinal):
                    text.Append('<').Append(Escape(link.Url)).Append('>');
                    break;
                case SoftBreak or LineBreak:
                    text.Append(' ');
                    break;
                default:
                    if (Children(inline) is { } children)
                        Write(children, text);
                    break;
            }
        }
    }

    private static void Wrap(string mark, IReadOnlyList<Inline> content, StringBuilder text)
    {
        text.Append(mark);
        Write(content, text);
        text.Append(mark);
    }

    private static IReadOnlyList<Inline>? Children(Inline inline) => inline switch
    {
        Link l => l.Content,
        Upright u => u.Content,
        NormalWeight n => n.Content,
        SmallCaps s => s.Content,
        Superscript s => s.Content,
        Subscript s => s.Content,
        Underline u => u.Content,
        SpanInline s => s.Content,
        CitedWork w => w.Content,
        _ => null,
    };

    private static string Plain(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            if (inline is Text t)
                text.Append(t.Value);
            else if (Children(inline) is { } children)
                text.Append(Plain(children));
        }
        return text.ToString();
    }
}
