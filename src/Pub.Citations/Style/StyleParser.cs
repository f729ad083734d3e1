// XML → style model. Problems become diagnostics with file, line and column; a style that cannot
// be read at all yields null plus an error, never an exception.
using System.Xml;
using System.Xml.Linq;
using Pub.Syntax;

namespace Pub.Citations;

public static class StyleParser
{
    private static readonly HashSet<string> NameOptionNames = new(StringComparer.Ordinal)
    {
        "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
        "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last", "initialize",
        "initialize-with", "name-as-sort-order", "sort-separator", "name-form", "name-delimiter", "names-delimiter",
    };

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
        private Style _style = new();

        public Style ReadStyle(XElement root)
        {
            _style = new Style
            {
                Source = source,
                Class = Attr(root, "class") ?? "in-text",
                DefaultLocale = Attr(root, "default-locale"),
                Version = Attr(root, "version") ?? "1.0",
                DemoteNonDroppingParticle = Attr(root, "demote-non-dropping-particle") ?? "display-and-sort",
                InitializeWithHyphen = Attr(root, "initialize-with-hyphen") != "false",
                PageRangeFormat = Attr(root, "page-range-format"),
            };
            ReadNameOptions(root, _style.NameOptions);
            foreach (var child in root.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "info":
                        ReadInfo(child);
                        break;
                    case "locale":
                        _style.Locales.Add(LocaleParser.ReadLocale(child, source, diagnostics, this.ReadDate));
                        break;
                    case "macro":
                        var name = Attr(child, "name");
                        if (name is null)
                        {
                            Warn(child, "<macro> without a name is ignored");
                            break;
                        }
                        var macro = new GroupElement { Span = SpanOf(child) };
                        macro.Children.AddRange(ReadChildren(child));
                        _style.Macros[name] = macro;
                        break;
                    case "citation":
                        _style.Citation = ReadCitation(child);
                        break;
                    case "bibliography":
                        _style.Bibliography = ReadBibliography(child);
                        break;
                    default:
                        Warn(child, $"unknown element <{child.Name.LocalName}> in <style>");
                        break;
                }
            }
            if (_style.Citation is null && _style.ParentId is null)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, "style has no <citation> element", SpanOf(root)));
            }
            CheckMacros(root);
            return _style;
        }

        private void CheckMacros(XElement root)
        {
            foreach (var e in root.Descendants())
            {
                if (e.Name.LocalName is "text" or "key" && Attr(e, "macro") is { } m && !_style.Macros.ContainsKey(m))
                {
                    diagnostics.Add(Diagnostic.Error(Codes.UnknownMacro, $"macro '{m}' is not defined", SpanOf(e)));
                }
            }
        }

        private void ReadInfo(XElement info)
        {
            foreach (var e in info.Elements())
            {
                switch (e.Name.LocalName)
                {
                    case "id":
                        _style.Id = e.Value.Trim();
                        break;
                    case "title":
                        _style.Title = e.Value.Trim();
                        break;
                    case "link" when Attr(e, "rel") == "independent-parent":
                        _style.ParentId = Attr(e, "href");
                        break;
                }
            }
        }

        private CitationSection ReadCitation(XElement e)
        {
            var c = new CitationSection
            {
                DisambiguateAddNames = Attr(e, "disambiguate-add-names") == "true",
                DisambiguateAddGivenname = Attr(e, "disambiguate-add-givenname") == "true",
                DisambiguateAddYearSuffix = Attr(e, "disambiguate-add-year-suffix") == "true",
                GivennameDisambiguationRule = Attr(e, "givenname-disambiguation-rule") ?? "by-cite",
                Collapse = Attr(e, "collapse"),
                CiteGroupDelimiter = Attr(e, "cite-group-delimiter"),
                YearSuffixDelimiter = Attr(e, "year-suffix-delimiter"),
                AfterCollapseDelimiter = Attr(e, "after-collapse-delimiter"),
                NearNoteDistance = Int(e, "near-note-distance") ?? 5,
            };
            ReadSection(e, c);
            return c;
        }

        private BibliographySection ReadBibliography(XElement e)
        {
            var b = new BibliographySection
            {
                HangingIndent = Attr(e, "hanging-indent") == "true",
                SecondFieldAlign = Attr(e, "second-field-align"),
                LineSpacing = Int(e, "line-spacing") ?? 1,
                EntrySpacing = Int(e, "entry-spacing") ?? 1,
                SubsequentAuthorSubstitute = Attr(e, "subsequent-author-substitute"),
                SubsequentAuthorSubstituteRule = Attr(e, "subsequent-author-substitute-rule") ?? "complete-all",
            };
            ReadSection(e, b);
            return b;
        }

        private void ReadSection(XElement e, StyleSection section)
        {
            ReadNameOptions(e, section.NameOptions);
            var layout = e.Elements().FirstOrDefault(x => x.Name.LocalName == "layout");
            if (layout is null)
            {
                diagnostics.Add(Diagnostic.Error(Codes.InvalidStyle, $"<{e.Name.LocalName}> has no <layout>", SpanOf(e)));
            }
            else
            {
                var g = new GroupElement { Span = SpanOf(layout), Delimiter = Attr(layout, "delimiter") };
                ReadCommon(layout, g);
                g.Children.AddRange(ReadChildren(layout));
                section.Layout = g;
            }
            var sort = e.Elements().FirstOrDefault(x => x.Name.LocalName == "sort");
            if (sort is not null)
            {
                foreach (var key in sort.Elements().Where(x => x.Name.LocalName == "key"))
                {
                    section.Sort.Add(new SortKey(Attr(key, "variable"), Attr(key, "macro"), Attr(key, "sort") == "descending",
                        Int(key, "names-min"), Int(key, "names-use-first"), Int(key, "names-use-last") is { } l ? l : (Attr(key, "names-use-last") == "true" ? 1 : null)));
                }
            }
        }

        private static void ReadNameOptions(XElement e, Dictionary<string, string> into)
        {
            foreach (var a in e.Attributes())
            {
                var n = a.Name.LocalName;
                if (NameOptionNames.Contains(n))
                {
                    into[n] = a.Value;
                }
            }
        }

        private List<CslElement> ReadChildren(XElement parent)
        {
            var list = new List<CslElement>();
            foreach (var child in parent.Elements())
            {
                var el = ReadElement(child);
                if (el is not null)
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
                        Form = Attr(e, "form") ?? "long",
                        Plural = Attr(e, "plural") == "true",
                    };
                    if (t.Variable is null && t.Macro is null && t.Term is null && t.Value is null)
                    {
                        Warn(e, "<text> needs one of variable, macro, term or value");
                    }
                    return ReadCommon(e, t);
                case "number":
                    return ReadCommon(e, new NumberElement { Variable = Attr(e, "variable") ?? string.Empty, Form = Attr(e, "form") ?? "numeric" });
                case "label":
                    return ReadCommon(e, new LabelElement { Variable = Attr(e, "variable"), Form = Attr(e, "form") ?? "long", Plural = Attr(e, "plural") ?? "contextual" });
                case "date":
                    return ReadDate(e);
                case "names":
                    return ReadNames(e);
                case "group":
                    var g = new GroupElement { Delimiter = Attr(e, "delimiter") };
                    ReadCommon(e, g);
                    g.Children.AddRange(ReadChildren(e));
                    return g;
                case "choose":
                    return ReadChoose(e);
                default:
                    Warn(e, $"unknown element <{e.Name.LocalName}>");
                    return null;
            }
        }

        public DateElement ReadDate(XElement e)
        {
            var d = new DateElement
            {
                Variable = Attr(e, "variable") ?? string.Empty,
                Form = Attr(e, "form"),
                DateParts = Attr(e, "date-parts") ?? "year-month-day",
                Delimiter = Attr(e, "delimiter"),
            };
            ReadCommon(e, d);
            foreach (var p in e.Elements().Where(x => x.Name.LocalName == "date-part"))
            {
                var part = new DatePartElement { Name = Attr(p, "name") ?? "year", Form = Attr(p, "form"), RangeDelimiter = Attr(p, "range-delimiter") };
                ReadCommon(p, part);
                d.Parts.Add(part);
            }
            return d;
        }

        private NamesElement ReadNames(XElement e)
        {
            var n = new NamesElement { Delimiter = Attr(e, "delimiter") };
            n.Variables.AddRange((Attr(e, "variable") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            ReadCommon(e, n);
            var seenName = false;
            foreach (var c in e.Elements())
            {
                switch (c.Name.LocalName)
                {
                    case "name":
                        var name = new NameElement();
                        ReadCommon(c, name);
                        foreach (var a in c.Attributes())
                        {
                            var an = a.Name.LocalName;
                            if (an is "form")
                            {
                                name.Options["name-form"] = a.Value;
                            }
                            else if (an is "delimiter")
                            {
                                name.Options["name-delimiter"] = a.Value;
                            }
                            else if (NameOptionNames.Contains(an))
                            {
                                name.Options[an] = a.Value;
                            }
                        }
                        foreach (var np in c.Elements().Where(x => x.Name.LocalName == "name-part"))
                        {
                            var part = new NamePartElement { Name = Attr(np, "name") ?? "family" };
                            ReadCommon(np, part);
                            if (part.Name == "given")
                            {
                                name.Given = part;
                            }
                            else
                            {
                                name.Family = part;
                            }
                        }
                        n.Name = name;
                        seenName = true;
                        break;
                    case "et-al":
                        var etal = new EtAlElement { Term = Attr(c, "term") ?? "et-al" };
                        n.EtAl = ReadCommon(c, etal);
                        break;
                    case "label":
                        n.Label = ReadCommon(c, new LabelElement { Form = Attr(c, "form") ?? "long", Plural = Attr(c, "plural") ?? "contextual" });
                        n.LabelAfterName = seenName;
                        break;
                    case "substitute":
                        n.Substitute = ReadChildren(c);
                        break;
                    default:
                        Warn(c, $"unknown element <{c.Name.LocalName}> in <names>");
                        break;
                }
            }
            if (!seenName)
            {
                // Without cs:name the names render with the default cs:name, which comes first:
                // a lone label ("editors") follows the names.
                n.LabelAfterName = true;
            }
            return n;
        }

        private ChooseElement ReadChoose(XElement e)
        {
            var ch = new ChooseElement { Span = SpanOf(e) };
            foreach (var b in e.Elements())
            {
                var branch = new ChooseBranch();
                if (b.Name.LocalName is "if" or "else-if")
                {
                    var cond = new Condition { Match = Attr(b, "match") ?? "all" };
                    foreach (var a in b.Attributes())
                    {
                        var an = a.Name.LocalName;
                        if (an is "match")
                        {
                            continue;
                        }
                        cond.Tests.Add(new ConditionTest(an, a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                    }
                    branch.Condition = cond;
                }
                else if (b.Name.LocalName != "else")
                {
                    Warn(b, $"unknown element <{b.Name.LocalName}> in <choose>");
                    continue;
                }
                branch.Children.AddRange(ReadChildren(b));
                ch.Branches.Add(branch);
            }
            return ch;
        }

        private T ReadCommon<T>(XElement e, T el) where T : CslElement
        {
            el.Span = SpanOf(e);
            el.Prefix = Attr(e, "prefix") ?? string.Empty;
            el.Suffix = Attr(e, "suffix") ?? string.Empty;
            el.Display = Attr(e, "display");
            el.Quotes = Attr(e, "quotes") == "true";
            el.StripPeriods = Attr(e, "strip-periods") == "true";
            el.TextCase = Attr(e, "text-case");
            var f = new Formatting(Attr(e, "font-style"), Attr(e, "font-variant"), Attr(e, "font-weight"), Attr(e, "text-decoration"), Attr(e, "vertical-align"));
            el.Formatting = f.IsEmpty ? Formatting.None : f;
            return el;
        }

        private int? Int(XElement e, string name)
        {
            var v = Attr(e, name);
            if (v is null)
            {
                return null;
            }
            if (int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i))
            {
                return i;
            }
            Warn(e, $"attribute {name}=\"{v}\" is not a number");
            return null;
        }

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
            using var sr = new StringReader(source.Text);
            using var xr = XmlReader.Create(sr, settings);
            return XDocument.Load(xr, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var span = source.SpanAt(Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1));
            diagnostics.Add(Diagnostic.Error(code, ex.Message, span));
            return null;
        }
    }

    public static SourceSpan SpanOf(SourceText source, XObject e)
    {
        var info = (IXmlLineInfo)e;
        return info.HasLineInfo() ? source.SpanAt(info.LineNumber, Math.Max(info.LinePosition - 1, 1), 1) : source.Span(0, 0);
    }
}
