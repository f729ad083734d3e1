using System.CommandLine;
using System.Globalization;
using Pub.Compiler;

namespace Pub.Cli.Commands;

internal static class ListCommand
{
    public static Command Create(CliSession session)
    {
        var diagnostics = SharedOptions.Diagnostics();
        var command = new Command("list", "Print the series catalogue: number, edition, language, title, status and path of every manuscript.")
        {
            diagnostics,
        };
        command.SetAction(parse =>
        {
            var (entries, found) = PubCompiler.List(session.World);
            // The registry's column appears once anything has been published.
            var published = entries.Any(e => e.Published != "-");
            var rows = entries.Select(e => new[]
            {
                e.Series,
                e.Number?.ToString(CultureInfo.InvariantCulture) ?? "-",
                e.Edition.ToString(CultureInfo.InvariantCulture),
                e.Language,
                e.Status,
                e.Title,
                e.Path,
                e.Published,
            }.Take(published ? 8 : 7).ToArray()).ToList();
            Table.Write(session.Output, [.. new[] { "SERIES", "NO.", "ED.", "LANG", "STATUS", "TITLE", "PATH", "PUBLISHED" }.Take(published ? 8 : 7)], rows);
            var errors = found.Where(d => d.Severity == Pub.Syntax.Severity.Error).ToList();
            session.Report(errors, parse.GetValue(diagnostics) ?? "text");
            var configFailed = errors.Any(d => d.Code.StartsWith("PUB05", StringComparison.Ordinal));
            return (int)(configFailed ? ExitCode.UsageOrConfiguration : ExitCode.Ok);
        });
        return command;
    }
}

internal static class Table
{
    /// <summary>Left-aligned columns separated by two spaces; the last column is not padded.</summary>
    public static void Write(TextWriter writer, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        foreach (var row in new[] { header }.Concat(rows))
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
