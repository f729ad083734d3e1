using Pub.Model;

namespace Pub.Html.Edition;

/// <summary>
/// Writes the HTML edition of a paper or handbook: the document's fragments, rendered in C#, placed in a
/// Scriban page shell. A handbook's edition is its contents page plus one page per contribution, linked
/// to each other. Template problems come back as diagnostics, never as exceptions, and no page is
/// rendered until its templates have all been found and parsed. The pages are a pure function of their
/// inputs: no clock, no random ids, LF line endings.
/// </summary>
public static class HtmlEditionWriter
{
    public static HtmlEditionResult Render(Document document, HtmlPageContext context, ITemplateSource templates)
    {
        var main = ShellRenderer.Render(templates, context.ShellTemplate, PageModel.Build(document, context, out var entries));
        if (!main.Succeeded || document.Chapters.Count == 0)
        {
            return main;
        }
        var pages = new List<HtmlPage>(document.Chapters.Count);
        for (var i = 0; i < document.Chapters.Count; i++)
        {
            var chapter = ShellRenderer.Render(templates, context.ChapterShellTemplate, ChapterPageModel.Build(document, i, context, entries));
            if (!chapter.Succeeded)
            {
                return chapter;
            }
            pages.Add(new HtmlPage(context.ChapterFileName(i + 1), chapter.Html!));
        }
        return main with { ChapterPages = pages };
    }
}
