namespace Pub.Compiler.Publishing;

/// <summary>
/// Sets top-level front-matter fields by editing their lines and nothing else, so that a published
/// manuscript's diff shows exactly what publishing changed: comments, order and quoting of every other
/// line stay as the author wrote them. A field that is absent is added before the closing '---'.
/// </summary>
internal static class FrontMatterStamp
{
    public static string? Apply(string text, IReadOnlyList<(string Key, string Value)> fields)
    {
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
                close++;
            }
        }
        return string.Join('\n', lines);
    }
}
