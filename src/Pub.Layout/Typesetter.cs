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
    /// Lays the document out. The table of contents and the lists of figures and tables need the page numbers
    /// of what they list, and setting them moves those numbers, so layout converges: the first pass finds the
    /// headings and floats, each later pass sets the lists with the numbers the previous one found, until a
    /// pass finds the numbers it printed.
    /// </summary>
    public static PagedDocument Layout(Document document, LayoutSettings settings, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fonts);

        FrontLists? printed = null;
        var galley = new Galley(document, settings, fonts);
        var (result, found) = Pass(galley, null);
        for (int pass = 2; ; pass++)
        {
            if (found.IsEmpty || printed is not null && found.SameAs(printed))
                return result;
            if (pass > MaxPasses)
            {
                var moving = found.All.Where(e => !printed!.All.Contains(e)).Select(e => "'" + e.Title + "'");
                var warning = Syntax.Diagnostic.Warning(Syntax.Codes.UnstablePageNumbers,
                    $"page numbers did not settle after {MaxPasses} passes: {string.Join(", ", moving)}", null,
                    "the table of contents shows the numbers of the last pass; check the entries named");
                return result with { Diagnostics = [.. result.Diagnostics, warning.WithPath(document.Path)] };
            }
            printed = found;
            (result, found) = Pass(galley, printed);
        }
    }

    /// <summary>What the front matter lists, with page numbers as printed: the contents (only when they hold at
    /// least three headings) and the numbered figures and tables.</summary>
    private sealed record FrontLists(IReadOnlyList<ContentsEntry> Contents, IReadOnlyList<ContentsEntry> Figures, IReadOnlyList<ContentsEntry> Tables)
    {
        /// <summary>Each chapter's first and last page, which its "Cite this chapter" block prints.</summary>
        public IReadOnlyList<(string First, string Last)> ChapterPages { get; init; } = [];

        public bool IsEmpty => Contents.Count == 0 && Figures.Count == 0 && Tables.Count == 0 && ChapterPages.Count == 0;

        public IEnumerable<ContentsEntry> All => Contents.Concat(Figures).Concat(Tables)
            .Concat(ChapterPages.Select((p, i) => new ContentsEntry(1, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pages of chapter {i + 1}"), null, p.First + "-" + p.Last)));

        public bool SameAs(FrontLists other) =>
            Contents.SequenceEqual(other.Contents) && Figures.SequenceEqual(other.Figures) && Tables.SequenceEqual(other.Tables)
            && ChapterPages.SequenceEqual(other.ChapterPages);
    }

    private static FrontLists Found(List<Page> pages, List<OutlineEntry> outline, List<ListedFloat> floats, IReadOnlyDictionary<string, string> bylines,
        int chapters, HashSet<int> blank, int depth)
    {
        List<ContentsEntry> contents = [.. outline.Where(o => o.Level <= depth)
            .Select(o => new ContentsEntry(o.Level, o.Title, o.Destination, pages[o.PageIndex].Label)
            {
                Byline = o.Destination is { } d ? bylines.GetValueOrDefault(d) : null,
            })];
        if (contents.Count < 3)
            contents = [];
        var pageOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                if (item is DestinationItem d)
                    pageOf.TryAdd(d.Name, page.Label);
            }
        }
        List<ContentsEntry> Of(bool tables) => [.. floats.Where(f => f.IsTable == tables)
            .Select(f => new ContentsEntry(1, f.Title, f.Destination, pageOf.GetValueOrDefault(f.Destination, "")))];
        return new FrontLists(contents, Of(false), Of(true)) { ChapterPages = ChapterRanges(pages, chapters, blank) };
    }

    /// <summary>Each chapter runs from the page its title is on to the last page before the next chapter's (the
    /// blank page a right-hand opening may need is no part of it), the last one to the end of the document.</summary>
    private static List<(string First, string Last)> ChapterRanges(List<Page> pages, int chapters, HashSet<int> blank)
    {
        var starts = new List<int>();
        for (int i = 1; i <= chapters; i++)
        {
            var anchor = ChapterAnchor(i);
            starts.Add(pages.FindIndex(p => p.Items.Any(item => item is DestinationItem d && d.Name == anchor)));
        }
        // A part's title page ends the chapter before it too.
        var openings = new SortedSet<int>(starts);
        for (int i = 0; i < pages.Count; i++)
        {
            if (pages[i].Items.Any(item => item is DestinationItem d && d.Name.StartsWith("part-", StringComparison.Ordinal)))
                openings.Add(i);
        }
        var ranges = new List<(string, string)>();
        for (int i = 0; i < starts.Count; i++)
        {
            if (starts[i] < 0)
                return [];
            int end = openings.GetViewBetween(starts[i] + 1, int.MaxValue).Min is var next && next > starts[i] ? next - 1 : pages.Count - 1;
            while (end > starts[i] && blank.Contains(end))
                end--;
            ranges.Add((pages[starts[i]].Label, pages[end].Label));
        }
        return ranges;
    }

    /// <summary>
    /// What does not change from pass to pass, laid out once: the cover and imprint pages and the galley of the
    /// body (nothing in it depends on page numbers). A pass only sets the front lists, distributes and composes.
    /// </summary>
    private sealed class Galley
    {
        public Galley(Document document, LayoutSettings settings, FontSet fonts)
        {
            Document = document;
            Settings = settings;
            Fonts = fonts;
            Diagnostics = new DiagnosticSink();
            var measurer = new TextMeasurer(fonts, Diagnostics, new HyphenationLanguages(settings.Hyphenation));
            Layout = new BlockLayout(measurer, settings, Diagnostics);
            Composer = new PageComposer(measurer, settings);
            var meta = document.Meta;
            Frame = new Frame(0, settings.TextWidth, settings.FontSize, settings.Leading, FontRole.Text, false, false, Alignment.Justify)
            {
                Language = meta.Language,
            };
            Layout.Labels = Terms.For(meta.Language);
            Front.Add(settings.CoverTemplate is { } cover
                ? new TemplatePage(Layout, settings, Composer, Diagnostics).Compose(cover, 1, meta.Language)
                : new CoverPage(Layout, measurer, settings, Composer).Compose(meta));
            if (settings.ImprintTemplate is { } imprint)
                Front.Add(new TemplatePage(Layout, settings, Composer, Diagnostics).Compose(imprint, 2, meta.Language));

            Body = Layout.Aside(() =>
            {
                Abstract(Layout, meta, Frame);
                var (opening, back) = VolumeBibliography(document);
                Layout.Blocks(opening, Frame);
                Layout.Notes(document.Notes, Frame);
                if (Layout.Flow.Count > 0)
                    Layout.Flow[0].PageBreakBefore = true;
                for (int i = 0; i < document.Chapters.Count; i++)
                {
                    var chapter = document.Chapters[i];
                    var part = meta.Parts.Select((p, n) => (Part: p, Number: n + 1)).FirstOrDefault(p => p.Part.FirstChapter == i && p.Part.ChapterCount > 0);
                    if (part.Part is not null)
                        PartPage(Layout, part.Part, part.Number, Frame, meta.ChaptersOpenRight);
                    // In a volume with parts, chapters sit under their part in the outline and the contents.
                    int level = meta.Parts.Any(p => p.Holds(i)) ? 2 : 1;
                    CiteAt.Add(Chapter(Layout, chapter, i + 1, Frame with { Language = chapter.Meta.Language }, meta.ChaptersOpenRight, level));
                    if (chapter.Meta.Authors.Count > 0)
                        Bylines[ChapterAnchor(i + 1)] = Terms.For(chapter.Meta.Language).NameList([.. chapter.Meta.Authors.Select(a => a.Name)]);
                }
                BackMatter(Layout, back, Frame, meta.ChaptersOpenRight);
            });
            Layout.Labels = Terms.For(meta.Language);
        }

        public Document Document { get; }
        public LayoutSettings Settings { get; }
        public FontSet Fonts { get; }
        public DiagnosticSink Diagnostics { get; }
        public BlockLayout Layout { get; }
        public PageComposer Composer { get; }
        public Frame Frame { get; }
        public List<Page> Front { get; } = [];

        /// <summary>Where each chapter's "Cite this chapter" block goes: the index in <see cref="Body"/> after its abstract.</summary>
        public List<int> CiteAt { get; } = [];

        /// <summary>The authors of each chapter, by the chapter's anchor, as the contents list them.</summary>
        public Dictionary<string, string> Bylines { get; } = new(StringComparer.Ordinal);
        public List<FlowBox> Body { get; }
    }

    /// <summary>
    /// One layout pass. The front matter (cover, imprint, contents, lists) is numbered in lowercase roman from
    /// the cover; the body opens on a right-hand page numbered 1, after a blank page when needed.
    /// </summary>
    private static (PagedDocument, FrontLists) Pass(Galley galley, FrontLists? lists)
    {
        var (layout, frame, settings, meta) = (galley.Layout, galley.Frame, galley.Settings, galley.Document.Meta);
        var front = galley.Front;
        var flow = layout.Aside(() =>
        {
            bool newPage = true;
            if (lists is { Contents.Count: > 0 })
            {
                layout.Contents(lists.Contents, frame, layout.Labels.Contents);
                newPage = false;
            }
            if (lists is { Figures.Count: > 0 })
            {
                layout.Contents(lists.Figures, frame, layout.Labels.ListOfFigures, newPage, boldTopLevel: false);
                newPage = false;
            }
            if (lists is { Tables.Count: > 0 })
                layout.Contents(lists.Tables, frame, layout.Labels.ListOfTables, newPage, boldTopLevel: false);
            Contributors(layout, galley.Document, frame);
        });
        int bodyStart = flow.Count;
        flow.AddRange(CiteBlocks(galley, lists));

        string runningTitle = settings.ShortTitle ?? meta.ShortTitle ?? meta.Title;
        var fills = Paginator.Distribute(flow, settings.TextHeight, runningTitle, layout.Footnotes, PageComposer.NoteSeparator(settings));
        int firstBody = bodyStart < flow.Count ? fills.FindIndex(f => f.Placed.Exists(p => p.Box == flow[bodyStart])) : fills.Count;
        if (firstBody < 0)
            firstBody = fills.Count;
        // The body opens on a right-hand (odd) page, and so does each chapter that asks to.
        if ((front.Count + firstBody) % 2 == 1)
            fills.Insert(firstBody++, new PageFill { Blank = true });
        for (int i = firstBody + 1; i < fills.Count; i++)
        {
            if (fills[i].OpensRecto && (front.Count + i) % 2 == 1)
                fills.Insert(i++, new PageFill { Blank = true });
        }

        var pages = new List<Page>(front);
        galley.Composer.BeginPass();
        var outline = new List<OutlineEntry>();
        var numbering = new List<PageNumberRange> { new(0, PageNumberStyle.LowerRoman) };
        int bodyIndex = front.Count + firstBody;
        if (bodyIndex < front.Count + fills.Count)
            numbering.Add(new PageNumberRange(bodyIndex, PageNumberStyle.Arabic));
        for (int i = 0; i < fills.Count; i++)
        {
            int index = front.Count + i;
            string label = index < bodyIndex ? numbering[0].Format(index) : numbering[1].Format(index - bodyIndex);
            pages.Add(galley.Composer.Compose(index + 1, label, fills[i], outline));
        }
        for (int i = 0; i < front.Count; i++)
            pages[i] = pages[i] with { Label = numbering[0].Format(i) };

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var item in page.Items)
            {
                if (item is TextRun run)
                    used.Add(run.FaceId);
            }
        }
        foreach (var mark in layout.Drawings.Values.SelectMany(d => d.Marks).OfType<Vector.VectorText>())
            used.Add(mark.Run.FaceId);
        var faces = galley.Fonts.Faces.Where(f => used.Contains(f.Id))
            .Select(f => new FaceData(f.Id, f.Family, f.Bold, f.Italic, f.Data) { Face = f })
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        var paged = new PagedDocument(pages, outline, faces, new Dictionary<string, byte[]>(layout.UsedImages, StringComparer.Ordinal),
            Metadata(galley.Document), [.. galley.Diagnostics.Items])
        {
            Numbering = numbering,
            Structure = [.. layout.Structure.Elements],
            Drawings = new Dictionary<string, Vector.VectorDrawing>(layout.Drawings, StringComparer.Ordinal),
        };
        var blank = new HashSet<int>(Enumerable.Range(0, fills.Count).Where(i => fills[i].Blank).Select(i => front.Count + i));
        // A volume in parts lists the sections of its chapters one level deeper.
        int depth = galley.Document.Meta.Parts.Count > 0 ? ContentsDepth + 1 : ContentsDepth;
        var found = Found(pages, outline, layout.Floats, galley.Bylines, galley.Document.Chapters.Count, blank, depth);
        return (paged with { ChapterPages = found.ChapterPages }, found);
    }

    /// <summary>
    /// The body with each chapter's "Cite this chapter" block in its place under the chapter's abstract. The
    /// block prints the chapter's pages, which the previous pass found (the placeholders in the first pass, which
    /// are at least as wide as any real page numbers), so it is set again in each pass.
    /// </summary>
    private static List<FlowBox> CiteBlocks(Galley galley, FrontLists? lists)
    {
        var citations = galley.Settings.ChapterCitations;
        if (citations.Count == 0 || galley.CiteAt.Count == 0)
            return galley.Body;
        var layout = galley.Layout;
        var result = new List<FlowBox>(galley.Body.Count + 8);
        int from = 0;
        for (int i = 0; i < galley.CiteAt.Count && i < citations.Count; i++)
        {
            result.AddRange(galley.Body.Skip(from).Take(galley.CiteAt[i] - from));
            from = galley.CiteAt[i];
            if (citations[i].Range.Count == 0)
                continue;
            var (first, last) = lists is { ChapterPages.Count: > 0 } && i < lists.ChapterPages.Count
                ? lists.ChapterPages[i]
                : (ChapterPages.FirstPlaceholder, ChapterPages.LastPlaceholder);
            var chapter = galley.Document.Chapters[i];
            var frame = galley.Frame with { Language = chapter.Meta.Language };
            var labels = layout.Labels;
            layout.Labels = Terms.For(chapter.Meta.Language);
            result.AddRange(layout.Aside(() => CiteBlock(layout, ChapterPages.Fill(citations[i], first, last), frame)));
            layout.Labels = labels;
        }
        result.AddRange(galley.Body.Skip(from));
        return result;
    }

    /// <summary>"Cite this chapter:" and the chapter's entry in the volume's citation style, small, under a thin rule.</summary>
    private static void CiteBlock(BlockLayout layout, IReadOnlyList<Inline> citation, Frame frame)
    {
        var small = frame.Sized(0.85) with { Alignment = Alignment.Left };
        layout.Space(frame.Size * 0.8);
        layout.Paragraph([new Strong([new Pub.Model.Text(layout.Labels.CiteThisChapter + layout.Labels.Colon)]), new Pub.Model.Text(" "), .. citation], small);
        layout.Space(frame.Size * 0.4);
    }

    /// <summary>
    /// An edited volume's list of contributors, on a page of its own in the front matter: the editors first, as
    /// the title page names them, then every chapter author once, by family name, each with the affiliation and
    /// what he or she wrote. Nothing for a volume whose chapters name no authors.
    /// </summary>
    private static void Contributors(BlockLayout layout, Document document, Frame frame)
    {
        var chapters = document.Chapters.Select((c, i) => (Chapter: c, Number: i + 1)).Where(c => c.Chapter.Meta.Authors.Count > 0).ToList();
        if (chapters.Count == 0)
            return;
        var labels = layout.Labels;
        var authors = chapters
            .SelectMany(c => c.Chapter.Meta.Authors.Select(a => (Person: a, c.Chapter, c.Number)))
            .GroupBy(a => a.Person.Name, StringComparer.Ordinal)
            .Select(g => (Person: g.First().Person, Works: g.Select(w => (w.Chapter.Meta.Title, w.Number)).ToList()))
            .OrderBy(a => FamilyName(a.Person), StringComparer.Ordinal)
            .ThenBy(a => a.Person.Name, StringComparer.Ordinal)
            .ToList();
        int start = layout.Flow.Count;
        layout.SectionTitle(labels.Contributors, frame, id: "front-contributors");
        layout.Flow[start].PageBreakBefore = true;
        var entryFrame = frame with { Alignment = Alignment.Left };
        foreach (var editor in document.Meta.Editors)
        {
            layout.Space(BlockLayout.Gap(frame));
            layout.Paragraph(Entry(editor, [new Pub.Model.Text(labels.Editor + ".")]), entryFrame);
        }
        foreach (var (person, works) in authors)
        {
            layout.Space(BlockLayout.Gap(frame));
            var wrote = new List<Inline>();
            foreach (var (title, number) in works)
            {
                if (wrote.Count > 0)
                    wrote.Add(new Pub.Model.Text("; "));
                wrote.Add(new Pub.Model.Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{labels.Chapter} {number}: ")));
                wrote.Add(new Emphasis([new Pub.Model.Text(title)]));
            }
            wrote.Add(new Pub.Model.Text("."));
            layout.Paragraph(Entry(person, wrote), entryFrame);
        }

        static List<Inline> Entry(Person person, List<Inline> role)
        {
            var inlines = new List<Inline> { new Strong([new Pub.Model.Text(person.Name)]) };
            if (!string.IsNullOrWhiteSpace(person.Affiliation))
                inlines.Add(new Pub.Model.Text(", " + person.Affiliation.TrimEnd('.') + "."));
            else
                inlines.Add(new Pub.Model.Text("."));
            inlines.Add(new Pub.Model.Text(" "));
            inlines.AddRange(role);
            return inlines;
        }
    }

    /// <summary>The name a list of people is sorted by: the family name given, else the last word of the name.</summary>
    private static string FamilyName(Person person) =>
        person.Family ?? person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? person.Name;

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
    /// <returns>The position in the flow after the chapter's abstract, where its citation goes.</returns>
    private static int Chapter(BlockLayout layout, Document chapter, int index, Frame frame, bool openRight, int level)
    {
        var meta = chapter.Meta;
        var labels = layout.Labels;
        layout.Labels = Terms.For(meta.Language);
        layout.NoteScope = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ch{index}-");
        layout.OutlineOffset = 0;
        int start = layout.Flow.Count;
        var titleFrame = frame with { Role = FontRole.Heading, Bold = true, Size = 20, Leading = 1.2, Alignment = Alignment.Left, Hyphenate = false };
        layout.Structure.Open(BlockLayout.HeadingRole(level));
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
        string anchor = ChapterAnchor(index);
        title[0].Items.Insert(0, new DestinationItem(anchor, frame.Indent, 0));
        title[0].Outline.Add(new OutlineMark(level, meta.Title, 0, anchor));
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
        first.OpensRecto = openRight;
        first.RunningTitle = meta.ShortTitle ?? meta.Title;
        // Left pages name the chapter's authors; a chapter without authors keeps the series there.
        first.RunningVerso = meta.Authors.Count > 0 ? layout.Labels.NameList([.. meta.Authors.Select(a => a.Name)]) : null;

        layout.OutlineOffset = level;
        if (meta.Abstract.Count > 0)
            layout.Blocks(meta.Abstract, frame.Narrow(frame.Size * 2, frame.Size * 2).Sized(0.95) with { Italic = true });
        int citeAt = layout.Flow.Count;
        layout.Blocks(chapter.Blocks, frame);
        layout.Notes(chapter.Notes, frame);
        layout.OutlineOffset = 0;
        layout.NoteScope = "";
        layout.Labels = labels;
        return citeAt;
    }

    /// <summary>A part's title page: "Part II" and its title, alone on a page that opens like a chapter (on a
    /// right-hand page when chapters do, without running head); a first-level entry of the outline and the contents.</summary>
    /// <summary>A volume with one bibliography for all its chapters sets it after the last chapter, as the HTML
    /// contents page lists it after the contributions: the volume's own text is split before the heading that
    /// stands over its bibliography (or before the bibliography itself when no heading does).</summary>
    private static (IReadOnlyList<Block> Opening, IReadOnlyList<Block> Back) VolumeBibliography(Document document)
    {
        var blocks = document.Blocks;
        int at = -1;
        for (int i = 0; i < blocks.Count && at < 0; i++)
        {
            if (blocks[i] is BibliographyBlock)
                at = i > 0 && blocks[i - 1] is Heading ? i - 1 : i;
        }
        if (document.Meta.BibliographyScope != BibliographyScope.Volume || document.Chapters.Count == 0 || at < 0)
            return (blocks, []);
        return ([.. blocks.Take(at)], [.. blocks.Skip(at)]);
    }

    /// <summary>The volume's back matter opens a page of its own, where chapters open, under its heading as running head.</summary>
    private static void BackMatter(BlockLayout layout, IReadOnlyList<Block> back, Frame frame, bool openRight)
    {
        if (back.Count == 0)
            return;
        int start = layout.Flow.Count;
        layout.Blocks(back, frame);
        if (layout.Flow.Count == start)
            return;
        var first = layout.Flow[start];
        first.PageBreakBefore = true;
        first.OpensChapter = true;
        first.OpensRecto = openRight;
        first.RunningTitle = back[0] is Heading heading ? Walk.PlainText(heading.Content) : layout.Labels.References;
    }

    private static void PartPage(BlockLayout layout, VolumePart part, int number, Frame frame, bool openRight)
    {
        int start = layout.Flow.Count;
        var labelFrame = frame with { Role = FontRole.Heading, Size = 14, Leading = 1.3, Alignment = Alignment.Left, Hyphenate = false };
        var titleFrame = frame with { Role = FontRole.Heading, Bold = true, Size = 24, Leading = 1.2, Alignment = Alignment.Left, Hyphenate = false };
        string label = layout.Labels.Part + " " + Numerals.Roman(number).ToUpperInvariant();
        // The title stands a third of the way down the page; space at the top of a page is dropped, a box is not.
        layout.Emit(new FlowBox { Height = 200, KeepWithNext = true });
        layout.Structure.Open(StructureRole.H1);
        var lines = layout.SetText([new TextSpan(label, labelFrame.Style)], labelFrame);
        foreach (var line in lines)
            line.KeepWithNext = true;
        layout.Space(8);
        lines.AddRange(layout.SetText([new TextSpan(part.Title, titleFrame.Style)], titleFrame));
        layout.Structure.Close();
        if (lines.Count == 0)
            return;
        string anchor = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"part-{number}");
        lines[0].Items.Insert(0, new DestinationItem(anchor, frame.Indent, 0));
        lines[0].Outline.Add(new OutlineMark(1, label + ": " + part.Title, 0, anchor));
        var first = layout.Flow[start];
        first.PageBreakBefore = true;
        first.OpensChapter = true;
        first.OpensRecto = openRight;
    }

    private static string ChapterAnchor(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chapter-{index}");

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
