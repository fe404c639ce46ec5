using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Punchlist.Cli;

/// <summary>Options every command takes: output shape and width, the date "today" means, colour, paging.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (versioned, camelCase) instead of text", Recursive = true };

    public Option<DateOnly?> Today { get; } = new("--today")
    {
        Description = "Judge dates against this day instead of today, for reproducible output",
        HelpName = "YYYY-MM-DD",
        Recursive = true,
        CustomParser = ParseDate,
    };

    public Option<string?> Color { get; } = OptionValues.Choice("--color", "Colour: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never",
        ["auto", "always", "never"], recursive: true);

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Plain text without colours (as --color never)", Recursive = true };

    public Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Stable lines for scripts and screen readers: no colour, box drawing, cutting or pager; tables as tab-separated records under a header line",
        Recursive = true,
    };

    public Option<int?> Width { get; } = OptionValues.Count("--width", "Lay text out for this many columns (default: the terminal's, else COLUMNS, else 100)", recursive: true, min: 20);

    public Option<bool> NoPager { get; } = new("--no-pager") { Description = "Never page long output on a terminal (default: $PUNCH_PAGER, $PAGER or less)", Recursive = true };

    public Option<bool> Explain { get; } = new("--explain") { Description = "Also say why: the lines the reader kept as text but finds suspicious, and what this command weighed", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Say what was scanned, read and configured (on stderr)", Recursive = true };

    public Option<bool> NoIndex { get; } = new("--no-index") { Description = "Keep the index in memory for this run: write nothing under the workspace", Recursive = true };

    public void AddTo(Command root)
    {
        root.Add(Json);
        root.Add(Today);
        root.Add(Color);
        root.Add(NoColor);
        root.Add(Plain);
        root.Add(Width);
        root.Add(NoPager);
        root.Add(Explain);
        root.Add(Verbose);
        root.Add(NoIndex);
    }

    public static Argument<string[]> Paths() => new("path")
    {
        Description = "Files or folders to read (default: the current folder)",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--today expects a date as YYYY-MM-DD, not '{Rendering.TerminalText.Quote(text)}'");
        return null;
    }
}
