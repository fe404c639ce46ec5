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
        var by = OptionValues.Choice("--by", "Also sum up by document, priority, section or owner", ["document", "priority", "section", "owner"]);
        var command = new Command("status", "Show the true progress of every tracker, what is late and whose") { paths, by };
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
            var report = StatusMapping.Build(workspace.Summaries, facts, checks.ByPath, grouping, context.Today);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, report);
                if (context.Explain)
                {
                    NotesRenderer.Warn(context, facts ?? []);
                }

                return ExitCodes.Ok;
            }

            // Whose items are late: the overdue ones from the facts the index keeps, read only when some
            // are (a search would cost a fresh process its query machinery: about 100 ms of CPU,
            // measured, for one line); those past their SLA from the check counts.
            IReadOnlyList<string?> owners = report.Totals.Late == 0 ? []
                : report.Totals.Overdue == 0 ? checks.ByPath.Values.SelectMany(c => c.PastSla).Where(b => Lateness.Of(b, context.Today).IsLate).Select(b => b.Owner).ToList()
                : Lateness.Items(facts ?? workspace.Documents, checks.ByPath, context.Today).Select(l => l.Item.Owner).ToList();
            StatusRenderer.Render(context.Screen, report, grouping, owners, Trackers.FilteredHint(workspace.Config));
            if (context.Explain)
            {
                NotesRenderer.Render(context.Screen, facts ?? []);
                MatrixRenderer.RenderAll(context.Screen, workspace, facts ?? []);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
