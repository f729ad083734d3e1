using System.Text;
using Pub.Model;

namespace Pub.Layout.Compose;

/// <summary>A page template's output after the template engine ran: page markup (docs/pdf-templates.md), and a
/// map from an offset in it back to the template position that wrote it.</summary>
public sealed record PageTemplate(string Markup, Func<int, Pub.Syntax.SourceSpan?> Locate);

/// <summary>One block of page markup: a style or directive name, the directive's argument or the block's
/// text as inlines, and where it starts in the markup.</summary>
internal sealed record MarkupBlock(string Name, string Argument, IReadOnlyList<Inline> Content, int Offset);

/// <summary>
/// Parses page markup, the block language of the cover and imprint templates:
/// - a line <c>.name text</c> opens a block in a style ("title", "author"…) or is a directive ("rule", "space 12",
///   "fill", "logo path"); the lines after it, up to a blank line or the next <c>.name</c> line, continue its text;
/// - a paragraph without a <c>.name</c> line is set in the style "text";
/// - inside text, <c>*emphasis*</c>, <c>**bold**</c>, <c>&lt;https://…&gt;</c> for a link, and a backslash before a
///   character prints it as it is.
/// </summary>
internal static class PageMarkup
{
    public static readonly string[] Directives = ["rule", "space", "fill", "logo"];

    public static (List<MarkupBlock> Blocks, List<(int Offset, string Message)> Problems) Parse(string markup, IReadOnlyCollection<string> styles)
    {
        var blocks = new List<MarkupBlock>();
        var problems = new List<(int, string)>();
        string? name = null;
        var text = new StringBuilder();
        int blockOffset = 0;

        void Close()
        {
            if (name is not null)
                blocks.Add(new MarkupBlock(name, "", Inlines(text.ToString().Trim()), blockOffset));
            name = null;
            text.Clear();
        }

        int offset = 0;
        foreach (var raw in markup.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            int lineOffset = offset;
            offset += raw.Length + 1;
            var line = raw.TrimEnd();
            int indent = line.Length - line.TrimStart().Length;
            var content = line.TrimStart();
            if (content.Length == 0)
            {
                Close();
                continue;
            }
            if (content.Length > 1 && content[0] == '.' && char.IsAsciiLetterLower(content[1]))
            {
                Close();
                int end = 1;
                while (end < content.Length && (char.IsAsciiLetterLower(content[end]) || content[end] == '-'))
                    end++;
                string found = content[1..end];
                string rest = content[end..].Trim();
                int at = lineOffset + indent;
                if (Array.IndexOf(Directives, found) >= 0)
                    blocks.Add(new MarkupBlock(found, rest, [], at));
                else if (styles.Contains(found))
                {
                    name = found;
                    blockOffset = at;
                    text.Append(rest);
                }
                else
                    problems.Add((at, $"unknown page markup style '.{found}'"));
                continue;
            }
            if (name is null)
            {
                name = "text";
                blockOffset = lineOffset + indent;
            }
            else if (text.Length > 0)
                text.Append(' ');
            text.Append(content);
        }
        Close();
        return (blocks, problems);
    }

    /// <summary>Inline markup to the model's inlines; an emphasis or bold left open ends with the block.</summary>
    public static List<Inline> Inlines(string text)
    {
        // A stack of open spans: the marker that opened each and what it holds so far.
        var stack = new List<(string Marker, List<Inline> Content)> { ("", []) };
        var run = new StringBuilder();

        void Flush()
        {
            if (run.Length > 0)
                stack[^1].Content.Add(new Pub.Model.Text(run.ToString()));
            run.Clear();
        }

        void Toggle(string marker)
        {
            Flush();
            int open = stack.FindLastIndex(s => s.Marker == marker);
            if (open <= 0)
            {
                stack.Add((marker, []));
                return;
            }
            while (stack.Count > open)
                Pop();
        }

        void Pop()
        {
            var (marker, content) = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            stack[^1].Content.Add(marker == "**" ? new Strong(content) : new Emphasis(content));
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
                run.Append(text[++i]);
            else if (c == '*')
            {
                bool strong = i + 1 < text.Length && text[i + 1] == '*';
                Toggle(strong ? "**" : "*");
                if (strong)
                    i++;
            }
            else if (c == '<' && Url(text, i) is { } url)
            {
                Flush();
                stack[^1].Content.Add(new Link(url.Url, null, [new Pub.Model.Text(url.Url)]));
                i = url.End;
            }
            else
                run.Append(c);
        }
        Flush();
        while (stack.Count > 1)
            Pop();
        return stack[0].Content;
    }

    private static (string Url, int End)? Url(string text, int start)
    {
        var url = new StringBuilder();
        for (int i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '>')
            {
                string value = url.ToString();
                return value.Contains("://", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal) ? (value, i) : null;
            }
            if (text[i] == '\\' && i + 1 < text.Length)
                url.Append(text[++i]);
            else if (text[i] == ' ')
                return null;
            else
                url.Append(text[i]);
        }
        return null;
    }
}
