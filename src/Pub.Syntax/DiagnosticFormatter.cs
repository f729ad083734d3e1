using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pub.Syntax;

/// <summary>
/// The three ways diagnostics are printed. Text:
/// <code>
/// papers/op-003/paper.md(14,7): error PUB0201: unknown citation key 'rantsev2010'
///   hint: did you mean 'rantsev-2010'?
///    14 | as the Court held [@rantsev2010, para. 282].
///       |       ^^^^^^^^^^^
/// </code>
/// JSON (one array for a run) and GitHub Actions workflow annotations.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Severity(Severity severity) => severity switch
    {
        Syntax.Severity.Error => "error",
        Syntax.Severity.Warning => "warning",
        _ => "info",
    };

    public static string Text(Diagnostic diagnostic)
    {
        var sb = new StringBuilder();
        sb.Append(Location(diagnostic)).Append(Severity(diagnostic.Severity)).Append(' ').Append(diagnostic.Code).Append(": ").Append(diagnostic.Message).Append('\n');
        foreach (var hint in diagnostic.HintList)
        {
            sb.Append("  hint: ").Append(hint).Append('\n');
        }
        if (diagnostic.Span is { } span && span.Source.Text.Length > 0)
        {
            var (line, column) = span.Source.LineColumn(span.Start);
            var lineText = span.Source.Line(line).Replace('\t', ' ');
            var number = line.ToString(CultureInfo.InvariantCulture);
            var gutter = new string(' ', number.Length);
            var width = Math.Max(1, Math.Min(span.Length, lineText.Length - column + 1));
            sb.Append("  ").Append(number).Append(" | ").Append(lineText).Append('\n');
            sb.Append("  ").Append(gutter).Append(" | ").Append(new string(' ', Math.Max(0, column - 1))).Append(new string('^', width)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>"path(line,col): ", "path: " or nothing.</summary>
    public static string Location(Diagnostic diagnostic)
    {
        if (diagnostic.Span is { } span)
        {
            var (line, column) = span.Source.LineColumn(span.Start);
            return FormattableString.Invariant($"{span.Source.Path}({line},{column}): ");
        }
        return diagnostic.Path is null ? "" : diagnostic.Path + ": ";
    }

    public static string Json(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var d in diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", Severity(d.Severity));
                writer.WriteString("code", d.Code);
                writer.WriteString("message", d.Message);
                if (d.FilePath is { } path)
                {
                    writer.WriteString("file", path);
                }
                if (d.Span is { } span)
                {
                    var (line, column) = span.Source.LineColumn(span.Start);
                    var (endLine, endColumn) = span.Source.LineColumn(span.End);
                    writer.WriteNumber("line", line);
                    writer.WriteNumber("column", column);
                    writer.WriteNumber("endLine", endLine);
                    writer.WriteNumber("endColumn", endColumn);
                }
                writer.WriteStartArray("hints");
                foreach (var hint in d.HintList)
                {
                    writer.WriteStringValue(hint);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A GitHub Actions workflow command, e.g. <c>::error file=a.md,line=3,col=5,title=PUB0101::message</c>.</summary>
    public static string GitHubAnnotation(Diagnostic diagnostic)
    {
        var kind = diagnostic.Severity switch
        {
            Syntax.Severity.Error => "error",
            Syntax.Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (diagnostic.FilePath is { } path)
        {
            properties.Add("file=" + EscapeProperty(path));
        }
        if (diagnostic.Span is { } span)
        {
            var (line, column) = span.Source.LineColumn(span.Start);
            properties.Add(FormattableString.Invariant($"line={line}"));
            properties.Add(FormattableString.Invariant($"col={column}"));
        }
        properties.Add("title=" + EscapeProperty(diagnostic.Code));
        var message = diagnostic.Message + string.Concat(diagnostic.HintList.Select(h => "\nhint: " + h));
        return $"::{kind} {string.Join(',', properties)}::{EscapeData(message)}";
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
