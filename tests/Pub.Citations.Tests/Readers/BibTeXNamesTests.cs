using Pub.Citations.Readers;
using Pub.Syntax;
using Xunit;

namespace Pub.Citations.Tests.Readers;

public sealed class BibTeXNamesTests
{
    private static IReadOnlyList<Name> Authors(string field)
    {
        var (references, diagnostics) = BibTeXReader.Read(new SourceText("refs.bib", $"@book{{k, author = {{{field}}}, title = {{T}}}}"));
        Assert.Empty(diagnostics);
        return Assert.Single(references).Names["author"];
    }

    private static Name Author(string field) => Assert.Single(Authors(field));

    [Fact]
    public void First_von_Last() =>
        Assert.Equal(new Name { Given = "Ludwig", NonDroppingParticle = "van", Family = "Beethoven" }, Author("Ludwig van Beethoven"));

    [Fact]
    public void Von_Last_comma_First() =>
        Assert.Equal(new Name { Given = "Ludwig", NonDroppingParticle = "van", Family = "Beethoven" }, Author("van Beethoven, Ludwig"));

    [Fact]
    public void Multi_word_particle() =>
        Assert.Equal(new Name { Given = "Jean", NonDroppingParticle = "de la", Family = "Fontaine" }, Author("de la Fontaine, Jean"));

    [Fact]
    public void Upper_case_word_after_particle_belongs_to_the_family_name() =>
        Assert.Equal(new Name { Given = "Jean", NonDroppingParticle = "de", Family = "La Fontaine" }, Author("Jean de La Fontaine"));

    [Fact]
    public void Long_given_names_particles_and_accents() =>
        Assert.Equal(
            new Name { Given = "Charles Louis Xavier Joseph", NonDroppingParticle = "de la", Family = "Vallée Poussin" },
            Author("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin"));

    [Fact]
    public void Von_Last_Jr_First() =>
        Assert.Equal(new Name { Given = "Henry", Family = "Ford", Suffix = "Jr." }, Author("Ford, Jr., Henry"));

    [Fact]
    public void Braced_name_is_an_institution() =>
        Assert.Equal(new Name { Literal = "United Nations Office on Drugs and Crime" }, Author("{United Nations Office on Drugs and Crime}"));

    [Fact]
    public void Single_word_is_a_family_name() =>
        Assert.Equal(new Name { Family = "Aristotle" }, Author("Aristotle"));

    [Fact]
    public void Accented_names_in_both_parts() =>
        Assert.Equal(new Name { Given = "Ayşe", Family = "Öztürk" }, Author("{\\\"O}zt{\\\"u}rk, Ay{\\c{s}}e"));

    [Fact]
    public void And_separates_names_and_others_marks_an_incomplete_list()
    {
        var names = Authors("Smith, John and Jane Doe and {Council of Europe} and others");
        Assert.Equal(
            [
                new Name { Family = "Smith", Given = "John" },
                new Name { Family = "Doe", Given = "Jane" },
                new Name { Literal = "Council of Europe" },
                new Name { Literal = "others" },
            ],
            names);
    }

    [Fact]
    public void Cyrillic_names()
    {
        var names = Authors("Иванов, Иван Иванович and Лев Николаевич Толстой");
        Assert.Equal(
            [
                new Name { Family = "Иванов", Given = "Иван Иванович" },
                new Name { Family = "Толстой", Given = "Лев Николаевич" },
            ],
            names);
    }
}
