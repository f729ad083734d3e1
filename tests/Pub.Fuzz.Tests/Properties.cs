using Pub.Model;
using Pub.Syntax;

namespace Pub.Fuzz.Tests;

/// <summary>What every parser's result must satisfy, whatever it was given.</summary>
internal static class Properties
{
    /// <summary>Every diagnostic has a message and a position inside the text it was read from (or the end of
    /// file just after it), and prints as an editor would see it.</summary>
    public static void SpansInside(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Message), $"{d.Code} has no message");
            if (d.Span is { } span)
            {
                Assert.True(span.Start >= 0 && span.Length >= 0 && span.Start <= span.Source.Text.Length && span.End <= span.Source.Text.Length + 1,
                    $"{d.Code} '{d.Message}' points at {span.Start}..{span.End} in a text of {span.Source.Text.Length} characters");
            }
            Assert.Contains(d.Code, DiagnosticFormatter.Text(d), StringComparison.Ordinal);
        }
    }

    /// <summary>A result without a value comes with an error that says why.</summary>
    public static void FailureExplained(object? value, IEnumerable<Diagnostic> diagnostics, string what)
    {
        if (value is null)
            Assert.True(diagnostics.Any(d => d.Severity == Severity.Error), $"no {what} and no error saying why");
    }

    /// <summary>How deeply blocks nest in a document (quotes, lists, divs, definitions): later stages recurse
    /// this deep. Measured without recursion, so that a tree too deep cannot take the test down with it.</summary>
    public static int Depth(IEnumerable<Block> blocks)
    {
        int deepest = 0;
        var pending = new Stack<(Block Block, int Depth)>(blocks.Select(b => (b, 1)));
        while (pending.TryPop(out var next))
        {
            deepest = Math.Max(deepest, next.Depth);
            foreach (var child in Children(next.Block))
                pending.Push((child, next.Depth + 1));
        }
        return deepest;
    }

    private static IEnumerable<Block> Children(Block block) => block switch
    {
        BlockQuote q => q.Blocks,
        Div d => d.Blocks,
        BulletList l => l.Items.SelectMany(i => i.Blocks),
        OrderedList l => l.Items.SelectMany(i => i.Blocks),
        DefinitionList l => l.Items.SelectMany(i => i.Definitions.SelectMany(d => d)),
        Table t => t.Header.Concat(t.Body).SelectMany(r => r.Cells).SelectMany(c => c.Blocks),
        _ => [],
    };
}
