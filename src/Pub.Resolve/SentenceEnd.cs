namespace Pub.Resolve;

/// <summary>
/// Where a citation meets the sentence's own punctuation. A sentence already closed by a full stop, a
/// question mark or an exclamation mark, even one standing inside closing quotation marks
/// (“… Binaries.” or “Is Trafficking Slavery?”), takes no further period.
/// </summary>
internal static class SentenceEnd
{
    public static bool IsClosed(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is '\u201D' or '\u2019' or '"' or '\'' or '\u00BB')
        {
            end--;
        }
        return end > 0 && text[end - 1] is '.' or '?' or '!';
    }
}
