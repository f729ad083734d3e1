using System.Text;
using Microsoft.AspNetCore.Http;

namespace Pub.Preview;

/// <summary>A refusal as a short plain-text answer: the status, one sentence, nothing of the drafts.</summary>
internal static class PlainText
{
    public static async Task WriteAsync(HttpResponse response, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n");
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }
}
