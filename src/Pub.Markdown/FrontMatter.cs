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
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
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
        catch (YamlException ex)
        {
            diagnostics.Add(YamlError(source, yaml, ex));
            return null;
        }
    }

    /// <summary>YAML marks are one-based and count from the line after the opening '---', which is line 2
    /// of the file.</summary>
    private static Diagnostic YamlError(SourceText source, string yaml, YamlException ex)
    {
        var message = YamlMessage(ex);
        var at = source.SpanAt((int)ex.Start.Line + 1, (int)ex.Start.Column, 1);
        var hint = "check indentation and quoting; values containing ': ' or starting with '@', '[' or '{' need quotes";
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml) is var (tabLine, tabColumn))
        {
            // YamlDotNet reports a tab at the start of the enclosing mapping; the tab itself is more useful.
            at = source.SpanAt(tabLine + 1, tabColumn, 1);
            hint = "indent with spaces: YAML does not allow tabs in indentation";
        }
        else if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            hint = "each field may appear only once; remove or merge one of the two";
        }
        return Diagnostic.Error(Codes.MalformedFrontMatter, $"the front matter is not valid YAML: {message}", at, hint);
    }

    private static (int Line, int Column)? FirstIndentingTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }

    /// <summary>YamlDotNet messages start with a position in YAML coordinates; ours already says where.</summary>
    internal static string YamlMessage(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }
        return message.TrimEnd('.');
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
