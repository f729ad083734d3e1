using System.Text.RegularExpressions;
using Pub.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>Citations link to their bibliography entries in both editions, and in HTML each entry links back to
/// the work's first citation.</summary>
public sealed partial class CitationLinkTests
{
    private static readonly Lazy<TestProject> Built = new(() =>
    {
        var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build");
        Assert.True(exit == 0, error);
        return project;
    });

    [Theory]
    [InlineData("op-001-en-ed1")]
    [InlineData("op-001-ru-ed1")]
    [InlineData("op-002-en-ed2")]
    public void HtmlCitationsLinkToTheirEntriesAndEntriesBackToTheFirstCitation(string edition)
    {
        var html = File.ReadAllText(Path.Combine(Built.Value.Dist, edition + ".html"));
        var entries = EntryIds().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(entries);
        var biblioRefs = BiblioRefs().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(biblioRefs.Count > 20, $"only {biblioRefs.Count} citation links");
        Assert.All(biblioRefs, target => Assert.Contains(target, entries));

        // Every entry of a cited work links back to the span of its first citation, which names the work,
        // and no earlier citation of that work stands in the page's reading order (body, then notes).
        foreach (Match back in BackLinks().Matches(html))
        {
            var (entry, citation) = (back.Groups[1].Value, back.Groups[2].Value);
            var key = entry["ref-".Length..];
            var span = Regex.Match(html, "<span class=\"citation\" data-cites=\"([^\"]*)\" id=\"" + Regex.Escape(citation) + "\"");
            Assert.True(span.Success, $"{entry}: back-link target {citation} is not a citation");
            Assert.Contains(key, span.Groups[1].Value.Split(' '));
        }
        Assert.True(BackLinks().Matches(html).Count >= entries.Count / 2, "most entries should be cited and link back");
    }

    [Fact]
    public void PdfCitationsLinkToTheLineOfTheirEntry()
    {
        using var pdf = PdfDocument.Open(Path.Combine(Built.Value.Dist, "op-001-en-ed1.pdf"));
        var pages = pdf.GetPages().ToList();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            // A citation broken across lines has one link rectangle per line, all to the same place.
            var groups = page.GetAnnotations().Where(a => a.Type == AnnotationType.Link && a.Action is GoToAction)
                .GroupBy(a => (((GoToAction)a.Action!).Destination.PageNumber, ((GoToAction)a.Action!).Destination.Coordinates.Top));
            foreach (var group in groups)
            {
                var target = pages[group.Key.PageNumber - 1];
                if (!IsBibliographyPage(target))
                {
                    continue;
                }
                var linked = string.Join(' ', page.GetWords().Where(w => group.Any(link => Inside(w, link))).Select(w => w.Text)).Replace("- ", "", StringComparison.Ordinal);
                // The first word of the entry's line at the destination: an author's surname or a title word.
                var top = group.Key.Top ?? target.Height;
                var below = target.GetWords().Where(w => w.BoundingBox.Top <= top + 0.5).ToList();
                var baseline = below.Max(w => w.BoundingBox.Bottom);
                var line = below.Where(w => w.BoundingBox.Bottom > baseline - 1).OrderBy(w => w.BoundingBox.Left).First();
                var head = line.Text.TrimEnd(',', '.');
                if (linked.StartsWith("Ibid", StringComparison.Ordinal) || head.All(char.IsPunctuation))
                {
                    continue; // "Ibid." names nobody, nor does an entry that repeats the previous author as a dash
                }
                Assert.True(linked.Contains(head, StringComparison.Ordinal), $"page {page.Number}: '{linked}' links to the entry starting '{head}'");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 20, $"only {checkedLinks} citation links were checked");
    }

    private static bool IsBibliographyPage(Page page) =>
        page.GetWords().Any(w => w.Text is "References") || page.Text.Contains("———", StringComparison.Ordinal);

    private static bool Inside(Word word, Annotation link)
    {
        var (x, y) = (word.BoundingBox.Centroid.X, word.BoundingBox.Centroid.Y);
        var r = link.Rectangle;
        return x >= r.Left && x <= r.Right && y >= r.Bottom && y <= r.Top;
    }

    [GeneratedRegex("<div id=\"(ref-[^\"]+)\" class=\"csl-entry\"")]
    private static partial Regex EntryIds();

    [GeneratedRegex("<a href=\"#([^\"]+)\" role=\"doc-biblioref\">")]
    private static partial Regex BiblioRefs();

    [GeneratedRegex("<div id=\"(ref-[^\"]+)\" class=\"csl-entry\"[^>]*>(?:(?!</div>).)*<a href=\"#([^\"]+)\" class=\"citation-back\"")]
    private static partial Regex BackLinks();
}
