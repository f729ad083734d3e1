// pub-corpus: writes N generated manuscripts over a shared bibliography, for whole-process comparisons of
// pub with Pandoc (HTML with citations) and Typst (PDF). See the README's Performance section.
//
//   dotnet run -c Release --project bench/Pub.Corpus -- --out /tmp/corpus [--papers 5] [--references 300]
//       [--style chicago-author-date|ieee|FILE.csl] [--seed 1]
using System.Globalization;
using Pub.Corpus;

var arguments = args.ToList();
string? Option(string name, string? fallback)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : fallback;
}

var output = Option("--out", null);
if (output is null || arguments.Contains("--help"))
{
    Console.Error.WriteLine("usage: pub-corpus --out DIR [--papers N] [--references N] [--style NAME|FILE.csl] [--seed N]");
    return output is null ? 2 : 0;
}

var repository = RepositoryRoot();
var style = Option("--style", "chicago-author-date")!;
var styleFile = File.Exists(style) ? style
    : new[] { Path.Combine(repository, "..", "shared", "csl", "styles", style + ".csl"), Path.Combine(repository, "templates", "csl", style + ".csl") }
        .FirstOrDefault(File.Exists);
if (styleFile is null)
{
    Console.Error.WriteLine($"pub-corpus: no style '{style}' (give a .csl file or the name of a style in ../shared/csl/styles)");
    return 2;
}

var options = new CorpusOptions(
    Output: Path.GetFullPath(output),
    Papers: int.Parse(Option("--papers", "5")!, CultureInfo.InvariantCulture),
    References: int.Parse(Option("--references", "300")!, CultureInfo.InvariantCulture),
    Seed: ulong.Parse(Option("--seed", "1")!, CultureInfo.InvariantCulture),
    StyleFile: styleFile,
    Templates: Path.Combine(repository, "templates"));
var manuscripts = CorpusWriter.Write(options);
Console.WriteLine($"pub-corpus: {manuscripts.Count} manuscript(s), {options.References} references, style {Path.GetFileNameWithoutExtension(styleFile)}, in {options.Output}");
return 0;

// The repository holding this program: the folder above the working folder that has PubPipeline.sln.
static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "PubPipeline.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("pub-corpus runs inside the PubPipeline repository (PubPipeline.sln not found above the working folder)");
}
