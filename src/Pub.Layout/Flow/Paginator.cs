namespace Pub.Layout.Flow;

/// <summary>A page as distribution fills it: the boxes on it and where each stands, from the top of the text area.</summary>
internal sealed class PageFill
{
    public List<(FlowBox Box, double Y)> Placed { get; } = [];

    /// <summary>Footnote lines at the foot of the page, with y from the top of the text area.</summary>
    public List<(FlowBox Box, double Y)> Notes { get; } = [];

    /// <summary>Top of the footnote area (where the separator rule stands), from the top of the text area.</summary>
    public double NotesTop { get; set; }

    /// <summary>The page's footnote area opens with the rest of a note begun on the page before.</summary>
    public bool NotesContinued { get; set; }

    public bool OpensChapter { get; set; }

    /// <summary>A page left empty so that what follows opens on a right-hand page: no running head, no folio.</summary>
    public bool Blank { get; init; }

    /// <summary>The running head of right pages in force on this page.</summary>
    public string? RunningTitle { get; set; }

    /// <summary>The running head of left pages in force on this page; the series when null.</summary>
    public string? RunningVerso { get; set; }

    /// <summary>The page must be a right-hand page (see <see cref="FlowBox.OpensRecto"/>).</summary>
    public bool OpensRecto { get; set; }
}

/// <summary>
/// Distribute: fills pages with flow boxes top to bottom, and footnotes from the bottom up.
/// - Space above a box is dropped at the top of a page.
/// - A box marked keep-with-next moves to the next page together with the chain of boxes it is kept with
///   (a heading with the first lines of what follows, a paragraph's first two and last two lines), unless
///   the chain could not fit on any page.
/// - A footnote stands at the foot of the page that holds its reference: a box whose notes do not fit
///   below it moves to the next page with them. A long note (more than <see cref="ShortNoteLines"/> lines)
///   may instead split: its first lines stay with the reference, the rest opens the next page's footnote
///   area, before that page's own notes.
/// - A box taller than a page is set at the top of one and overflows (figures are scaled so this does not happen).
/// </summary>
internal sealed class Paginator
{
    /// <summary>A note of at most this many lines is never split across pages.</summary>
    private const int ShortNoteLines = 4;
    /// <summary>Lines of a split note that must stay on the page of its reference.</summary>
    private const int SplitNoteLines = 2;
    /// <summary>Carried-over note lines take at most this share of a page before the rest moves on again.</summary>
    private const double CarryShare = 0.6;

    private readonly IReadOnlyList<FlowBox> _flow;
    private readonly double _height;
    private readonly IReadOnlyDictionary<string, List<FlowBox>> _footnotes;
    private readonly double _separator;
    private readonly List<PageFill> _pages = [];
    private readonly HashSet<string> _placedNotes = new(StringComparer.Ordinal);
    private readonly Queue<FlowBox> _carried = new();
    private string? _runningTitle;
    private string? _runningVerso;
    private PageFill? _page;
    private double _y, _foot;

    private Paginator(IReadOnlyList<FlowBox> flow, double textHeight, string? runningTitle,
        IReadOnlyDictionary<string, List<FlowBox>> footnotes, double separator)
    {
        _flow = flow;
        _height = textHeight;
        _runningTitle = runningTitle;
        _footnotes = footnotes;
        _separator = separator;
    }

    /// <param name="separator">Height the footnote area adds above its first note (rule and space).</param>
    public static List<PageFill> Distribute(IReadOnlyList<FlowBox> flow, double textHeight, string? runningTitle,
        IReadOnlyDictionary<string, List<FlowBox>>? footnotes = null, double separator = 12)
    {
        var paginator = new Paginator(flow, textHeight, runningTitle, footnotes ?? new Dictionary<string, List<FlowBox>>(), separator);
        paginator.Run();
        return paginator._pages;
    }

    private void Run()
    {
        for (int i = 0; i < _flow.Count; i++)
        {
            var box = _flow[i];
            if (_page is null || (box.PageBreakBefore && _page.Placed.Count > 0))
                NewPage();
            if (box.RunningTitle is not null)
                _runningTitle = box.RunningTitle;
            // A chapter without authors, a part or the back matter puts the series back on left pages.
            if (box.RunningVerso is not null || box.OpensChapter)
                _runningVerso = box.RunningVerso;
            double space = _y == 0 ? 0 : box.SpaceBefore;
            var (chainHeight, chainNotes) = Chain(i);
            double need = space + chainHeight + NotesCost(chainNotes, minimal: true);
            double alone = chainHeight + NotesCost(chainNotes, minimal: true, fresh: true);
            var notes = NotesOf(box);
            if (_y > 0 && _y + _foot + need > _height + 0.01 && alone <= _height)
            {
                NewPage();
                space = 0;
            }
            else if (_y > 0 && _y + _foot + space + box.Height + NotesCost(notes, minimal: true) > _height + 0.01)
            {
                NewPage();
                space = 0;
            }
            if (_page!.Placed.Count == 0)
            {
                _page.OpensChapter = box.OpensChapter;
                _page.OpensRecto = box.OpensRecto;
                _page.RunningTitle = _runningTitle;
                _page.RunningVerso = _runningVerso;
                foreach (var header in box.RepeatedHeader ?? [])
                {
                    _page.Placed.Add((header, _y));
                    _y += header.Height;
                }
            }
            _page.Placed.Add((box, _y + space));
            _y += space + box.Height;
            PlaceNotes(notes);
        }
        while (_carried.Count > 0)
            NewPage();
        foreach (var page in _pages)
            Settle(page);
    }

    private void NewPage()
    {
        _page = new PageFill { RunningTitle = _runningTitle, RunningVerso = _runningVerso };
        _pages.Add(_page);
        _y = 0;
        _foot = 0;
        if (_carried.Count == 0)
            return;
        _page.NotesContinued = true;
        double limit = _height * CarryShare;
        while (_carried.Count > 0)
        {
            var line = _carried.Peek();
            double add = LineCost(line);
            if (_page.Notes.Count > 0 && _foot + add > limit)
                break;
            Add(_carried.Dequeue());
        }
    }

    /// <summary>Sets the notes referenced by a box just placed: whole when they fit, else as many lines as fit,
    /// the rest carried to the next page. Once a note is carried, later notes follow it there.</summary>
    private void PlaceNotes(List<List<FlowBox>> notes)
    {
        foreach (var note in notes)
        {
            foreach (var line in note)
            {
                if (_carried.Count == 0 && _y + _foot + LineCost(line) <= _height + 0.01)
                    Add(line);
                else
                    _carried.Enqueue(line);
            }
        }
    }

    private void Add(FlowBox line)
    {
        _foot += LineCost(line);
        _page!.Notes.Add((line, 0));
    }

    private double LineCost(FlowBox line) => line.Height + (_page!.Notes.Count == 0 ? _separator : line.SpaceBefore);

    /// <summary>Fixes where the footnote lines stand: the area is flush with the foot of the text area.</summary>
    private void Settle(PageFill page)
    {
        if (page.Notes.Count == 0)
        {
            page.NotesTop = _height;
            return;
        }
        double total = _separator + page.Notes[0].Box.Height + page.Notes.Skip(1).Sum(n => n.Box.SpaceBefore + n.Box.Height);
        page.NotesTop = _height - total;
        double y = page.NotesTop + _separator;
        for (int k = 0; k < page.Notes.Count; k++)
        {
            var box = page.Notes[k].Box;
            if (k > 0)
                y += box.SpaceBefore;
            page.Notes[k] = (box, y);
            y += box.Height;
        }
    }

    /// <summary>Notes referenced in a box and not yet placed, in order of reference.</summary>
    private List<List<FlowBox>> NotesOf(FlowBox box)
    {
        var notes = new List<List<FlowBox>>();
        if (_footnotes.Count == 0)
            return notes;
        foreach (var item in box.Items)
        {
            if (item is Paged.DestinationItem d && _footnotes.TryGetValue(d.Name, out var note) && _placedNotes.Add(d.Name))
                notes.Add(note);
        }
        return notes;
    }

    /// <summary>Height a box's notes add to the page; minimal counts only what must stay with the reference.</summary>
    private double NotesCost(List<List<FlowBox>> notes, bool minimal, bool fresh = false)
    {
        double cost = 0;
        bool first = fresh || _page is null || _page.Notes.Count == 0;
        foreach (var note in notes)
        {
            int take = minimal && note.Count > ShortNoteLines ? SplitNoteLines : note.Count;
            foreach (var line in note.Take(take))
            {
                cost += line.Height + (first ? _separator : line.SpaceBefore);
                first = false;
            }
        }
        return cost;
    }

    /// <summary>Height of the box and every box it is kept with, counting the space between them, and the notes
    /// they reference (not yet placed).</summary>
    private (double Height, List<List<FlowBox>> Notes) Chain(int start)
    {
        double height = _flow[start].Height;
        var notes = Peek(_flow[start]);
        for (int j = start; j < _flow.Count - 1 && _flow[j].KeepWithNext && !_flow[j + 1].PageBreakBefore; j++)
        {
            height += _flow[j + 1].SpaceBefore + _flow[j + 1].Height;
            notes.AddRange(Peek(_flow[j + 1]));
        }
        return (height, notes);
    }

    private List<List<FlowBox>> Peek(FlowBox box)
    {
        var notes = new List<List<FlowBox>>();
        if (_footnotes.Count == 0)
            return notes;
        foreach (var item in box.Items)
        {
            if (item is Paged.DestinationItem d && _footnotes.TryGetValue(d.Name, out var note) && !_placedNotes.Contains(d.Name))
                notes.Add(note);
        }
        return notes;
    }
}
