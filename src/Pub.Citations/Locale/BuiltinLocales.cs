// The locale files shipped inside the assembly (Locales/locales-xx-YY.xml as embedded resources).
using Pub.Syntax;

namespace Pub.Citations;

public static class BuiltinLocales
{
    public static SourceText? Load(string tag)
    {
        var name = "Pub.Citations.Locales.locales-" + tag + ".xml";
        using var stream = typeof(BuiltinLocales).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return new SourceText("builtin:locales-" + tag + ".xml", reader.ReadToEnd());
    }
}
