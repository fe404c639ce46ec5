using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Punchlist.Cli.Report;
using Punchlist.Cli.Rendering;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch report [PATH…] [--since 7d|DATE] [--format md|html] [--output FILE]`: the stakeholder
/// report — a verdict and its reasons, the headline numbers, progress by priority and tracker, what
/// changed since the date, what is late, what is claimed falsely, evidence and the forecast — as
/// Markdown to paste into an issue, or one self-contained HTML file to mail or print.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var since = new Option<string?>("--since")
        {
            Description = "What changed since this date: YYYY-MM-DD, or days or weeks back (7d, 2w; default 7d)",
            HelpName = "7d|YYYY-MM-DD",
        };
        since.Validators.Add(result =>
        {
            if (Since(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty, DateOnly.MinValue, out string? problem) is null)
            {
                result.AddError(problem!);
            }
        });
        var format = OptionValues.Choice("--format", "md (Markdown, the default) or html (one self-contained file)", ["md", "html"], fallback: "md");
        var file = new Option<string?>("--output", "-o") { Description = "Write to this file (replaced whole) instead of standard output", HelpName = "FILE" };
        var command = new Command("report", "Write the stakeholder report: a verdict and its reasons, progress, changes, what is late, false claims, the forecast")
        {
            paths, since, format, file,
        };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            context.NoPager();
            if (context.Json)
            {
                throw new PunchlistException("punch report writes Markdown or HTML; the numbers as JSON are punch status --json and punch history --json");
            }

            var from = Since(parse.GetValue(since) ?? "7d", context.Today, out string? problem) ?? throw new PunchlistException(problem!);
            OutputFile.Check(context, parse.GetValue(file)); // before any work
            var data = ReportBuilder.Build(context, parse.GetValue(paths), from, environment);
            string text = parse.GetValue(format) == "html" ? HtmlReport.Render(data) : MarkdownReport.Render(data);
            OutputFile.Write(context, parse.GetValue(file), stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`7d`, `2w` (back from <paramref name="today"/>) or a date; null with <paramref name="problem"/> when neither, or not before today (DateOnly.MinValue: the form only).</summary>
    internal static DateOnly? Since(string text, DateOnly today, out string? problem)
    {
        problem = null;
        DateOnly? date = null;
        if (text.Length >= 2 && text[^1] is 'd' or 'w' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 3660)
        {
            date = today == DateOnly.MinValue ? today : today.AddDays(-(text[^1] == 'w' ? 7 * n : n));
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            date = exact;
        }

        if (date is null)
        {
            problem = $"--since expects days or weeks back (7d, 2w) or a date as YYYY-MM-DD, not '{TerminalText.Quote(text)}'";
        }
        else if (today != DateOnly.MinValue && date >= today)
        {
            problem = $"--since {text} is not before today ({Punchlist.Json.JsonMapping.Date(today)})";
            date = null;
        }

        return date;
    }
}
