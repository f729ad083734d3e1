namespace Pub.Syntax;

/// <summary>A stable diagnostic code. The catalogue below is the one place codes are defined;
/// docs/diagnostics.md documents each of them and a test keeps the two in step.</summary>
public sealed record DiagnosticCode(string Id, string Title)
{
    public override string ToString() => Id;
}

/// <summary>
/// Every code pub reports. Ranges: 00xx pub itself, 01xx manuscripts and front matter, 02xx citations in manuscripts,
/// 03xx Markdown content, 04xx templates, 05xx configuration, 06xx files and output,
/// 07xx CSL styles and locales, 08xx bibliography files, 09xx layout,
/// 11xx identifiers, the series registry and publishing.
/// </summary>
public static class Codes
{
    public static readonly DiagnosticCode InternalError = new("PUB0001", "internal error: pub failed on this manuscript");

    public static readonly DiagnosticCode MalformedFrontMatter = new("PUB0101", "front matter is not valid YAML");
    public static readonly DiagnosticCode MissingFrontMatter = new("PUB0102", "manuscript has no front matter");
    public static readonly DiagnosticCode MissingField = new("PUB0103", "required front-matter field is missing");
    public static readonly DiagnosticCode UnknownField = new("PUB0104", "unknown front-matter field");
    public static readonly DiagnosticCode InvalidField = new("PUB0105", "front-matter field has an invalid value");
    public static readonly DiagnosticCode NotText = new("PUB0106", "file is not UTF-8 text");
    public static readonly DiagnosticCode EmptyFile = new("PUB0107", "manuscript is empty");
    public static readonly DiagnosticCode UnknownSeries = new("PUB0108", "manuscript names a series that pub.yaml does not define");
    public static readonly DiagnosticCode DuplicateNumber = new("PUB0109", "two manuscripts claim the same series number");
    public static readonly DiagnosticCode MissingChapter = new("PUB0110", "handbook chapter file does not exist");
    public static readonly DiagnosticCode RepeatedChapter = new("PUB0111", "a handbook lists the same contribution twice");
    public static readonly DiagnosticCode EmptyPart = new("PUB0113", "a part of a handbook lists no chapters");
    public static readonly DiagnosticCode ChapterLanguage = new("PUB0112", "a chapter seems to be written in another language than it declares");

    public static readonly DiagnosticCode UnknownCitationKey = new("PUB0201", "unknown citation key");
    public static readonly DiagnosticCode MissingBibliography = new("PUB0202", "bibliography file does not exist");
    public static readonly DiagnosticCode MissingStyle = new("PUB0203", "citation style file does not exist");
    public static readonly DiagnosticCode InvalidCitations = new("PUB0204", "pub cite's citations file is not an array of clusters");
    public static readonly DiagnosticCode UncitedEntry = new("PUB0205", "bibliography entry is not cited by any manuscript");
    public static readonly DiagnosticCode DuplicateWork = new("PUB0206", "the same work is entered twice");
    public static readonly DiagnosticCode IncompleteEntry = new("PUB0207", "bibliography entry lacks a field the style prints");
    public static readonly DiagnosticCode ShadowedKey = new("PUB0208", "a key is defined in two bibliographies a manuscript uses");

    public static readonly DiagnosticCode MissingImage = new("PUB0301", "image file does not exist");
    public static readonly DiagnosticCode UnknownReference = new("PUB0302", "cross-reference to an unknown label");
    public static readonly DiagnosticCode DuplicateLabel = new("PUB0303", "label defined twice");
    public static readonly DiagnosticCode MissingAltText = new("PUB0304", "figure has no alternative text");
    public static readonly DiagnosticCode UnsupportedImage = new("PUB0305", "image is not a PNG, JPEG, SVG or PDF file");
    public static readonly DiagnosticCode UnusedNote = new("PUB0306", "footnote is never referenced");
    public static readonly DiagnosticCode ImageTooLarge = new("PUB0307", "image has more pixels than pub sets");
    public static readonly DiagnosticCode ManuscriptTooLarge = new("PUB0308", "manuscript is larger than pub reads");
    public static readonly DiagnosticCode NestedTooDeep = new("PUB0320", "quotes, lists or other blocks are nested deeper than pub follows");
    public static readonly DiagnosticCode InlinesNestedTooDeep = new("PUB0321", "emphasis, links or brackets are nested deeper than pub follows");
    public static readonly DiagnosticCode UnreadableSvg = new("PUB0330", "SVG figure cannot be read");
    public static readonly DiagnosticCode SvgDoctype = new("PUB0331", "SVG figure declares a DOCTYPE or entities");
    public static readonly DiagnosticCode SvgActiveContent = new("PUB0332", "SVG figure contains script, event handlers or foreign content");
    public static readonly DiagnosticCode SvgExternalReference = new("PUB0333", "SVG figure refers to another file or a URL");
    public static readonly DiagnosticCode VectorFigureTooLarge = new("PUB0334", "vector figure is larger than pub draws");
    public static readonly DiagnosticCode SvgNotDrawn = new("PUB0335", "part of an SVG figure is not drawn");
    public static readonly DiagnosticCode UnreadablePdfFigure = new("PUB0336", "PDF figure cannot be read");
    public static readonly DiagnosticCode PdfFigurePage = new("PUB0337", "PDF figure has no such page");
    public static readonly DiagnosticCode PdfFigurePicture = new("PUB0338", "PDF figure could not be rendered for the HTML edition");

    public static readonly DiagnosticCode MissingTemplate = new("PUB0401", "template does not exist");
    public static readonly DiagnosticCode TemplateSyntax = new("PUB0402", "template has a syntax error");
    public static readonly DiagnosticCode TemplateRender = new("PUB0403", "template failed while rendering");
    public static readonly DiagnosticCode PageMarkup = new("PUB0404", "a PDF page template wrote page markup that cannot be set");
    public static readonly DiagnosticCode PageTemplateOverflow = new("PUB0405", "a PDF page template's content does not fit its page");
    public static readonly DiagnosticCode TemplateOutputTooLarge = new("PUB0406", "a template rendered a page larger than pub writes");

    public static readonly DiagnosticCode MissingConfig = new("PUB0501", "pub.yaml not found");
    public static readonly DiagnosticCode MalformedConfig = new("PUB0502", "pub.yaml is not valid YAML");
    public static readonly DiagnosticCode UnknownConfigKey = new("PUB0503", "unknown pub.yaml key");
    public static readonly DiagnosticCode InvalidConfig = new("PUB0504", "pub.yaml value is invalid");
    public static readonly DiagnosticCode MissingFont = new("PUB0505", "font file or folder not found");
    public static readonly DiagnosticCode InvalidBaseUrl = new("PUB0506", "base-url is not an absolute http(s) address");

    public static readonly DiagnosticCode WriteFailed = new("PUB0601", "an output file could not be written or deleted");
    public static readonly DiagnosticCode PathNotFound = new("PUB0602", "path given on the command line does not exist or holds no manuscript");
    public static readonly DiagnosticCode ManuscriptExists = new("PUB0603", "the manuscript already exists");
    public static readonly DiagnosticCode CacheEntryDiscarded = new("PUB0604", "a build cache entry could not be trusted and was discarded");
    public static readonly DiagnosticCode OutsideProject = new("PUB0605", "a path leads outside the project and is refused");
    public static readonly DiagnosticCode OutputFolderRefused = new("PUB0606", "the output folder is not one pub may write to");

    public static readonly DiagnosticCode MalformedBibEntry = new("PUB0801", "BibTeX entry is malformed");
    public static readonly DiagnosticCode DuplicateBibKey = new("PUB0802", "two bibliography entries share a key");
    public static readonly DiagnosticCode UndefinedBibMacro = new("PUB0803", "BibTeX @string abbreviation is not defined");
    public static readonly DiagnosticCode UnknownCrossref = new("PUB0804", "crossref or xdata names an entry that does not exist");
    public static readonly DiagnosticCode UnknownBibType = new("PUB0805", "unknown bibliography entry type");
    public static readonly DiagnosticCode MalformedBibYaml = new("PUB0806", "bibliography file is not valid YAML");
    public static readonly DiagnosticCode InvalidBibItem = new("PUB0807", "bibliography item has the wrong shape");
    public static readonly DiagnosticCode InvalidBibValue = new("PUB0808", "bibliography field has a value that cannot be read");

    public static readonly DiagnosticCode MalformedStyle = new("PUB0701", "CSL style is not well-formed XML");
    public static readonly DiagnosticCode InvalidStyle = new("PUB0702", "CSL style has an invalid element or attribute");
    public static readonly DiagnosticCode UnknownMacro = new("PUB0703", "CSL style calls a macro it does not define");
    public static readonly DiagnosticCode MissingParentStyle = new("PUB0704", "dependent CSL style names a parent style that cannot be found");
    public static readonly DiagnosticCode MalformedLocale = new("PUB0705", "CSL locale file is not valid");
    public static readonly DiagnosticCode MissingLocale = new("PUB0706", "CSL locale not found; falling back to another locale");
    public static readonly DiagnosticCode InvalidStyleValue = new("PUB0707", "CSL attribute has a value CSL 1.0.2 does not allow; its default is used");
    public static readonly DiagnosticCode StyleNestedTooDeep = new("PUB0710", "a CSL style or locale nests elements deeper than pub follows");

    public static readonly DiagnosticCode MissingGlyph = new("PUB0901", "no loaded font has a glyph for a character");
    public static readonly DiagnosticCode MissingImageData = new("PUB0902", "figure image was not supplied to layout");
    public static readonly DiagnosticCode UnreadableImage = new("PUB0903", "figure image is not a readable PNG, JPEG, SVG or PDF");
    public static readonly DiagnosticCode WordWiderThanLine = new("PUB0904", "a word is wider than the line and was cut");
    public static readonly DiagnosticCode UnstablePageNumbers = new("PUB0905", "page numbers did not settle");
    public static readonly DiagnosticCode LooseLines = new("PUB0906", "paragraph set with very loose lines");
    public static readonly DiagnosticCode LayoutTimeLimit = new("PUB0907", "layout took longer than pub allows and was stopped");
    public static readonly DiagnosticCode UnreadableFont = new("PUB0910", "a font file is not a readable TrueType font");

    public static readonly DiagnosticCode InvalidIsbn = new("PUB1101", "ISBN is malformed or its check digit is wrong");
    public static readonly DiagnosticCode InvalidIssn = new("PUB1102", "ISSN is malformed or its check digit is wrong");
    public static readonly DiagnosticCode InvalidDoi = new("PUB1103", "DOI is malformed");
    public static readonly DiagnosticCode MissingIsbn = new("PUB1104", "the series requires an ISBN and the manuscript has none");
    public static readonly DiagnosticCode NumberTaken = new("PUB1105", "the series number belongs to another paper");
    public static readonly DiagnosticCode PublishedEditionChanged = new("PUB1106", "the content of an already published edition has changed");
    public static readonly DiagnosticCode MalformedRegistry = new("PUB1107", "series registry file cannot be read");
    public static readonly DiagnosticCode PublishLocked = new("PUB1108", "another publish holds the lock");
    public static readonly DiagnosticCode InvalidPublishRequest = new("PUB1109", "pub publish was asked for something it cannot do");
    public static readonly DiagnosticCode StaleLockTakenOver = new("PUB1110", "a publish lock left by a process that no longer runs was taken over");

    public static readonly DiagnosticCode UnreadableWordDocument = new("PUB1201", "the file to import is not a readable Word document");
    public static readonly DiagnosticCode TrackedChangesRefused = new("PUB1202", "the Word document has tracked changes and import was not told what to do with them");
    public static readonly DiagnosticCode ImportTargetExists = new("PUB1203", "the folder an import would create exists already");
    public static readonly DiagnosticCode UnreadableCitationField = new("PUB1204", "a citation field's data cannot be read");
    public static readonly DiagnosticCode InvalidImportRequest = new("PUB1205", "pub import was asked for something it cannot do");

    public static IReadOnlyList<DiagnosticCode> All { get; } = Collect();

    private static DiagnosticCode[] Collect() =>
        [.. typeof(Codes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (DiagnosticCode)f.GetValue(null)!)
            .OrderBy(c => c.Id, StringComparer.Ordinal)];
}
