using System.Reflection;

namespace Pub.Compiler;

public static class PubVersion
{
    /// <summary>The informational version without the source-revision suffix, so outputs do not change
    /// with the commit they were built from.</summary>
    public static string Text { get; } =
        (typeof(PubVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
