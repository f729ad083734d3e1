using System.Globalization;
using Pub.Syntax;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Pub.Html.Edition;

/// <summary>
/// Renders one page shell with its variables: the edition pages and the site pages (index, 404) all come
/// through here. Template problems come back as diagnostics, never as exceptions, and no template is
/// rendered until the shell and every template it includes have been found and parsed. Scriban runs
/// strictly, from a loader that cannot leave the templates folder. The page is LF-only with one final
/// newline.
/// </summary>
internal static class ShellRenderer
{
    /// <summary>The largest page written, in characters: far beyond any manuscript, small enough to catch a
    /// template that runs away.</summary>
    public const int MaxPageChars = 64 * 1024 * 1024;

    public static HtmlEditionResult Render(ITemplateSource templates, string shellPath, ScriptObject globals)
    {
        var set = TemplateSet.Load(templates, shellPath);
        if (set.Diagnostics.Count > 0)
        {
            return new HtmlEditionResult(null, set.Diagnostics);
        }

        var scriban = set.Context(templates, globals);
        var output = new PageOutput();
        scriban.PushOutput(output);

        var shell = set.Templates[TemplateSet.Normalize(shellPath)!];
        try
        {
            shell.Render(scriban);
            var html = output.Text;
            if (html.Length > MaxPageChars)
            {
                return new HtmlEditionResult(null, [Diagnostic.Error(Codes.TemplateOutputTooLarge,
                    $"the page '{shellPath}' rendered to {html.Length:N0} characters; pub writes pages of at most {MaxPageChars:N0}", null,
                    "look for a loop in the template that repeats more than it should; a manuscript of 1,000 pages makes a page of about 5 million characters")
                    .WithPath(templates.DisplayPath(shellPath))]);
            }
            return new HtmlEditionResult(Finish(html), []);
        }
        catch (ScriptRuntimeException error)
        {
            return new HtmlEditionResult(null, [RenderError(set, templates, error)]);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            // A builtin function given a value it cannot handle; Scriban does not always say where.
            return new HtmlEditionResult(null, [Diagnostic.Error(Codes.TemplateRender, error.Message).WithPath(templates.DisplayPath(shellPath))]);
        }
    }

    private static Diagnostic RenderError(TemplateSet set, ITemplateSource templates, ScriptRuntimeException error)
    {
        if (error is ScriptParserRuntimeException parse && parse.ParserMessages.Count > 0)
        {
            // A template included by a computed path had a syntax error.
            var first = parse.ParserMessages[0];
            var text = set.TextFor(first.Span.FileName);
            return Diagnostic.Error(Codes.TemplateSyntax, first.Message, text is null ? null : TemplateSet.ToSpan(text, first.Span))
                .WithPath(first.Span.FileName ?? templates.DisplayPath(""));
        }
        var source = set.TextFor(error.Span.FileName);
        var span = source is null ? (SourceSpan?)null : TemplateSet.ToSpan(source, error.Span);
        var diagnostic = Diagnostic.Error(Codes.TemplateRender, error.OriginalMessage, span);
        return span is null && error.Span.FileName is { } file ? diagnostic.WithPath(file) : diagnostic;
    }

    /// <summary>One trailing newline and LF only, whatever the templates did.</summary>
    private static string Finish(string html)
    {
        html = html.Replace("\r\n", "\n", StringComparison.Ordinal);
        return html.TrimEnd('\n', ' ') + "\n";
    }

    /// <summary>The page as written. Scriban's own output is emptied after rendering by a call that allocates
    /// a second buffer as large as the page, which for a long paper started a full garbage collection.</summary>
    private sealed class PageOutput : IScriptOutput
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text => _text.ToString();

        public void Write(string text, int offset, int count) => _text.Append(text, offset, count);

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }
    }
}
