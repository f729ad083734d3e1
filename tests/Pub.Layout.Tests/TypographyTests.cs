using Pub.Layout.Fonts;
using Pub.Layout.Hyphenation;
using Pub.Layout.Paged;
using Pub.Layout.Text;
using Pub.Model;

namespace Pub.Layout.Tests;

/// <summary>Hyphenation, optimal line breaking and footnotes at the foot of their page.</summary>
public sealed class TypographyTests
{
    private static readonly LayoutSettings Settings = SampleDocuments.Settings();

    private static string Hyphenate(string language, string word)
    {
        var patterns = new HyphenationLanguages(TestFonts.Hyphenation).For(language)!;
        var points = patterns.Points(word);
        var parts = new List<string>();
        int from = 0;
        foreach (int p in points)
        {
            parts.Add(word[from..p]);
            from = p;
        }
        parts.Add(word[from..]);
        return string.Join("-", parts);
    }

    [Theory]
    [InlineData("en", "hyphenation", "hy-phen-ation")]
    [InlineData("en", "exploitation", "ex-ploita-tion")]
    [InlineData("en", "international", "in-ter-na-tional")]
    [InlineData("en", "trafficking", "traf-fick-ing")]
    [InlineData("en-GB", "organisation", "or-gan-isa-tion")]
    [InlineData("ru", "эксплуатации", "экс-плу-а-та-ции")]
    [InlineData("ru", "законодательства", "за-ко-но-да-тель-ства")]
    [InlineData("de", "Menschenhandel", "Men-schen-han-del")]
    [InlineData("fr", "exploitation", "ex-ploi-ta-tion")]
    public void Known_words_split_at_the_right_points(string language, string word, string expected) =>
        Assert.Equal(expected, Hyphenate(language, word));

    [Fact]
    public void Fragments_keep_two_letters_before_and_three_after()
    {
        var patterns = new HyphenationLanguages(TestFonts.Hyphenation).For("en")!;
        foreach (var word in new[] { "abolition", "every", "evidence", "victims", "operation" })
        {
            foreach (int p in patterns.Points(word))
                Assert.True(p >= 2 && word.Length - p >= 3, $"{word} breaks at {p}");
        }
    }

    [Fact]
    public void Every_pattern_file_reads_with_its_declared_encoding()
    {
        foreach (var (language, bytes) in TestFonts.Hyphenation)
        {
            var hyphenator = PatternFile.Parse(bytes);
            Assert.True(hyphenator.PatternCount > 1000, $"{language}: {hyphenator.PatternCount} patterns");
        }
        // KOI8-R decoded: the Russian patterns hold Cyrillic letters.
        Assert.Equal("при-ну-ди-тель-ного", Hyphenate("ru", "принудительного"));
    }

    private static Document Doc(string language, params Block[] blocks) =>
        new("p.md", new Metadata { Title = "T", Language = language }, blocks, []);

    private static List<string> BodyLines(PagedDocument paged) =>
        [.. paged.Pages.Skip(1).SelectMany(p => p.Items.OfType<TextRun>()
            .Where(r => r.Baseline > Settings.Margins.Top && r.Baseline < p.Height - Settings.Margins.Bottom)
            .GroupBy(r => Math.Round(r.Baseline, 2))
            .OrderBy(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(r => r.X).Select(r => r.Text))))];

    [Fact]
    public void Justified_text_is_hyphenated_in_english_and_russian_but_never_in_headings_or_code()
    {
        const string english = "Identification remains the decisive step: a person who is not identified as a victim cannot receive assistance, protection or compensation, and is more likely to be treated as an irregular migrant or an offender by the authorities of participating States.";
        const string russian = "Выявление остаётся решающим шагом: человек, который не выявлен как жертва, не может получить помощь, защиту или компенсацию и с большей вероятностью будет считаться нарушителем миграционного законодательства или правонарушителем.";
        var narrow = Settings with { Margins = new Margins(78, 78, 200, 200) };
        foreach (var (language, text) in new[] { ("en", english), ("ru", russian) })
        {
            var doc = Doc(language,
                new Heading(1, [new Pub.Model.Text("Internationalisation of characteristically incomprehensible responsibilities")], Attributes.Empty, true, "1"),
                new Paragraph([new Pub.Model.Text(text)]),
                new Paragraph([new Code("configuration.internationalisation.responsibilities()")]));
            var paged = Typesetter.Layout(doc, narrow, TestFonts.Set);
            var lines = BodyLines(paged);
            Assert.Contains(lines, l => l.EndsWith('-') && char.IsLetter(l[^2]));
            Assert.DoesNotContain(lines, l => l.Contains("Internation", StringComparison.Ordinal) && l.EndsWith('-'));
            Assert.DoesNotContain(lines, l => l.Contains("configuration", StringComparison.Ordinal) && l.EndsWith('-'));
            // What a hyphen splits joins back into a word of the text.
            for (int k = 0; k + 1 < lines.Count; k++)
            {
                if (!lines[k].EndsWith('-'))
                    continue;
                string word = lines[k].Split(' ')[^1].TrimEnd('-') + lines[k + 1].Split(' ')[0].TrimEnd(',', '.', ':');
                Assert.Contains(" " + word, " " + text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Language_spans_switch_the_patterns()
    {
        var span = new SpanInline(new Attributes(null, [], [new("lang", "ru")]), [new Pub.Model.Text("законодательства законодательства законодательства законодательства законодательства законодательства")]);
        var doc = Doc("en", new Paragraph([new Pub.Model.Text("The words"), span, new Pub.Model.Text(" end here.")]));
        var lines = BodyLines(Typesetter.Layout(doc, Settings with { Margins = new Margins(78, 78, 200, 220) }, TestFonts.Set));
        Assert.Contains(lines, l => l.EndsWith("-", StringComparison.Ordinal) && l.Contains("законо", StringComparison.Ordinal));
    }

    /// <summary>
    /// A paragraph built so that first-fit ends the first line early and leaves the second very loose; the optimal
    /// breaker moves a word down and sets both lines evenly. Items stand for words of fixed width.
    /// </summary>
    [Fact]
    public void Knuth_Plass_chooses_a_better_break_than_first_fit()
    {
        var face = TestFonts.Set.Resolve(FontRole.Text, false, false);
        var style = new TextStyle(FontRole.Text, false, false, 10);
        Box Word(double width) => new([new Piece("w", face, 10, width, style)], []);
        Glue Gap() => new(4, 3, 1.5, new Piece(" ", face, 10, 4, style));
        // First-fit fills the first line with five words (r = 0.33) and leaves three on the second, which the long
        // last word cannot join (r = 7.3); moving one word down sets both lines alike (r = 2.67).
        var widths = new double[] { 16, 16, 16, 16, 16, 16, 16, 16, 60 };
        List<LineItem> Items()
        {
            var items = new List<LineItem>();
            for (int i = 0; i < widths.Length; i++)
            {
                if (i > 0)
                    items.Add(Gap());
                items.Add(Word(widths[i]));
            }
            return items;
        }
        var greedy = GreedyLineBreaker.Break(Items(), _ => 100);
        var optimal = LineBreaker.Break(Items(), 100, 100).Lines;
        static double Worst(List<BrokenLine> lines) => lines.Where(l => l.Justify).Max(l => Math.Abs(l.Ratio));
        Assert.True(Worst(optimal) < Worst(greedy), $"optimal {Worst(optimal):0.00} vs greedy {Worst(greedy):0.00}");
        Assert.Equal(3, greedy.Count);
        Assert.Equal(3, optimal.Count);
        Assert.True(optimal[0].End < greedy[0].End);
    }

    [Fact]
    public void The_emergency_stretch_spreads_unavoidable_looseness_over_the_lines()
    {
        var face = TestFonts.Set.Resolve(FontRole.Text, false, false);
        var style = new TextStyle(FontRole.Text, false, false, 10);
        Box Word(double width) => new([new Piece("w", face, 10, width, style)], []);
        Glue Gap() => new(4, 0.5, 1, new Piece(" ", face, 10, 4, style));
        // Eight short words and a long last one: no breaks keep the lines within tolerance. Five words then three
        // stretch the spaces of the second line by 44 times their stretchability; four and four stretch both 16
        // times. Both are beyond the largest badness (100,000), so without help the breaker sees one line at badness
        // 800 and one at the cap against two at the cap, and takes the first; judged with extra stretch, the even
        // pair is the better.
        List<LineItem> Items()
        {
            var items = new List<LineItem>();
            foreach (double width in new double[] { 16, 16, 16, 16, 16, 16, 16, 16, 80 })
            {
                if (items.Count > 0)
                    items.Add(Gap());
                items.Add(Word(width));
            }
            return items;
        }
        static double Worst(BreakResult result) => result.Lines.Where(l => l.Justify).Max(l => l.Ratio);
        var without = LineBreaker.Break(Items(), 100, 100);
        var with = LineBreaker.Break(Items(), 100, 100, emergencyStretch: 30);
        Assert.Equal(44, Worst(without), 3);
        Assert.Equal(16, Worst(with), 3);
        Assert.Equal(BreakQuality.Loose, with.Quality);
        Assert.Null(with.CutWord);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_and_reported_with_its_position()
    {
        var source = new Pub.Syntax.SourceText("papers/x/paper.md", "Widely spaced\n");
        var words = "Averyveryverylongwordwithoutbreaks anotherverylongunbreakableword " + new string('m', 40) + " " + new string('n', 38);
        var paragraph = new Paragraph([new Code(words)]) { Span = source.Span(0, 6) };
        var paged = Typesetter.Layout(Doc("en", paragraph), Settings with { Margins = new Margins(78, 78, 200, 200) }, TestFonts.Set);
        var warning = Assert.Single(paged.Diagnostics, d => d.Code == Pub.Syntax.Codes.WordWiderThanLine.Id);
        Assert.Equal(source, warning.Span!.Value.Source);
        Assert.StartsWith("'mmmm", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Pub.Syntax.Severity.Warning, warning.Severity);
        // And nothing runs into the margin.
        foreach (var page in paged.Pages.Skip(1))
            Assert.All(page.Items.OfType<TextRun>().Where(r => r.Baseline > Settings.Margins.Top), r => Assert.True(r.X + r.Width <= page.Width - 200 + 0.01, r.Text));
    }

    [Fact]
    public void A_word_of_twenty_thousand_characters_is_cut_line_by_line_and_nothing_is_lost()
    {
        var word = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('0' + i % 10)));
        var paragraph = new Paragraph([new Pub.Model.Text("Before " + word + " after.")]);
        var paged = Typesetter.Layout(Doc("en", paragraph), Settings, TestFonts.Set);
        Assert.Single(paged.Diagnostics, d => d.Code == Pub.Syntax.Codes.WordWiderThanLine.Id);
        // The body text, without running heads and footers.
        var runs = paged.Pages.SelectMany(p => p.Items.OfType<TextRun>()
            .Where(r => r.Baseline > Settings.Margins.Top && r.Baseline < Settings.PageHeight - Settings.Margins.Bottom)).ToList();
        // Every character of the word is set once, in order, and no line runs into the margin.
        Assert.Contains(word, string.Concat(runs.Select(r => r.Text)), StringComparison.Ordinal);
        var rightEdge = Settings.PageWidth - Math.Min(Settings.Margins.Inner, Settings.Margins.Outer);
        Assert.All(runs, r => Assert.True(r.X + r.Width <= rightEdge + 0.01, r.Text));
    }

    [Fact]
    public void Layout_that_is_told_to_stop_stops_at_the_block_it_is_setting()
    {
        var source = new Pub.Syntax.SourceText("papers/x/paper.md", "First paragraph.\n");
        var paragraph = new Paragraph([new Pub.Model.Text("First paragraph.")]) { Span = source.Span(0, 5) };
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var stopped = Assert.Throws<LayoutStoppedException>(() => Typesetter.Layout(Doc("en", paragraph), Settings with { Stop = stop.Token }, TestFonts.Set));
        Assert.Equal(source.Span(0, 5), stopped.At);
    }

    private static Note LongNote(int number, int sentences) =>
        new("n" + number, [new Paragraph([new Pub.Model.Text(string.Concat(Enumerable.Repeat("This note explains the source of the figure and the reservations that attach to it. ", sentences)).Trim())])], number);

    private static Paragraph Filler(int sentences, params Inline[] tail) =>
        new([new Pub.Model.Text(string.Join(" ", Enumerable.Repeat("Referral stops at the border of the agency that first meets the person concerned.", sentences))), .. tail]);

    [Fact]
    public void A_footnote_stands_at_the_foot_of_the_page_of_its_reference()
    {
        var blocks = new List<Block>();
        for (int i = 1; i <= 6; i++)
            blocks.Add(Filler(9, new NoteRef("n" + i, i), new Pub.Model.Text(" And so on.")));
        var doc = new Document("p.md", new Metadata { Title = "T" }, blocks, [.. Enumerable.Range(1, 6).Select(i => LongNote(i, 1))]);
        var paged = Typesetter.Layout(doc, Settings, TestFonts.Set);
        for (int i = 1; i <= 6; i++)
        {
            string n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var refPage = paged.Pages.Single(p => p.Items.OfType<DestinationItem>().Any(d => d.Name == "noteref-" + n));
            var note = refPage.Items.OfType<DestinationItem>().Single(d => d.Name == "note-" + n);
            var reference = refPage.Items.OfType<DestinationItem>().Single(d => d.Name == "noteref-" + n);
            Assert.True(note.Y > reference.Y);
            // Under the short rule, below every line of body text.
            var rule = refPage.Items.OfType<RuleItem>().Single(r => r.Y1 > Settings.Margins.Top && r.Y1 < note.Y);
            Assert.True(rule.X2 - rule.X1 < Settings.TextWidth / 2);
            Assert.All(refPage.Items.OfType<TextRun>().Where(r => r.Size >= Settings.FontSize && r.Baseline < refPage.Height - Settings.Margins.Bottom), r => Assert.True(r.Baseline < rule.Y1));
        }
    }

    [Fact]
    public void A_long_footnote_continues_on_the_next_page()
    {
        var blocks = new List<Block> { Filler(30, new NoteRef("n1", 1)), Filler(40) };
        var doc = new Document("p.md", new Metadata { Title = "T" }, blocks, [LongNote(1, 60)]);
        var paged = Typesetter.Layout(doc, Settings, TestFonts.Set);
        int refPage = paged.Pages.ToList().FindIndex(p => p.Items.OfType<DestinationItem>().Any(d => d.Name == "noteref-1"));
        Assert.Contains(paged.Pages[refPage].Items.OfType<DestinationItem>(), d => d.Name == "note-1");
        var next = paged.Pages[refPage + 1];
        double bottom = next.Height - Settings.Margins.Bottom;
        // The next page's foot opens with the rest of the note under a full-width rule.
        var rule = next.Items.OfType<RuleItem>().Single(r => r.Y1 > Settings.Margins.Top + 20 && r.Y1 < bottom);
        Assert.Equal(Settings.TextWidth, rule.X2 - rule.X1, 1);
        Assert.Contains(next.Items.OfType<TextRun>(), r => r.Baseline > rule.Y1 && r.Size < Settings.FontSize && r.Text.Contains("note", StringComparison.Ordinal));
    }

    [Fact]
    public void Layout_dump_of_a_justified_paragraph_with_a_note()
    {
        var doc = new Document("p.md", new Metadata { Title = "Golden", Language = "en" },
            [Filler(3, new NoteRef("n1", 1), new Pub.Model.Text(" Identification of victims of trafficking remains the decisive and internationally contested step."))],
            [LongNote(1, 2)]);
        var paged = Typesetter.Layout(doc, Settings with { Margins = new Margins(78, 78, 150, 150) }, TestFonts.Set);
        Pub.Testing.Golden.Assert("layout/justified-paragraph-with-note.layout.txt", paged.Dump());
    }
}
