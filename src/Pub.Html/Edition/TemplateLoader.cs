using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Pub.Html.Edition;

/// <summary>Resolves <c>include</c> at render time. Templates named by a literal path were parsed and
/// checked beforehand and sit in the context's cache; this loader only sees computed paths, which it
/// keeps inside templates/ like the rest.</summary>
internal sealed class TemplateLoader(ITemplateSource source) : ITemplateLoader
{
    public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
        TemplateSet.Normalize(templateName)
        ?? throw new ScriptRuntimeException(callerSpan, $"included template '{templateName}' is outside the templates folder");

    public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
        source.Read(templatePath)?.Replace("\r\n", "\n", StringComparison.Ordinal)
        ?? throw new ScriptRuntimeException(callerSpan, $"template '{templatePath}' does not exist");

    public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
