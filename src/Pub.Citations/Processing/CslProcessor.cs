// Pub.Citations: a CSL 1.0.2 citation processor, shaped as a pure function
//   (style, locale, references, citation clusters in document order) → (rendered clusters, bibliography, diagnostics).
// Module map: Style/ (XML → model), Locale/ (terms, dates, fallback), Eval/ (rendering elements),
// Sort/, Processing/ (registry, positions, disambiguation, collapsing, bibliography), Output/
// (formatted text → inlines, HTML, plain text), Readers/ (CSL-JSON; BibTeX and CSL-YAML beside it).
using Pub.Syntax;

namespace Pub.Citations;

public sealed class CslProcessor
{
    /// <summary>What a cite renders as when the style prints nothing for it (the text citeproc-js uses).</summary>
    public const string NoPrintedForm = ClusterRenderer.NoPrintedForm;

    private readonly Style _style;
    private readonly Evaluator _eval;
    private readonly Dictionary<string, Reference> _refs;
    private readonly List<Reference> _refList;
    private readonly List<Diagnostic> _diagnostics = [];

    private CslProcessor(Style style, ResolvedLocale locale, IReadOnlyList<Reference> references)
    {
        _style = style;
        _eval = new Evaluator(style, locale);
        _refList = [.. references];
        _refs = new Dictionary<string, Reference>(StringComparer.Ordinal);
        foreach (var r in references)
        {
            if (!_refs.TryAdd(r.Id, r))
            {
                _diagnostics.Add(Diagnostic.Warning(Codes.DuplicateBibKey, $"reference '{r.Id}' is defined twice; the first one is used", r.Span));
            }
        }
    }

    public Style Style => _style;

    public ResolvedLocale Locale => _eval.Locale;

    /// <summary>Creates a processor for an independent style (resolve dependent styles first with
    /// <see cref="StyleResolver"/>). <paramref name="lang"/> overrides the style's default-locale.</summary>
    public static CslProcessor Create(Style style, LocaleSet locales, IReadOnlyList<Reference> references, string? lang = null)
    {
        var locale = locales.Resolve(style, lang);
        return new CslProcessor(style, locale, references);
    }

    /// <summary>Renders the clusters (in document order) and the bibliography.</summary>
    public CslResult Process(IReadOnlyList<CitationCluster> clusters, ProcessOptions? options = null)
    {
        options ??= new ProcessOptions();
        var diagnostics = new List<Diagnostic>(_diagnostics);
        // 1. Registry: pre-registered items, then cited items in order of first citation, then uncited items.
        var registry = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in options.Register)
        {
            if (_refs.ContainsKey(id) && seen.Add(id))
            {
                registry.Add(id);
            }
        }
        var knownClusters = new List<CitationCluster>();
        foreach (var cluster in clusters)
        {
            var items = new List<CitationItem>();
            foreach (var cite in cluster.Items)
            {
                if (!_refs.ContainsKey(cite.Id))
                {
                    diagnostics.Add(Diagnostic.Error(Codes.UnknownCitationKey, $"unknown citation key '{cite.Id}'", cite.Span));
                    continue;
                }
                items.Add(cite);
                if (seen.Add(cite.Id))
                {
                    registry.Add(cite.Id);
                }
            }
            knownClusters.Add(cluster with { Items = items });
        }
        foreach (var id in options.Uncited)
        {
            if (_refs.ContainsKey(id) && seen.Add(id))
            {
                registry.Add(id);
            }
        }
        if (!options.BibliographyOnlyRegistered)
        {
            foreach (var r in _refList)
            {
                if (seen.Add(r.Id))
                {
                    registry.Add(r.Id);
                }
            }
        }

        // 2. Bibliography order and citation numbers.
        var initialNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < registry.Count; i++)
        {
            initialNumbers[registry[i]] = i + 1;
        }
        var bibOrder = registry;
        var numbers = initialNumbers;
        if (_style.Bibliography is { Sort.Count: > 0 } bib)
        {
            var sorter = new Sorter(_eval, bib);
            var keyed = registry.Select((id, i) => (id, i, keys: sorter.Keys(_refs[id], new CiteParams { CitationNumber = initialNumbers[id] }))).ToList();
            keyed.Sort((a, b) =>
            {
                var c = sorter.CompareKeys(a.keys, b.keys);
                return c != 0 ? c : a.i.CompareTo(b.i);
            });
            bibOrder = [.. keyed.Select(k => k.id)];
            if (!bib.Sort.Any(k => k.Variable == "citation-number"))
            {
                numbers = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < bibOrder.Count; i++)
                {
                    numbers[bibOrder[i]] = i + 1;
                }
            }
        }

        // 3. Disambiguation over all registered items, the uncited ones included, so that a citation
        // names one entry of the bibliography: with an uncited work of the same author and year listed,
        // the cite reads "(GRETA 2023a)" as its entry does. (citeproc-js renders a document's citations
        // before it registers the uncited works, and prints "(GRETA 2023)" beside "2023a" and "2023b".)
        var firstNotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in knownClusters)
        {
            foreach (var cite in cluster.Items)
            {
                firstNotes.TryAdd(cite.Id, cluster.NoteNumber);
            }
        }
        var itemParams = Disambiguate(registry, bibOrder, numbers, firstNotes);

        // 4. Citations.
        var rendered = new List<RenderedCluster>();
        if (_style.Citation is { } cit)
        {
            var positions = options.ComputePositions
                ? Positions.Compute(knownClusters, cit.NearNoteDistance)
                : null;
            var renderer = new ClusterRenderer(_eval, cit, _refs);
            for (var c = 0; c < knownClusters.Count; c++)
            {
                var cluster = knownClusters[c];
                var cites = new List<(CitationItem Item, CiteParams Params)>();
                for (var i = 0; i < cluster.Items.Count; i++)
                {
                    var cite = cluster.Items[i];
                    var p = itemParams[cite.Id];
                    Position pos;
                    bool near;
                    int? firstNote;
                    if (positions is not null)
                    {
                        (pos, near, firstNote) = positions[c][i];
                    }
                    else
                    {
                        pos = (Position)Math.Clamp(cite.Position ?? 0, 0, 3);
                        near = cite.NearNote ?? false;
                        firstNote = cite.FirstReferenceNoteNumber;
                    }
                    var (locator, label) = LocatorLabels.Read(cite.Locator, cite.Label, _eval.Locale);
                    cites.Add((cite, p with
                    {
                        Position = pos,
                        NearNote = near,
                        FirstReferenceNoteNumber = firstNote,
                        Locator = locator,
                        Label = label,
                        SuppressAuthor = cite.SuppressAuthor,
                        AuthorOnly = cite.AuthorOnly,
                    }));
                }
                rendered.Add(new RenderedCluster(cluster.Id, renderer.Render(cites, cluster.WithinSentence, cluster.MidNote)));
            }
        }

        // 5. Bibliography.
        Bibliography? bibliography = null;
        if (_style.Bibliography is { } bibSection)
        {
            bibliography = new BibliographyRenderer(_eval, bibSection, _refs, itemParams).Render(bibOrder);
        }
        return new CslResult(rendered, bibliography, diagnostics, bibOrder);
    }

    /// <summary>Disambiguates the cites of the given items against each other.</summary>
    private Dictionary<string, CiteParams> Disambiguate(IEnumerable<string> ids, List<string> bibOrder, Dictionary<string, int> numbers, Dictionary<string, int> firstNotes)
    {
        var itemParams = new Dictionary<string, CiteParams>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            itemParams[id] = new CiteParams { CitationNumber = numbers[id] };
        }
        if (_style.Citation is { } citation)
        {
            new Disambiguator(_eval, citation, _refs, itemParams, [.. bibOrder.Where(itemParams.ContainsKey)], firstNotes).Run();
        }
        return itemParams;
    }
}
