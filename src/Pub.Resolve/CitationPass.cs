using System.Globalization;
using Pub.Citations;
using Pub.Model;
using Pub.Syntax;
using BibliographyEntry = Pub.Model.BibliographyEntry;

namespace Pub.Resolve;

/// <summary>
/// Renders citations with the CSL processor and places the bibliography.
/// With a note style, a citation in the running text becomes a footnote of its own, numbered with the
/// author's notes; a citation inside an author's footnote stays where it is. Positions (first, subsequent,
/// ibid., near-note) are computed over the whole paper in note order, so the first citation of a work is
/// full and later ones short. With an in-text style, citations render in place.
/// The bibliography replaces a <c>::: {#refs}</c> div, or is appended under a localized heading.
/// In a handbook each chapter has its own notes and, unless the volume has one bibliography, its own bibliography.
/// </summary>
public sealed class CitationPass : IDocumentPass
{
    public const string GeneratedNotePrefix = "cite-";

    public Document Run(Document document, ResolveContext context)
    {
        if (document.Meta.BibliographyScope == BibliographyScope.Volume && document.Chapters.Count > 0 && context.Citations is { } setup)
        {
            return RenderVolume(document, context, setup);
        }
        var named = document.Meta.Bibliography.Count > 0;
        var front = Render(document with { Chapters = [] }, context, named);
        return front with { Chapters = [.. document.Chapters.Select(c => Render(c, context, named || c.Meta.Bibliography.Count > 0))] };
    }

    /// <summary>One error for every key a manuscript without a bibliography cites, at the first of them,
    /// instead of one error per key: the cause is the missing (or misspelt) <c>bibliography:</c> field.</summary>
    private static void ReportNoBibliography(IReadOnlyList<CiteItem> unresolved, ResolveContext context)
    {
        if (unresolved.Count == 0)
        {
            return;
        }
        var keys = unresolved.Select(i => i.Key).Distinct(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", keys.Take(3).Select(k => $"'{k}'")) + (keys.Count > 3 ? ", …" : string.Empty);
        var count = unresolved.Count.ToString(CultureInfo.InvariantCulture);
        context.Diagnostics.Add(Diagnostic.Error(Codes.UnknownCitationKey,
            $"no bibliography is named, so {count} citation{(unresolved.Count == 1 ? string.Empty : "s")} cannot be resolved ({listed})", unresolved[0].KeySpan,
            "add 'bibliography: …' to the front matter (only the series' own papers, @op-1 and the like, are citable without one)"));
    }

    private static Document Render(Document document, ResolveContext context, bool bibliographyNamed)
    {
        if (context.Citations is not { } setup)
        {
            if (!context.CitationsUnavailable)
            {
                var cites = Walk.AllInlines(document.Blocks.Concat(document.Notes.SelectMany(n => n.Blocks))).OfType<Cite>();
                ReportNoBibliography(cites.SelectMany(c => c.Items).ToList(), context);
            }
            return new KeysAsText().Rewrite(document);
        }
        if (Prepare(document, context, setup, bibliographyNamed) is not { } prepared)
        {
            return document;
        }
        var processor = CslProcessor.Create(setup.Style, setup.Locales, setup.References, document.Meta.Language);
        var result = processor.Process([.. prepared.Citations.Select(c => c.Cluster)], new ProcessOptions { Uncited = prepared.Uncited });
        context.Diagnostics.AddRange(Relevant(result.Diagnostics));
        var withCitations = Fill(prepared, result.Citations, processor);
        return PlaceBibliography(withCitations, Entries(result));
    }

    /// <summary>
    /// A handbook with one bibliography for the volume: the citations of the introduction and every chapter form
    /// one stream, so that a numeric style numbers a work once for the whole volume and an author-date style
    /// tells apart (2021a, 2021b) the works the bibliography tells apart, wherever they are cited. With a note
    /// style each chapter still starts afresh: its notes are numbered from 1 and the first citation of a work in
    /// a chapter is full, as in a book whose chapters are read on their own. Each chapter's citations are set in
    /// its own language; the bibliography, placed in the volume's own text, in the volume's.
    /// </summary>
    private static Document RenderVolume(Document volume, ResolveContext context, CitationSetup setup)
    {
        var named = volume.Meta.Bibliography.Count > 0;
        var documents = new[] { volume with { Chapters = [] } }.Concat(volume.Chapters).ToList();
        var prepared = documents.Select(d => Prepare(d, context, setup, named || d.Meta.Bibliography.Count > 0)).ToList();

        // One stream: cluster ids made unique and notes numbered on across chapters, so that near-note
        // distances never reach back into the chapter before.
        var stream = new List<CitationCluster>();
        var slices = new List<(int Start, int Count)>();
        var noteOffset = 0;
        for (var d = 0; d < prepared.Count; d++)
        {
            var clusters = prepared[d]?.Citations.Select(c => c.Cluster).ToList() ?? [];
            slices.Add((stream.Count, clusters.Count));
            var prefix = "d" + d.ToString(CultureInfo.InvariantCulture) + "-";
            stream.AddRange(clusters.Select(c => c with { Id = prefix + c.Id, NoteNumber = c.NoteNumber == 0 ? 0 : c.NoteNumber + noteOffset }));
            noteOffset += clusters.Select(c => c.NoteNumber).DefaultIfEmpty(0).Max() + NoteGap;
        }
        var uncited = prepared.SelectMany(p => p?.Uncited ?? []).Distinct(StringComparer.Ordinal).ToList();
        var options = new ProcessOptions { Uncited = uncited };
        var noteStyle = setup.Style.Class == StyleClass.Note;
        var byLanguage = new Dictionary<string, CslResult>(StringComparer.Ordinal);
        CslResult Volume(string language)
        {
            if (!byLanguage.TryGetValue(language, out var result))
            {
                result = CslProcessor.Create(setup.Style, setup.Locales, setup.References, language).Process(stream, options);
                byLanguage[language] = result;
            }
            return result;
        }

        var whole = Volume(volume.Meta.Language);
        if (!noteStyle)
        {
            context.Diagnostics.AddRange(Relevant(whole.Diagnostics));
        }
        var rendered = new List<Document>();
        for (var d = 0; d < documents.Count; d++)
        {
            if (prepared[d] is not { } part)
            {
                rendered.Add(documents[d]);
                continue;
            }
            var language = documents[d].Meta.Language;
            var processor = CslProcessor.Create(setup.Style, setup.Locales, setup.References, language);
            IReadOnlyList<RenderedCluster> citations;
            if (noteStyle)
            {
                var own = processor.Process([.. part.Citations.Select(c => c.Cluster)], new ProcessOptions { Uncited = part.Uncited });
                context.Diagnostics.AddRange(Relevant(own.Diagnostics));
                citations = own.Citations;
            }
            else
            {
                var (start, count) = slices[d];
                citations = [.. Volume(language).Citations.Skip(start).Take(count)];
            }
            rendered.Add(Fill(part, citations, processor));
        }
        var front = PlaceBibliography(rendered[0], Entries(whole));
        return front with { Chapters = rendered.Skip(1).ToList() };
    }

    /// <summary>Notes of consecutive chapters are numbered this far apart in the volume's stream, farther than
    /// any style's near-note distance.</summary>
    private const int NoteGap = 1000;

    /// <summary>A manuscript's citations made ready for the processor: its text with the author names of
    /// "@key argues" split off and, in a note style, citations moved into notes of their own; its citations and
    /// its author names as clusters in reading order; the works it lists without citing them.</summary>
    private sealed record Prepared(
        Document Document,
        List<(Cite Cite, CitationCluster Cluster)> Citations,
        List<(Cite Cite, CitationCluster Cluster)> Names,
        IReadOnlyList<string> Uncited);

    /// <summary>Null when the manuscript neither cites nor lists anything.</summary>
    private static Prepared? Prepare(Document document, ResolveContext context, CitationSetup setup, bool bibliographyNamed)
    {
        var cites = Walk.AllInlines(document.Blocks.Concat(document.Notes.SelectMany(n => n.Blocks))).OfType<Cite>().ToList();
        if (cites.Count == 0 && document.Meta.Nocite.Count == 0)
        {
            return null;
        }

        var known = new HashSet<string>(setup.References.Select(r => r.Id), StringComparer.Ordinal);
        var unknown = cites.SelectMany(c => c.Items).Where(i => !known.Contains(i.Key)).ToList();
        if (!bibliographyNamed)
        {
            // Without a bibliography only the series' own papers are citable: one cause, one message.
            ReportNoBibliography(unknown, context);
            unknown = [];
        }
        foreach (var item in unknown)
        {
            var guess = Suggestions.Closest(item.Key, known);
            context.Diagnostics.Add(Diagnostic.Error(Codes.UnknownCitationKey, $"unknown citation key '{item.Key}'", item.KeySpan,
                guess is null ? "check the key against the bibliography files named in the front matter" : $"did you mean '{guess}'?"));
        }

        var noteStyle = setup.Style.Class == StyleClass.Note;
        document = new AuthorInTextSplitter(noteStyle).Rewrite(document);
        if (noteStyle)
        {
            document = MoveCitationsIntoNotes(document);
        }

        // Clusters in document order, each with the number of the note it stands in (0 in running text).
        var order = NoteOrder.Compute(document);
        var notesByLabel = document.Notes.ToDictionary(n => n.Label, StringComparer.Ordinal);
        var clusters = new List<(Cite Cite, CitationCluster Cluster)>();
        var withinSentence = noteStyle ? CitesWithinSentence(document) : new HashSet<Cite>(ReferenceEqualityComparer.Instance);
        var collectedUpTo = 0;
        void Collect(IEnumerable<Block> blocks, int noteNumber)
        {
            foreach (var inline in Walk.AllInlines(blocks))
            {
                if (inline is Cite cite)
                {
                    clusters.Add((cite, ToCluster(cite, clusters.Count, noteNumber, known) with { WithinSentence = withinSentence.Contains(cite) || cite.Parenthesized, MidNote = cite.InNoteText }));
                }
                else if (inline is NoteRef reference && order.TryGetValue(reference.Label, out var number) && number > collectedUpTo
                    && notesByLabel.TryGetValue(reference.Label, out var note))
                {
                    collectedUpTo = number;
                    Collect(note.Blocks, number);
                }
            }
        }
        Collect(document.Blocks, 0);

        var language = document.Meta.Language;
        if (setup.Locales.FileFor(language) is null)
        {
            var at = document.FieldSpans.TryGetValue("language", out var span) ? span : document.Source?.SpanAt(1, 1);
            context.Diagnostics.Add(Diagnostic.Warning(Codes.MissingLocale, $"no citation locale for '{language}'; citations use the terms and dates of en-US", at,
                "add a CSL locale file locales-<tag>.xml to the folder named by 'locales' in pub.yaml"));
        }

        var nocite = document.Meta.Nocite;
        // Author names standing in the sentence are rendered apart, so that they neither count as a
        // previous citation for "ibid." nor make the bibliography's order.
        return new Prepared(document,
            [.. clusters.Where(c => !IsAuthorOnly(c.Cite))],
            [.. clusters.Where(c => IsAuthorOnly(c.Cite))],
            nocite.Contains("*") ? [.. setup.References.Select(r => r.Id)] : [.. nocite.Where(known.Contains)]);
    }

    /// <summary>The manuscript with each citation's text in place: <paramref name="citations"/> for its
    /// citations, in order, and the author names rendered by <paramref name="processor"/>.</summary>
    private static Document Fill(Prepared prepared, IReadOnlyList<RenderedCluster> citations, CslProcessor processor)
    {
        var names = prepared.Names;
        var nameResult = names.Count == 0 ? null : processor.Process([.. names.Select(c => c.Cluster)], new ProcessOptions { ComputePositions = false });
        var rendered = new Dictionary<Cite, IReadOnlyList<Inline>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < prepared.Citations.Count && i < citations.Count; i++)
        {
            var cite = prepared.Citations[i].Cite;
            // A cluster of unknown keys (already reported) shows its keys rather than nothing.
            rendered[cite] = citations[i].Text.IsEmpty
                ? [new Text("[" + string.Join("; ", cite.Items.Select(item => "@" + item.Key)) + "]")]
                : citations[i].Text.ToInlines();
        }
        for (var i = 0; nameResult is not null && i < names.Count && i < nameResult.Citations.Count; i++)
        {
            // A style whose citations name nobody (a numeric one) has no author to put in the sentence: "@key
            // argues" reads "[1] argues", as Pandoc sets it, rather than the processor's placeholder.
            var text = nameResult.Citations[i].Text;
            rendered[names[i].Cite] = Walk.PlainText(text.ToInlines()) == CslProcessor.NoPrintedForm ? [] : text.ToInlines();
        }
        return new FillRendered(rendered).Rewrite(prepared.Document);
    }

    /// <summary>Unknown and repeated keys are reported by the pass and the loader, in the manuscript's terms.</summary>
    private static IEnumerable<Diagnostic> Relevant(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Code != Codes.UnknownCitationKey.Id && d.Code != Codes.DuplicateBibKey.Id);

    private static List<BibliographyEntry> Entries(CslResult result) =>
        result.Bibliography?.Entries.Select(e => new BibliographyEntry(e.Id, e.Text.ToInlines())).ToList() ?? [];

    /// <summary>Citations in the text of an author's footnote that the sentence goes on after ("see @a and
    /// @b."): in a note style they are set without the period that closes a note.</summary>
    private static HashSet<Cite> CitesWithinSentence(Document document)
    {
        var found = new HashSet<Cite>(ReferenceEqualityComparer.Instance);
        var paragraphs = Walk.Blocks(document.Notes.Where(n => !n.Label.StartsWith(GeneratedNotePrefix, StringComparison.Ordinal)).SelectMany(n => n.Blocks))
            .OfType<Paragraph>();
        foreach (var paragraph in paragraphs)
        {
            for (var i = 0; i < paragraph.Content.Count; i++)
            {
                if (paragraph.Content[i] is Cite cite)
                {
                    var rest = Walk.PlainText(paragraph.Content.Skip(i + 1)).TrimStart();
                    if (rest.Length > 0 && rest[0] is not ('.' or '!' or '?'))
                    {
                        found.Add(cite);
                    }
                }
            }
        }
        return found;
    }

    private static CitationCluster ToCluster(Cite cite, int index, int noteNumber, HashSet<string> known) =>
        new("c" + index.ToString(CultureInfo.InvariantCulture),
            [.. cite.Items.Where(i => known.Contains(i.Key)).Select(i => new CitationItem(i.Key)
            {
                Locator = i.Locator,
                Label = i.LocatorLabel,
                Prefix = i.Prefix.Count == 0 ? null : Walk.PlainText(i.Prefix) + " ",
                Suffix = i.Suffix.Count == 0 ? null : Suffix(Walk.PlainText(i.Suffix)),
                SuppressAuthor = i.SuppressAuthor,
                AuthorOnly = i.AuthorInText,
                Span = i.KeySpan,
            })],
            noteNumber);

    private static bool IsAuthorOnly(Cite cite) => cite.Items.Count > 0 && cite.Items.All(i => i.AuthorInText);

    private static string Suffix(string text) => text.StartsWith(',') || text.StartsWith(';') || text.StartsWith('.') ? text : ", " + text;

    /// <summary>
    /// "@gallagher-2010 argues" names the author in the sentence: it becomes the author's name (an
    /// author-only cite) followed by the citation proper — "(2010)" in place for an in-text style, a
    /// full footnote for a note style.
    /// </summary>
    private sealed class AuthorInTextSplitter(bool noteStyle) : Rewriter
    {
        /// <summary>With a note style only the running text is split: in a footnote "@key argues" is
        /// simply the full citation.</summary>
        public new Document Rewrite(Document document) => document with
        {
            Blocks = Blocks(document.Blocks),
            Notes = noteStyle ? [.. document.Notes.Select(n => n with { Blocks = InNote(n.Blocks) })] : [.. document.Notes.Select(n => n with { Blocks = Blocks(n.Blocks) })],
        };

        /// <summary>In an author's footnote "@key argues" is the full citation, set as it is; "[@key]" in the
        /// note's text is set in parentheses, except when the note opens with it.</summary>
        private static IReadOnlyList<Block> InNote(IReadOnlyList<Block> blocks)
        {
            var marked = new Unmark().Blocks(blocks);
            if (marked.Count > 0 && marked[0] is Paragraph { Content: [Cite first, ..] } opening)
            {
                marked = [opening with { Content = [first with { InNoteText = false, Parenthesized = false }, .. opening.Content.Skip(1)] }, .. marked.Skip(1)];
            }
            return marked;
        }

        private sealed class Unmark : Rewriter
        {
            protected override Inline RewriteInline(Inline inline) => inline is Cite cite
                ? cite with { Items = [.. cite.Items.Select(i => i with { AuthorInText = false })], InNoteText = true, Parenthesized = !cite.Items.Any(i => i.AuthorInText) }
                : inline;
        }

        protected override Block RewriteBlock(Block block) => block switch
        {
            Paragraph p => p with { Content = Split(p.Content) },
            _ => block,
        };

        private List<Inline> Split(IReadOnlyList<Inline> content)
        {
            var result = new List<Inline>();
            foreach (var inline in content)
            {
                if (inline is Cite { Items: [{ AuthorInText: true } item] } cite)
                {
                    result.Add(cite with { Items = [item with { Locator = null, LocatorLabel = null, Suffix = [], Prefix = [] }] });
                    if (!noteStyle)
                    {
                        result.Add(new Text(" "));
                    }
                    result.Add(cite with { Items = [item with { AuthorInText = false, SuppressAuthor = !noteStyle }] });
                }
                else
                {
                    result.Add(inline);
                }
            }
            return result;
        }
    }

    /// <summary>Note styles: each citation in running text moves into a footnote of its own.</summary>
    private static Document MoveCitationsIntoNotes(Document document)
    {
        var mover = new NoteMover();
        var blocks = mover.Blocks(document.Blocks);
        return document with { Blocks = blocks, Notes = [.. document.Notes, .. mover.Created] };
    }

    private sealed class NoteMover : Rewriter
    {
        public List<Note> Created { get; } = [];

        protected override Inline RewriteInline(Inline inline)
        {
            // The author's name of "@key argues" stays in the sentence.
            if (inline is not Cite cite || cite.Items.All(i => i.AuthorInText))
            {
                return inline;
            }
            var label = GeneratedNotePrefix + (Created.Count + 1).ToString(CultureInfo.InvariantCulture);
            Created.Add(new Note(label, [new Paragraph([OpeningANote(cite)])]) { Span = cite.Span });
            return new NoteRef(label) { Span = cite.Span };
        }

        /// <summary>A footnote made from a citation is a sentence of its own, so the author's prefix that
        /// opens it takes a capital ("[see @a]" gives the note "See …"). What the style renders is left
        /// exactly as the style has it: OSCOLA's "ibid", a name such as "van Dijk" or a title such as
        /// "eBay" keep their lower-case first letter.</summary>
        private static Cite OpeningANote(Cite cite) =>
            cite.Items.Count > 0 && cite.Items[0].Prefix.Count > 0
                ? cite with { Items = [cite.Items[0] with { Prefix = CapitalizeFirst(cite.Items[0].Prefix) }, .. cite.Items.Skip(1)] }
                : cite;

        private static IReadOnlyList<Inline> CapitalizeFirst(IReadOnlyList<Inline> inlines)
        {
            var done = false;
            return new Capitalizer(() => done, () => done = true).Inlines(inlines);
        }

        /// <summary>Upper-cases the first letter of the first text run, depth first.</summary>
        private sealed class Capitalizer(Func<bool> done, Action finish) : Rewriter
        {
            protected override Inline RewriteInline(Inline inline)
            {
                if (done() || inline is not Text { Value.Length: > 0 } text)
                {
                    return inline;
                }
                finish();
                return char.IsLower(text.Value[0]) ? text with { Value = char.ToUpperInvariant(text.Value[0]) + text.Value[1..] } : text;
            }
        }

        /// <summary>A note mark made from a citation closes up to the word before it and stands after the
        /// punctuation that follows it: "actors [@ilo-2022]." reads "actors.³", as a typed footnote would.</summary>
        protected override Block RewriteBlock(Block block) =>
            block is Paragraph paragraph && paragraph.Content.Any(i => i is NoteRef r && IsGenerated(r))
                ? paragraph with { Content = AttachMarks(paragraph.Content) }
                : block;

        private static bool IsGenerated(NoteRef reference) => reference.Label.StartsWith(GeneratedNotePrefix, StringComparison.Ordinal);

        private static List<Inline> AttachMarks(IReadOnlyList<Inline> inlines)
        {
            var content = inlines.ToList();
            for (var i = 0; i < content.Count; i++)
            {
                if (content[i] is not NoteRef mark || !IsGenerated(mark))
                {
                    continue;
                }
                while (i > 0 && (content[i - 1] is SoftBreak || (content[i - 1] is Text { Value: var v } && v.Length > 0 && char.IsWhiteSpace(v[^1]))))
                {
                    if (content[i - 1] is Text before && before.Value.TrimEnd() is { Length: > 0 } trimmed)
                    {
                        content[i - 1] = before with { Value = trimmed };
                        break;
                    }
                    content.RemoveAt(i - 1);
                    i--;
                }
                if (i + 1 < content.Count && content[i + 1] is Text after)
                {
                    var n = 0;
                    while (n < after.Value.Length && after.Value[n] is '.' or ',' or ';' or ':' or '!' or '?')
                    {
                        n++;
                    }
                    if (n > 0)
                    {
                        var punctuation = after.Value[..n];
                        if (after.Value.Length == n)
                        {
                            content.RemoveAt(i + 1);
                        }
                        else
                        {
                            content[i + 1] = after with { Value = after.Value[n..] };
                        }
                        if (i > 0 && content[i - 1] is Text previous)
                        {
                            // "etc. [@x]." and "“… Binaries.” [@x]." keep one period.
                            var joined = SentenceEnd.IsClosed(previous.Value) && punctuation[0] == '.' ? previous.Value + punctuation[1..] : previous.Value + punctuation;
                            content[i - 1] = previous with { Value = joined };
                        }
                        else
                        {
                            content.Insert(i, new Text(punctuation));
                            i++;
                        }
                    }
                }
            }
            return content;
        }
    }

    private sealed class FillRendered(Dictionary<Cite, IReadOnlyList<Inline>> rendered) : Rewriter
    {
        protected override Inline RewriteInline(Inline inline) =>
            inline is Cite cite && rendered.TryGetValue(cite, out var text)
                ? cite with { Rendered = cite.Parenthesized ? [new Text("("), .. text, new Text(")")] : text }
                : inline;

        public new Document Rewrite(Document document) => document with
        {
            Blocks = Blocks(document.Blocks),
            Notes = [.. document.Notes.Select(n => n with { Blocks = Blocks(n.Blocks) })],
        };

        /// <summary>A citation that closes its sentence, followed in the text by a period, keeps the one it
        /// has: "… p. 5..", "… Binaries.”." and "… Slavery?”." each lose the second.</summary>
        protected override Block RewriteBlock(Block block)
        {
            if (block is not Paragraph paragraph)
            {
                return block;
            }
            var content = paragraph.Content.ToList();
            for (var i = 0; i + 1 < content.Count; i++)
            {
                if (content[i] is Cite { Rendered: { } text } && SentenceEnd.IsClosed(Walk.PlainText(text)) && content[i + 1] is Text { Value: var next } after && next.StartsWith('.'))
                {
                    content[i + 1] = after with { Value = next[1..] };
                }
                // An author's name the style cannot give leaves no space behind: "As @key argues" reads "As [1] argues".
                if (content[i] is Cite { Rendered: [] } && content[i + 1] is Text { Value: [' ', ..] } space)
                {
                    content[i + 1] = space with { Value = space.Value[1..] };
                }
            }
            return paragraph with { Content = content };
        }

    }

    private static Document PlaceBibliography(Document document, List<BibliographyEntry> entries)
    {
        if (entries.Count == 0)
        {
            return document;
        }
        var placed = false;
        var blocks = document.Blocks.Select(block =>
        {
            if (!placed && block is Div { Attributes.Id: "refs" } div)
            {
                placed = true;
                return (Block)new BibliographyBlock(div.Attributes, entries) { Span = div.Span };
            }
            return block;
        }).ToList();
        if (!placed)
        {
            var heading = Terms.For(document.Meta.Language).References;
            blocks.Add(new Heading(1, [new Text(heading)], new Attributes("references", ["unnumbered"], []), Numbered: false));
            blocks.Add(new BibliographyBlock(new Attributes("refs", [], []), entries));
        }
        return document with { Blocks = blocks };
    }

    private sealed class KeysAsText : Rewriter
    {
        protected override Inline RewriteInline(Inline inline) => inline is Cite { Rendered: null } cite
            ? cite with { Rendered = [new Text("[" + string.Join("; ", cite.Items.Select(i => "@" + i.Key)) + "]")] }
            : inline;
    }
}
