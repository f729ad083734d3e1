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
            var (excerpt, caret, carets) = Excerpt(span.Source.Line(line).Replace('\t', ' '), column - 1, span.Length);
            var number = line.ToString(CultureInfo.InvariantCulture);
            var gutter = new string(' ', number.Length);
            sb.Append("  ").Append(number).Append(" | ").Append(excerpt).Append('\n');
            sb.Append("  ").Append(gutter).Append(" | ").Append(new string(' ', caret)).Append(new string('^', carets)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>How many columns of a source line an excerpt shows at most.</summary>
    public const int ExcerptColumns = 100;

    /// <summary>
    /// The part of a source line shown under a diagnostic, where its caret stands in it, and how many carets: at
    /// most <see cref="ExcerptColumns"/> columns of the line, cut with an ellipsis at either end, chosen so that
    /// the span's start is in view (a paragraph written on one line can be thousands of characters long). The
    /// carets underline the span when it ends within the excerpt; a span that runs further (past the excerpt or
    /// onto later lines) gets one caret, under its start.
    /// </summary>
    public static (string Excerpt, int Caret, int Carets) Excerpt(string line, int start, int length)
    {
        start = Math.Clamp(start, 0, line.Length);
        int from = 0;
        if (line.Length > ExcerptColumns && start >= ExcerptColumns * 3 / 5)
            from = Math.Min(start - ExcerptColumns / 5, line.Length - (ExcerptColumns - 1));
        int room = ExcerptColumns - (from > 0 ? 1 : 0);
        bool cutEnd = line.Length - from > room;
        if (cutEnd)
            room--;
        var excerpt = (from > 0 ? "…" : "") + line.Substring(from, Math.Min(room, line.Length - from)) + (cutEnd ? "…" : "");
        int caret = start - from + (from > 0 ? 1 : 0);
        bool fits = length > 0 && start + length <= Math.Min(line.Length, from + room);
        return (excerpt, caret, fits ? length : 1);
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
