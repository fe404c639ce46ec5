using System.Globalization;
using System.Text.RegularExpressions;
using Punchlist.Analysis.Findings;
using Punchlist.Model;

namespace Punchlist.Cli.Rendering;

/// <summary>
/// `punch check` as a compiler prints it: per document, `path:line:column: severity CODE name:
/// message`, the source line with the span underlined, and the correction when one is known; then
/// a summary and whether `--fail-on` is met.
/// </summary>
internal static partial class FindingsRenderer
{
    private const string Gutter = "       │ ";

    public static void Render(Screen screen, IReadOnlyList<TrackerDocument> documents, IReadOnlyList<Finding> findings)
    {
        // A `path:line:column: …` line is never wrapped or cut, so that editors and CI logs can follow
        // it; source lines are cut to the width instead.
        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        foreach (var group in findings.GroupBy(f => f.Document))
        {
            int count = group.Count();
            if (screen.Plain)
            {
                // One record a finding: the `path:line:column:` line, without the heading and the source under it.
                foreach (var finding in group)
                {
                    screen.Line(Headline(finding, plain: true));
                }

                continue;
            }

            screen.Line($"[bold]{TerminalText.Markup(group.Key)}[/] [grey]({StatusRenderer.Plural(count, "finding")})[/]");
            foreach (var finding in group)
            {
                RenderOne(screen, byPath[group.Key], finding);
            }

            screen.Line();
        }
    }

    private static void RenderOne(Screen screen, TrackerDocument document, Finding finding)
    {
        string color = Color(finding.Severity);
        screen.Line(Headline(finding, plain: false));

        var lines = document.Source.Lines;
        int lineIndex = lines.LineIndexOf(finding.Span.Start);
        var line = lines.LineSpan(document.Source.Text, lineIndex);
        int from = finding.Span.Start - line.Start;
        int to = Math.Clamp(finding.Span.End, finding.Span.Start, line.End) - line.Start;

        // One character for one: the caret stays under the span whatever the line holds.
        string text = TerminalText.Clean(document.Source.Slice(line));
        int room = Math.Max(20, screen.Width - Gutter.Length);
        var (shown, caretAt, caretLength) = Window(text, from, Math.Max(to, from + 1), room);

        screen.Line($"[grey]{(lineIndex + 1).ToString(CultureInfo.InvariantCulture),6} │[/] {Spectre.Console.Markup.Escape(shown)}");
        string hint = TerminalText.Clean(Hint(finding));
        if (caretAt + caretLength + Cells.Width(hint) <= room)
        {
            screen.Line($"[grey]{Gutter}[/]{new string(' ', caretAt)}[{color}]{new string('^', caretLength)}{Spectre.Console.Markup.Escape(hint)}[/]");
            return;
        }

        // The correction does not fit after the caret: it goes on a line of its own, under it.
        screen.Line($"[grey]{Gutter}[/]{new string(' ', caretAt)}[{color}]{new string('^', caretLength)}[/]");
        if (hint.Length > 0)
        {
            screen.Wrapped($"[grey]{Gutter}[/]", Gutter.Length, [new Span(hint.TrimStart(), color)]);
        }
    }

    /// <summary>A finding's message with any quoted text longer than 60 characters cut (an 838-character title, quoted twice).</summary>
    public static string ShortQuotes(string message) =>
        LongQuote().Replace(message, m => $"'{Cells.End(m.Groups[1].Value, 60)}'");

    // What to write instead, when the finding knows it.
    private static string Hint(Finding finding) => finding.Fix.Count > 0 && finding.Actual is { } actual
        ? $" {finding.Declared} → {actual}"
        : string.Empty;

    // The part of a long line around the span that fits, with the caret's place in cells.
    private static (string Text, int CaretAt, int CaretLength) Window(string text, int from, int to, int room)
    {
        to = Math.Min(to, text.Length);
        from = Math.Min(from, text.Length);
        int start = 0;
        if (Cells.Width(text) > room && from > room / 3)
        {
            start = from - (room / 3);
            if (start > 0 && char.IsLowSurrogate(text[start]))
            {
                start--;
            }
        }

        string prefix = start > 0 ? "…" : string.Empty;
        string visible = Cells.End(prefix + text[start..], room);
        int caretAt = Cells.Width(prefix + text[start..from]);
        int caretLength = Math.Max(1, Math.Min(Cells.Width(text[from..Math.Max(from, to)]), Math.Max(1, room - caretAt)));
        return (visible, caretAt, caretLength);
    }

    /// <summary>The summary: how many findings of each severity where, and whether `--fail-on` is met.</summary>
    public static void Summary(Screen screen, int documents, IReadOnlyList<Finding> findings, string failOn, string? filtered)
    {
        string trackers = StatusRenderer.Plural(documents, "tracker");
        if (findings.Count == 0)
        {
            screen.Wrapped(string.Empty, 0, [new Span("No findings", "green"), new Span($" in {trackers}{filtered}.")]);
            return;
        }

        var counts = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(c => c.Count > 0)
            .ToList();
        int affected = findings.Select(f => f.Document).Distinct(StringComparer.Ordinal).Count();
        var line = new List<Span> { new($"{StatusRenderer.Plural(findings.Count, "finding")} (") };
        for (int i = 0; i < counts.Count; i++)
        {
            line.Add(new Span($"{counts[i].Count} {counts[i].Severity.Name()}{(counts[i].Count == 1 ? string.Empty : "s")}", Color(counts[i].Severity)));
            line.Add(new Span(i < counts.Count - 1 ? ", " : string.Empty));
        }

        line.Add(new Span($") in {affected} of {trackers}{filtered}."));
        screen.Wrapped(string.Empty, 0, line);
        if (Severities.TryParse(failOn, out var threshold))
        {
            int failing = findings.Count(f => f.Severity >= threshold);
            screen.Wrapped(string.Empty, 0, failing > 0
                ? [new Span("Check failed:", "red"), new Span($" {failing} at or above {threshold.Name()} (--fail-on {failOn}).")]
                : [new Span("Check passed:", "green"), new Span($" nothing at or above {threshold.Name()} (--fail-on {failOn}).")]);
        }
    }

    // Plain keeps long quotes whole: nothing is cut for a reader that does not see a width.
    private static string Headline(Finding finding, bool plain) =>
        $"{TerminalText.Markup(finding.Document)}:{finding.Start.Line}:{finding.Start.Column}: [{Color(finding.Severity)} bold]{finding.Severity.Name()}[/] [bold]{finding.Code}[/] [grey]{finding.Name}:[/] {TerminalText.Markup(plain ? finding.Message : ShortQuotes(finding.Message))}";

    public static string Color(Severity severity) => severity switch
    {
        Severity.Error => "red",
        Severity.Warning => "yellow",
        _ => "blue",
    };

    [GeneratedRegex("'([^']{61,})'")]
    private static partial Regex LongQuote();
}
