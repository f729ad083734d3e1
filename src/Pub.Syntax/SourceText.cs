// Pub.Syntax: source files, positions and diagnostics. Every stage of the pipeline reports problems
// as Diagnostic values that point into a SourceText; nothing here does I/O.
namespace Pub.Syntax;

/// <summary>The text of one input file with a line index, so offsets turn into line and column.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    /// <summary>The path as shown in diagnostics: relative to the project root, with forward slashes.</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>One-based line and column of an offset; columns count UTF-16 code units plus one.</summary>
    public (int Line, int Column) LineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>Offset of a one-based line and column, clamped to the text.</summary>
    public int Offset(int line, int column)
    {
        line = Math.Clamp(line, 1, _lineStarts.Length);
        var start = _lineStarts[line - 1];
        return Math.Min(start + Math.Max(column - 1, 0), Text.Length);
    }

    /// <summary>The text of a one-based line without its line break.</summary>
    public string Line(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }
        return Text[start..Math.Max(start, end)];
    }

    public SourceSpan Span(int start, int length) => new(this, start, length);

    public SourceSpan SpanAt(int line, int column, int length = 1) => new(this, Offset(line, column), length);
}

/// <summary>A range of characters in a source text.</summary>
public readonly record struct SourceSpan(SourceText Source, int Start, int Length)
{
    public int End => Start + Length;

    public int Line => Source.LineColumn(Start).Line;

    public int Column => Source.LineColumn(Start).Column;

    public string Text => Source.Text.Substring(Math.Min(Start, Source.Text.Length), Math.Max(0, Math.Min(Length, Source.Text.Length - Start)));

    public override string ToString() => $"{Source.Path}({Line},{Column})";
}
