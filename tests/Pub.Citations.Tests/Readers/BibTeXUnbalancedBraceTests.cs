// A '{' left open in a BibTeX field swallows the rest of the entry; the reader names the field whose
// braces do not balance and points at it, not at the entry's first line, and still reads the next entry.
using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

public sealed class BibTeXUnbalancedBraceTests
{
    private const string Text = """
        @book{alpha-2001,
          author = {Alpha, Ann},
          title = {A {Study of Things},
          publisher = {P},
          year = {2001}
        }

        @book{beta-2002,
          author = {Beta, Bob},
          title = {Another {Study}},
          year = {2002}
        }
        """;

    [Fact]
    public void TheFieldWhoseBracesDoNotBalanceIsNamedAndPointedAt()
    {
        var source = new SourceText("refs.bib", Text);
        var (references, diagnostics) = BibTeXReader.Read(source);

        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("PUB0801", error.Code);
        Assert.Equal("entry 'alpha-2001' is not closed: the braces of field 'title' do not balance", error.Message);
        Assert.Equal((3, 3), (error.Span!.Value.Line, error.Span.Value.Column));
        Assert.Contains("a '{' in field 'title' is not closed", Assert.Single(error.HintList), StringComparison.Ordinal);
        Assert.Contains(references, r => r.Id == "beta-2002");
    }
}
