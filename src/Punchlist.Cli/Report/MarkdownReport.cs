using System.Text;
using Punchlist.Analysis;
using Punchlist.Cli.Json;
using static Punchlist.Cli.Report.ReportText;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>The report as GitHub-flavoured Markdown, to paste into an issue, a pull request or a wiki page.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportData data)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(Title(data))).Append("\n\n");
        md.Append("**").Append(data.Verdict.Headline).Append(".** ")
            .Append(Escape(Sentence(data.Verdict.Reasons[0]))).Append("\n\n");
        foreach (string reason in data.Verdict.Reasons.Skip(1))
        {
            md.Append("- ").Append(Escape(Sentence(reason))).Append('\n');
        }

        md.Append(data.Verdict.Reasons.Count > 1 ? "\n" : string.Empty);
        Table(md, ["", "Now"], Headline(data).Select(h => new[] { h.Label, h.Value }));

        md.Append("## Progress by priority\n\n");
        Table(md, ["Priority", "Items#", "Done#", "Progress#"], data.Status.Totals.ByPriority.Where(p => p.Value.Total > 0)
            .Select(p => new[] { p.Key, N(p.Value.Total), N(p.Value.Done), Bar(p.Value.Done, p.Value.Total) }));

        md.Append("## Progress by tracker\n\n");
        Table(md, ["Tracker", "Items#", "Done#", "Progress#", "Late#", "Errors#"], data.Status.Documents
            .Select(d => new[] { $"`{d.Path}`", N(d.Items.Total), N(d.Progress.Done), Bar(d.Progress.Done, d.Progress.Total), N(d.Late), N(d.Findings.Error) }));

        md.Append("## ").Append(Window(data)).Append("\n\n");
        if (data.Window?.Flow is { } flow && data.Changes is { } changes)
        {
            md.Append($"From the git history: {Count(flow.Finished.Count, "item")} finished, {N(changes.Added.Count)} added, {N(flow.WentBackwards.Count)} reopened, {N(changes.Slipped.Count)} pushed back; {N(data.FellDue.Count)} fell due.\n\n");
            List("Finished", flow.Finished.Select(f => $"{Item(f.Address, f.Title)}: done {f.Done[..10]}"));
            List("Added", changes.Added.Select(a => $"{Item(a.Address, a.Title)} ({a.Priority}), {JsonMapping.Date(DateOnly.FromDateTime(a.Commit.When))} by {Escape(a.Commit.Author)}"));
            List("Reopened", flow.WentBackwards.Select(b => $"{Item(b.Address, b.Title)}: now {b.To}, {b.Commit.Date[..10]} by {Escape(b.Commit.Author)}"));
            List("Pushed back", changes.Slipped.Select(s => $"{Item(s.Address, s.Title)} ({s.Priority}{(s.Owner is null ? string.Empty : $", {Escape(s.Owner)}")}): due {JsonMapping.Date(s.From)} → {JsonMapping.Date(s.To)}"));
        }
        else
        {
            md.Append(Escape(NoHistory(data))).Append("\n\n");
        }

        List("Fell due", data.FellDue.Select(i => $"{Item(i.Address, i.Title)}{(i.Owner is null ? string.Empty : $" ({Escape(i.Owner)})")}: {i.Note}"));

        md.Append("## Late P0 and P1 items\n\n");
        if (data.Late.Count == 0)
        {
            md.Append("None.");
        }
        else
        {
            Table(md, ["Item", "Priority", "Owner", "Due", "Late by#", "Why"], data.Late
                .Select(l => new[] { Item(l.Address, l.Title), l.Priority, l.Owner is null ? "**nobody**" : Escape(l.Owner), l.Due ?? "–", DaysLate(l), Escape(LateWhy(l)) }));
        }

        md.Append(data.OtherLate > 0 ? $"{(data.Late.Count == 0 ? " " : string.Empty)}{Count(data.OtherLate, "item")} of lower or no priority {(data.OtherLate == 1 ? "is" : "are")} late too (`punch list is:overdue`).\n\n" : data.Late.Count == 0 ? "\n\n" : string.Empty);

        md.Append("## False claims\n\n");
        if (data.FalseClaims.Count == 0 && data.Contradicted.Count == 0)
        {
            md.Append("None: every number the trackers declare matches their items, and the repository contradicts no done item.\n\n");
        }

        List("Declared numbers that do not match the items", data.FalseClaims.Select(c => $"`{c.Document}:{N(c.Line)}`: {Escape(c.Message)}"));
        List("Done, but the repository says otherwise", data.Contradicted.Select(i => $"{Item(i.Address, i.Title)}: {Escape(i.Note)}"));

        md.Append("## Evidence\n\n").Append(Escape(EvidenceCoverage(data.Status.Totals.Verification))).Append("\n\n");

        md.Append("## Forecast\n\n");
        if (data.Forecast is { } forecast)
        {
            md.Append(Escape(Sentence(ReportText.Forecast(forecast))));
            md.Append(forecast.TooLittle is null && forecast.Remaining > 0 ? $" {Escape(ForecastBasis(forecast))}" : string.Empty).Append("\n\n");
        }
        else
        {
            md.Append("No forecast without history: a forecast is drawn from the weeks the git history shows.\n\n");
        }

        md.Append("---\n").Append('_').Append(Escape(Footer(data))).Append("_\n");
        return md.ToString();

        void List(string heading, IEnumerable<string> lines)
        {
            var all = lines.ToList();
            if (all.Count > 0)
            {
                md.Append("**").Append(heading).Append("**\n\n");
                all.ForEach(l => md.Append("- ").Append(l).Append('\n'));
                md.Append('\n');
            }
        }
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        // A column is right-aligned when its header says it holds numbers (a trailing '#', not printed).
        md.Append("| ").AppendJoin(" | ", header.Select(h => h.TrimEnd('#'))).Append(" |\n|").AppendJoin("|", header.Select(h => h.EndsWith('#') ? "--:" : "---")).Append("|\n");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        md.Append('\n');
    }

    // Ten blocks wide, as punch status draws it, and its percentage (rounded down, as everywhere).
    private static string Bar(int done, int total)
    {
        if (new Fraction(done, total).Percent is not { } percent)
        {
            return "–";
        }

        int full = (int)Math.Round(10.0 * done / total, MidpointRounding.AwayFromZero);
        return $"{new string('█', full)}{new string('░', 10 - full)} {N(percent)} %";
    }

    private static string Item(string address, string title) => $"`{address}` {Escape(title)}";


    // What a tracker's text could make of the report's Markdown: table pipes, HTML, emphasis and links are taken literally.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\n' or '\r': escaped.Append(' '); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '|' or '*' or '_' or '[' or ']' or '`' or '\\' or '#': escaped.Append('\\').Append(c); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }
}
