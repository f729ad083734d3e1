using System.Reflection;

namespace Pub.Compiler;

public static class PubVersion
{
    /// <summary>The informational version without the source-revision suffix, so outputs do not change
    /// with the commit they were built from.</summary>
    public static string Text { get; } =
        (typeof(PubVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The version and a hash of pub's own code: the assemblies pub.dll and Pub.*.dll beside it, or, for
    /// the native executable (ahead-of-time compiled, with no assemblies beside it), that executable. Builds are
    /// deterministic, so the hash changes exactly when pub's code does: the build cache trusts only what this very
    /// build of pub wrote, even between two builds that carry the same version number.</summary>
    public static string Fingerprint => _fingerprint.Value;

    private static readonly Lazy<string> _fingerprint = new(() =>
    {
        var folder = AppContext.BaseDirectory;
        var own = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.dll").Where(f => Path.GetFileName(f) is var name && (name.StartsWith("Pub.", StringComparison.Ordinal) || name == "pub.dll")).ToList()
            : [];
        if (own.Count == 0 && Environment.ProcessPath is { } executable && File.Exists(executable))
        {
            own.Add(executable);
        }
        if (own.Count == 0)
        {
            return Text;
        }
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in own.Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Text + " " + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    });
}
