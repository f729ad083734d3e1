using Pub.Compiler;
using Pub.Model;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>A workspace read without the manuscripts' text (as a render worker reads it) knows the series as a whole
/// reading does, and reads a manuscript whole on request exactly as a whole reading gives it.</summary>
public sealed class WorkspaceFrontMatterTests
{
    [Fact]
    public void TheFrontMatterOfTheSampleSeriesGivesTheSameMetadataAndCompletingGivesTheWholeManuscript()
    {
        using var project = TestProject.CopyOfRepository();
        var world = new FileSystemWorld(project.Root);
        var whole = Workspace.Load(world);
        var light = Workspace.Load(world, bodies: false);

        Assert.Equal(whole.AllManuscripts.Select(m => m.Path), light.AllManuscripts.Select(m => m.Path));
        Assert.Contains(whole.AllManuscripts, m => m.Document!.Chapters.Count > 0);
        Assert.Contains(whole.AllManuscripts, m => m.Document!.Meta.EarlierEditions.Count > 0);
        foreach (var (full, front) in whole.AllManuscripts.Zip(light.AllManuscripts))
        {
            Assert.False(full.FrontMatterOnly);
            Assert.True(front.FrontMatterOnly);
            Assert.Empty(front.Document!.Blocks);
            Assert.NotEmpty(full.Document!.Blocks);
            AssertSameMetadata(full.Document.Meta, front.Document.Meta);
            // Only the front matter's text is kept, and the fields' places in it are those of the whole file.
            Assert.StartsWith(front.Document.Source!.Text, full.Document.Source!.Text, StringComparison.Ordinal);
            Assert.True(front.Document.Source.Text.Length < full.Document.Source.Text.Length / 2);
            Assert.Equal(full.Document.FieldValueSpans.ToDictionary(f => f.Key, f => f.Value.ToString()),
                front.Document.FieldValueSpans.ToDictionary(f => f.Key, f => f.Value.ToString()));
            Assert.Equal(full.Document.Chapters.Select(c => c.Meta.Title), front.Document.Chapters.Select(c => c.Meta.Title));
            Assert.Same(full.Series, whole.Config!.FindSeries(full.Document.Meta.Series));
            Assert.Equal(full.Series?.Id, front.Series?.Id);

            var completed = light.Complete(front);
            Assert.False(completed.FrontMatterOnly);
            AssertSameMetadata(full.Document.Meta, completed.Document!.Meta);
            Assert.Equal(full.Document.Blocks.Count, completed.Document.Blocks.Count);
            Assert.Equal(full.Document.Notes.Count, completed.Document.Notes.Count);
            Assert.Equal(full.Document.Chapters.Select(c => c.Blocks.Count), completed.Document.Chapters.Select(c => c.Blocks.Count));
            Assert.Equal(full.Diagnostics.Select(d => (d.Code, d.Message, d.Span?.ToString())), completed.Diagnostics.Select(d => (d.Code, d.Message, d.Span?.ToString())));
            Assert.Same(completed, light.Complete(completed));
        }
    }

    [Fact]
    public void CompletingAManuscriptKeepsTheErrorsOfItsTextAndOfItsNumber()
    {
        using var project = new TestProject();
        project.AddPaper("op-001-a", 1);
        project.AddPaper("op-001-b", 1, body: new string('>', 200) + " too deep\n");
        var world = new FileSystemWorld(project.Root);
        var whole = Workspace.Load(world);
        var light = Workspace.Load(world, bodies: false);

        // Both claim number 1: an error on each, known from the front matter alone.
        Assert.All(light.AllManuscripts, m => Assert.Contains(m.Diagnostics, d => d.Code == Pub.Syntax.Codes.DuplicateNumber.Id));
        // The text's error is known only once the manuscript is read whole.
        Assert.DoesNotContain(light.AllManuscripts[1].Diagnostics, d => d.Code == Pub.Syntax.Codes.NestedTooDeep.Id);
        var completed = light.Complete(light.AllManuscripts[1]);
        Assert.Equal(whole.AllManuscripts[1].Diagnostics.Select(d => (d.Code, d.Message, d.Span?.ToString())), completed.Diagnostics.Select(d => (d.Code, d.Message, d.Span?.ToString())));
        Assert.Contains(completed.Diagnostics, d => d.Code == Pub.Syntax.Codes.NestedTooDeep.Id);
        Assert.Contains(completed.Diagnostics, d => d.Code == Pub.Syntax.Codes.DuplicateNumber.Id);
    }

    private static void AssertSameMetadata(Metadata expected, Metadata actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal((expected.Series, expected.Number, expected.Language, expected.Edition, expected.Status, expected.Kind),
            (actual.Series, actual.Number, actual.Language, actual.Edition, actual.Status, actual.Kind));
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.FirstPublished, actual.FirstPublished);
        Assert.Equal(expected.EarlierEditions, actual.EarlierEditions);
        Assert.Equal(expected.Bibliography, actual.Bibliography);
        Assert.Equal(expected.Chapters, actual.Chapters);
        Assert.Equal(expected.Authors.Select(a => a.Name), actual.Authors.Select(a => a.Name));
    }
}
