using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Json;
using Punchlist.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;

namespace Punchlist.Cli.Commands;

/// <summary>`punch status`: true progress per document and in total, by state, criteria and priority.</summary>
internal static class StatusCommand
{
    public const string Schema = StatusJson.Version;

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var by = new Option<string?>("--by") { Description = "Also sum up by document, priority, section or owner" };
        by.AcceptOnlyFromAmong("document", "priority", "section", "owner");
        var command = new Command("status", "Show the true progress of every tracker") { paths, by };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            using var workspace = context.Scan(parse.GetValue(paths), environment, factsOnly: true, keepDocuments: true);
            var checks = workspace.Checks(context.Today);
            context.Warn(checks.Warnings);
            if (context.Verbose)
            {
                context.Error.WriteLine($"punch: findings and verification: {checks.Cached} trackers served from the index, {checks.Checked} checked ({checks.Read} read for it)");
            }

            var grouping = parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : (GroupBy?)null;

            // The items themselves only when they are grouped or their notes explained; else the summaries.
            var facts = grouping is not null || context.Explain ? workspace.Documents : null;
            return Run(context, workspace.Summaries, facts, checks.ByPath, grouping);
        });
        return command;
    }

    internal static int Run(CommandContext context, IReadOnlyList<DocumentSummary> documents, IReadOnlyList<DocumentFacts>? facts,
        IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by)
    {
        var report = StatusMapping.Build(documents, facts, checks, by, context.Today);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, report);
        }
        else
        {
            StatusRenderer.Render(context.Console, report, by);
            if (context.Explain)
            {
                NotesRenderer.Render(context.Console, facts ?? []);
            }
        }

        return ExitCodes.Ok;
    }
}
