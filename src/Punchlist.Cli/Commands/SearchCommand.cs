using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Queries;

namespace Punchlist.Cli.Commands;

/// <summary>`punch search QUERY`: ranked items with the matched words highlighted.</summary>
internal static class SearchCommand
{
    public const string Schema = "punchlist.search/1";

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var query = new Argument<string>("query")
        {
            Description = "Words (stemmed; back* a prefix), \"phrases\", -exclusions, OR, and filters: priority:, state:/is:, is:overdue, owner:, due:, effort:, doc:, section:, tech:, has:, id:, sort:",
            HelpName = "QUERY",
        };
        var paths = GlobalOptions.Paths();
        var filters = new ItemFilters("Show at most N results (default: 20)");
        var command = new Command("search", "Find items in every tracker, best matches first") { query, paths };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string text = parse.GetValue(query)!;
            _ = Query.Parse(text, new QueryContext(context.Today)); // a malformed query fails before any scan
            var also = filters.Filters(parse);
            using var workspace = context.Scan(parse.GetValue(paths), environment);
            var parsed = Query.Parse(text, new QueryContext(context.Today, workspace.Config.HoursPerDay));
            var results = workspace.Search(parsed, parse.GetValue(filters.Limit) ?? 20, also);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, new SearchJson(Schema, text, results.Total, results.Hits.Select(Result).ToList()));
            }
            else
            {
                SearchRenderer.Render(context.Screen, parsed, results);
            }

            if (context.Explain)
            {
                ListCommand.Explain(context, workspace.Documents);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static SearchResultJson Result(SearchHit hit) => new(
        hit.Item.Key,
        JsonMapping.Address(hit.Document, hit.Item),
        hit.Document,
        hit.Item.Line,
        hit.Item.Title,
        hit.Item.State.Name(),
        hit.Item.Priority?.Name,
        hit.Score is { } score ? Math.Round(score, 4) : null,
        hit.MatchedIn is { } field ? JsonMapping.Lower(field.ToString()) : null,
        hit.Snippet?.Text,
        hit.Snippet?.Matches.Select(m => new HighlightJson(m.Start.Value, m.End.Value - m.Start.Value)).ToList() ?? []);
}
