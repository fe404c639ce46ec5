using System.CommandLine;
using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
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
            var workspace = context.Load(parse.GetValue(paths), environment);
            return Run(context, workspace, parse.GetValue(by) is { } name ? Enum.Parse<GroupBy>(name, ignoreCase: true) : null);
        });
        return command;
    }

    internal static int Run(CommandContext context, Workspace workspace, GroupBy? by)
    {
        var report = Build(workspace, by, context.Today);
        if (context.Json)
        {
            JsonOutput.Write(context.Out, report);
        }
        else
        {
            StatusRenderer.Render(context.Console, report, by);
            if (context.Explain)
            {
                NotesRenderer.Render(context.Console, workspace);
            }
        }

        return ExitCodes.Ok;
    }

    internal static StatusJson Build(Workspace workspace, GroupBy? by, DateOnly today)
    {
        var evidence = workspace.Evidence();
        var findings = workspace.Check(today, evidence: evidence);
        var documents = workspace.Documents.Select(d => Document(d, today, findings.Where(f => f.Document == d.Path), evidence)).ToList();
        var allItems = workspace.Documents.SelectMany(d => d.Items).ToList();
        var counts = ItemCounts.Of(allItems);
        var totals = new TotalsJson(
            documents.Count,
            JsonMapping.Counts(counts),
            new BoxCountJson(documents.Sum(d => d.Checkboxes.Total), documents.Sum(d => d.Checkboxes.Checked)),
            new BoxCountJson(documents.Sum(d => d.Criteria.Total), documents.Sum(d => d.Criteria.Checked)),
            JsonMapping.ByPriority(allItems),
            JsonMapping.Progress(counts),
            documents.Sum(d => d.Overdue),
            JsonMapping.Findings(findings),
            documents.Aggregate(new VerificationJson(0, 0, 0, 0), (sum, d) => sum.Add(d.Verification)));
        var groups = by is null
            ? null
            : Grouping.Summarise(workspace.AllItems(), by.Value, today)
                .Select(g => new GroupJson(JsonMapping.Lower(by.Value.ToString()), g.Name, JsonMapping.Counts(g.Items),
                    new BoxCountJson(g.Criteria.Total, g.Criteria.Done), JsonMapping.Progress(g.Items), g.Overdue))
                .ToList();
        return new StatusJson(Schema, JsonMapping.Date(today), documents, totals, groups);
    }

    private static DocumentStatusJson Document(TrackerDocument document, DateOnly today, IEnumerable<Finding> findings, Evidence.WorkspaceEvidence evidence)
    {
        var counts = ItemCounts.Of(document.Items);
        return new DocumentStatusJson(
            document.Path,
            document.Title,
            JsonMapping.Counts(counts),
            JsonMapping.Boxes(document.Checkboxes),
            new BoxCountJson(document.Items.Sum(i => i.CriteriaTotal), document.Items.Sum(i => i.CriteriaChecked)),
            JsonMapping.ByPriority(document.Items),
            JsonMapping.Progress(counts),
            document.Items.Count(i => Dates.IsOverdue(i, today)),
            JsonMapping.Findings(findings),
            VerificationJson.Of(document.Items.Where(i => i.State == ItemState.Done).Select(i => evidence.For(document, i))));
    }
}
