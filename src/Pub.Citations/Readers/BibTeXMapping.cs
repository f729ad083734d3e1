// BibTeX/BibLaTeX entry → CSL item: entry types, fields, names and dates.
using System.Globalization;
using Pub.Syntax;

namespace Pub.Citations.Readers;

internal static partial class BibTeXMapping
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{3,4})\s*[-\u2013\u2014]+\s*(\d{3,4})$")]
    private static partial System.Text.RegularExpressions.Regex YearRange();

    /// <summary>
    /// Entry type → CSL type.
    /// <code>
    ///   article                          article-journal (entrysubtype magazine/newspaper → article-magazine/-newspaper)
    ///   book, mvbook, collection,
    ///   mvcollection, proceedings,
    ///   mvproceedings, manual, reference book
    ///   booklet                          pamphlet
    ///   inbook, bookinbook, suppbook,
    ///   incollection, suppcollection,
    ///   inreference                      chapter
    ///   inproceedings, conference        paper-conference
    ///   phdthesis, mastersthesis, thesis thesis (genre "PhD thesis" / "Master's thesis" unless type is given)
    ///   report, techreport               report
    ///   online, electronic, www          webpage
    ///   misc                             document; webpage when it has a url (Zotero exports web pages so)
    ///   unpublished                      manuscript
    ///   periodical                       periodical
    ///   patent                           patent
    ///   dataset                          dataset
    ///   software                         software
    ///   standard                         standard
    ///   jurisdiction                     legal_case
    ///   legislation                      legislation
    ///   legal                            treaty
    ///   letter                           personal_communication
    ///   review                           review
    ///   movie, video                     motion_picture
    ///   audio, music                     song
    ///   artwork, image                   graphic
    ///   anything else                    document, with a PUB0805 warning
    /// </code>
    /// </summary>
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["article"] = "article-journal",
        ["book"] = "book", ["mvbook"] = "book", ["collection"] = "book", ["mvcollection"] = "book",
        ["proceedings"] = "book", ["mvproceedings"] = "book", ["manual"] = "book", ["reference"] = "book",
        ["mvreference"] = "book",
        ["booklet"] = "pamphlet",
        ["inbook"] = "chapter", ["bookinbook"] = "chapter", ["suppbook"] = "chapter",
        ["incollection"] = "chapter", ["suppcollection"] = "chapter", ["inreference"] = "chapter",
        ["inproceedings"] = "paper-conference", ["conference"] = "paper-conference",
        ["phdthesis"] = "thesis", ["mastersthesis"] = "thesis", ["thesis"] = "thesis",
        ["report"] = "report", ["techreport"] = "report",
        ["online"] = "webpage", ["electronic"] = "webpage", ["www"] = "webpage",
        ["misc"] = "document",
        ["unpublished"] = "manuscript",
        ["periodical"] = "periodical",
        ["patent"] = "patent",
        ["dataset"] = "dataset",
        ["software"] = "software",
        ["standard"] = "standard",
        ["jurisdiction"] = "legal_case",
        ["legislation"] = "legislation",
        ["legal"] = "treaty",
        ["letter"] = "personal_communication",
        ["review"] = "review",
        ["movie"] = "motion_picture", ["video"] = "motion_picture",
        ["audio"] = "song", ["music"] = "song",
        ["artwork"] = "graphic", ["image"] = "graphic",
    };

    /// <summary>Fields copied one to one (after LaTeX conversion, without case protection).</summary>
    private static readonly Dictionary<string, string> PlainFields = new(StringComparer.Ordinal)
    {
        ["volume"] = "volume", ["volumes"] = "number-of-volumes", ["edition"] = "edition",
        ["pagetotal"] = "number-of-pages", ["chapter"] = "chapter-number", ["version"] = "version",
        ["note"] = "note", ["annote"] = "annote", ["annotation"] = "annote", ["abstract"] = "abstract",
        ["keywords"] = "keyword", ["venue"] = "event-place", ["type"] = "genre",
        ["eventtitle"] = "event-title", ["pubstate"] = "status", ["addendum"] = "references",
    };

    /// <summary>Identifier fields: no LaTeX beyond escaped characters.</summary>
    private static readonly Dictionary<string, string> VerbatimFields = new(StringComparer.Ordinal)
    {
        ["doi"] = "DOI", ["url"] = "URL", ["isbn"] = "ISBN", ["issn"] = "ISSN", ["pmid"] = "PMID", ["pmcid"] = "PMCID",
    };

    private static readonly Dictionary<string, string> NameFields = new(StringComparer.Ordinal)
    {
        ["author"] = "author", ["editor"] = "editor", ["translator"] = "translator",
        ["bookauthor"] = "container-author", ["director"] = "director", ["commentator"] = "contributor",
    };

    /// <summary>babel/polyglossia language names (langid, language) → BCP 47 tags.</summary>
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["american"] = "en-US", ["usenglish"] = "en-US", ["british"] = "en-GB",
        ["ukenglish"] = "en-GB", ["australian"] = "en-AU", ["canadian"] = "en-CA",
        ["russian"] = "ru", ["ukrainian"] = "uk", ["belarusian"] = "be", ["bulgarian"] = "bg",
        ["german"] = "de", ["ngerman"] = "de", ["austrian"] = "de-AT", ["naustrian"] = "de-AT",
        ["swissgerman"] = "de-CH", ["nswissgerman"] = "de-CH", ["french"] = "fr", ["spanish"] = "es",
        ["italian"] = "it", ["portuguese"] = "pt", ["brazilian"] = "pt-BR", ["dutch"] = "nl",
        ["polish"] = "pl", ["czech"] = "cs", ["slovak"] = "sk", ["slovenian"] = "sl", ["croatian"] = "hr",
        ["serbian"] = "sr", ["bosnian"] = "bs", ["macedonian"] = "mk", ["albanian"] = "sq",
        ["romanian"] = "ro", ["hungarian"] = "hu", ["greek"] = "el", ["turkish"] = "tr",
        ["swedish"] = "sv", ["norwegian"] = "nb", ["danish"] = "da", ["finnish"] = "fi",
        ["estonian"] = "et", ["latvian"] = "lv", ["lithuanian"] = "lt", ["armenian"] = "hy",
        ["georgian"] = "ka", ["kazakh"] = "kk", ["azerbaijani"] = "az", ["uzbek"] = "uz",
        ["arabic"] = "ar", ["hebrew"] = "he", ["chinese"] = "zh", ["japanese"] = "ja", ["latin"] = "la",
    };

    public static Reference ToReference(BibTeXEntry entry, IReadOnlyDictionary<string, BibTeXField> fields, List<Diagnostic> diagnostics)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, IReadOnlyList<Name>>(StringComparer.Ordinal);
        var dates = new Dictionary<string, DateValue>(StringComparer.Ordinal);

        string? Raw(string name) => fields.TryGetValue(name, out var f) && f.Value.Trim().Length > 0 ? f.Value : null;
        string? Text(string name) => Raw(name) is { } raw ? NonEmpty(BibTeXLatex.ToUnicode(raw)) : null;
        string? Title(string name) => Raw(name) is { } raw ? NonEmpty(BibTeXLatex.ToUnicode(raw, protectCase: true)) : null;
        void Set(string variable, string? value)
        {
            if (value is not null && !variables.ContainsKey(variable))
            {
                variables[variable] = value;
            }
        }

        var type = CslType(entry, Text("entrysubtype"), diagnostics);
        if (type == "document" && entry.Type == "misc" && Raw("url") is not null)
        {
            // Zotero and BibTeX styles have no web page type: a @misc with a url is how a web page is written.
            type = "webpage";
        }

        Set("title", Join(Title("title"), Title("subtitle")));
        Set("title-short", Title("shorttitle"));
        Set("container-title", Title("journaltitle") ?? Title("journal") ?? Join(Title("booktitle"), Title("booksubtitle")) ?? Title("maintitle"));
        Set("container-title-short", Title("shortjournal"));
        Set("collection-title", Title("series"));
        Set("original-title", Title("origtitle"));
        if (Title("issuetitle") is { } issueTitle && type.StartsWith("article", StringComparison.Ordinal))
        {
            Set("volume-title", issueTitle);
        }

        foreach (var (field, variable) in PlainFields)
        {
            Set(variable, Text(field));
        }
        foreach (var (field, variable) in VerbatimFields)
        {
            if (Raw(field) is { } raw)
            {
                Set(variable, Verbatim(raw));
            }
        }
        if (Text("pages") is { } pages)
        {
            // En and em dashes become hyphens: CSL page-range formatting starts from "12-15".
            Set("page", pages.Replace('–', '-').Replace('—', '-'));
        }

        var howPublished = Raw("howpublished");
        if (howPublished is not null && IsWebAddress(howPublished))
        {
            // "\url{…}" or, as Zotero writes it for a web page, the bare address: a URL, never a publisher.
            Set("URL", Verbatim(howPublished.TrimStart().StartsWith("\\url", StringComparison.Ordinal) ? BibTeXLatex.ToUnicode(howPublished) : howPublished));
            howPublished = null;
        }
        if (Raw("eprint") is { } eprint && EprintVariable(Text("eprinttype") ?? Text("archiveprefix")) is { } eprintVariable)
        {
            Set(eprintVariable, Verbatim(eprint));
        }
        Set("publisher", Text("publisher") ?? Text("institution") ?? Text("school") ?? Text("organization")
            ?? (howPublished is null ? null : NonEmpty(BibTeXLatex.ToUnicode(howPublished))));
        Set("publisher-place", Text("location") ?? Text("address"));

        var number = Text("number");
        var issue = Text("issue");
        if (type is "article-journal" or "article-magazine" or "article-newspaper" or "periodical")
        {
            Set("issue", issue ?? number);
            if (issue is not null)
            {
                Set("number", number);
            }
        }
        else
        {
            Set("issue", issue);
            Set(Raw("series") is not null && type is "book" or "chapter" or "paper-conference" ? "collection-number" : "number", number);
        }

        if (type == "thesis" && !variables.ContainsKey("genre"))
        {
            Set("genre", entry.Type switch { "phdthesis" => "PhD thesis", "mastersthesis" => "Master's thesis", _ => null });
        }

        if ((Text("langid") ?? Text("language") ?? Text("hyphenation")) is { } language)
        {
            Set("language", Languages.TryGetValue(language, out var tag) ? tag : language);
        }

        foreach (var (field, variable) in NameFields)
        {
            if (Raw(field) is { } raw && BibTeXNames.Parse(raw) is { Count: > 0 } list)
            {
                names[variable] = list;
            }
        }

        if (fields.TryGetValue("date", out var date) && date.Value.Trim().Length > 0)
        {
            AddDate(dates, "issued", date, diagnostics);
        }
        else if (ClassicDate(fields, variables, diagnostics) is { } issued)
        {
            dates["issued"] = issued;
        }
        foreach (var (field, variable) in new[] { ("urldate", "accessed"), ("eventdate", "event-date"), ("origdate", "original-date") })
        {
            if (fields.TryGetValue(field, out var value) && value.Value.Trim().Length > 0)
            {
                AddDate(dates, variable, value, diagnostics);
            }
        }

        return new Reference
        {
            Id = entry.Key,
            Type = type,
            Variables = variables,
            Names = names,
            Dates = dates,
            Span = entry.Span,
        };
    }

    private static string CslType(BibTeXEntry entry, string? subtype, List<Diagnostic> diagnostics)
    {
        if (!Types.TryGetValue(entry.Type, out var type))
        {
            diagnostics.Add(Diagnostic.Warning(Codes.UnknownBibType,
                $"unknown entry type '@{entry.Type}' for '{entry.Key}'; it is read as a CSL 'document'",
                entry.Span.Source.Span(entry.Span.Start, 1 + entry.Type.Length)));
            return "document";
        }
        if (type == "article-journal")
        {
            return subtype switch { "magazine" => "article-magazine", "newspaper" => "article-newspaper", _ => type };
        }
        return type;
    }

    /// <summary>The BibTeX year/month/day fields; a non-numeric year ("forthcoming") becomes the
    /// status or a literal date.</summary>
    private static DateValue? ClassicDate(IReadOnlyDictionary<string, BibTeXField> fields, Dictionary<string, string> variables, List<Diagnostic> diagnostics)
    {
        if (!fields.TryGetValue("year", out var yearField))
        {
            return null;
        }
        var year = BibTeXLatex.ToUnicode(yearField.Value).Trim();
        if (year.Length == 0)
        {
            return null;
        }
        if (!int.TryParse(year, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y))
        {
            if (EdtfDate.Parse(year) is { } range)
            {
                return range;
            }
            if (YearRange().Match(year) is { Success: true } years)
            {
                // "2010--2011" (an en dash once read as LaTeX): a range of years.
                return new DateValue
                {
                    Parts = [[int.Parse(years.Groups[1].Value, CultureInfo.InvariantCulture)], [int.Parse(years.Groups[2].Value, CultureInfo.InvariantCulture)]],
                };
            }
            var lower = year.ToLowerInvariant();
            if (lower is "forthcoming" or "in press" or "inpress" or "submitted" or "in preparation")
            {
                variables.TryAdd("status", year);
                return null;
            }
            return new DateValue { Literal = year };
        }
        var parts = new List<int> { y };
        if (fields.TryGetValue("month", out var monthField) && monthField.Value.Trim().Length > 0)
        {
            var month = BibTeXLatex.ParseMonth(BibTeXLatex.ToUnicode(monthField.Value));
            if (month is null)
            {
                diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue,
                    $"month '{monthField.Value.Trim()}' is not a month name or number 1-12; it is ignored", monthField.ValueSpan));
            }
            else
            {
                parts.Add(month.Value);
                if (fields.TryGetValue("day", out var dayField)
                    && int.TryParse(BibTeXLatex.ToUnicode(dayField.Value), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                    && day is >= 1 and <= 31)
                {
                    parts.Add(day);
                }
            }
        }
        return new DateValue { Parts = [parts] };
    }

    private static void AddDate(Dictionary<string, DateValue> dates, string variable, BibTeXField field, List<Diagnostic> diagnostics)
    {
        // Read as written, not as LaTeX: '~' marks an approximate date here, not a tie.
        var text = Verbatim(field.Value) ?? string.Empty;
        if (EdtfDate.Parse(text) is { } value)
        {
            dates[variable] = value;
            return;
        }
        diagnostics.Add(Diagnostic.Warning(Codes.InvalidBibValue,
            $"{field.Name} '{field.Value.Trim()}' is not an ISO date such as 2010-01-07 or 2010-01/2011; it is kept as written", field.ValueSpan));
        dates[variable] = new DateValue { Literal = BibTeXLatex.ToUnicode(field.Value) };
    }

    private static bool IsWebAddress(string value)
    {
        var t = value.Trim().TrimStart('{');
        return t.StartsWith("\\url", StringComparison.Ordinal)
            || t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The CSL variable an eprint identifier stands for, by its BibLaTeX eprinttype.</summary>
    private static string? EprintVariable(string? eprintType) => eprintType?.Trim().ToLowerInvariant() switch
    {
        "doi" => "DOI",
        "pubmed" or "pmid" => "PMID",
        "pmc" or "pmcid" => "PMCID",
        _ => null,
    };

    private static string? Join(string? title, string? subtitle) =>
        title is null ? null : subtitle is null ? title : $"{title}: {subtitle}";

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>An identifier as written: braces dropped and escaped characters (\_ \% \&amp; \#) unescaped.</summary>
    private static string? Verbatim(string raw)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '{' or '}')
            {
                continue;
            }
            if (c == '\\' && i + 1 < raw.Length && !char.IsAsciiLetter(raw[i + 1]))
            {
                builder.Append(raw[++i]);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            builder.Append(c);
        }
        return NonEmpty(builder.ToString());
    }
}
