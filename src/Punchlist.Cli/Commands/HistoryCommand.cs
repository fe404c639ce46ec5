using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.History;
using Punchlist.Search;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>
/// `punch history [PATH…] [QUERY]`: the trackers' past from git — burn-up with scope change, flow
/// (cycle and lead time, throughput, items that went backwards), claims that turned false, and a
/// forecast; `punch history ADDRESS`: one item's timeline.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var targets = new Argument<string[]>("target")
        {
            Description = "Files or folders (also ones since deleted), an item's address (path#key, or a bare ID), or a query (see docs/query.md)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var interval = OptionValues.Choice("--interval", "The burn-up's period: day, week (default) or month", ["day", "week", "month"], fallback: "week");
        var since = new Option<DateOnly?>("--since") { Description = "Report from this date, YYYY-MM-DD", HelpName = "YYYY-MM-DD", CustomParser = r => ParseDate(r, "--since") };
        var until = new Option<DateOnly?>("--until") { Description = "Report up to this date, YYYY-MM-DD (default: today)", HelpName = "YYYY-MM-DD", CustomParser = r => ParseDate(r, "--until") };
        var by = OptionValues.Choice("--by", "Also a burn-up and a forecast per document, priority, section or owner", ["document", "priority", "section", "owner"]);
        var command = new Command("history", "Show the trackers' past from git: burn-up, flow, a forecast, or one item's timeline") { targets, interval, since, until, by };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            var request = new Arguments(
                parse.GetValue(targets) ?? [],
                Enum.Parse<HistoryInterval>(parse.GetValue(interval)!, ignoreCase: true),
                parse.GetValue(since),
                parse.GetValue(until) ?? context.Today,
                parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : null);
            if (request.Since is { } s && s > request.Until)
            {
                throw new PunchlistException($"--since {HistoryMapping.Date(s)} is after --until {HistoryMapping.Date(request.Until)}");
            }

            return Run(context, request, environment);
        });
        return command;
    }

    internal sealed record Arguments(string[] Targets, HistoryInterval Interval, DateOnly? Since, DateOnly Until, GroupBy? By);

    private static int Run(CommandContext context, Arguments request, CliEnvironment environment)
    {
        var (root, paths, words, address) = Classify(request.Targets, environment.WorkingDirectory);
        string queryText = string.Join(' ', words);
        var query = Query.Parse(queryText, new QueryContext(context.Today));
        var selection = HistorySelection.Of(query, paths); // refuses what history cannot select by, before git is read

        using var history = HistoryIndex.Open(root, ConfigLoader.Load(root), context.IndexOptionsFor(root));
        if (context.Verbose && history.Read is { } read)
        {
            context.Error.WriteLine($"punch: history: {read.Commits} commits read, {read.Parsed} blobs parsed{(read.Rebuilt ? " (the branch was rewritten: read again from the start)" : string.Empty)}");
        }

        if (history.State != HistoryState.Ready)
        {
            return Write(context, HistoryReport.Unavailable(context.Today, history.Reason));
        }

        var reader = history.Reader;

        // A single word that names an item (a bare ID or key) is an address, not a query.
        if (address is null && words.Count == 1 && !words[0].Contains(':', StringComparison.Ordinal) && reader.Find(words[0]).Count > 0)
        {
            address = words[0];
        }

        return address is not null
            ? Item(context, reader, address, request)
            : Report(context, reader, selection, queryText, paths, request);
    }

    private static int Item(CommandContext context, HistoryReader reader, string address, Arguments request)
    {
        var json = HistoryReport.Item(reader, address, request.Until, context.Today);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, json);
        }
        else
        {
            HistoryRenderer.RenderTimeline(context.Screen, json.Item!);
        }

        return ExitCodes.Ok;
    }

    private static int Report(CommandContext context, HistoryReader reader, HistorySelection selection, string query, IReadOnlyList<string> paths, Arguments request) =>
        Write(context, HistoryReport.Build(reader, new HistoryRequest(selection, query, paths, request.Interval, request.Since, request.Until, request.By), context.Today));

    private static int Write(CommandContext context, HistoryJson json)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Out, json);
        }
        else
        {
            HistoryRenderer.Render(context.Screen, json);
        }

        return ExitCodes.Ok;
    }

    // The arguments: files and folders (existing, or named like a document: they may have been
    // deleted), an address (with `#`), and the words of a query. The workspace is the one around the
    // first existing path, else around the current folder.
    private static (string Root, List<string> Paths, List<string> Words, string? Address) Classify(string[] targets, string workingDirectory)
    {
        var paths = new List<string>();
        var words = new List<string>();
        string? address = null;
        string? anchor = null;
        foreach (string target in targets)
        {
            string full = Path.GetFullPath(target, workingDirectory);
            bool exists = File.Exists(full) || Directory.Exists(full);
            if (exists || target.EndsWith('/') || target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".org", StringComparison.OrdinalIgnoreCase))
            {
                anchor ??= exists ? full : null;
                paths.Add(full);
            }
            else if (target.IndexOf('#', StringComparison.Ordinal) > 0)
            {
                address = address is null ? target : throw new PunchlistException($"one item at a time: '{address}' and '{target}'");
                string document = Path.GetFullPath(target[..target.IndexOf('#', StringComparison.Ordinal)], workingDirectory);
                anchor ??= File.Exists(document) ? document : null;
            }
            else
            {
                words.Add(target);
            }
        }

        string root = Discovery.FindRoot(anchor ?? workingDirectory);
        var scopes = paths.Select(p => Discovery.Relative(root, p)).Where(r => r != ".").ToList(); // the root itself is everything
        if (scopes.Any(s => s.StartsWith("../", StringComparison.Ordinal)))
        {
            throw new PunchlistException($"{scopes.First(s => s.StartsWith("../", StringComparison.Ordinal))}: outside the workspace at {root}");
        }

        if (address is not null)
        {
            // The document as the history names it: relative to the workspace, not to the current folder.
            int hash = address.IndexOf('#', StringComparison.Ordinal);
            address = Discovery.Relative(root, Path.GetFullPath(address[..hash], workingDirectory)) + address[hash..];
        }

        return (root, scopes, words, address);
    }

    private static DateOnly? ParseDate(ArgumentResult result, string option)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"{option} expects a date as YYYY-MM-DD, not '{Rendering.TerminalText.Quote(text)}'");
        return null;
    }
}
