using Pub.Syntax;

namespace Pub.Compiler.Publishing;

/// <summary>
/// Sets top-level front-matter fields by editing their lines and nothing else, so that a published
/// manuscript's diff shows exactly what publishing changed: comments, order and quoting of every other
/// line stay as the author wrote them. A field that is absent is added before the closing '---'.
/// </summary>
internal static class FrontMatterStamp
{
    public static StampedManuscript? Apply(SourceText original, IReadOnlyList<(string Key, string Value)> fields)
    {
        var text = original.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').ToList();
        static string Bare(string line) => line.TrimEnd('\r');
        if (lines.Count == 0 || Bare(lines[0]).TrimStart('\uFEFF') != "---")
        {
            return null;
        }
        var close = lines.FindIndex(1, l => Bare(l) is "---" or "...");
        if (close < 0)
        {
            return null;
        }
        // For every line of the stamped text, the line of the original it came from (zero-based), or -1
        // for a line publishing added.
        var origins = Enumerable.Range(0, lines.Count).ToList();
        var ending = newline == "\r\n" ? "\r" : "";
        foreach (var (key, value) in fields)
        {
            var index = lines.FindIndex(1, close - 1, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            var line = key + ": " + value + ending;
            if (index >= 0)
            {
                lines[index] = line;
            }
            else
            {
                lines.Insert(close, line);
                origins.Insert(close, -1);
                close++;
            }
        }
        return new StampedManuscript(original, string.Join('\n', lines), origins);
    }
}

/// <summary>
/// A manuscript's text as publishing stamps it, and the way back: a diagnostic found while building the
/// stamped text points into lines the file on disk does not have yet. While the stamped text is not
/// written (a refused publish), <see cref="ToOriginal"/> moves such a diagnostic to the same text in the
/// file as it is; a position on a line that publishing adds has no counterpart and keeps only the path.
/// </summary>
internal sealed class StampedManuscript(SourceText original, string text, IReadOnlyList<int> origins)
{
    private readonly SourceText _stamped = new(original.Path, text);

    public string Text => text;

    public Diagnostic ToOriginal(Diagnostic diagnostic)
    {
        if (diagnostic.Span is not { } span || span.Source.Path != original.Path || span.Source.Text != text)
        {
            return diagnostic;
        }
        if (Offset(span.Start) is not { } start)
        {
            return diagnostic with { Span = null, Path = original.Path };
        }
        var end = Offset(span.End) is { } mapped && mapped >= start ? mapped : Math.Min(start + span.Length, original.Text.Length);
        return diagnostic with { Span = original.Span(start, end - start) };
    }

    /// <summary>The offset in the original of an offset in the stamped text; on a rewritten line, the same
    /// column clamped to the original line's length.</summary>
    private int? Offset(int offset)
    {
        var (line, column) = _stamped.LineColumn(offset);
        if (origins[line - 1] is var origin && origin < 0)
        {
            return null;
        }
        var originalLine = origin + 1;
        return original.Offset(originalLine, Math.Min(column, original.Line(originalLine).Length + 1));
    }
}
