using System.Globalization;
using Pub.Model;

namespace Pub.Resolve;

/// <summary>
/// Numbers headings (1, 1.1, 1.1.1), figures and tables, and gives every heading an id. In a handbook,
/// numbers restart in each chapter and carry the chapter's number: section 2.3, figure 2.1.
/// </summary>
public sealed class NumberingPass : IDocumentPass
{
    public Document Run(Document document, ResolveContext context)
    {
        var numbered = new Numberer(prefix: null).Rewrite(document with { Chapters = [] });
        var chapters = document.Chapters.Select((chapter, index) =>
            new Numberer((index + 1).ToString(CultureInfo.InvariantCulture)).Rewrite(chapter)).ToList();
        return numbered with { Chapters = chapters };
    }

    private sealed class Numberer(string? prefix) : Rewriter
    {
        private readonly int[] _counters = new int[7];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _figures;
        private int _tables;

        private string Prefixed(string number) => prefix is null ? number : prefix + "." + number;

        protected override Block RewriteBlock(Block block)
        {
            switch (block)
            {
                case Heading heading:
                {
                    string? number = null;
                    if (heading.Numbered)
                    {
                        _counters[heading.Level]++;
                        for (var deeper = heading.Level + 1; deeper < _counters.Length; deeper++)
                        {
                            _counters[deeper] = 0;
                        }
                        var parts = _counters.Skip(1).Take(heading.Level).Select(c => Math.Max(c, 1).ToString(CultureInfo.InvariantCulture));
                        number = Prefixed(string.Join('.', parts));
                    }
                    var id = heading.Attributes.Id ?? UniqueId(Slug(Walk.PlainText(heading.Content)));
                    _ids.Add(id);
                    return heading with { Number = number, Attributes = heading.Attributes with { Id = id } };
                }
                case Figure figure:
                    return figure with { Number = Prefixed((++_figures).ToString(CultureInfo.InvariantCulture)) };
                case Table { Caption.Count: > 0 } table:
                    return table with { Number = Prefixed((++_tables).ToString(CultureInfo.InvariantCulture)) };
                default:
                    return block;
            }
        }

        private string UniqueId(string slug)
        {
            var baseId = slug.Length == 0 ? "section" : slug;
            var id = baseId;
            for (var i = 1; _ids.Contains(id); i++)
            {
                id = baseId + "-" + i.ToString(CultureInfo.InvariantCulture);
            }
            return id;
        }
    }

    /// <summary>Pandoc-like identifiers: lower-case letters (any script), digits, '-' and '_'; spaces become '-'.</summary>
    public static string Slug(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                sb.Append(c);
            }
            else if (char.IsWhiteSpace(c) && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 0 && char.IsDigit(slug[0]) ? "s-" + slug : slug;
    }
}
