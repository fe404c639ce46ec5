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
        var report = Build(documents, facts, checks, by, context.Today);
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

    /// <param name="facts">Every document's items, needed only to group them (<paramref name="by"/>).</param>
    internal static StatusJson Build(IReadOnlyList<DocumentSummary> summaries, IReadOnlyList<DocumentFacts>? facts, IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by, DateOnly today)
    {
        // The totals add the documents up: no item is walked unless grouping asks for it.
        var documents = summaries.Select(d => Document(d, checks.GetValueOrDefault(d.Path, CheckCounts.None), today)).ToList();
        var all = summaries.Aggregate(CheckCounts.None, (sum, d) => sum.Add(checks.GetValueOrDefault(d.Path, CheckCounts.None)));
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
            : Grouping.Summarise((facts ?? throw new ArgumentNullException(nameof(facts))).SelectMany(d => d.Items.Select(i => (d.Path, i))), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), g.Name, JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue))
                .ToList();
        return new StatusJson(Schema, JsonMapping.Date(today), documents, totals, groups);
    }

    private static DocumentStatusJson Document(DocumentSummary document, CheckCounts checks, DateOnly today) => new(
        document.Path,
        document.Title,
        JsonMapping.Counts(document.Items),
        new BoxCountJson(document.CheckboxesTotal, document.CheckboxesChecked),
        new BoxCountJson(document.CriteriaTotal, document.CriteriaChecked),
        Grouping.PriorityNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => new PriorityCountJson(document.ByPriority[p.i].Total, document.ByPriority[p.i].Done), StringComparer.Ordinal),
        JsonMapping.Progress(document.Items),
        document.Overdue(today),
        FindingCountsJson.Of(checks),
        VerificationJson.Of(checks));
}
