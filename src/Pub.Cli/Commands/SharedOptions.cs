using System.CommandLine;

namespace Pub.Cli.Commands;

/// <summary>Options several commands take, defined once so their help text agrees.</summary>
internal static class SharedOptions
{
    public static Argument<string[]> Paths() => new("PATH")
    {
        Description = "Manuscripts to process: paper.md files or folders below papers/. All manuscripts when omitted.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat warnings as failures (exit code 3).",
    };

    public static Option<bool> Ci() => new("--ci")
    {
        Description = "CI mode: diagnostics also as GitHub Actions annotations, then a summary (appended as Markdown to $GITHUB_STEP_SUMMARY when set). On when GITHUB_ACTIONS=true.",
    };

    public static Option<int> Jobs()
    {
        var option = new Option<int>("--jobs")
        {
            Description = "How many manuscripts to build at once (default: the number of processor cores; 1 builds them one after the other). The outputs are the same whatever the number.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs takes a number of 1 or more");
            }
        });
        return option;
    }

    public static Option<string> Diagnostics()
    {
        var option = new Option<string>("--diagnostics")
        {
            Description = "How to print diagnostics: text (to standard error) or json (to standard output).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
