using Pub.Model;

namespace Pub.Markdown;

/// <summary>Parses the inside of a Pandoc attribute block: <c>#id .class key=value key="quoted value"</c>.</summary>
internal static class AttributeText
{
    public static Attributes? Parse(string text)
    {
        string? id = null;
        var classes = new List<string>();
        var pairs = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '-' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                classes.Add("unnumbered");
                i++;
                continue;
            }
            var start = i;
            if (text[i] is '#' or '.')
            {
                i++;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                var name = text[(start + 1)..i];
                if (name.Length == 0)
                {
                    return null;
                }
                if (text[start] == '#')
                {
                    id = name;
                }
                else
                {
                    classes.Add(name);
                }
                continue;
            }
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] != '=' || i == start)
            {
                return null;
            }
            var key = text[start..i];
            i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return null;
                }
                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                value = text[valueStart..i];
            }
            pairs.Add(new(key, value));
        }
        return new Attributes(id, classes, pairs);
    }
}
