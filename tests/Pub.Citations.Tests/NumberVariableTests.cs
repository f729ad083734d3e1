// Number variables in real styles: the label of a case number, and hyphens set as range delimiters.
// Expected strings are what citeproc-js 2.4.63 prints for the same items, except where a comment says
// that pub follows the CSL specification instead.
using Xunit;

namespace Pub.Citations.Tests;

public sealed class NumberVariableTests
{
    private const string Cases = """
        [{"id":"chowdury","type":"legal_case","title":"Chowdury and Others v. Greece","authority":"ECtHR","number":"21884/15","issued":{"date-parts":[[2017,3,30]]}},
         {"id":"rantsev","type":"legal_case","title":"Rantsev v. Cyprus and Russia","authority":"European Court of Human Rights","number":"25965/04","volume":"2010-I","container-title":"Reports of Judgments and Decisions","page":"1-10","issued":{"date-parts":[[2010,1,7]]}}]
        """;

    [Fact]
    public void ChicagoLabelsACaseNumberWithASlash()
    {
        var r = RealStyle.Render("chicago-notes-bibliography.csl", Cases);
        Assert.Equal("Chowdury and Others v. Greece, No. 21884/15 (ECtHR March 30, 2017).", r.Citations[0]);
        Assert.Equal("Rantsev v. Cyprus and Russia, 2010–I Reports of Judgments and Decisions 1 (European Court of Human Rights 2010).", r.Citations[1]);
    }

    [Fact]
    public void ChicagoLabelsACaseNumberInGerman()
    {
        var r = RealStyle.Render("chicago-notes-bibliography.csl", Cases, "de-DE");
        Assert.Equal("Chowdury and Others v. Greece, Nr. 21884/15 (ECtHR 30. März 2017).", r.Bibliography["chowdury"]);
    }

    [Fact]
    public void ApaLabelsACaseNumber()
    {
        var r = RealStyle.Render("apa.csl", Cases);
        Assert.Equal("Chowdury and Others v. Greece, No. 21884/15 (ECtHR March 30, 2017).", r.Bibliography["chowdury"]);
        Assert.Equal("Rantsev v. Cyprus and Russia, 2010–I Reports of Judgments and Decisions 1 (European Court of Human Rights 2010).", r.Bibliography["rantsev"]);
    }

    [Fact]
    public void MlaLabelsNumberAndVolume()
    {
        var r = RealStyle.Render("modern-language-association.csl", Cases);
        Assert.Equal("Chowdury and Others v. Greece. no. 21884/15, 30 Mar. 2017.", r.Bibliography["chowdury"]);
        // "2010-I" holds two numbers joined by a hyphen, so the label is plural, as the CSL rule for
        // labels says and as citeproc-js prints it (the Reports number their volumes by year and part).
        Assert.Equal("Rantsev v. Cyprus and Russia. Reports of Judgments and Decisions, vols. 2010–I, no. 25965/04, 7 Jan. 2010, pp. 1–10.", r.Bibliography["rantsev"]);
    }

    [Fact]
    public void OscolaBluebookAndMcGillSetTheVolumeRangeWithAnEnDash()
    {
        Assert.Equal("Rantsev v Cyprus and Russia [2010] European Court of Human Rights 25965/04, 2010–I Reports of Judgments and Decisions 1.",
            RealStyle.Render("oscola.csl", Cases).Citations[1]);
        Assert.Equal("Rantsev v. Cyprus and Russia, 2010–I Reports of Judgments and Decisions 1 (European Court of Human Rights 2010).",
            RealStyle.Render("bluebook-law-review.csl", Cases).Citations[1]);
        Assert.Equal("Rantsev v Cyprus and Russia, [2010] 2010–I Reports of Judgments and Decisions 1–10.",
            RealStyle.Render("mcgill-en.csl", Cases).Citations[1]);
    }

    [Fact]
    public void ALawNumberWithLettersIsOneNumber()
    {
        const string law = """[{"id":"fz","type":"legislation","title":"Federal Law on Counteracting Trafficking","number":"162-ФЗ","issued":{"date-parts":[[2003,12,8]]}}]""";
        // citeproc-js reads "162-ФЗ" as a range and prints "Pub. L. Nos. 162-ФЗ". Under CSL 1.0.2 a value is
        // numeric only when it consists of numbers, and "ФЗ" (the abbreviation of "federal law") is not one:
        // the value is a single law number, so the label is singular.
        var r = RealStyle.Render("chicago-notes-bibliography.csl", law);
        Assert.Equal("Federal Law on Counteracting Trafficking, Pub. L. No. 162-ФЗ (2003).", r.Citations[0]);
    }

    [Fact]
    public void ACaseNumberWithAHyphenIsOneNumberButAReportNumberIsARange()
    {
        const string items = """
            [{"id":"roe","type":"legal_case","title":"Roe v. Wade","number":"70-18","authority":"U.S.","issued":{"date-parts":[[1973]]}},
             {"id":"report","type":"report","title":"Report","number":"70-18","publisher":"X","issued":{"date-parts":[[1973]]}}]
            """;
        var r = RealStyle.Render("chicago-notes-bibliography.csl", items);
        Assert.Equal("Roe v. Wade, No. 70-18 (U.S. 1973).", r.Citations[0]);
        Assert.Equal("Report, nos. 70–18 (X, 1973).", r.Citations[1]);
    }

    [Fact]
    public void AListOfCaseNumbersTakesAPluralLabelAndJoinedApplicationsNone()
    {
        const string items = """
            [{"id":"joined","type":"legal_case","title":"A v. B","number":"77587/12 and 74603/12","authority":"ECtHR","issued":{"date-parts":[[2017]]}},
             {"id":"list","type":"legal_case","title":"C v. D","number":"12-345, 12-346","authority":"U.S.","issued":{"date-parts":[[2012]]}}]
            """;
        var r = RealStyle.Render("chicago-notes-bibliography.csl", items);
        // "and" does not separate numbers in CSL 1.0.2, so the value is not numeric and Chicago prints no label.
        Assert.Equal("A v. B, 77587/12 and 74603/12 (ECtHR 2017).", r.Citations[0]);
        Assert.Equal("C v. D, Nos. 12-345, 12-346 (U.S. 2012).", r.Citations[1]);
    }

    // An Official Journal reference ("L, 2024/1712": series L, number 2024/1712) is one number with a
    // series letter, not a list: citeproc-js labels it "No." in APA.
    [Fact]
    public void ALetterStandingAloneInAListIsNoNumber()
    {
        const string directive = """
            [{"id":"eu","type":"legislation","title":"Directive (EU) 2024/1712","number":"L, 2024/1712","container-title":"Official Journal of the European Union","issued":{"date-parts":[[2024]]}}]
            """;
        var r = RealStyle.Render("apa.csl", directive);
        Assert.Equal("Directive (EU) 2024/1712, Pub. L. No. L, 2024/1712, Official Journal of the European Union (2024).", r.Bibliography["eu"]);
    }

    // A number written out as text ("Pub. L. No. 106-386") holds one number: the label stays singular
    // (citeproc-js prints the style's label before the text as written).
    [Fact]
    public void TextHoldingOneHyphenatedNumberTakesTheSingular()
    {
        const string act = """
            [{"id":"tvpa","type":"legislation","title":"Victims of Trafficking and Violence Protection Act of 2000","number":"Pub. L. No. 106-386","container-title":"United States Statutes at Large","volume":"114","page":"1464","issued":{"date-parts":[[2000,10,28]]}}]
            """;
        var r = RealStyle.Render("apa.csl", act);
        Assert.Equal("Victims of Trafficking and Violence Protection Act of 2000, Pub. L. No. Pub. L. No. 106-386, 114 United States Statutes at Large 1464 (2000).", r.Bibliography["tvpa"]);
    }

    [Fact]
    public void FrontMatterPagesInLowerCaseRomanNumeralsAreNumeric()
    {
        // nlm-citation-sequence labels number-of-pages only when is-numeric holds: citeproc-js prints
        // "xiv, 412 p." and "xiv p.", reading lower-case roman numerals as numbers.
        const string books = """
            [{"id": "m", "type": "book", "title": "Anti-trafficking governance in the OSCE region", "editor": [{"family": "Moreau", "given": "Jean-Pierre"}],
              "publisher": "Intersentia", "publisher-place": "Cambridge", "number-of-pages": "xiv, 412", "issued": {"date-parts": [[2021]]}},
             {"id": "r", "type": "book", "title": "Front matter only", "author": [{"family": "Roe", "given": "Ann"}],
              "publisher": "Intersentia", "publisher-place": "Cambridge", "number-of-pages": "xiv", "issued": {"date-parts": [[2020]]}}]
            """;
        var r = RealStyle.Render("nlm-citation-sequence.csl", books);
        Assert.EndsWith("Moreau JP, editor. Anti-trafficking governance in the OSCE region. Cambridge: Intersentia; 2021. xiv, 412 p.", r.Bibliography["m"].Trim());
        Assert.EndsWith("Roe A. Front matter only. Cambridge: Intersentia; 2020. xiv p.", r.Bibliography["r"].Trim());
    }
}
