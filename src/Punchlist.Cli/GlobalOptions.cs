using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Punchlist.Cli;

/// <summary>Options every command takes: output shape, the date "today" means, colour.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (versioned, camelCase) instead of tables", Recursive = true };

    public Option<DateOnly?> Today { get; } = new("--today")
    {
        Description = "The date to judge against, YYYY-MM-DD (default: today), for reproducible output",
        Recursive = true,
        CustomParser = ParseDate,
    };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Plain text without colours", Recursive = true };

    public Option<bool> Explain { get; } = new("--explain") { Description = "Also say why: lines the reader kept as text but finds suspicious, claims left unjudged (check), why each probe was tied to each item (verify)", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Say what was scanned and read", Recursive = true };

    public Option<bool> NoIndex { get; } = new("--no-index") { Description = "Keep the index in memory for this run: write nothing under the workspace", Recursive = true };

    public void AddTo(Command root)
    {
        root.Add(Json);
        root.Add(Today);
        root.Add(NoColor);
        root.Add(Explain);
        root.Add(Verbose);
        root.Add(NoIndex);
    }

    public static Argument<string[]> Paths() => new("path")
    {
        Description = "Files or folders to read (default: the current folder)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--today expects a date as YYYY-MM-DD, not '{text}'");
        return null;
    }
}
