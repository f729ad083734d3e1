using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Pub.Syntax;

namespace Pub.Markdown;

/// <summary>The YAML block at the top of a manuscript, split off and parsed with positions.</summary>
internal sealed record FrontMatterBlock(YamlMappingNode Root, int FirstLine, int BodyStart);

/// <summary>Finds and parses front matter. A manuscript starts with a line "---", then YAML, then a
/// line "---" or "...". Positions of YAML nodes are mapped back to lines of the whole file.</summary>
internal static class FrontMatterSplitter
{
    public static FrontMatterBlock? Split(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text == "---"))
        {
            var first = FirstNonBlankLine(source);
            diagnostics.Add(Diagnostic.Error(Codes.MissingFrontMatter,
                "the manuscript does not start with front matter",
                source.SpanAt(first, 1, source.Line(first).Length),
                "begin the file with a line '---', the YAML fields (title, series, authors …), and a closing line '---'"));
            return null;
        }
        var line = 2;
        for (; line <= source.LineCount; line++)
        {
            var content = source.Line(line).TrimEnd();
            if (content is "---" or "...")
            {
                break;
            }
        }
        if (line > source.LineCount)
        {
            diagnostics.Add(Diagnostic.Error(Codes.MalformedFrontMatter,
                "the front matter is never closed",
                source.SpanAt(1, 1, 3),
                "add a line '---' after the last front-matter field"));
            return null;
        }
        var yamlStart = source.Offset(2, 1);
        var yamlEnd = source.Offset(line, 1);
        var yaml = text[yamlStart..yamlEnd];
        var bodyStart = line < source.LineCount ? source.Offset(line + 1, 1) : text.Length;
        try
        {
            var stream = YamlText.Load(yaml);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new FrontMatterBlock(new YamlMappingNode(), 2, bodyStart);
            }
            if (stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                diagnostics.Add(Diagnostic.Error(Codes.MalformedFrontMatter,
                    "the front matter must be a set of 'field: value' lines",
                    source.SpanAt(2, 1, source.Line(2).Length)));
                return null;
            }
            return new FrontMatterBlock(map, 2, bodyStart);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            diagnostics.Add(YamlError(source, yaml, ex));
            return null;
        }
    }

    /// <summary>YAML lines count from the line after the opening '---', which is line 2 of the file.</summary>
    private static Diagnostic YamlError(SourceText source, string yaml, Exception ex)
    {
        var error = YamlSyntaxError.Explain(yaml, ex);
        return Diagnostic.Error(Codes.MalformedFrontMatter, $"the front matter is not valid YAML: {error.Message}",
            source.SpanAt(error.Line + 1, error.Column, 1), error.Hint);
    }

    private static int FirstNonBlankLine(SourceText source)
    {
        for (var line = 1; line <= source.LineCount; line++)
        {
            if (source.Line(line).Trim().Length > 0)
            {
                return line;
            }
        }
        return 1;
    }
}
