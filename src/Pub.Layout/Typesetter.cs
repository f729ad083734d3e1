// Pub.Layout: the PDF typesetter's first half. It turns a resolved Document into a PagedDocument (pages of
// positioned text runs, rules, images, links, destinations and bookmarks) with no PDF library type in it.
// The steps follow the usual typesetting pipeline, each in its own place:
//   collect (Text/InlineCollector)   inline tree → styled spans
//   measure (Text/TextMeasurer)      spans → boxes, glue and penalties, with per-glyph widths and font fallback
//   hyphenate (Text/WordBreaks, Hyphenation/*)  break points inside words: Liang patterns per language
//   break lines (Text/LineBreaker)   Knuth–Plass optimal breaking; first-fit only as a last resort
//   compose lines (Text/LineComposer) a line → text runs with real spaces, links
//   blocks (Flow/BlockLayout)        blocks → a galley of unbreakable flow boxes with keep-with-next flags
//   distribute (Flow/Paginator)      galley → pages
//   compose pages (Compose/*)        absolute positions, running heads, folios, footnotes, cover
// The table of contents makes this a loop: layout re-runs until its page numbers settle.
using Pub.Layout.Compose;
using Pub.Layout.Flow;
using Pub.Layout.Fonts;
using Pub.Layout.Hyphenation;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout;

public static class Typesetter
{
    /// <summary>Layout runs again while the page numbers in the table of contents change; this many passes at most.</summary>
    public const int MaxPasses = 5;

    /// <summary>Headings down to this level are listed in the table of contents.</summary>
    private const int ContentsDepth = 2;

    /// <summary>
    /// Lays the document out. The table of contents needs the page numbers of the headings it lists, and
    /// setting it moves them, so layout converges: the first pass finds the headings, each later pass sets
    /// the table with the numbers the previous one found, until a pass finds the numbers it printed.
    /// </summary>
    public static PagedDocument Layout(Document document, LayoutSettings settings, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fonts);

        IReadOnlyList<ContentsEntry>? printed = null;
        PagedDocument result = Pass(document, settings, fonts, null);
        for (int pass = 2; ; pass++)
        {
            var found = ContentsOf(result);
            if (found.Count < 3 || printed is not null && found.SequenceEqual(printed))
                return result;
            if (pass > MaxPasses)
            {
                var moving = found.Where((e, i) => i >= printed!.Count || printed[i] != e).Select(e => "'" + e.Title + "'");
                var warning = Syntax.Diagnostic.Warning(Syntax.Codes.UnstablePageNumbers,
                    $"page numbers did not settle after {MaxPasses} passes: {string.Join(", ", moving)}", null,
                    "the table of contents shows the numbers of the last pass; check the entries named");
                return result with { Diagnostics = [.. result.Diagnostics, warning.WithPath(document.Path)] };
            }
            printed = found;
            result = Pass(document, settings, fonts, printed);
        }
    }

    /// <summary>The headings a table of contents lists, with the numbers of the pages they stand on.</summary>
    private static List<ContentsEntry> ContentsOf(PagedDocument paged) =>
        [.. paged.Outline.Where(o => o.Level <= ContentsDepth)
            .Select(o => new ContentsEntry(o.Level, o.Title, o.Destination, paged.Pages[o.PageIndex].Number))];

    private static PagedDocument Pass(Document document, LayoutSettings settings, FontSet fonts, IReadOnlyList<ContentsEntry>? contents)
    {
        var diagnostics = new DiagnosticSink();
        var measurer = new TextMeasurer(fonts, diagnostics, new HyphenationLanguages(settings.Hyphenation));
        var layout = new BlockLayout(measurer, settings, diagnostics);
        var composer = new PageComposer(measurer, settings);
        var meta = document.Meta;
        var frame = new Frame(0, settings.TextWidth, settings.FontSize, settings.Leading, FontRole.Text, false, false, Alignment.Justify)
        {
            Language = meta.Language,
        };

        layout.Labels = Terms.For(meta.Language);
        var cover = new CoverPage(layout, measurer, settings, composer).Compose(meta);

        if (contents is { Count: > 0 })
            layout.Contents(contents, frame);
        int bodyStart = layout.Flow.Count;
        Abstract(layout, meta, frame);
        layout.Blocks(document.Blocks, frame);
        layout.Notes(document.Notes, frame);
        if (contents is { Count: > 0 } && layout.Flow.Count > bodyStart)
            layout.Flow[bodyStart].PageBreakBefore = true;
        for (int i = 0; i < document.Chapters.Count; i++)
            Chapter(layout, document.Chapters[i], i + 1, frame with { Language = document.Chapters[i].Meta.Language });

        string runningTitle = settings.ShortTitle ?? meta.ShortTitle ?? meta.Title;
        var fills = Paginator.Distribute(layout.Flow, settings.TextHeight, runningTitle, layout.Footnotes, PageComposer.NoteSeparator(settings));
        var pages = new List<Page> { cover };
        var outline = new List<OutlineEntry>();
        for (int i = 0; i < fills.Count; i++)
            pages.Add(composer.Compose(i + 2, fills[i], outline));

        var used = pages.SelectMany(p => p.Items).OfType<TextRun>().Select(r => r.FaceId).ToHashSet(StringComparer.Ordinal);
        var faces = fonts.Faces.Where(f => used.Contains(f.Id))
            .Select(f => new FaceData(f.Id, f.Family, f.Bold, f.Italic, f.Data))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        return new PagedDocument(pages, outline, faces, layout.UsedImages, Metadata(document), diagnostics.Items)
        {
            Structure = layout.Structure.Elements,
        };
    }

    private static void Abstract(BlockLayout layout, Metadata meta, Frame frame)
    {
        if (meta.Abstract.Count > 0)
        {
            layout.SectionTitle(layout.Labels.Abstract, frame);
            layout.Blocks(meta.Abstract, frame);
        }
        if (meta.Keywords.Count > 0)
        {
            layout.Space(BlockLayout.Gap(frame));
            layout.Paragraph([new Strong([new Pub.Model.Text(layout.Labels.Keywords + layout.Labels.Colon)]), new Pub.Model.Text(" " + string.Join(", ", meta.Keywords))],
                frame with { Alignment = Alignment.Left });
        }
    }

    /// <summary>A handbook chapter opens a new page with its title and authors; its headings sit under its
    /// title in the outline and its notes follow it.</summary>
    private static void Chapter(BlockLayout layout, Document chapter, int index, Frame frame)
    {
        var meta = chapter.Meta;
        var labels = layout.Labels;
        layout.Labels = Terms.For(meta.Language);
        layout.NoteScope = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ch{index}-");
        layout.OutlineOffset = 0;
        int start = layout.Flow.Count;
        var titleFrame = frame with { Role = FontRole.Heading, Bold = true, Size = 20, Leading = 1.2, Alignment = Alignment.Left, Hyphenate = false };
        layout.Structure.Open(StructureRole.H1);
        var title = layout.SetText([new TextSpan(meta.Title, titleFrame.Style)], titleFrame);
        layout.Structure.Close();
        if (title.Count == 0)
        {
            var empty = BlockLayout.LineBox(titleFrame);
            layout.Emit(empty);
            title.Add(empty);
        }
        foreach (var box in title)
            box.KeepWithNext = true;
        string anchor = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chapter-{index}");
        title[0].Items.Insert(0, new DestinationItem(anchor, frame.Indent, 0));
        title[0].Outline.Add(new OutlineMark(1, meta.Title, 0, anchor));
        if (!string.IsNullOrWhiteSpace(meta.Subtitle))
        {
            layout.Space(4);
            var sub = frame with { Role = FontRole.Heading, Size = 13, Leading = 1.25, Alignment = Alignment.Left, Hyphenate = false };
            layout.Structure.Open(StructureRole.P);
            foreach (var box in layout.SetText([new TextSpan(meta.Subtitle, sub.Style)], sub))
                box.KeepWithNext = true;
            layout.Structure.Close();
        }
        if (meta.Authors.Count > 0)
        {
            layout.Space(10);
            var byline = frame with { Italic = true, Size = 11, Alignment = Alignment.Left };
            string names = string.Join(", ", meta.Authors.Select(a => a.Affiliation is null ? a.Name : $"{a.Name} ({a.Affiliation})"));
            layout.Structure.Open(StructureRole.P);
            foreach (var box in layout.SetText([new TextSpan(names, byline.Style)], byline))
                box.KeepWithNext = true;
            layout.Structure.Close();
        }
        layout.Space(18);
        var first = layout.Flow[start];
        first.PageBreakBefore = true;
        first.OpensChapter = true;
        first.RunningTitle = meta.ShortTitle ?? meta.Title;

        layout.OutlineOffset = 1;
        if (meta.Abstract.Count > 0)
            layout.Blocks(meta.Abstract, frame.Narrow(frame.Size * 2, frame.Size * 2).Sized(0.95) with { Italic = true });
        layout.Blocks(chapter.Blocks, frame);
        layout.Notes(chapter.Notes, frame);
        layout.OutlineOffset = 0;
        layout.NoteScope = "";
        layout.Labels = labels;
    }

    private static PagedMetadata Metadata(Document document)
    {
        var meta = document.Meta;
        var people = meta.Authors.Count > 0 ? meta.Authors : meta.Editors;
        string? subject = FirstSentence(meta.Abstract) ?? meta.Subtitle;
        DateTime? created = meta.Date is { } d ? new DateTime(d.Year, d.Month, d.Day, 0, 0, 0, DateTimeKind.Utc) : null;
        return new PagedMetadata(meta.Title, [.. people.Select(p => p.Name)], subject, meta.Keywords, meta.Language, created);
    }

    private static string? FirstSentence(IReadOnlyList<Block> blocks)
    {
        var first = blocks.OfType<Paragraph>().FirstOrDefault();
        if (first is null)
            return null;
        string text = InlineCollector.Plain(first.Content);
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && i + 2 < text.Length && char.IsUpper(text[i + 2]))
                return text[..(i + 1)];
        }
        return text.Length > 0 ? text : null;
    }
}
