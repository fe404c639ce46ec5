using Punchlist.Analysis;
using Punchlist.Analysis.Findings;
using Punchlist.Json;
using Punchlist.Evidence;
using Punchlist.Model;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch show`: one item — what it is and where, its facts (a missing owner shown as missing, days
/// late), numbered criteria, what `check` finds in it, what the repository's evidence says, its
/// references, and the text of the item that the facts and criteria do not already show.
/// </summary>
internal static class ShowRenderer
{
    private const int TextLines = 12;
    private const int Label = 10;

    public static void Render(Screen screen, TrackerDocument document, Item item, ItemDetailJson detail, IReadOnlyList<Finding> findings, ItemEvidence evidence,
        IReadOnlyList<ShownDependency> dependencies, DateOnly today)
    {
        var json = detail.Item;
        screen.Wrapped(string.Empty, 0, [new Span(TerminalText.Clean(item.Title), "bold")]);
        screen.Wrapped(string.Empty, 0,
        [
            new Span(TerminalText.Clean(json.Address), "blue", Whole: true),
            new Span("  ", "grey"),
            // The location is broken only where it does not fit at all: a file name with spaces (a
            // Backlog.md task's) stays whole for an editor or a terminal to open.
            new Span(TerminalText.Clean($"{document.Path}:{json.Line}:{json.Column}"), "grey", Whole: true),
            new Span(TerminalText.Clean($" · {json.Kind}"), "grey"),
        ]);
        screen.Line();

        Fact(screen, "State", [new Span(item.State.Name(), StateStyle(item.State)), .. item.Status is null ? Array.Empty<Span>() : [new Span($" (declared: {TerminalText.Clean(item.Status.Raw)})", "grey")]]);
        Fact(screen, "Priority", item.Priority is null ? [new Span("none", "grey")] : [new Span($"{item.Priority.Name} ({TerminalText.Clean(item.Priority.Label)}, from {item.Priority.Source.ToString().ToLowerInvariant()})")]);
        string? declaredOwner = item.Field(FieldKind.Owner)?.Value;
        Fact(screen, "Owner", item.Owner is { } owner ? [new Span(TerminalText.Clean(owner))]
            : [new Span("no owner", "yellow"), .. string.IsNullOrWhiteSpace(declaredOwner) ? Array.Empty<Span>() : [new Span($" (declared: {TerminalText.Clean(declaredOwner)})", "grey")]]);
        // Late as everywhere (Lateness): past the due date, past the SLA that PL004 found, or both.
        var sla = findings.FirstOrDefault(f => f.Code == "PL004" && f.Deadline is not null);
        var late = Lateness.Of(item.Due?.Date, item.State, sla?.Deadline, today);
        if (item.Due is { } due)
        {
            Fact(screen, "Due", late.DaysOverdue is { } days
                ? [new Span(Wording.Date(due.Date)), new Span($", {days}d late", "red")]
                : [new Span(Wording.Date(due.Date))]);
        }

        if (late.DaysPastSla is { } pastSla && sla is not null)
        {
            Fact(screen, "SLA", [new Span(TerminalText.Clean($"{item.Priority?.Name} within {sla.Declared}, until {Wording.Date(sla.Deadline!.Value)}")), new Span($", {pastSla}d late", "red")]);
        }

        if (item.Effort is { } effort)
        {
            Fact(screen, "Effort", [new Span(TerminalText.Clean(effort.Hours is null ? effort.Text : $"{effort.Text} ({effort.Hours} h)"))]);
        }

        if (item.Category is { } category)
        {
            Fact(screen, "Category", [new Span(TerminalText.Clean(category))]);
        }

        if (json.SectionPath.Count > 0)
        {
            Fact(screen, "Section", [new Span(TerminalText.Clean(string.Join(" › ", json.SectionPath)))]);
        }

        if (dependencies.Count > 0)
        {
            Fact(screen, "Depends", Dependencies(dependencies));
        }

        foreach (var field in item.Fields.Where(f => f.Kind == FieldKind.Custom && f.HasValue).Take(8))
        {
            Fact(screen, field.Key, [new Span(TerminalText.Clean(field.Value))]);
        }

        if (item.Criteria.Count > 0)
        {
            screen.Line();
            screen.Line($"[bold]Criteria[/] [grey]{item.CriteriaChecked} of {item.CriteriaTotal} checked[/]");
            foreach (var (box, number) in item.Criteria.Select((c, i) => (c, i + 1)))
            {
                string indent = new(' ', 2 + (2 * Math.Min(box.Depth, 8)));
                string mark = box.Mark switch
                {
                    BoxMark.Checked => "[green][[x]][/]",
                    BoxMark.Unchecked => "[[ ]]",
                    _ => $"[yellow][[{TerminalText.Markup(box.Marker.ToString())}]][/]",
                };
                screen.Wrapped($"{indent}[grey]{number,2}.[/] {mark} ", indent.Length + 8, TerminalText.Clean(box.Text));
            }
        }

        MatrixRenderer.Render(screen, item);
        Findings(screen, findings);
        Evidence(screen, evidence);
        if (item.References.Count > 0)
        {
            screen.Line();
            screen.Line("[bold]References[/]");
            foreach (var reference in item.References)
            {
                screen.Wrapped($"  [grey]{reference.Role.ToString().ToLowerInvariant(),-8}[/] ", 11, TerminalText.Clean(reference.Target));
            }
        }

        Text(screen, document, item, detail);
    }

    // `P0-002 done, P1-004 open (infra.md), task-9 not found`: each dependency with its state, so that
    // what holds the item up is read here, not looked up.
    private static List<Span> Dependencies(IReadOnlyList<ShownDependency> dependencies)
    {
        var spans = new List<Span>();
        foreach (var dependency in dependencies)
        {
            if (spans.Count > 0)
            {
                spans.Add(new Span(", "));
            }

            spans.Add(new Span(TerminalText.Clean(dependency.Id)));
            spans.Add(dependency.Item is { } found
                ? new Span($" {found.State.Name()}", StateStyle(found.State))
                : new Span(" not found", "yellow"));
            if (dependency.Path is { } path)
            {
                spans.Add(new Span(" (", "grey"));
                spans.Add(new Span(TerminalText.Clean(path), "grey", Whole: true));
                spans.Add(new Span(")", "grey"));
            }
        }

        return spans;
    }

    // Plain: `Owner<TAB>Dana`, the name whole.
    private static void Fact(Screen screen, string name, IReadOnlyList<Span> value) =>
        screen.Wrapped(screen.Plain ? $"{TerminalText.Markup(name)}\t" : $"[grey]{TerminalText.Markup(Cells.End(name, Label - 1)).PadRight(Label)}[/]", Label, value);

    private static void Findings(Screen screen, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        screen.Line();
        screen.Line($"[bold]Findings[/] [grey]({findings.Count}; punch check shows them in context)[/]");
        foreach (var finding in findings)
        {
            string color = FindingsRenderer.Color(finding.Severity);
            screen.Wrapped($"  [{color}]{finding.Severity.Name()}[/] [bold]{finding.Code}[/] ", 4 + finding.Severity.Name().Length + finding.Code.Length,
            [
                new Span($"line {finding.Start.Line}: ", "grey"),
                new Span(TerminalText.Clean(finding.Message)),
            ]);
        }
    }

    private static void Evidence(Screen screen, ItemEvidence evidence)
    {
        if (evidence.Records.Count == 0)
        {
            return;
        }

        screen.Line();
        screen.Line($"[bold]Evidence[/] {VerifyRenderer.Verdict(evidence.Verdict)} {evidence.Verdict.Name()}{(evidence.MayBeDone ? " [cyan](may be done)[/]" : string.Empty)}");
        foreach (var record in evidence.Records)
        {
            VerifyRenderer.Record(screen, record, "  ");
        }
    }

    // The item's own text that the facts and criteria above do not show: its prose, with line numbers.
    private static void Text(Screen screen, TrackerDocument document, Item item, ItemDetailJson detail)
    {
        var shown = new HashSet<int> { item.Position.Line };
        shown.UnionWith(item.Fields.Select(f => f.Position.Line));
        shown.UnionWith(item.Criteria.Select(c => c.Position.Line));
        var lines = detail.Source.Excerpt.Split('\n')
            .Select((text, i) => (Number: detail.Source.StartLine + i, Text: text.TrimEnd('\r')))
            .Where(l => !shown.Contains(l.Number) && !string.IsNullOrWhiteSpace(l.Text))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        screen.Line();
        screen.Line($"[bold]Text[/] [grey]{TerminalText.Markup(document.Path)}:{detail.Source.StartLine}-{detail.Source.EndLine}[/]");
        int room = screen.Plain ? lines.Count : TextLines;
        foreach (var (number, text) in lines.Take(room))
        {
            screen.Wrapped($"[grey]{number,6} │[/] ", 9, TerminalText.Clean(text));
        }

        if (lines.Count > room)
        {
            screen.Line($"[grey]       … {lines.Count - room} more lines[/]");
        }
    }

    private static string? StateStyle(ItemState state) => state switch
    {
        ItemState.Done => "green",
        ItemState.InProgress => "yellow",
        ItemState.Blocked => "red",
        ItemState.Cancelled => "grey",
        _ => null,
    };
}

/// <summary>A dependency as `punch show` lists it: the ID written, the item it names (none when no item or more than one has it), and that item's document when it is another.</summary>
internal sealed record ShownDependency(string Id, Item? Item, string? Path);
