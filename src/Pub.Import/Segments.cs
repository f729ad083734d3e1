using System.Text;

namespace Pub.Import;

[Flags]
internal enum RunFormat
{
    None = 0,
    Italic = 1,
    Bold = 2,
    Superscript = 4,
    Subscript = 8,
    Strike = 16,
}

/// <summary>A piece of a paragraph on its way to Markdown. Text keeps its formatting until the paragraph is
/// complete, so that neighbouring runs with the same formatting (Word splits text into runs freely) become
/// one emphasis, not a string of them.</summary>
internal abstract record Segment
{
    public sealed record Text(string Value, RunFormat Format) : Segment;

    /// <summary>Markdown made already: a link, a note reference, a cross-reference.</summary>
    public sealed record Markdown(string Value) : Segment;

    /// <summary>A citation cluster without its brackets ("@a, p. 3; -@b"). <see cref="Written"/>, when set, is
    /// how it is written where it stands instead of in brackets.</summary>
    public sealed record Citation(string Inner, string? Written = null) : Segment;

    /// <summary>An image of the document, written to <see cref="Path"/>.</summary>
    public sealed record Image(string Path, string? Description) : Segment;
}

internal static class SegmentText
{
    /// <summary>The Markdown of a paragraph's segments.</summary>
    public static string Render(IReadOnlyList<Segment> segments, Func<string, bool> knownKey)
    {
        var builder = new StringBuilder();
        var pending = new StringBuilder();
        var format = RunFormat.None;
        void Flush()
        {
            if (pending.Length > 0)
            {
                AppendFormatted(builder, MarkdownText.Escape(pending.ToString(), knownKey), format);
                pending.Clear();
            }
        }
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case Segment.Text text:
                    if (text.Format != format)
                    {
                        Flush();
                        format = text.Format;
                    }
                    pending.Append(text.Value);
                    break;
                case Segment.Markdown markdown:
                    Flush();
                    builder.Append(markdown.Value);
                    break;
                case Segment.Citation citation:
                    Flush();
                    _ = citation.Written is { } written ? builder.Append(written) : builder.Append('[').Append(citation.Inner).Append(']');
                    break;
                case Segment.Image image:
                    Flush();
                    builder.Append("![](").Append(image.Path).Append(')');
                    break;
            }
        }
        Flush();
        return builder.ToString();
    }

    /// <summary>The plain text of segments, for the report's first words and for spotting typed citations.</summary>
    public static string Plain(IEnumerable<Segment> segments) =>
        string.Concat(segments.OfType<Segment.Text>().Select(t => t.Value));

    // Delimiters go inside the spaces around the text: "* word*" is not emphasis in CommonMark.
    private static void AppendFormatted(StringBuilder builder, string text, RunFormat format)
    {
        var core = text.Trim(' ');
        if (format == RunFormat.None || core.Length == 0)
        {
            builder.Append(text);
            return;
        }
        var lead = text.Length - text.TrimStart(' ').Length;
        var (open, close) = Delimiters(format);
        builder.Append(' ', lead).Append(open).Append(core).Append(close).Append(' ', text.Length - lead - core.Length);
    }

    private static (string Open, string Close) Delimiters(RunFormat format)
    {
        var open = new StringBuilder();
        if (format.HasFlag(RunFormat.Bold))
        {
            open.Append("**");
        }
        if (format.HasFlag(RunFormat.Italic))
        {
            open.Append('*');
        }
        if (format.HasFlag(RunFormat.Strike))
        {
            open.Append("~~");
        }
        if (format.HasFlag(RunFormat.Superscript))
        {
            open.Append('^');
        }
        else if (format.HasFlag(RunFormat.Subscript))
        {
            open.Append('~');
        }
        var opening = open.ToString();
        var closing = new string([.. opening.Reverse()]);
        return (opening, closing);
    }
}
