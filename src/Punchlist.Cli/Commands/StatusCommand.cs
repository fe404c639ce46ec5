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
            var report = Build(workspace.Summaries, facts, checks.ByPath, grouping, context.Today);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, report);
                if (context.Explain)
                {
                    NotesRenderer.Warn(context, facts ?? []);
                }

                return ExitCodes.Ok;
            }

            // Whose items are overdue, from the facts the index keeps (a search would cost a fresh
            // process its query machinery: about 100 ms of CPU, measured, for one line).
            var overdue = report.Totals.Overdue == 0 ? [] : (facts ?? workspace.Documents).SelectMany(d => d.Items).Where(i => Dates.IsOverdue(i, context.Today)).Select(i => i.Owner).ToList();
            StatusRenderer.Render(context.Screen, report, grouping, overdue, Trackers.FilteredHint(workspace.Config));
            if (context.Explain)
            {
                NotesRenderer.Render(context.Screen, facts ?? []);
                MatrixRenderer.RenderAll(context.Screen, workspace, facts ?? []);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <param name="facts">Every document's items, needed only to group them (<paramref name="by"/>).</param>
    internal static StatusJson Build(IReadOnlyList<DocumentSummary> summaries, IReadOnlyList<DocumentFacts>? facts, IReadOnlyDictionary<string, CheckCounts> checks, GroupBy? by, DateOnly today)
    {
        // The totals add the documents up: no item is walked unless grouping asks for it. Plain loops:
        // this runs once per document of the workspace, in a process that has not compiled it yet.
        var documents = new List<DocumentStatusJson>(summaries.Count);
        var all = CheckCounts.None;
        var sum = ItemCounts.None;
        BoxCountJson boxes = new(0, 0), criteria = new(0, 0);
        int overdue = 0;
        var tiers = new TierCount[Grouping.PriorityNames.Count];
        foreach (var summary in summaries)
        {
            var counts = checks.GetValueOrDefault(summary.Path, CheckCounts.None);
            var document = Document(summary, counts, today);
            documents.Add(document);
            all = all.Add(counts);
            var c = summary.Items;
            sum = new ItemCounts(sum.Total + c.Total, sum.Open + c.Open, sum.InProgress + c.InProgress, sum.Done + c.Done, sum.Blocked + c.Blocked, sum.Cancelled + c.Cancelled);
            boxes = new BoxCountJson(boxes.Total + document.Checkboxes.Total, boxes.Checked + document.Checkboxes.Checked);
            criteria = new BoxCountJson(criteria.Total + document.Criteria.Total, criteria.Checked + document.Criteria.Checked);
            overdue += document.Overdue;
            for (int i = 0; i < tiers.Length; i++)
            {
                tiers[i] = new TierCount(tiers[i].Total + summary.ByPriority[i].Total, tiers[i].Done + summary.ByPriority[i].Done);
            }
        }

        var totals = new TotalsJson(documents.Count, JsonMapping.Counts(sum), boxes, criteria, ByPriority(tiers), JsonMapping.Progress(sum), overdue, all.Late,
            FindingCountsJson.Of(all), VerificationJson.Of(all));
        var groups = by is null
            ? null
            : Grouping.Summarise((facts ?? throw new ArgumentNullException(nameof(facts))).SelectMany(d => d.Items.Select(i => (d.Path, i))), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), GroupName(g.Name), JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue))
                .OrderBy(g => g.Name is null)
                .ToList();
        return new StatusJson(Schema, JsonMapping.Date(today), documents, totals, groups);
    }

    // Items with no owner or no section are a group whose name is null, listed last.
    private static string? GroupName(string name) => name is Grouping.NoOwner or Grouping.NoSection ? null : name;

    private static DocumentStatusJson Document(DocumentSummary document, CheckCounts checks, DateOnly today) => new(
        document.Path,
        document.Title,
        JsonMapping.Counts(document.Items),
        new BoxCountJson(document.CheckboxesTotal, document.CheckboxesChecked),
        new BoxCountJson(document.CriteriaTotal, document.CriteriaChecked),
        ByPriority(document.ByPriority),
        JsonMapping.Progress(document.Items),
        document.Overdue(today),
        checks.Late,
        FindingCountsJson.Of(checks),
        VerificationJson.Of(checks));

    // Tiers are indexed like Grouping.PriorityNames, and every name is written, empty or not.
    private static Dictionary<string, PriorityCountJson> ByPriority(IReadOnlyList<TierCount> tiers)
    {
        var result = new Dictionary<string, PriorityCountJson>(tiers.Count, StringComparer.Ordinal);
        for (int i = 0; i < tiers.Count; i++)
        {
            result[Grouping.PriorityNames[i]] = new PriorityCountJson(tiers[i].Total, tiers[i].Done);
        }

        return result;
    }
}
