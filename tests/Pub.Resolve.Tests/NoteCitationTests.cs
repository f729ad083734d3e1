using Pub.Citations;
using Pub.Markdown;
using Pub.Model;
using Pub.Syntax;
using Pub.Testing;
using Xunit;

namespace Pub.Resolve.Tests;

/// <summary>
/// The text of footnotes made by the citation pass with real note styles from ../shared/csl. Expected
/// strings are what citeproc-js prints for the same cluster in the same note, with the manuscript's own
/// punctuation merged as a typed footnote would have it.
/// </summary>
public sealed class NoteCitationTests
{
    private const string References = """
        [{"id":"lebaron","type":"article-journal","title":"Unfree Labour and Its Binaries","author":[{"family":"LeBaron","given":"Genevieve"}],"container-title":"International Feminist Journal of Politics","volume":"23","issue":"2","page":"1-25","issued":{"date-parts":[[2021]]}},
         {"id":"allain","type":"article-journal","title":"Is Trafficking Slavery?","author":[{"family":"Allain","given":"Jean"}],"container-title":"Journal","volume":"3","page":"5-9","issued":{"date-parts":[[2010]]}}]
        """;

    // The title is not the article's own ("Unfree Labour Beyond Binaries"): pub's title case sets
    // "beyond" in lower case, as Chicago does with every preposition, while citeproc-js keeps it, and that
    // difference is not what these tests are about.
    private static List<string> Notes(string style, string body)
    {
        var shared = RepoPaths.Shared;
        if (shared is null)
        {
            Assert.Skip("../shared not found beside the repository");
        }
        var stylePath = Path.Combine(shared, "csl", "styles", style);
        var styleBag = new DiagnosticBag();
        var parsedStyle = StyleParser.Parse(new SourceText(stylePath, File.ReadAllText(stylePath)), styleBag)!;
        var references = CslJsonReader.Read(new SourceText("references.json", References));
        Assert.Empty(references.Diagnostics);
        var source = "---\ntitle: Notes\nseries: op\nauthors: [Test Author]\nbibliography: references.json\n---\n\n" + body + "\n";
        var parsed = ManuscriptParser.Parse(new SourceText("paper.md", source));
        var context = new ResolveContext(_ => true, _ => null)
        {
            Citations = new CitationSetup(parsedStyle, LocaleSet.FromFolders(Path.Combine(shared, "csl", "locales")), references.References),
        };
        var resolved = Resolver.Resolve(parsed.Document!, context);
        return [.. resolved.Notes.OrderBy(n => n.Number).Select(n => Walk.PlainText(n.Blocks.OfType<Paragraph>().SelectMany(p => p.Content)))];
    }

    [Fact]
    public void OscolaIbidStaysLowerCaseAtTheStartOfANote()
    {
        var notes = Notes("oscola.csl", "One [@lebaron]. Two [@lebaron, 5]. Three [@lebaron, 5].");
        Assert.Equal(["Genevieve LeBaron, “Unfree Labour and Its Binaries” (2021) 23 International Feminist Journal of Politics 1.", "ibid 5.", "ibid."], notes);
    }

    [Fact]
    public void ChicagoRepeatsTheShortNoteAtOnce()
    {
        var notes = Notes("chicago-notes-bibliography.csl", "One [@allain]. Two [@allain].");
        Assert.Equal("Allain, “Is Trafficking Slavery?”", notes[1]);
    }

    [Fact]
    public void TheAuthorsPrefixOpeningANoteTakesACapital()
    {
        // citeproc-js prints the prefix as typed ("see LeBaron …"); a note made from a citation in the
        // running text is a sentence, so pub capitalizes the author's own first word, never the style's.
        var notes = Notes("chicago-notes-bibliography.csl", "One [see @lebaron].");
        Assert.Equal("See Genevieve LeBaron, “Unfree Labour and Its Binaries,” International Feminist Journal of Politics 23, no. 2 (2021): 1–25.", notes[0]);
    }

    [Fact]
    public void AShortNoteEndingInAQuotedTitleKeepsOnePeriod()
    {
        var notes = Notes("chicago-notes-bibliography.csl", "One [@lebaron]. Two [@allain]. Three [@lebaron].");
        Assert.Equal("LeBaron, “Unfree Labour and Its Binaries.”", notes[2]);
    }

    [Fact]
    public void ACitationClosingTheSentenceOfAnAuthorsNoteKeepsOnePeriod()
    {
        var notes = Notes("chicago-notes-bibliography.csl", "One [@lebaron]. Two [@allain]. Three.[^a]\n\n[^a]: As argued in @lebaron.");
        Assert.Equal("As argued in LeBaron, “Unfree Labour and Its Binaries.”", notes[2]);
    }

    [Fact]
    public void ACitationEndingInAQuestionMarkSwallowsTheSentencePeriod()
    {
        var notes = Notes("chicago-notes-bibliography.csl", "One [@allain]. Two [@lebaron]. Three.[^a]\n\n[^a]: As asked in @allain.");
        Assert.Equal("As asked in Allain, “Is Trafficking Slavery?”", notes[2]);
    }

    // Pandoc sets a bracketed citation in the text of an author's own footnote in parentheses, and one the
    // note opens with, or an "@key" one, as it is; these expectations are Pandoc's output for the same
    // notes and style, except that pub keeps the period of "ibid." inside the parentheses and, as citeproc-js
    // does, the comma after a title ending in a question mark ("Slavery?,”").
    [Fact]
    public void ABracketedCitationInTheTextOfANoteIsSetInParentheses()
    {
        var notes = Notes("chicago-notes-bibliography-subsequent-ibid.csl", "One.[^a]\n\n[^a]: Some studies [@allain, 7] show that it is.");
        Assert.Equal("Some studies (Jean Allain, “Is Trafficking Slavery?,” Journal 3 (2010): 7) show that it is.", notes[0]);
    }

    [Fact]
    public void ACitationOpeningANoteStandsAsItIsAndAnIbidLaterInTheNoteIsLowerCase()
    {
        var notes = Notes("chicago-notes-bibliography-subsequent-ibid.csl", "One.[^a]\n\n[^a]: [@lebaron, 3]. Compare [@lebaron, 3].");
        Assert.Equal("Genevieve LeBaron, “Unfree Labour and Its Binaries,” International Feminist Journal of Politics 23, no. 2 (2021): 3. Compare (ibid.).", notes[0]);
    }

    [Fact]
    public void AnAuthorInTextCitationInANoteHasNoParenthesesAndItsIbidIsLowerCase()
    {
        var notes = Notes("chicago-notes-bibliography-subsequent-ibid.csl", "One [@allain].[^a]\n\n[^a]: See @allain [8] on this.");
        Assert.Equal("See ibid., 8 on this.", notes[1]);
    }
}
