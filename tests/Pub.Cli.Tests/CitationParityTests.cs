using System.Text;
using System.Text.RegularExpressions;
using Pub.Testing;
using UglyToad.PdfPig;
using Xunit;

namespace Pub.Cli.Tests;

/// <summary>The same citation reads the same in the HTML and the PDF edition of every sample paper.</summary>
public sealed partial class CitationParityTests
{
    [Fact]
    public void EveryCitationOfTheHtmlEditionStandsInThePdfEdition()
    {
        using var project = TestProject.CopyOfRepository();
        var (exit, _, error) = project.Run("build");
        Assert.True(exit == 0, error);
        var checkedCitations = 0;
        // Every edition page: a paper, a handbook's contents or one of its contributions, whose PDF is the
        // handbook's. The site's index and 404 page cite nothing.
        foreach (var html in Directory.GetFiles(project.Dist, "*.html").Where(f => Path.GetFileName(f) is not ("index.html" or "404.html")))
        {
            using var pdf = PdfDocument.Open(ChapterPage().Replace(html, ".pdf") is var named && named != html ? named : Path.ChangeExtension(html, ".pdf"));
            // Running heads and page numbers are left out: they stand between the halves of a note that
            // continues on the next page.
            var pages = pdf.GetPages().Select(p => Normalize(string.Concat(p.GetWords()
                .Where(w => w.BoundingBox.Bottom > 60 && w.BoundingBox.Top < p.Height - 60)
                .Select(w => w.Text)))).ToList();
            foreach (var citation in Citations(File.ReadAllText(html)))
            {
                var text = Normalize(System.Net.WebUtility.HtmlDecode(Tags().Replace(citation, "")));
                Assert.True(Found(pages, text), $"{Path.GetFileName(html)}: citation not found in the PDF: {text}");
                checkedCitations++;
            }
        }
        Assert.True(checkedCitations > 100, $"only {checkedCitations} citations were compared");
    }

    /// <summary>On one page, or begun at the foot of one page and continued on the next.</summary>
    private static bool Found(List<string> pages, string text)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            for (var split = 1; i + 1 < pages.Count && split < text.Length; split++)
            {
                if (pages[i].EndsWith(text[..split], StringComparison.Ordinal) && pages[i + 1].Contains(text[split..], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Letters and digits only: line breaks, hyphenation and spacing differ between a page and a screen.</summary>
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex("-ch[0-9]+\\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex ChapterPage();

    /// <summary>The inner HTML of each <c>&lt;span class="citation"&gt;</c>, nested spans included.</summary>
    private static IEnumerable<string> Citations(string html)
    {
        const string Open = "<span class=\"citation\"";
        for (var start = html.IndexOf(Open, StringComparison.Ordinal); start >= 0; start = html.IndexOf(Open, start + 1, StringComparison.Ordinal))
        {
            var content = html.IndexOf('>', start) + 1;
            var depth = 1;
            var i = content;
            while (depth > 0 && i < html.Length)
            {
                var nextOpen = html.IndexOf("<span", i, StringComparison.Ordinal);
                var nextClose = html.IndexOf("</span>", i, StringComparison.Ordinal);
                if (nextClose < 0)
                {
                    break;
                }
                if (nextOpen >= 0 && nextOpen < nextClose)
                {
                    depth++;
                    i = nextOpen + 5;
                }
                else
                {
                    depth--;
                    i = nextClose + 7;
                }
            }
            yield return html[content..Math.Max(content, i - 7)];
        }
    }

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
