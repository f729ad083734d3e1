// XML → style model. Problems become diagnostics with file, line and column; a style that cannot
// be read at all yields null plus an error, never an exception.
using System.Xml;
using System.Xml.Linq;
using Pub.Syntax;

namespace Pub.Citations;

public static class StyleParser
{
    /// <summary>Parses a CSL style. Returns null only when the XML cannot be read or is not a style.</summary>
    public static Style? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var doc = Xml.Load(source, diagnostics, Codes.MalformedStyle);
        if (doc?.Root is null)
        {
            return null;
        }
        var root = doc.Root;
        if (root.Name.LocalName != "style")
        {
            diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, $"root element is <{root.Name.LocalName}>, expected <style>", Xml.SpanOf(source, root)));
            return null;
        }
        var reader = new Reader(source, diagnostics);
        return reader.ReadStyle(root);
    }

    private sealed class Reader(SourceText source, DiagnosticBag diagnostics)
    {
        private readonly CslAttributes _attributes = new(source, diagnostics);
        // The name options in force in each section, read before the macros so that every cs:names
        // resolves its options for both contexts as it is read.
        private NameAttributes _styleNames = NameAttributes.None;
        private NameAttributes _citationNames = NameAttributes.None;
        private NameAttributes _bibliographyNames = NameAttributes.None;

        public Style ReadStyle(XElement root)
        {
            var style = new Style
            {
                Source = source,
                Class = _attributes.Value(root, "class", CslValues.Class, StyleClass.InText),
                DefaultLocale = Attr(root, "default-locale"),
                Version = Attr(root, "version") ?? "1.0",
                DemoteNonDroppingParticle = _attributes.Value(root, "demote-non-dropping-particle", CslValues.DemoteNonDroppingParticle, ParticleDemotion.DisplayAndSort),
                InitializeWithHyphen = _attributes.Bool(root, "initialize-with-hyphen", true),
                PageRangeFormat = _attributes.Optional(root, "page-range-format", CslValues.PageRangeFormat),
            };
            _styleNames = ReadInheritableNameAttributes(root);
            _citationNames = SectionNameAttributes(root, "citation");
            _bibliographyNames = SectionNameAttributes(root, "bibliography");
            var locales = new List<Locale>();
            var macros = new Dictionary<string, GroupElement>(StringComparer.Ordinal);
            CitationSection? citation = null;
            BibliographySection? bibliography = null;
            StyleInfo info = new(null, null, null);
            foreach (var child in root.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "info":
                        info = ReadInfo(child);
                        break;
                    case "locale":
                        locales.Add(LocaleParser.ReadLocale(child, _attributes));
                        break;
                    case "macro":
                        var name = Attr(child, "name");
                        if (name is null)
                        {
                            Warn(child, "<macro> without a name is ignored");
                            break;
                        }
                        macros[name] = new GroupElement { Span = SpanOf(child), Children = ReadChildren(child) };
                        break;
                    case "citation":
                        citation = ReadCitation(child);
                        break;
                    case "bibliography":
                        bibliography = ReadBibliography(child);
                        break;
                    default:
                        Warn(child, $"unknown element <{child.Name.LocalName}> in <style>");
                        break;
                }
            }
            if (citation is null && info.ParentId is null)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, "style has no <citation> element", SpanOf(root)));
            }
            CheckMacros(root, macros);
            return style with
            {
                Id = info.Id,
                Title = info.Title,
                ParentId = info.ParentId,
                NameAttributes = _styleNames,
                Macros = macros,
                Locales = locales,
                Citation = citation,
                Bibliography = bibliography,
            };
        }

        private sealed record StyleInfo(string? Id, string? Title, string? ParentId);

        private void CheckMacros(XElement root, Dictionary<string, GroupElement> macros)
        {
            foreach (var e in root.Descendants())
            {
                if (e.Name.LocalName is "text" or "key" && Attr(e, "macro") is { } m && !macros.ContainsKey(m))
                {
                    diagnostics.Add(Diagnostic.Error(Codes.UnknownMacro, $"macro '{m}' is not defined", SpanOf(e)));
                }
            }
        }

        private static StyleInfo ReadInfo(XElement info)
        {
            var result = new StyleInfo(null, null, null);
            foreach (var e in info.Elements())
            {
                result = e.Name.LocalName switch
                {
                    "id" => result with { Id = e.Value.Trim() },
                    "title" => result with { Title = e.Value.Trim() },
                    "link" when Attr(e, "rel") == "independent-parent" => result with { ParentId = Attr(e, "href") },
                    _ => result,
                };
            }
            return result;
        }

        private CitationSection ReadCitation(XElement e) => new()
        {
            DisambiguateAddNames = _attributes.Bool(e, "disambiguate-add-names", false),
            DisambiguateAddGivenname = _attributes.Bool(e, "disambiguate-add-givenname", false),
            DisambiguateAddYearSuffix = _attributes.Bool(e, "disambiguate-add-year-suffix", false),
            GivennameDisambiguationRule = _attributes.Value(e, "givenname-disambiguation-rule", CslValues.GivennameRules, GivennameRule.ByCite),
            Collapse = _attributes.Optional(e, "collapse", CslValues.Collapse),
            CiteGroupDelimiter = Attr(e, "cite-group-delimiter"),
            YearSuffixDelimiter = Attr(e, "year-suffix-delimiter"),
            AfterCollapseDelimiter = Attr(e, "after-collapse-delimiter"),
            NearNoteDistance = _attributes.Int(e, "near-note-distance") ?? 5,
            Layout = ReadLayout(e),
            Sort = ReadSort(e),
            NameAttributes = _citationNames,
            NameOptions = NameOptions.Resolve(NameAttributes.None, _citationNames),
        };

        private BibliographySection ReadBibliography(XElement e) => new()
        {
            HangingIndent = _attributes.Bool(e, "hanging-indent", false),
            SecondFieldAlign = _attributes.Optional(e, "second-field-align", CslValues.SecondFieldAlign),
            LineSpacing = _attributes.Int(e, "line-spacing") ?? 1,
            EntrySpacing = _attributes.Int(e, "entry-spacing") ?? 1,
            SubsequentAuthorSubstitute = Attr(e, "subsequent-author-substitute"),
            SubsequentAuthorSubstituteRule = _attributes.Value(e, "subsequent-author-substitute-rule", CslValues.SubsequentAuthorSubstituteRule, SubstituteRule.CompleteAll),
            Layout = ReadLayout(e),
            Sort = ReadSort(e),
            NameAttributes = _bibliographyNames,
            NameOptions = NameOptions.Resolve(NameAttributes.None, _bibliographyNames),
        };

        private GroupElement ReadLayout(XElement section)
        {
            var layout = section.Elements().FirstOrDefault(x => x.Name.LocalName == "layout");
            if (layout is null)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, $"<{section.Name.LocalName}> has no <layout>", SpanOf(section)));
                return new GroupElement();
            }
            return ReadGroup(layout);
        }

        private List<SortKey> ReadSort(XElement section)
        {
            var sort = section.Elements().FirstOrDefault(x => x.Name.LocalName == "sort");
            if (sort is null)
            {
                return [];
            }
            return [.. sort.Elements().Where(x => x.Name.LocalName == "key").Where(SortsBySomething).Select(key => new SortKey(Attr(key, "variable"), Attr(key, "macro"),
                _attributes.Value(key, "sort", CslValues.Sort, SortDirection.Ascending) == SortDirection.Descending,
                _attributes.Int(key, "names-min"), _attributes.Int(key, "names-use-first"), NamesUseLast(key)))];
        }

        /// <summary>A cs:key sorts by a variable or by a macro; one with neither is reported and left out.</summary>
        private bool SortsBySomething(XElement key)
        {
            if (Attr(key, "variable") is not null || Attr(key, "macro") is not null)
                return true;
            diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, "<key> names neither a variable nor a macro to sort by", SpanOf(key)));
            return false;
        }

        /// <summary>names-use-last on cs:key is a boolean in CSL 1.0.2; a number is read as a count too.</summary>
        private int? NamesUseLast(XElement key) => Attr(key, "names-use-last") switch
        {
            null => null,
            "true" => 1,
            "false" => 0,
            _ => _attributes.Int(key, "names-use-last"),
        };

        /// <summary>The name options in force in a section: its own laid over cs:style's.</summary>
        private NameAttributes SectionNameAttributes(XElement root, string section) =>
            root.Elements().FirstOrDefault(x => x.Name.LocalName == section) is { } e
                ? ReadInheritableNameAttributes(e).Over(_styleNames)
                : _styleNames;

        /// <summary>The name options of cs:style, cs:citation or cs:bibliography, which cs:name and cs:names inherit.</summary>
        private NameAttributes ReadInheritableNameAttributes(XElement e) => ReadNameAttributes(e) with
        {
            Form = _attributes.Optional(e, "name-form", CslValues.NameForms),
            Delimiter = Attr(e, "name-delimiter"),
            NamesDelimiter = Attr(e, "names-delimiter"),
        };

        /// <summary>The name options every element that carries them spells alike.</summary>
        private NameAttributes ReadNameAttributes(XElement e) => new(
            And: _attributes.Optional(e, "and", CslValues.And),
            DelimiterPrecedesEtAl: _attributes.Optional(e, "delimiter-precedes-et-al", CslValues.DelimiterPrecedes),
            DelimiterPrecedesLast: _attributes.Optional(e, "delimiter-precedes-last", CslValues.DelimiterPrecedes),
            EtAlMin: _attributes.Int(e, "et-al-min"),
            EtAlUseFirst: _attributes.Int(e, "et-al-use-first"),
            EtAlSubsequentMin: _attributes.Int(e, "et-al-subsequent-min"),
            EtAlSubsequentUseFirst: _attributes.Int(e, "et-al-subsequent-use-first"),
            EtAlUseLast: _attributes.OptionalBool(e, "et-al-use-last"),
            Initialize: _attributes.OptionalBool(e, "initialize"),
            InitializeWith: Attr(e, "initialize-with"),
            NameAsSortOrder: _attributes.Optional(e, "name-as-sort-order", CslValues.NameAsSortOrder),
            SortSeparator: Attr(e, "sort-separator"));

        private List<CslElement> ReadChildren(XElement parent)
        {
            var list = new List<CslElement>();
            foreach (var child in parent.Elements())
            {
                if (ReadElement(child) is { } el)
                {
                    list.Add(el);
                }
            }
            return list;
        }

        private CslElement? ReadElement(XElement e)
        {
            switch (e.Name.LocalName)
            {
                case "text":
                    var t = new TextElement
                    {
                        Variable = Attr(e, "variable"),
                        Macro = Attr(e, "macro"),
                        Term = Attr(e, "term"),
                        Value = Attr(e, "value"),
                        Form = _attributes.Value(e, "form", e.Attribute("variable") is null ? CslValues.TermForms : CslValues.VariableForms, TermForm.Long),
                        Plural = _attributes.Bool(e, "plural", false),
                    };
                    if (t.Variable is null && t.Macro is null && t.Term is null && t.Value is null)
                    {
                        Warn(e, "<text> needs one of variable, macro, term or value");
                    }
                    return ReadCommon(e, t);
                case "number":
                    return ReadCommon(e, new NumberElement
                    {
                        Variable = Attr(e, "variable") ?? string.Empty,
                        Form = _attributes.Value(e, "form", CslValues.NumberForms, NumberForm.Numeric),
                    });
                case "label":
                    return ReadLabel(e);
                case "date":
                    return StyleElements.ReadDate(e, _attributes);
                case "names":
                    return ReadNames(e);
                case "group":
                    return ReadGroup(e);
                case "choose":
                    return ReadChoose(e);
                default:
                    Warn(e, $"unknown element <{e.Name.LocalName}>");
                    return null;
            }
        }

        private GroupElement ReadGroup(XElement e) =>
            ReadCommon(e, new GroupElement { Delimiter = Attr(e, "delimiter") }) with { Children = ReadChildren(e) };

        private LabelElement ReadLabel(XElement e) => ReadCommon(e, new LabelElement
        {
            Variable = Attr(e, "variable"),
            Form = _attributes.Value(e, "form", CslValues.TermForms, TermForm.Long),
            Plural = _attributes.Value(e, "plural", CslValues.LabelPlurals, LabelPlural.Contextual),
        });

        private NamesElement ReadNames(XElement e)
        {
            var names = ReadCommon(e, new NamesElement
            {
                Variables = (Attr(e, "variable") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Delimiter = Attr(e, "delimiter"),
            });
            NameElement? name = null;
            EtAlElement? etAl = null;
            LabelElement? label = null;
            List<CslElement>? substitute = null;
            // Without cs:name the names render with the default cs:name, which comes first: a lone label
            // ("editors") follows the names.
            var labelAfterName = true;
            foreach (var c in e.Elements())
            {
                switch (c.Name.LocalName)
                {
                    case "name":
                        name = ReadName(c);
                        break;
                    case "et-al":
                        etAl = ReadCommon(c, new EtAlElement { Term = _attributes.Value(c, "term", CslValues.EtAlTerms, EtAlTerm.EtAl) });
                        break;
                    case "label":
                        label = ReadLabel(c);
                        labelAfterName = name is not null;
                        break;
                    case "substitute":
                        substitute = ReadChildren(c);
                        break;
                    default:
                        Warn(c, $"unknown element <{c.Name.LocalName}> in <names>");
                        break;
                }
            }
            if (name is null)
            {
                labelAfterName = true;
            }
            var own = name?.Attributes ?? NameAttributes.None;
            return names with
            {
                Name = name,
                EtAl = etAl,
                Label = label,
                LabelAfterName = labelAfterName,
                Substitute = substitute,
                NameOptions = new ContextNameOptions(NameOptions.Resolve(own, _citationNames), NameOptions.Resolve(own, _bibliographyNames)),
            };
        }

        private NameElement ReadName(XElement c)
        {
            var name = ReadCommon(c, new NameElement
            {
                Attributes = ReadNameAttributes(c) with
                {
                    Form = _attributes.Optional(c, "form", CslValues.NameForms),
                    Delimiter = Attr(c, "delimiter"),
                },
            });
            NamePartElement? given = null;
            NamePartElement? family = null;
            foreach (var np in c.Elements().Where(x => x.Name.LocalName == "name-part"))
            {
                var part = ReadCommon(np, new NamePartElement { Name = _attributes.Value(np, "name", CslValues.NamePartNames, NamePartName.Family) });
                if (part.Name == NamePartName.Given)
                {
                    given = part;
                }
                else
                {
                    family = part;
                }
            }
            return name with { Given = given, Family = family };
        }

        private ChooseElement ReadChoose(XElement e)
        {
            var branches = new List<ChooseBranch>();
            foreach (var b in e.Elements())
            {
                Condition? condition = null;
                if (b.Name.LocalName is "if" or "else-if")
                {
                    condition = ReadCondition(b);
                }
                else if (b.Name.LocalName != "else")
                {
                    Warn(b, $"unknown element <{b.Name.LocalName}> in <choose>");
                    continue;
                }
                branches.Add(new ChooseBranch { Condition = condition, Children = ReadChildren(b) });
            }
            return new ChooseElement { Span = SpanOf(e), Branches = branches };
        }

        /// <summary>The tests of cs:if or cs:else-if. A test CSL does not define, or a position it does not
        /// name, is reported and never holds; a disambiguate value other than "true" reads as "false".</summary>
        private Condition ReadCondition(XElement b)
        {
            var match = _attributes.Value(b, "match", CslValues.Match, ConditionMatch.All);
            var tests = new List<ConditionTest>();
            foreach (var a in b.Attributes().Where(a => a.Name.LocalName != "match" && !a.IsNamespaceDeclaration))
            {
                var kind = a.Name.LocalName;
                if (!CslValues.Conditions.Contains(kind, StringComparer.Ordinal))
                {
                    _attributes.Unknown(b, a, [.. CslValues.Conditions, "match"], "the test never holds");
                }
                else if (kind == "position")
                {
                    _attributes.CheckWords(b, a, CslValues.Positions, "it never holds");
                }
                else if (kind == "disambiguate")
                {
                    _attributes.CheckWords(b, a, ["true", "false"], "it reads as 'false'");
                }
                tests.Add(new ConditionTest(kind, a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
            return new Condition { Match = match, Tests = tests };
        }

        private T ReadCommon<T>(XElement e, T el) where T : CslElement => StyleElements.WithCommon(e, el, _attributes);

        private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value;

        private SourceSpan SpanOf(XElement e) => Xml.SpanOf(source, e);

        private void Warn(XElement e, string message) => diagnostics.Add(Diagnostic.Warning(Codes.InvalidStyle, message, SpanOf(e)));
    }
}

/// <summary>XML loading with positions, shared by the style and locale parsers.</summary>
internal static class Xml
{
    public static XDocument? Load(SourceText source, DiagnosticBag diagnostics, DiagnosticCode code)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            if (TooDeep(source.Text, settings) is { } deep)
            {
                diagnostics.Add(Diagnostic.Error(Codes.StyleNestedTooDeep,
                    $"elements nested deeper than {MaxDepth} levels", source.SpanAt(deep.Line, deep.Column),
                    "a style or locale needs a dozen levels at most: close the elements left open"));
                return null;
            }
            using var sr = new StringReader(source.Text);
            using var xr = XmlReader.Create(sr, settings);
            return XDocument.Load(xr, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            // A document type declaration could read other files or expand entities without end; it is refused
            // before anything in it is looked at, and said so in the style's own terms.
            var doctype = source.Text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (doctype >= 0)
            {
                diagnostics.Add(Diagnostic.Error(code, "the file has a document type declaration (<!DOCTYPE …>); DTDs are not allowed in CSL styles and locales",
                    source.Span(doctype, "<!DOCTYPE".Length), "delete the <!DOCTYPE …> declaration and any entities it defines; CSL needs none"));
                return null;
            }
            var span = source.SpanAt(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1));
            diagnostics.Add(Diagnostic.Error(code, ex.Message, span));
            return null;
        }
    }

    /// <summary>Elements inside one another; the official styles use about a dozen.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Where the first element nested deeper than <see cref="MaxDepth"/> starts, or null. Everything after
    /// loading (the style model, the evaluator, the output tree) recurses once per level, so a style nested
    /// thousands deep would exhaust the stack; the reader itself does not recurse, so it measures first.
    /// </summary>
    private static (int Line, int Column)? TooDeep(string text, XmlReaderSettings settings)
    {
        using var sr = new StringReader(text);
        using var xr = XmlReader.Create(sr, settings);
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.Element && xr.Depth >= MaxDepth)
            {
                var info = (IXmlLineInfo)xr;
                return (Math.Max(info.LineNumber, 1), Math.Max(info.LinePosition - 1, 1));
            }
        }
        return null;
    }

    public static SourceSpan SpanOf(SourceText source, XObject e)
    {
        var info = (IXmlLineInfo)e;
        return info.HasLineInfo() ? source.SpanAt(info.LineNumber, Math.Max(info.LinePosition - 1, 1), 1) : source.Span(0, 0);
    }
}
