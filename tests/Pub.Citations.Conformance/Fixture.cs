// One CSL test-suite fixture: named sections between ">>== NAME ==>>" and "<<== NAME ==<<" lines.
using System.Text;
using System.Text.RegularExpressions;

namespace Pub.Citations.Conformance;

internal sealed partial class Fixture
{
    [GeneratedRegex(@"^\s*>>=+\s*([A-Z0-9-]+)\s*=+>>\s*$")]
    private static partial Regex OpenRegex();

    [GeneratedRegex(@"^\s*<<=+\s*([A-Z0-9-]+)\s*=+<<\s*$")]
    private static partial Regex CloseRegex();

    public required string Name { get; init; }
    public required string Category { get; init; }
    public required Dictionary<string, string> Sections { get; init; }

    public string? this[string section] => Sections.GetValueOrDefault(section);

    public static Fixture Load(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var clean = line.TrimStart('\uFEFF');
            if (current is null)
            {
                var m = OpenRegex().Match(clean);
                if (m.Success)
                {
                    current = m.Groups[1].Value;
                    body.Clear();
                }
                continue;
            }
            var c = CloseRegex().Match(clean);
            if (c.Success && c.Groups[1].Value == current)
            {
                var s = body.ToString();
                if (s.EndsWith('\n'))
                {
                    s = s[..^1];
                }
                sections[current] = s;
                current = null;
                continue;
            }
            body.Append(line).Append('\n');
        }
        var name = Path.GetFileNameWithoutExtension(path);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return new Fixture
        {
            Name = name,
            Category = underscore > 0 ? name[..underscore] : name,
            Sections = sections,
        };
    }
}
