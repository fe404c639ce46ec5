using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Cli.Commands;

/// <summary>`punch status`: true progress per document and in total, by state, criteria and priority.</summary>
internal static class StatusCommand
{
    public const string Schema = "punchlist.status/1";

    public static Command Create(GlobalOptions options, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var paths = GlobalOptions.Paths();
        var by = new Option<string?>("--by") { Description = "Also sum up by document, priority, section or owner" };
        by.AcceptOnlyFromAmong("document", "priority", "section", "owner");
        var command = new Command("status", "Show the true progress of every tracker") { paths, by };
        command.SetAction(parse =>
        {
            var context = CommandContext.From(parse, options, output, error, environment);
            GroupBy? grouping = parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : null;

            // A status only sums up: each tracker is summed as it is read and then let go, unless a
            // grouping or --explain needs its items or notes (see WorkspaceLoader.Scan).
            bool keep = grouping is not null || context.Explain;
            var scan = context.Scan(parse.GetValue(paths), environment, d => StatusDocument.Of(d, context.Today, keep));
            return Run(context, scan.Results, grouping);
        });
        return command;
    }

    internal static int Run(CommandContext context, IReadOnlyList<StatusDocument> documents, GroupBy? by)
    {
        var report = Build(documents, by, context.Today);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, report);
        }
        else
        {
            StatusRenderer.Render(context.Console, report, by);
            if (context.Explain)
            {
                NotesRenderer.Render(context.Console, documents.Select(d => d.Document!));
            }
        }

        return ExitCodes.Ok;
    }

    internal static StatusJson Build(IReadOnlyList<StatusDocument> documents, GroupBy? by, DateOnly today)
    {
        var rows = documents.Select(d => d.Row).ToList();
        var counts = documents.Aggregate(ItemCounts.None, (sum, d) => new ItemCounts(
            sum.Total + d.Counts.Total, sum.Open + d.Counts.Open, sum.InProgress + d.Counts.InProgress,
            sum.Done + d.Counts.Done, sum.Blocked + d.Counts.Blocked, sum.Cancelled + d.Counts.Cancelled));
        var totals = new TotalsJson(
            rows.Count,
            JsonMapping.Counts(counts),
            new BoxCountJson(rows.Sum(d => d.Checkboxes.Total), rows.Sum(d => d.Checkboxes.Checked)),
            new BoxCountJson(rows.Sum(d => d.Criteria.Total), rows.Sum(d => d.Criteria.Checked)),
            Grouping.PriorityNames.ToDictionary(
                p => p,
                p => new PriorityCountJson(rows.Sum(d => d.ByPriority[p].Total), rows.Sum(d => d.ByPriority[p].Done)),
                StringComparer.Ordinal),
            JsonMapping.Progress(counts),
            rows.Sum(d => d.Overdue));
        var groups = by is null
            ? null
            : Grouping.Summarise(documents.SelectMany(d => d.Document!.Items.Select(i => (d.Document, i))), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), g.Name, JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue))
                .ToList();
        return new StatusJson(Schema, JsonMapping.Date(today), rows, totals, groups);
    }
}

/// <summary>What a status keeps of one tracker: its row, its items by state, and the document itself only when asked to.</summary>
internal sealed record StatusDocument(DocumentStatusJson Row, ItemCounts Counts, TrackerDocument? Document)
{
    public static StatusDocument Of(TrackerDocument document, DateOnly today, bool keep)
    {
        var counts = ItemCounts.Of(document.Items);
        var row = new DocumentStatusJson(
            document.Path,
            document.Title,
            JsonMapping.Counts(counts),
            JsonMapping.Boxes(document.Checkboxes),
            new BoxCountJson(document.Items.Sum(i => i.CriteriaTotal), document.Items.Sum(i => i.CriteriaChecked)),
            JsonMapping.ByPriority(document.Items),
            JsonMapping.Progress(counts),
            document.Items.Count(i => Dates.IsOverdue(i, today)));
        return new StatusDocument(row, counts, keep ? document : null);
    }
}
