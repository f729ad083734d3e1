namespace Pub.Layout.Flow;

/// <summary>A page as distribution fills it: the boxes on it and where each stands, from the top of the text area.</summary>
internal sealed class PageFill
{
    public List<(FlowBox Box, double Y)> Placed { get; } = [];

    public bool OpensChapter { get; set; }

    /// <summary>The running head of right pages in force on this page.</summary>
    public string? RunningTitle { get; set; }
}

/// <summary>
/// Distribute: fills pages with flow boxes top to bottom. Space above a box is dropped at the top of a page.
/// A box marked keep-with-next moves to the next page together with the chain of boxes it is kept with,
/// unless the chain could not fit on any page. A box taller than a page is set at the top of one and overflows
/// (figures are scaled so this does not happen).
/// </summary>
internal static class Paginator
{
    public static List<PageFill> Distribute(IReadOnlyList<FlowBox> flow, double textHeight, string? runningTitle)
    {
        var pages = new List<PageFill>();
        PageFill? page = null;
        double y = 0;

        void NewPage()
        {
            page = new PageFill { RunningTitle = runningTitle };
            pages.Add(page);
            y = 0;
        }

        for (int i = 0; i < flow.Count; i++)
        {
            var box = flow[i];
            if (page is null || (box.PageBreakBefore && page.Placed.Count > 0))
                NewPage();
            if (box.RunningTitle is not null)
                runningTitle = box.RunningTitle;
            double space = y == 0 ? 0 : box.SpaceBefore;
            double need = space + ChainHeight(flow, i);
            if (y > 0 && y + need > textHeight + 0.01 && need - space <= textHeight)
            {
                NewPage();
                space = 0;
            }
            else if (y > 0 && y + space + box.Height > textHeight + 0.01)
            {
                NewPage();
                space = 0;
            }
            if (page!.Placed.Count == 0)
            {
                page.OpensChapter = box.OpensChapter;
                page.RunningTitle = runningTitle;
                foreach (var header in box.RepeatedHeader ?? [])
                {
                    page.Placed.Add((header, y));
                    y += header.Height;
                }
            }
            page.Placed.Add((box, y + space));
            y += space + box.Height;
        }
        return pages;
    }

    /// <summary>Height of the box and every box it is kept with, counting the space between them.</summary>
    private static double ChainHeight(IReadOnlyList<FlowBox> flow, int start)
    {
        double height = flow[start].Height;
        for (int j = start; j < flow.Count - 1 && flow[j].KeepWithNext && !flow[j + 1].PageBreakBefore; j++)
            height += flow[j + 1].SpaceBefore + flow[j + 1].Height;
        return height;
    }
}
