using Pub.Model;

namespace Pub.Html.Tests;

/// <summary>Terse constructors for model trees in tests.</summary>
internal static class Build
{
    public static Text T(string value) => new(value);

    public static Paragraph P(params Inline[] content) => new(content);

    public static Attributes Id(string id) => new(id, [], []);

    public static Document Doc(IReadOnlyList<Block> blocks, IReadOnlyList<Note>? notes = null, Metadata? meta = null) =>
        new("papers/test/paper.md", meta ?? new Metadata { Title = "Test paper" }, blocks, notes ?? []);
}
