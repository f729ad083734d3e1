using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pub.Syntax;

namespace Pub.Preview;

/// <summary>What the preview adds to the editions: the reload script in every HTML page, the state the
/// pages listen to, and an index of the previewed manuscripts.</summary>
internal static class PreviewPages
{
    public const string ScriptPath = "__pub/preview.js";
    public const string EventsPath = "__pub/events";
    public const string StatePath = "__pub/state";

    /// <summary>The index page's stylesheet; the content security policy allows it by its hash.</summary>
    public const string IndexStyle = "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}li{margin:.25rem 0}.failing{color:#a00}";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(PreviewPages).Assembly.GetManifestResourceStream("Pub.Preview.preview.js")
            ?? throw new InvalidOperationException("the preview script is not embedded in Pub.Preview");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static byte[] ScriptBytes => Script.Value;

    /// <summary>Adds the reload script to a page, with the version of the site it was served from: a page
    /// that learns of a newer version reloads, even when the change happened before it connected.</summary>
    public static byte[] Inject(byte[] html, long version)
    {
        var tag = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<script src=\"/{ScriptPath}\" data-pub-version=\"{version}\" defer></script>\n"));
        var head = HeadEnd(html);
        var page = new byte[html.Length + tag.Length];
        html.AsSpan(0, head).CopyTo(page);
        tag.CopyTo(page.AsSpan(head));
        html.AsSpan(head).CopyTo(page.AsSpan(head + tag.Length));
        return page;
    }

    /// <summary>Where <c>&lt;/head&gt;</c> starts in the UTF-8 page, in any letter case (an ASCII tag never
    /// matches inside a multi-byte character); 0 when there is none, so the script goes first.</summary>
    private static int HeadEnd(ReadOnlySpan<byte> html)
    {
        ReadOnlySpan<byte> end = "</head>"u8;
        for (var at = html.IndexOf("</"u8); at >= 0 && at <= html.Length - end.Length; )
        {
            if (Ascii.EqualsIgnoreCase(html.Slice(at, end.Length), end))
            {
                return at;
            }
            var next = html[(at + 1)..].IndexOf("</"u8);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return 0;
    }

    /// <summary>The state sent to pages: one line of JSON (a server-sent event's data may not span lines).</summary>
    public static string State(long version, IReadOnlyList<Diagnostic> errors)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", version);
            json.WriteStartArray("errors");
            foreach (var d in errors)
            {
                json.WriteStartObject();
                json.WriteString("severity", DiagnosticFormatter.Severity(d.Severity));
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteString("location", DiagnosticFormatter.Location(d).TrimEnd(' ', ':'));
                if (d.FilePath is { } file)
                {
                    json.WriteString("file", file);
                }
                if (d.Span is { } span)
                {
                    var (line, column) = span.Source.LineColumn(span.Start);
                    json.WriteNumber("line", line);
                    json.WriteNumber("column", column);
                    json.WriteString("source", span.Source.Line(line));
                }
                json.WriteStartArray("hints");
                foreach (var hint in d.HintList)
                {
                    json.WriteStringValue(hint);
                }
                json.WriteEndArray();
                json.WriteString("text", DiagnosticFormatter.Text(d));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The start page when several manuscripts are previewed, or when one has no good build yet.</summary>
    public static byte[] Index(IEnumerable<(string Manuscript, IReadOnlyList<string> Files, bool Failing)> manuscripts, long version)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>pub preview</title>\n")
          .Append("<style>").Append(IndexStyle).Append("</style>\n")
          .Append("</head>\n<body>\n<main>\n<h1>pub preview</h1>\n<ul>\n");
        foreach (var (manuscript, files, failing) in manuscripts)
        {
            sb.Append("<li><code>").Append(WebUtility.HtmlEncode(manuscript)).Append("</code>");
            foreach (var file in files)
            {
                var encoded = WebUtility.HtmlEncode(file);
                sb.Append(" · <a href=\"/").Append(Uri.EscapeDataString(file)).Append("\">").Append(encoded).Append("</a>");
            }
            if (files.Count == 0)
            {
                sb.Append(" · not built yet");
            }
            if (failing)
            {
                sb.Append(" · <span class=\"failing\">has errors</span>");
            }
            sb.Append("</li>\n");
        }
        sb.Append("</ul>\n</main>\n</body>\n</html>\n");
        return Inject(Encoding.UTF8.GetBytes(sb.ToString()), version);
    }
}
