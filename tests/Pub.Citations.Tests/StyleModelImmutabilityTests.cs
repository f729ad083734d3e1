// A parsed style is shared by every processor made from it (a build renders many manuscripts with one
// style, in parallel), so the model offers nothing to change after parsing: members are init-only and
// collections are read-only views.
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace Pub.Citations.Tests;

public sealed class StyleModelImmutabilityTests
{
    private static readonly Type[] ModelTypes =
    [
        .. typeof(CslElement).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(CslElement)) || t.IsSubclassOf(typeof(StyleSection))),
        typeof(CslElement), typeof(StyleSection), typeof(Style), typeof(Condition), typeof(ChooseBranch), typeof(ConditionTest), typeof(SortKey),
        typeof(Formatting), typeof(NameAttributes), typeof(NameOptions), typeof(ContextNameOptions), typeof(Locale), typeof(Term),
    ];

    [Fact]
    public void The_model_covers_every_element_and_section()
    {
        Assert.Contains(typeof(NamesElement), ModelTypes);
        Assert.Contains(typeof(BibliographySection), ModelTypes);
        Assert.True(ModelTypes.Length >= 25, $"{ModelTypes.Length} model types");
    }

    [Fact]
    public void No_member_of_the_style_model_can_be_set_after_construction()
    {
        var settable = ModelTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
        Assert.Empty(settable);
    }

    [Fact]
    public void No_member_of_the_style_model_is_a_mutable_collection()
    {
        static bool Mutable(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() is var d
            && (d == typeof(List<>) || d == typeof(Dictionary<,>) || d == typeof(HashSet<>) || d == typeof(IList<>) || d == typeof(ICollection<>) || d == typeof(IDictionary<,>));
        var mutable = ModelTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => Mutable(p.PropertyType))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}");
        Assert.Empty(mutable);
    }
}
