using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;

namespace Pub.Compiler;

/// <summary>Reads one manuscript file (and a handbook's chapter files) into a document.</summary>
internal static class ManuscriptLoader
{
    /// <summary>The largest manuscript or chapter file read: several times the longest book, and small enough that
    /// parsing and layout stay within seconds and a few hundred megabytes.</summary>
    public const int MaxBytes = 8 * 1_048_576;

    /// <param name="body">False to read the front matter alone (of the manuscript and of a handbook's chapters): the
    /// metadata is the same as from a whole reading, and the manuscript is marked <see cref="Manuscript.FrontMatterOnly"/>,
    /// as its diagnostics lack what its text would report.</param>
    public static Manuscript Load(IWorld world, string path, ProjectConfig config, bool body = true)
    {
        Manuscript loaded;
        try
        {
            loaded = LoadChecked(world, path, config, body);
        }
#pragma warning disable CA1031 // An exception while reading one manuscript is a bug in pub; the others are still read.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            loaded = new Manuscript(path, null, [Diagnostic.Internal(path, ex)], null);
        }
        return body ? loaded : loaded with { FrontMatterOnly = true };
    }

    private static Manuscript LoadChecked(IWorld world, string path, ProjectConfig config, bool body)
    {
        var diagnostics = new List<Diagnostic>();
        var document = Parse(world, path, ManuscriptKind.Paper, body, diagnostics);
        if (document is null)
        {
            return new Manuscript(path, null, diagnostics, null);
        }
        if (document.Meta.Language == "en" && !document.FieldSpans.ContainsKey("language"))
        {
            document = document with { Meta = document.Meta with { Language = config.Language } };
        }
        var series = config.FindSeries(document.Meta.Series);
        if (series is null && document.Meta.Series is { } id)
        {
            var guess = Suggestions.Closest(id, config.Series.Select(s => s.Id));
            diagnostics.Add(Diagnostic.Error(Codes.UnknownSeries, $"series '{id}' is not defined in pub.yaml", FieldValueSpan(document, "series"),
                guess is null ? $"defined series: {string.Join(", ", config.Series.Select(s => s.Id))}" : $"did you mean '{guess}'?"));
        }
        if (document.Meta.Kind == ManuscriptKind.Handbook)
        {
            document = document with { Chapters = LoadChapters(world, document, body, diagnostics) };
        }
        CheckBibliography(world, document, diagnostics);
        return new Manuscript(path, document, diagnostics, series);
    }

    private static Document? Parse(IWorld world, string path, ManuscriptKind kind, bool body, List<Diagnostic> diagnostics)
    {
        if (world.IsOutside(path))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.OutsideProject.Id, $"'{path}' leads outside the project and is refused", Path: path,
                Hints: [ProjectPath.OutsideHint(path)]));
            return null;
        }
        var bytes = world.ReadBytes(path);
        if (bytes is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.PathNotFound.Id, $"'{path}' cannot be read", Path: path));
            return null;
        }
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.ManuscriptTooLarge.Id,
                $"the file is {bytes.Length / 1_048_576.0:0.0} MB; pub reads manuscripts of at most {MaxBytes / 1_048_576} MB", new SourceText(path, "").Span(0, 0),
                ["a book of 1,000 pages is about 3 MB of Markdown; split a larger work into a handbook's chapters, or look for text that does not belong (pasted data, an embedded image)"]));
            return null;
        }
        var text = TextDecoding.Decode(bytes, out var reason);
        if (text is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, Codes.NotText.Id, $"the file is not UTF-8 text: {reason}", new SourceText(path, "").Span(0, 0),
                ["a manuscript is a Markdown text file saved as UTF-8"]));
            return null;
        }
        var result = ManuscriptParser.Parse(new SourceText(path, text), kind, body);
        diagnostics.AddRange(result.Diagnostics);
        return result.Document;
    }

    private static List<Document> LoadChapters(IWorld world, Document handbook, bool body, List<Diagnostic> diagnostics)
    {
        var chapters = new List<Document>();
        var folder = ProjectPath.Folder(handbook.Path);
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < handbook.Meta.Chapters.Count; index++)
        {
            var relative = handbook.Meta.Chapters[index];
            var at = ItemSpan(handbook, "chapters", index);
            var path = ProjectPath.Combine(folder, relative);
            if (listed.TryGetValue(path, out var first))
            {
                diagnostics.Add(Diagnostic.Error(Codes.RepeatedChapter, $"chapter file '{relative}' is listed twice (first as contribution {first + 1})", at,
                    "a contribution appears once in a volume; delete this line"));
                continue;
            }
            listed[path] = index;
            if (world.IsOutside(path))
            {
                diagnostics.Add(Diagnostic.Error(Codes.OutsideProject, $"chapter file '{relative}' leads outside the project and is refused", at,
                    ProjectPath.OutsideHint(path)));
                continue;
            }
            if (!world.FileExists(path))
            {
                diagnostics.Add(Diagnostic.Error(Codes.MissingChapter, $"chapter file '{relative}' does not exist", at,
                    "chapter paths are relative to the handbook's folder"));
                continue;
            }
            if (Parse(world, path, ManuscriptKind.Chapter, body, diagnostics) is { } chapter)
            {
                // A chapter inherits the handbook's language unless it says otherwise; one that does not say, but
                // reads as another language, would be hyphenated and labelled wrongly.
                var declared = chapter.FieldSpans.ContainsKey("language");
                if (!declared && TextLanguage.Guess(chapter) is { } guessed && guessed != LanguageOf(handbook.Meta.Language))
                {
                    diagnostics.Add(Diagnostic.Warning(Codes.ChapterLanguage,
                        $"the chapter seems to be written in '{guessed}', but it inherits the volume's language '{handbook.Meta.Language}'", at,
                        $"add 'language: {guessed}' to the chapter's front matter if it is; its hyphenation, quotation marks and labels follow that field"));
                }
                var meta = declared ? chapter.Meta : chapter.Meta with { Language = handbook.Meta.Language };
                chapters.Add(chapter with { Meta = meta with { Kind = ManuscriptKind.Chapter } });
            }
        }
        return chapters;
    }

    private static string LanguageOf(string tag) => tag.Split('-')[0].ToLowerInvariant();

    /// <summary>Where one item of a front-matter list stands, else the field, else the start of the file.</summary>
    private static SourceSpan? ItemSpan(Document document, string field, int index) =>
        document.FieldValueSpans.TryGetValue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{field}/{index}"), out var span)
            ? span
            : FieldValueSpan(document, field);

    private static void CheckBibliography(IWorld world, Document document, List<Diagnostic> diagnostics)
    {
        foreach (var doc in new[] { document }.Concat(document.Chapters))
        {
            var folder = ProjectPath.Folder(doc.Path);
            foreach (var relative in doc.Meta.Bibliography)
            {
                var path = ProjectPath.Combine(folder, relative);
                if (world.IsOutside(path))
                {
                    diagnostics.Add(Diagnostic.Error(Codes.OutsideProject, $"bibliography file '{relative}' leads outside the project and is refused", FieldValueSpan(doc, "bibliography"),
                        ProjectPath.OutsideHint(path)));
                }
                else if (!world.FileExists(path))
                {
                    diagnostics.Add(Diagnostic.Error(Codes.MissingBibliography, $"bibliography file '{relative}' does not exist", FieldValueSpan(doc, "bibliography"),
                        $"looked for {path}; bibliography paths are relative to the manuscript's folder"));
                }
            }
        }
    }

    /// <summary>The span of a front-matter field's key, or the start of the file when the field is absent.</summary>
    public static SourceSpan? FieldValueSpan(Document document, string field) =>
        document.FieldSpans.TryGetValue(field, out var span) ? span : document.Source?.Span(0, 0);
}
