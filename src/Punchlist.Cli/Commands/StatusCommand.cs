using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Cli.Json;
using Punchlist.Cli.Rendering;
using Punchlist.Model;

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
            using var workspace = context.Scan(parse.GetValue(paths), environment, factsOnly: true, keepDocuments: true);
            var checks = workspace.Checks(context.Today);
            if (context.Verbose)
            {
                context.Error.WriteLine($"punch: findings and verification: {checks.Cached} trackers served from the index, {checks.Checked} checked ({checks.Read} read for it)");
            }

            return Run(context, workspace.Documents, checks.ByPath, parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : null);
        });
        return command;
    }

    internal static int Run(CommandContext context, IReadOnlyList<DocumentFacts> documents, IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by)
    {
        var report = Build(documents, checks, by, context.Today);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, report);
        }
        else
        {
            StatusRenderer.Render(context.Console, report, by);
            if (context.Explain)
            {
                NotesRenderer.Render(context.Console, documents);
            }
        }

        return ExitCodes.Ok;
    }

    internal static StatusJson Build(IReadOnlyList<DocumentFacts> facts, IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by, DateOnly today)
    {
        // One pass over each document's items; the totals add the documents up rather than walking a
        // million items again.
        var documents = facts.Select(d => Document(d, checks.GetValueOrDefault(d.Path, CheckCounts.None), today)).ToList();
        var all = facts.Aggregate(CheckCounts.None, (sum, d) => sum.Add(checks.GetValueOrDefault(d.Path, CheckCounts.None)));
        var counts = new ItemCounts(
            documents.Sum(d => d.Items.Total), documents.Sum(d => d.Items.Open), documents.Sum(d => d.Items.InProgress),
            documents.Sum(d => d.Items.Done), documents.Sum(d => d.Items.Blocked), documents.Sum(d => d.Items.Cancelled));
        var byPriority = Grouping.PriorityNames.ToDictionary(
            p => p,
            p => new PriorityCountJson(documents.Sum(d => d.ByPriority[p].Total), documents.Sum(d => d.ByPriority[p].Done)),
            StringComparer.Ordinal);
        var totals = new TotalsJson(
            documents.Count,
            JsonMapping.Counts(counts),
            new BoxCountJson(documents.Sum(d => d.Checkboxes.Total), documents.Sum(d => d.Checkboxes.Checked)),
            new BoxCountJson(documents.Sum(d => d.Criteria.Total), documents.Sum(d => d.Criteria.Checked)),
            byPriority,
            JsonMapping.Progress(counts),
            documents.Sum(d => d.Overdue),
            FindingCountsJson.Of(all),
            VerificationJson.Of(all));
        var groups = by is null
            ? null
            : Grouping.Summarise(facts.SelectMany(d => d.Items.Select(i => (d.Path, i))), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), g.Name, JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue))
                .ToList();
        return new StatusJson(Schema, JsonMapping.Date(today), documents, totals, groups);
    }

    private static DocumentStatusJson Document(DocumentFacts document, CheckCounts checks, DateOnly today)
    {
        int total = 0, open = 0, inProgress = 0, done = 0, blocked = 0, cancelled = 0, criteria = 0, checkedCriteria = 0, overdue = 0;
        var priorityTotal = new int[Grouping.PriorityNames.Count];
        var priorityDone = new int[Grouping.PriorityNames.Count];
        foreach (var item in document.Items)
        {
            total++;
            switch (item.State)
            {
                case ItemState.Open: open++; break;
                case ItemState.InProgress: inProgress++; break;
                case ItemState.Done: done++; break;
                case ItemState.Blocked: blocked++; break;
                default: cancelled++; break;
            }

            criteria += item.CriteriaTotal;
            checkedCriteria += item.CriteriaChecked;
            int rank = item.PriorityRank ?? Grouping.PriorityNames.Count - 1; // P0..P3, then none
            priorityTotal[rank]++;
            priorityDone[rank] += item.State == ItemState.Done ? 1 : 0;
            overdue += Dates.IsOverdue(item, today) ? 1 : 0;
        }

        var counts = new ItemCounts(total, open, inProgress, done, blocked, cancelled);
        return new DocumentStatusJson(
            document.Path,
            document.Title,
            JsonMapping.Counts(counts),
            new BoxCountJson(document.CheckboxesTotal, document.CheckboxesChecked),
            new BoxCountJson(criteria, checkedCriteria),
            Grouping.PriorityNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => new PriorityCountJson(priorityTotal[p.i], priorityDone[p.i]), StringComparer.Ordinal),
            JsonMapping.Progress(counts),
            overdue,
            FindingCountsJson.Of(checks),
            VerificationJson.Of(checks));
    }
}
