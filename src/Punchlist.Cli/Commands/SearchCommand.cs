using System.CommandLine;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage.Queries;

namespace Punchlist.Cli.Commands;

/// <summary>`punch search QUERY`: ranked items with the matched words highlighted.</summary>
internal static class SearchCommand
{
    public const string Schema = SearchJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var query = new Argument<string>("query") { Description = "Words, \"phrases\", -exclusions, OR and field:value filters (see docs/query.md)" };
        var paths = GlobalOptions.Paths();
        var limit = new Option<int>("--limit") { Description = "Show at most this many results (default 20)", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be 1 or more");
            }
        });
        var command = new Command("search", "Find items in every tracker, best matches first") { query, paths, limit };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            string text = parse.GetValue(query)!;
            _ = Query.Parse(text, new QueryContext(context.Today)); // a malformed query fails before any scan
            using var workspace = context.Scan(parse.GetValue(paths), environment);
            var results = workspace.Search(Query.Parse(text, new QueryContext(context.Today, workspace.Config.HoursPerDay)), parse.GetValue(limit));
            if (context.Json)
            {
                JsonOutput.Write(context.Out, new SearchJson(Schema, text, results.Total, results.Hits.Select(SearchMapping.Result).ToList()));
            }
            else
            {
                SearchRenderer.Render(context.Console, text, results);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
