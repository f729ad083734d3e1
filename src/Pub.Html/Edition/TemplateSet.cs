using Pub.Syntax;
using Scriban;
using Scriban.Syntax;

namespace Pub.Html.Edition;

/// <summary>
/// A shell template and every template it includes, parsed and checked before anything is rendered:
/// a missing template (PUB0401) or a syntax error (PUB0402) in any of them stops the page. Includes are
/// found by walking the syntax tree for <c>include '…'</c> with a literal path; an include whose path
/// is computed at render time is resolved by <see cref="TemplateLoader"/> then.
/// </summary>
internal sealed class TemplateSet
{
    private readonly ITemplateSource _source;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceText> _texts = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    private TemplateSet(ITemplateSource source) => _source = source;

    /// <summary>Parsed templates by path relative to templates/.</summary>
    public IReadOnlyDictionary<string, Template> Templates => _templates;

    /// <summary>A rendering context over the set: strict variables and members (a misspelt <c>page.titel</c> is an
    /// error, like a misspelt variable), includes served from the parsed templates, LF line ends, the invariant
    /// culture, and <paramref name="globals"/> as the variables.</summary>
    /// <summary>The most iterations one loop in a template may make.</summary>
    public const int MaxLoopIterations = 100_000;

    public TemplateContext Context(ITemplateSource source, Scriban.Runtime.ScriptObject globals)
    {
        var context = new TemplateContext(new TemplateBuiltins())
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = new TemplateLoader(source),
            NewLine = "\n",
            // Scriban cuts any string it writes at one million characters by default, which silently lost the end
            // of long manuscripts; the page as a whole is limited instead (ShellRenderer.MaxPageChars).
            LimitToString = 0,
            // Loops over a series' papers or a long bibliography may pass Scriban's default of 1,000 iterations;
            // a runaway loop still stops, with a positioned error.
            LoopLimit = MaxLoopIterations,
        };
        foreach (var (path, parsed) in _templates)
        {
            context.CachedTemplates[path] = parsed;
        }
        context.PushCulture(System.Globalization.CultureInfo.InvariantCulture);
        context.PushGlobal(globals);
        return context;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public ITemplateSource Source => _source;

    public static TemplateSet Load(ITemplateSource source, string shellPath)
    {
        var set = new TemplateSet(source);
        var normalized = Normalize(shellPath);
        if (normalized is null)
        {
            set._diagnostics.Add(Diagnostic.Error(Codes.MissingTemplate, $"template '{shellPath}' is outside the templates folder")
                .WithPath(source.DisplayPath(shellPath)));
            return set;
        }
        set.LoadTemplate(normalized, includedFrom: null);
        return set;
    }

    /// <summary>The source text of a template by the file name Scriban knows it under (its display path).</summary>
    public SourceText? TextFor(string? displayPath) =>
        displayPath is not null && _texts.TryGetValue(displayPath, out var text) ? text : null;

    /// <summary>A path relative to templates/, or null when it climbs out of the folder or is absolute.</summary>
    public static string? Normalize(string path)
    {
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
        {
            return null;
        }
        var normalized = ProjectPath.Normalize(path);
        return normalized.Length == 0 || ProjectPath.EscapesRoot(normalized) ? null : normalized;
    }

    private void LoadTemplate(string path, SourceSpan? includedFrom)
    {
        if (_templates.ContainsKey(path))
        {
            return;
        }
        var text = _source.Read(path);
        if (text is null)
        {
            var missing = _source.IsOutside(path)
                ? Diagnostic.Error(Codes.OutsideProject, $"template '{path}' leads outside the project and is refused", includedFrom,
                    ProjectPath.OutsideHint(_source.DisplayPath(path)))
                : Diagnostic.Error(Codes.MissingTemplate, $"template '{path}' does not exist", includedFrom);
            _diagnostics.Add(includedFrom is null ? missing.WithPath(_source.DisplayPath(path)) : missing);
            return;
        }
        // Templates checked out with CRLF still render LF pages.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var displayPath = _source.DisplayPath(path);
        var sourceText = new SourceText(displayPath, text);
        _texts[displayPath] = sourceText;

        var template = Template.Parse(text, displayPath);
        _templates[path] = template;
        if (template.HasErrors)
        {
            foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
            {
                _diagnostics.Add(Diagnostic.Error(Codes.TemplateSyntax, message.Message, ToSpan(sourceText, message.Span)));
            }
            return;
        }

        var includes = new IncludeCollector();
        includes.Visit(template.Page);
        foreach (var (name, span) in includes.Found)
        {
            var at = ToSpan(sourceText, span);
            var target = Normalize(name);
            if (target is null)
            {
                _diagnostics.Add(Diagnostic.Error(Codes.MissingTemplate, $"included template '{name}' is outside the templates folder", at));
                continue;
            }
            LoadTemplate(target, at);
        }
    }

    /// <summary>Scriban positions are zero-based lines and columns; ours are one-based and point into
    /// the SourceText so that diagnostics can show the template line.</summary>
    public static SourceSpan ToSpan(SourceText text, Scriban.Parsing.SourceSpan span)
    {
        var start = text.Offset(span.Start.Line + 1, span.Start.Column + 1);
        var end = span.End.Line == span.Start.Line ? text.Offset(span.End.Line + 1, span.End.Column + 2) : start + 1;
        return text.Span(start, Math.Max(1, end - start));
    }

    private sealed class IncludeCollector : ScriptVisitor
    {
        public List<(string Name, Scriban.Parsing.SourceSpan Span)> Found { get; } = [];

        public override void Visit(ScriptFunctionCall node)
        {
            if (node.Target is ScriptVariable { Name: "include" } && node.Arguments.Count > 0
                && node.Arguments[0] is ScriptLiteral { Value: string name })
            {
                Found.Add((name, node.Span));
            }
            base.Visit(node);
        }
    }
}
