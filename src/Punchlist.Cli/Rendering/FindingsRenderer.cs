using System.Globalization;
using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Workspaces;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch check` as a compiler prints it: per document, `path:line:column: severity CODE name:
/// message`, the source line with the span underlined, and the correction when one is known; then
/// a summary and whether `--fail-on` is met.
/// </summary>
internal static class FindingsRenderer
{
    private const string Gutter = "       │ ";

    public static void Render(IAnsiConsole console, Workspace workspace, IReadOnlyList<Finding> findings, string failOn)
    {
        // A `path:line:column: …` line is never wrapped, so that editors and CI logs can follow it;
        // source lines are cut to the console's width instead.
        int width = console.Profile.Width;
        console.Profile.Width = int.MaxValue / 2;
        try
        {
            var documents = workspace.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
            foreach (var group in findings.GroupBy(f => f.Document))
            {
                int count = group.Count();
                console.MarkupLine($"[bold]{Markup.Escape(group.Key)}[/] [grey]({count} {(count == 1 ? "finding" : "findings")})[/]");
                foreach (var finding in group)
                {
                    RenderOne(console, documents[group.Key], finding, width);
                }

                console.WriteLine();
            }

            Summary(console, workspace, findings, failOn);
        }
        finally
        {
            console.Profile.Width = width;
        }
    }

    private static void RenderOne(IAnsiConsole console, TrackerDocument document, Finding finding, int width)
    {
        string color = Color(finding.Severity);
        console.MarkupLine($"{Markup.Escape(finding.Document)}:{finding.Start.Line}:{finding.Start.Column}: [{color} bold]{finding.Severity.Name()}[/] [bold]{finding.Code}[/] [grey]{finding.Name}:[/] {Markup.Escape(finding.Message)}");

        var lines = document.Source.Lines;
        int lineIndex = lines.LineIndexOf(finding.Span.Start);
        var line = lines.LineSpan(document.Source.Text, lineIndex);
        int from = finding.Span.Start - line.Start;
        int to = Math.Clamp(finding.Span.End, finding.Span.Start, line.End) - line.Start;
        string text = document.Source.Slice(line).Replace('\t', ' ');
        int room = Math.Max(20, width - Gutter.Length);
        var (shown, caretAt, caretLength) = Window(text, from, Math.Max(to, from + 1), room);

        console.MarkupLine($"[grey]{(lineIndex + 1).ToString(CultureInfo.InvariantCulture),6} │[/] {Markup.Escape(shown)}");
        string hint = Hint(finding);
        console.MarkupLine($"[grey]{Gutter}[/]{new string(' ', caretAt)}[{color}]{new string('^', caretLength)}{Markup.Escape(hint)}[/]");
    }

    // What to write instead, when the finding knows it.
    private static string Hint(Finding finding) => finding.Fix.Count > 0 && finding.Actual is { } actual
        ? $" {finding.Declared} → {actual}"
        : string.Empty;

    // The part of a long line around the span that fits the console, with the caret's place in cells.
    private static (string Text, int CaretAt, int CaretLength) Window(string text, int from, int to, int room)
    {
        to = Math.Min(to, text.Length);
        from = Math.Min(from, text.Length);
        int start = 0;
        if (Cells(text) > room && from > room / 3)
        {
            start = from - (room / 3);
        }

        string prefix = start > 0 ? "…" : string.Empty;
        string visible = prefix + text[start..];
        while (Cells(visible) > room && visible.Length > 1)
        {
            visible = visible[..^2] + "…";
        }

        int caretAt = Cells(prefix + text[start..from]);
        int caretLength = Math.Max(1, Math.Min(Cells(text[from..to]), Math.Max(1, room - caretAt)));
        return (visible, caretAt, caretLength);
    }

    private static int Cells(string text) => text.Length == 0 ? 0 : new Segment(text).CellCount();

    private static void Summary(IAnsiConsole console, Workspace workspace, IReadOnlyList<Finding> findings, string failOn)
    {
        int documents = workspace.Documents.Count;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]No findings[/] in {documents} {(documents == 1 ? "tracker" : "trackers")}.");
            return;
        }

        var counts = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"[{Color(c.Severity)}]{c.Count} {c.Severity.Name()}{(c.Count == 1 ? string.Empty : "s")}[/]");
        int affected = findings.Select(f => f.Document).Distinct(StringComparer.Ordinal).Count();
        console.MarkupLine($"{findings.Count} {(findings.Count == 1 ? "finding" : "findings")} ({string.Join(", ", counts)}) in {affected} of {documents} {(documents == 1 ? "tracker" : "trackers")}.");
        if (Severities.TryParse(failOn, out var threshold))
        {
            int failing = findings.Count(f => f.Severity >= threshold);
            console.MarkupLine(failing > 0
                ? $"[red]Check failed:[/] {failing} at or above {threshold.Name()} (--fail-on {failOn})."
                : $"[green]Check passed:[/] nothing at or above {threshold.Name()} (--fail-on {failOn}).");
        }
    }

    private static string Color(Severity severity) => severity switch
    {
        Severity.Error => "red",
        Severity.Warning => "yellow",
        _ => "blue",
    };
}
