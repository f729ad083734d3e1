using Pub.Syntax;
using System.Globalization;
using System.Text;

namespace Pub.Citations.Writers;

/// <summary>References as a CSL-YAML file (<c>references:</c> and one item per entry), the format of the series'
/// own bibliography. Fields in the same fixed order as <see cref="CslJsonWriter"/>: id, type, names, dates, then
/// variables by name. Every string is double-quoted, so no value can be misread as another YAML type.</summary>
public static class CslYamlWriter
{
    public static string Write(IReadOnlyList<Reference> references, string? comment = null)
    {
        var yaml = new StringBuilder();
        foreach (var line in (comment ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            yaml.Append("# ").Append(line).Append('\n');
        }
        yaml.Append("references:\n");
        foreach (var reference in references)
        {
            yaml.Append("\n- id: ").Append(YamlText.Quote(reference.Id)).Append('\n');
            yaml.Append("  type: ").Append(YamlText.Quote(reference.Type)).Append('\n');
            foreach (var (variable, names) in reference.Names.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                yaml.Append("  ").Append(variable).Append(":\n");
                foreach (var name in names)
                {
                    var fields = new List<(string, string?)>
                    {
                        ("literal", name.Literal), ("family", name.Family), ("given", name.Given),
                        ("non-dropping-particle", name.NonDroppingParticle), ("dropping-particle", name.DroppingParticle), ("suffix", name.Suffix),
                    };
                    var first = true;
                    foreach (var (field, value) in fields.Where(f => f.Item2 is not null))
                    {
                        yaml.Append(first ? "    - " : "      ").Append(field).Append(": ").Append(YamlText.Quote(value!)).Append('\n');
                        first = false;
                    }
                    if (first)
                    {
                        yaml.Append("    - literal: \"\"\n");
                    }
                }
            }
            foreach (var (variable, date) in reference.Dates.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                yaml.Append("  ").Append(variable).Append(":\n");
                if (date.Parts.Count > 0)
                {
                    yaml.Append("    date-parts:\n");
                    foreach (var parts in date.Parts)
                    {
                        yaml.Append("      - [").Append(string.Join(", ", parts.Select(p => p.ToString(CultureInfo.InvariantCulture)))).Append("]\n");
                    }
                }
                else
                {
                    yaml.Append("    literal: ").Append(YamlText.Quote(date.Literal ?? date.Raw ?? "")).Append('\n');
                }
            }
            foreach (var (variable, value) in reference.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                yaml.Append("  ").Append(variable).Append(": ").Append(YamlText.Quote(value)).Append('\n');
            }
        }
        return yaml.ToString();
    }
}
