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

            // Each workspace the paths lie in is read with its own index and punchlist.yml, and its
            // trackers named by its folder when there are several (`repoA/TODO.md`).
            var scans = context.ScanEach(parse.GetValue(paths), environment, factsOnly: true, keepDocuments: true);
            using var disposal = new Disposal([.. scans.Select(s => s.Workspace)]);
            var summaries = new List<DocumentSummary>();
            var checks = new Dictionary<string, CheckCounts>(StringComparer.Ordinal);
            foreach (var (workspace, prefix) in scans)
            {
                var found = workspace.Checks(context.Today);
                context.Warn(found.Warnings);
                if (context.Verbose)
                {
                    context.Error.WriteLine($"punch: findings and verification: {found.Cached} trackers served from the index, {found.Checked} checked ({found.Read} read for it)");
                }

                summaries.AddRange(workspace.Summaries.Select(s => prefix.Length == 0 ? s : s with { Path = prefix + s.Path }));
                foreach (var (path, counts) in found.ByPath)
                {
                    checks[prefix + path] = counts;
                }
            }

            var grouping = parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : (GroupBy?)null;

            // The items themselves only when they are grouped or their notes explained; else the summaries.
            IReadOnlyList<DocumentFacts> Facts() => [.. scans.SelectMany(s => s.Workspace.Documents.Select(d => s.Prefix.Length == 0 ? d : d with { Path = s.Prefix + d.Path }))];
            var facts = grouping is not null || context.Explain ? Facts() : null;
            var report = StatusMapping.Build(summaries, facts, checks, grouping, context.Today);
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
                : report.Totals.Overdue == 0 ? checks.Values.SelectMany(c => c.PastSla).Where(b => Lateness.Of(b, context.Today).IsLate).Select(b => b.Owner).ToList()
                : Lateness.Items(facts ?? Facts(), checks, context.Today).Select(l => l.Item.Owner).ToList();
            StatusRenderer.Render(context.Screen, report, grouping, owners, Trackers.FilteredHint(scans[0].Workspace.Config));
            if (context.Explain)
            {
                NotesRenderer.Render(context.Screen, facts ?? []);
                foreach (var (workspace, _) in scans)
                {
                    MatrixRenderer.RenderAll(context.Screen, workspace, workspace.Documents);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // Disposes every scan's index, however the command ends.
    internal sealed class Disposal(IReadOnlyList<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
