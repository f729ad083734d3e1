using System.Globalization;
using Pub.Citations;
using Pub.Citations.Readers;
using Pub.Model;
using Pub.Resolve;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>
/// Prepares what the citation pass needs for one manuscript: its style (front matter <c>csl:</c>, else
/// pub.yaml's <c>citation-style</c>, else the house note style), the locales, and the references of every
/// bibliography it names plus a generated entry for each paper of the series. Files are read and parsed
/// once per build, however many manuscripts share them, and their problems are reported once. Manuscripts
/// rendered at once share one loader: its caches are filled under a lock.
/// </summary>
/// <remarks>The files the first manuscripts' front matter names start loading before the manuscripts are parsed
/// (<see cref="StartReading"/>); what they report is added when a manuscript's setup asks for them, in the same
/// order as when they are read then.</remarks>
internal sealed class CitationLoader(IWorld world, ProjectConfig config, Func<IReadOnlyList<Manuscript>> series, ParsedFiles? parsed = null)
{
    /// <summary>How many manuscripts' front matter <see cref="StartReading"/> looks at: the files they name are
    /// usually the series' shared ones.</summary>
    private const int ManuscriptsLookedAhead = 4;

    public const string HouseStyle = "csl/pub-note.csl";

    private readonly Dictionary<string, IReadOnlyList<Reference>> _bibliographies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<(IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems)>> _reading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Style? Style, IReadOnlyList<string> Read)> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<(Style? Style, IReadOnlyList<string> Read, IReadOnlyList<Diagnostic> Problems)>> _loadingStyles = new(StringComparer.Ordinal);
    private Task? _lookingAhead;
    private readonly StyleCatalogue _catalogue = new(world, config);
    private readonly Dictionary<string, StyleLookup> _lookups = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _fileDiagnostics = [];
    private readonly HashSet<(Reference, Reference)> _shadowed = [];
    private IReadOnlyList<Reference>? _seriesReferences;
    private readonly Lock _gate = new();

    /// <summary>Every entry read from a bibliography file during the build, in file order.</summary>
    public IReadOnlyList<Reference> LoadedReferences => [.. _bibliographies.Values.SelectMany(r => r)];

    /// <summary>Problems found in bibliography and style files, each reported once per build.</summary>
    public IReadOnlyList<Diagnostic> FileDiagnostics => _fileDiagnostics;

    /// <summary>Locale files from pub.yaml's <c>locales</c> folder first, then the ones shipped with pub.</summary>
    public LocaleSet Locales
    {
        get
        {
            lock (_gate)
            {
                // The locales are read lazily, on whichever thread renders; a locale file that is a link leading
                // outside the project is reported here, once, when the set is made (in manuscript order).
                if (_locales is null && config.Locales is { } localesFolder)
                {
                    _ = ProjectFiles.List(world, localesFolder, _fileDiagnostics);
                }
                return _locales ??= new LocaleSet(tag =>
                    config.Locales is { } folder && world.ReadBytes(ProjectPath.Combine(folder, $"locales-{tag}.xml")) is { } bytes && TextDecoding.Decode(bytes, out _) is { } text
                        ? new SourceText(ProjectPath.Combine(folder, $"locales-{tag}.xml"), text)
                        : BuiltinLocales.Load(tag));
            }
        }
    }

    private LocaleSet? _locales;

    /// <summary>The setup for a document; null when it cites nothing and names no bibliography, or when
    /// its style is missing or broken (<paramref name="unavailable"/>: that problem is reported already).</summary>
    public CitationSetup? For(Document document, List<Diagnostic> diagnostics, out bool unavailable)
    {
        lock (_gate)
        {
            return SetupFor(document, diagnostics, out unavailable);
        }
    }

    private CitationSetup? SetupFor(Document document, List<Diagnostic> diagnostics, out bool unavailable)
    {
        var documents = new[] { document }.Concat(document.Chapters).ToList();
        var paths = documents.SelectMany(d => d.Meta.Bibliography.Select(b => ProjectPath.Combine(ProjectPath.Folder(d.Path), b))).Distinct(StringComparer.Ordinal).ToList();
        var cites = documents.Any(d => Walk.AllInlines(d.Blocks.Concat(d.Notes.SelectMany(n => n.Blocks))).OfType<Cite>().Any());
        unavailable = false;
        if (paths.Count == 0 && !cites)
        {
            // Nothing to render, but a style the manuscript names must still exist: a misspelt or refused csl:
            // would otherwise surface only with the first citation.
            if (document.Meta.Csl is not null && LookUpLocked(document) is { Lookup.Path: null } missing)
            {
                diagnostics.Add(MissingStyle(document, missing.Value, missing.Own, missing.Lookup));
            }
            return null;
        }
        // The bibliographies are read and parsed on another thread while the style is loaded here; what they
        // report is added in the same order as when they are read one after the other (see Bibliography).
        foreach (var path in paths)
        {
            StartBibliography(path);
        }
        var style = StyleFor(document, diagnostics);
        if (style is null)
        {
            unavailable = true;
            return null;
        }
        var references = new List<Reference>();
        var byId = new Dictionary<string, Reference>(StringComparer.Ordinal);
        // Files are searched in the order the front matter names them, and before the series' generated
        // entries: the first definition of a key wins.
        foreach (var reference in paths.SelectMany(Bibliography))
        {
            if (byId.TryGetValue(reference.Id, out var winner))
            {
                if (!ReferenceEquals(winner, reference) && _shadowed.Add((winner, reference)))
                {
                    _fileDiagnostics.Add(BibliographyChecks.Shadowed(winner, reference));
                }
                continue;
            }
            byId[reference.Id] = reference;
            references.Add(reference);
        }
        references.AddRange(SeriesReferences().Where(r => !byId.ContainsKey(r.Id)));
        return new CitationSetup(style, Locales, references);
    }

    /// <summary>What another loader of the same files (a render worker's) reported about them: each diagnostic is
    /// added unless this loader reported it already.</summary>
    public void Adopt(IReadOnlyList<Diagnostic> reported)
    {
        if (reported.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            var known = _fileDiagnostics.Select(Key).ToHashSet();
            _fileDiagnostics.AddRange(reported.Where(d => known.Add(Key(d))));
        }
        static (Severity, string, string, string?, int, int) Key(Diagnostic d) => (d.Severity, d.Code, d.Message, d.FilePath, d.Span?.Start ?? -1, d.Span?.Length ?? -1);
    }

    /// <summary>Starts reading, on other threads, the style and the bibliographies that the first of
    /// <paramref name="manuscripts"/> name in their front matter.</summary>
    public void StartReading(IReadOnlyList<string> manuscripts)
    {
        _lookingAhead = Task.Run(() =>
        {
            foreach (var path in manuscripts.Take(ManuscriptsLookedAhead))
            {
                if (world.ReadBytes(path) is not { } bytes || TextDecoding.Decode(bytes, out _) is not { } text)
                {
                    continue;
                }
                var (csl, bibliography) = Pub.Markdown.ManuscriptParser.CitationFields(new SourceText(path, text));
                if (bibliography.Count == 0)
                {
                    continue;
                }
                lock (_gate)
                {
                    foreach (var file in bibliography)
                    {
                        StartBibliography(ProjectPath.Combine(ProjectPath.Folder(path), file));
                    }
                    if (LookUp(csl, path).Lookup.Path is { } style && !_styles.ContainsKey(style) && !_loadingStyles.ContainsKey(style))
                    {
                        _loadingStyles[style] = Task.Run(() => ReadStyle(style));
                    }
                }
            }
        });
    }

    /// <summary>Starts reading and parsing a bibliography file on another thread, unless it is read or being read
    /// already (under the lock).</summary>
    private void StartBibliography(string path)
    {
        if (!_bibliographies.ContainsKey(path) && !_reading.ContainsKey(path))
        {
            _reading[path] = Task.Run(() => ReadBibliography(path));
        }
    }

    /// <summary>Waits for whatever <see cref="StartReading"/> started and no manuscript asked for, so that nothing
    /// of the build goes on running once it has returned.</summary>
    public void Settle()
    {
        Wait(_lookingAhead);
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _reading.Values, .. _loadingStyles.Values];
        }
        foreach (var task in pending)
        {
            Wait(task);
        }
    }

    /// <summary>What a file no manuscript asked for would have reported is not the build's to report.</summary>
    private static void Wait(Task? task)
    {
        try
        {
            task?.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
        }
    }

    private Style? StyleFor(Document document, List<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            return LoadStyle(document, diagnostics);
        }
    }

    private Style? LoadStyle(Document document, List<Diagnostic> diagnostics)
    {
        var (lookup, value, own) = LookUp(document.Meta.Csl, document.Path);
        if (lookup.Path is not { } path)
        {
            // A missing style is the manuscript's problem and is reported for each one that uses the value.
            diagnostics.Add(MissingStyle(document, value, own, lookup));
            return null;
        }
        if (_styles.TryGetValue(path, out var cached))
        {
            return cached.Style;
        }
        // A broken style file is reported once, with the file's own diagnostics.
        var (style, read, problems) = _loadingStyles.Remove(path, out var loading) ? loading.GetAwaiter().GetResult() : ReadStyle(path);
        _fileDiagnostics.AddRange(problems);
        _styles[path] = (style, read);
        return style;
    }

    /// <summary>A style file (and its parent, for a dependent style), the files read for it and what is wrong with
    /// them; touches nothing of the loader's.</summary>
    private (Style? Style, IReadOnlyList<string> Read, IReadOnlyList<Diagnostic> Problems) ReadStyle(string path)
    {
        if (parsed?.Style(path, _catalogue.Folders, ReadBytes) is { } known)
        {
            return known;
        }
        var bag = new DiagnosticBag();
        var read = new List<string>();
        var inputs = new List<(string Path, FileDigest? Digest)>();
        var style = StyleResolver.Load(path, p =>
        {
            read.Add(p);
            var bytes = ReadBytes(p);
            inputs.Add((p, ParsedFiles.Digest(bytes)));
            return Decode(p, bytes);
        }, bag, _catalogue.Folders);
        parsed?.RememberStyle(path, new ParsedFiles.StyleParse([.. _catalogue.Folders], inputs, (style, read, bag.Items)));
        return (style, read, bag.Items);
    }

    /// <summary>The style value that applies to a document (its own <c>csl:</c>, else pub.yaml's
    /// <c>citation-style</c>, else the house note style) and where it led.</summary>
    private (StyleLookup Lookup, string Value, bool Own) LookUp(string? ownStyle, string documentPath)
    {
        var (value, folder, own) = ownStyle is { } csl
            ? (csl, ProjectPath.Folder(documentPath), true)
            : config.CitationStyle is { } configured ? (configured, "", false) : (ProjectPath.Combine(config.Templates, HouseStyle), "", false);
        var key = folder + "\0" + value;
        if (!_lookups.TryGetValue(key, out var lookup))
        {
            lookup = _catalogue.Find(value, folder);
            _lookups[key] = lookup;
        }
        return (lookup, value, own);
    }

    private (StyleLookup Lookup, string Value, bool Own) LookUpLocked(Document document)
    {
        lock (_gate)
        {
            return LookUp(document.Meta.Csl, document.Path);
        }
    }

    private Diagnostic MissingStyle(Document document, string value, bool own, StyleLookup lookup)
    {
        var span = own
            ? document.FieldValueSpans.TryGetValue("csl", out var at) ? at : ManuscriptLoader.FieldValueSpan(document, "csl")
            : config.CitationStyleSpan;
        if (lookup.Outside is { } outside)
        {
            var refused = $"citation style '{value}' leads outside the project and is refused";
            return span is null
                ? new Diagnostic(Severity.Error, Codes.OutsideProject.Id, refused, Path: own ? document.Path : ConfigReader.FileName, Hints: [ProjectPath.OutsideHint(outside)])
                : Diagnostic.Error(Codes.OutsideProject, refused, span, ProjectPath.OutsideHint(outside));
        }
        var hints = new List<string>();
        if (lookup.Suggestion is { } guess)
        {
            hints.Add($"did you mean '{guess}'?");
        }
        hints.Add(own
            ? "csl is a file relative to the manuscript's folder, or the name or id of a style in " + string.Join(", ", _catalogue.Folders) + "; run 'pub styles' to list them"
            : "citation-style is a file relative to pub.yaml, or the name or id of a style in " + string.Join(", ", _catalogue.Folders) + "; run 'pub styles' to list them");
        var message = $"citation style '{value}' was not found";
        return span is null
            ? new Diagnostic(Severity.Error, Codes.MissingStyle.Id, message, Path: own ? document.Path : ConfigReader.FileName, Hints: hints)
            : new Diagnostic(Severity.Error, Codes.MissingStyle.Id, message, span, hints);
    }

    /// <summary>Every file that decided a document's style: the paths its value was looked up at, the style file
    /// and, for a dependent style, each place its parent was looked for. An edition depends on all of them.</summary>
    public IReadOnlyList<string> StyleInputs(Document document)
    {
        lock (_gate)
        {
            var (lookup, _, _) = LookUp(document.Meta.Csl, document.Path);
            return lookup.Path is { } path && _styles.TryGetValue(path, out var loaded) ? [.. lookup.Probed, .. loaded.Read] : [.. lookup.Probed];
        }
    }

    private byte[]? ReadBytes(string path) => ProjectPath.EscapesRoot(ProjectPath.Normalize(path)) ? null : world.ReadBytes(path);

    private static SourceText? Decode(string path, byte[]? bytes) =>
        bytes is null || TextDecoding.Decode(bytes, out _) is not { } text ? null : new SourceText(path, text);

    private IReadOnlyList<Reference> Bibliography(string path)
    {
        if (_bibliographies.TryGetValue(path, out var cached))
        {
            return cached;
        }
        var (references, problems) = _reading.Remove(path, out var reading) ? reading.GetAwaiter().GetResult() : ReadBibliography(path);
        _fileDiagnostics.AddRange(problems);
        _bibliographies[path] = references;
        return references;
    }

    /// <summary>A bibliography file's entries and what is wrong with it; touches nothing of the loader's.</summary>
    private (IReadOnlyList<Reference> References, IReadOnlyList<Diagnostic> Problems) ReadBibliography(string path)
    {
        if (world.ReadBytes(path) is not { } bytes)
        {
            return ([], []);
        }
        if (parsed?.Bibliography(path, bytes) is { } known)
        {
            return known;
        }
        var text = TextDecoding.Decode(bytes, out var reason);
        if (text is null)
        {
            return ([], [new Diagnostic(Severity.Error, Codes.NotText.Id, $"the bibliography is not UTF-8 text: {reason}", Path: path)]);
        }
        var (found, problems) = BibliographyFile.Read(new SourceText(path, text));
        parsed?.RememberBibliography(path, bytes, found, problems);
        return (found, problems);
    }

    /// <summary>
    /// Every numbered paper of the series is citable without a bibliography entry: <c>@op-1</c> is paper 1
    /// of series "op" in the series' default language (or its only language), <c>@op-1-ru</c> its Russian
    /// edition. The entry is a report in the series, with authors, title, publisher, place and year.
    /// </summary>
    public IReadOnlyList<Reference> SeriesReferences()
    {
        lock (_gate)
        {
            return _seriesReferences ??= BuildSeriesReferences();
        }
    }

    private List<Reference> BuildSeriesReferences()
    {
        var result = new List<Reference>();
        var numbered = series().Where(m => m.Document?.Meta is { Number: not null, Series: not null } && m.Series is not null).ToList();
        foreach (var group in numbered.GroupBy(m => (m.Document!.Meta.Series, m.Document.Meta.Number)))
        {
            var editions = group.OrderByDescending(m => m.Document!.Meta.Edition).ToList();
            var primary = editions.FirstOrDefault(m => m.Document!.Meta.Language == config.Language) ?? editions[0];
            var key = $"{group.Key.Series}-{group.Key.Number!.Value.ToString(CultureInfo.InvariantCulture)}";
            result.Add(SeriesReference(key, primary));
            // Each chapter of a handbook is citable as hb-1-ch2 (without pages: they belong to the handbook's own build).
            for (var i = 0; i < primary.Document!.Chapters.Count; i++)
            {
                result.Add(ChapterReference(key + "-ch" + (i + 1).ToString(CultureInfo.InvariantCulture), primary, i, null));
            }
            foreach (var language in editions.GroupBy(m => m.Document!.Meta.Language))
            {
                result.Add(SeriesReference(key + "-" + language.Key, language.First()));
            }
        }
        return result;
    }

    /// <summary>How to cite the edition being built, in its manuscript's citation style: the entry the series
    /// generates for <c>@op-1</c>, as its bibliography shows it. Null when the style is unavailable (already
    /// reported) or prints no bibliography.</summary>
    public IReadOnlyList<Inline>? SuggestedCitation(Manuscript manuscript, Document document)
    {
        var style = StyleFor(document, []);
        if (style is null)
        {
            return null;
        }
        var reference = SeriesReference("suggested-citation", manuscript with { Document = document });
        return Standalone(style, reference, document.Meta.Language);
    }

    /// <summary>One work as the style lists it in a bibliography, standing alone: without the number a numeric
    /// style gives an entry of its list ("[1]"). Null when the style prints no bibliography.</summary>
    internal IReadOnlyList<Inline>? Standalone(Style style, Reference reference, string language)
    {
        var result = CslProcessor.Create(style, Locales, [reference], language).Process([], new ProcessOptions { Register = [reference.Id] });
        if (result.Bibliography is not { Entries.Count: > 0 } bibliography)
        {
            return null;
        }
        var entry = bibliography.Entries[0].Text.ToInlines();
        return entry.Count > 1 && entry[0] is SpanInline label && label.Attributes.Classes.Contains("csl-left-margin") ? [.. entry.Skip(1)] : entry;
    }

    /// <summary>The style a manuscript is cited in (its own, else the series' house style); null when it is
    /// missing or broken, which the build reports for the manuscript already.</summary>
    internal Style? StyleOf(Document document) => StyleFor(document, []);

    /// <summary>A chapter of a handbook as a CSL item of type chapter: its own title and authors, in the volume
    /// (container-title) with the volume's editors, series, publisher, date and ISBN, and its pages when known.</summary>
    internal Reference ChapterReference(string id, Manuscript handbook, int index, (string First, string Last)? pages)
    {
        var volume = SeriesReference(id, handbook);
        var meta = handbook.Document!.Chapters[index].Meta;
        var variables = new Dictionary<string, string>(volume.Variables, StringComparer.Ordinal)
        {
            ["container-title"] = volume.Variables["title"],
            ["title"] = meta.Subtitle is null ? meta.Title : $"{meta.Title}: {meta.Subtitle}",
            ["language"] = meta.Language,
        };
        variables.Remove("title-short");
        if (meta.ShortTitle is { } shortTitle)
        {
            variables["title-short"] = shortTitle;
        }
        if (pages is var (first, last))
        {
            variables["page"] = first == last ? first : first + "-" + last;
        }
        var names = new Dictionary<string, IReadOnlyList<Name>>(volume.Names, StringComparer.Ordinal);
        if (meta.Authors.Count > 0)
        {
            names["author"] = [.. meta.Authors.Select(PersonName)];
        }
        return volume with { Type = "chapter", Variables = variables, Names = names, Span = handbook.Document.Chapters[index].Source?.Span(0, 0) };
    }

    internal Reference SeriesReference(string id, Manuscript manuscript)
    {
        var meta = manuscript.Document!.Meta;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = meta.Subtitle is null ? meta.Title : $"{meta.Title}: {meta.Subtitle}",
            ["collection-title"] = manuscript.Series!.Title,
            ["publisher"] = config.Publisher.Name,
            ["language"] = meta.Language,
        };
        if (meta.Number is { } number)
        {
            variables["collection-number"] = number.ToString(CultureInfo.InvariantCulture);
        }
        if (meta.ShortTitle is { } shortTitle)
        {
            variables["title-short"] = shortTitle;
        }
        if (config.Publisher.Place is { } place)
        {
            variables["publisher-place"] = place;
        }
        if (meta.Isbn is { } isbn)
        {
            variables["ISBN"] = isbn;
        }
        if (meta.Doi is { } doi)
        {
            variables["DOI"] = doi;
        }
        if (meta.Edition > 1)
        {
            variables["edition"] = meta.Edition.ToString(CultureInfo.InvariantCulture);
        }
        var names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);
        var people = meta.Kind == ManuscriptKind.Handbook ? meta.Editors : meta.Authors;
        if (people.Count > 0)
        {
            names[meta.Kind == ManuscriptKind.Handbook ? "editor" : "author"] = [.. people.Select(PersonName)];
        }
        var dates = new Dictionary<string, DateValue>(StringComparer.Ordinal);
        if (meta.Date is { } date)
        {
            dates["issued"] = new DateValue { Parts = [[date.Year, date.Month, date.Day]] };
        }
        return new Reference
        {
            Id = id,
            Type = meta.Kind == ManuscriptKind.Handbook ? "book" : "report",
            Variables = variables,
            Names = names,
            Dates = dates,
            Span = manuscript.Document.Source?.Span(0, 0),
        };
    }

    /// <summary>"Anne T. Gallagher" → given "Anne T.", family "Gallagher"; with <c>family: Ferrer Molina</c>,
    /// "Lucía Ferrer Molina" → given "Lucía", family "Ferrer Molina"; a single word is a literal name.</summary>
    private static Name PersonName(Person person)
    {
        var name = person.Name;
        if (person.Family is { Length: > 0 } family && name.EndsWith(" " + family, StringComparison.Ordinal))
        {
            return new Name { Given = name[..^family.Length].Trim(), Family = family };
        }
        var space = name.LastIndexOf(' ');
        return space < 0 ? new Name { Literal = name } : new Name { Given = name[..space].Trim(), Family = name[(space + 1)..].Trim() };
    }
}
