using System.Globalization;
using System.Net;
using System.Text;
using Punchlist.Cli.Json;
using static Punchlist.Cli.Report.ReportText;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>
/// The report as one self-contained HTML file: styles inline, charts as inline SVG, no script, no
/// font or image fetched, so it reads the same in a browser, a mail client and on paper (print
/// styles: A4, colours kept, no section split across pages). Each number drawn from `punch status
/// --json` or `punch history --json` names its place there (`data-status="totals.late"`,
/// `data-history=…`, `data-window=…` for the `--since` run), so a reader or a test can check it.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f9fafb; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 860px; margin: 0 auto; padding: 24px; background: #fff; }
        h1 { font-size: 1.5em; margin: 0 0 12px; }
        h2 { font-size: 1.15em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1em; margin: 16px 0 4px; }
        .verdict { padding: 12px 16px; border-radius: 6px; border-left: 6px solid; margin: 0 0 8px; }
        .verdict strong { font-size: 1.2em; }
        .on-track, .done { background: #ecfdf5; border-color: #15803d; }
        .at-risk { background: #fffbeb; border-color: #b45309; }
        .off-track { background: #fef2f2; border-color: #b91c1c; }
        .reasons { margin: 0 0 16px; }
        .tiles { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0; }
        .tile { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .tile b { display: block; font-size: 1.6em; line-height: 1.2; }
        .tile span.label { color: var(--muted); font-size: .85em; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: .93em; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        td.d { white-space: nowrap; }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        .muted, footer { color: var(--muted); }
        footer { margin-top: 32px; font-size: .85em; border-top: 1px solid var(--line); padding-top: 8px; }
        svg text { fill: var(--ink); font-family: inherit; }
        /* A phone: a wide table (the late items, the trackers with their bars) scrolls on its own
           instead of running past the screen's edge, where its last columns could not be read. */
        @media screen and (max-width: 640px) {
          main { padding: 12px; }
          table { display: block; overflow-x: auto; }
        }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { background: #fff; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { max-width: none; padding: 0; }
          section, table, tr, .tile, svg { break-inside: avoid; }
          h2 { break-after: avoid; }
        }
        """;

    public static string Render(ReportData data)
    {
        var t = data.Status.Totals;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(Title(data))).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<h1>").Append(E(Title(data))).Append("</h1>\n");
        string level = data.Verdict.Level.ToString() switch { "OffTrack" => "off-track", "AtRisk" => "at-risk", "Done" => "done", _ => "on-track" };
        html.Append($"<p class=\"verdict {level}\" id=\"verdict\"><strong>{E(data.Verdict.Headline)}.</strong> {E(Sentence(data.Verdict.Reasons[0]))}</p>\n");
        if (data.Verdict.Reasons.Count > 1)
        {
            html.Append("<ul class=\"reasons\">").AppendJoin(string.Empty, data.Verdict.Reasons.Skip(1).Select(r => $"<li>{E(Sentence(r))}</li>")).Append("</ul>\n");
        }

        html.Append("<div class=\"tiles\">\n");
        Tile($"""<span data-status="totals.progress.percent">{Pct(t.Progress.Percent)}</span> %""", $"""done: <span data-status="totals.progress.done">{N(t.Progress.Done)}</span> of <span data-status="totals.progress.total">{N(t.Progress.Total)}</span> items""");
        Tile($"""<span data-status="totals.items.total">{N(t.Items.Total)}</span>""", $"""items in <span data-status="totals.documents">{N(t.Documents)}</span> tracker{(t.Documents == 1 ? string.Empty : "s")}""");
        Tile($"""<span data-status="totals.late">{N(t.Late)}</span>""", $"""late (<span data-status="totals.overdue">{N(t.Overdue)}</span> past the due date)""");
        Tile($"""<span data-status="totals.findings.error">{N(t.Findings.Error)}</span>""", $"""errors, <span data-status="totals.findings.warning">{N(t.Findings.Warning)}</span> warnings""");
        Tile($"""<span data-status="totals.verification.verified">{N(t.Verification.Verified)}</span>""", $"""of <span data-status="totals.verification.done">{N(t.Verification.Done)}</span> done items verified""");
        if (data.Forecast is { TooLittle: null, Remaining: > 0 } forecast && forecast.Dates.FirstOrDefault(d => d.Percent == 85) is { } likely)
        {
            int at = forecast.Dates.ToList().IndexOf(likely);
            Tile($"""<span data-history="forecasts[0].dates[{N(at)}].date">{E(likely.Date)}</span>""", "all open items done (85 % likely)");
        }

        html.Append("</div>\n");
        html.Append("<section id=\"states\">").Append(SvgCharts.States(t.Items)).Append($"""<p class="muted">In progress <span data-status="totals.items.inProgress">{N(t.Items.InProgress)}</span>, blocked <span data-status="totals.items.blocked">{N(t.Items.Blocked)}</span>, open <span data-status="totals.items.open">{N(t.Items.Open)}</span>, cancelled <span data-status="totals.items.cancelled">{N(t.Items.Cancelled)}</span>; criteria checked <span data-status="totals.criteria.checked">{N(t.Criteria.Checked)}</span> of <span data-status="totals.criteria.total">{N(t.Criteria.Total)}</span>.</p>""").Append("</section>\n");

        html.Append("<section id=\"priorities\">\n<h2>Progress by priority</h2>\n<table>\n<tr><th>Priority</th><th class=\"n\">Items</th><th class=\"n\">Done</th><th class=\"n\">%</th><th>Progress</th></tr>\n");
        foreach (var (name, count) in t.ByPriority.Where(p => p.Value.Total > 0))
        {
            html.Append($"""<tr><td>{E(name)}</td><td class="n" data-status="totals.byPriority.{name}.total">{N(count.Total)}</td><td class="n" data-status="totals.byPriority.{name}.done">{N(count.Done)}</td><td class="n">{Pct(new Analysis.Fraction(count.Done, count.Total).Percent)}</td><td>{SvgCharts.Bar(count.Done, count.Total)}</td></tr>""").Append('\n');
        }

        html.Append("</table>\n</section>\n");

        html.Append("<section id=\"trackers\">\n<h2>Progress by tracker</h2>\n<table>\n<tr><th>Tracker</th><th class=\"n\">Items</th><th class=\"n\">Done</th><th class=\"n\">%</th><th>Progress</th><th class=\"n\">Late</th><th class=\"n\">Errors</th></tr>\n");
        for (int i = 0; i < data.Status.Documents.Count; i++)
        {
            var d = data.Status.Documents[i];
            string at = $"documents[{N(i)}]";
            html.Append($"""<tr><td><code>{E(d.Path)}</code></td><td class="n" data-status="{at}.items.total">{N(d.Items.Total)}</td><td class="n" data-status="{at}.progress.done">{N(d.Progress.Done)}</td><td class="n" data-status="{at}.progress.percent">{Pct(d.Progress.Percent)}</td><td>{SvgCharts.Bar(d.Progress.Done, d.Progress.Total)}</td><td class="n" data-status="{at}.late">{N(d.Late)}</td><td class="n" data-status="{at}.findings.error">{N(d.Findings.Error)}</td></tr>""").Append('\n');
        }

        html.Append("</table>\n</section>\n");
        Changes(html, data);
        Late(html, data);
        Claims(html, data);
        html.Append("<section id=\"evidence\">\n<h2>Evidence</h2>\n<p>").Append(E(EvidenceCoverage(t.Verification))).Append("</p>\n</section>\n");
        Forecasts(html, data);
        html.Append("<footer>").Append(E(Footer(data))).Append("</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();

        void Tile(string value, string label) => html.Append($"<div class=\"tile\"><b>{value}</b><span class=\"label\">{label}</span></div>\n");
    }

    private static void Changes(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"changes\">\n<h2>").Append(E(Window(data))).Append("</h2>\n");
        if (data.Window?.Flow is { } flow && data.Changes is { } changes)
        {
            html.Append($"""<p>From the git history: <b data-window="flow.finished.length">{N(flow.Finished.Count)}</b> finished, <b>{N(changes.Added.Count)}</b> added, <b data-window="flow.wentBackwards.length">{N(flow.WentBackwards.Count)}</b> reopened, <b>{N(changes.Slipped.Count)}</b> pushed back; <b>{N(data.FellDue.Count)}</b> fell due.</p>""").Append('\n');
            List(html, "Finished", flow.Finished.Select(f => $"{Item(f.Address, f.Title)}: done {E(f.Done[..10])}"));
            List(html, "Added", changes.Added.Select(a => $"{Item(a.Address, a.Title)} ({E(a.Priority)}), {JsonMapping.Date(DateOnly.FromDateTime(a.Commit.When))} by {E(a.Commit.Author)}"));
            List(html, "Reopened", flow.WentBackwards.Select(b => $"{Item(b.Address, b.Title)}: now {E(b.To)}, {E(b.Commit.Date[..10])} by {E(b.Commit.Author)}"));
            List(html, "Pushed back", changes.Slipped.Select(s => $"{Item(s.Address, s.Title)} ({E(s.Priority)}{(s.Owner is null ? string.Empty : $", {E(s.Owner)}")}): due {JsonMapping.Date(s.From)} → {JsonMapping.Date(s.To)}"));
        }
        else
        {
            html.Append("<p>").Append(E(NoHistory(data))).Append("</p>\n");
        }

        List(html, "Fell due", data.FellDue.Select(i => $"{Item(i.Address, i.Title)}{(i.Owner is null ? string.Empty : $" ({E(i.Owner)})")}: {E(i.Note)}"));
        html.Append("</section>\n");
    }

    private static void Late(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"late\">\n<h2>Late P0 and P1 items</h2>\n");
        if (data.Late.Count == 0)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>Item</th><th>Priority</th><th>Owner</th><th>Due</th><th class=\"n\">Late by</th><th>Why</th></tr>\n");
            foreach (var l in data.Late)
            {
                html.Append($"<tr><td>{Item(l.Address, l.Title)}</td><td>{E(l.Priority)}</td><td>{(l.Owner is null ? "<b>nobody</b>" : E(l.Owner))}</td><td class=\"d\">{E(l.Due ?? "–")}</td><td class=\"n d\">{E(DaysLate(l))}</td><td>{E(LateWhy(l))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (data.OtherLate > 0)
        {
            html.Append($"<p class=\"muted\">{E(Count(data.OtherLate, "item"))} of lower or no priority {(data.OtherLate == 1 ? "is" : "are")} late too (<code>punch list is:overdue</code>).</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Claims(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"claims\">\n<h2>False claims</h2>\n");
        if (data.FalseClaims.Count == 0 && data.Contradicted.Count == 0)
        {
            html.Append("<p>None: every number the trackers declare matches their items, and the repository contradicts no done item.</p>\n");
        }

        List(html, "Declared numbers that do not match the items", data.FalseClaims.Select(c => $"<code>{E(c.Document)}:{N(c.Line)}</code>: {E(c.Message)}"));
        List(html, "Done, but the repository says otherwise", data.Contradicted.Select(i => $"{Item(i.Address, i.Title)}: {E(i.Note)}"));
        html.Append("</section>\n");
    }

    private static void Forecasts(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"forecast\">\n<h2>Forecast</h2>\n");
        if (data.Forecast is { } forecast && data.History is { } history)
        {
            html.Append($"""<p>{E(Sentence(ReportText.Forecast(forecast)))}{(forecast.TooLittle is null && forecast.Remaining > 0 ? $" {E(ForecastBasis(forecast))}" : string.Empty)}</p>""").Append('\n');
            html.Append(SvgCharts.BurnUp(history.BurnUp ?? []));
            if (history.Flow is { Throughput.Count: > 0 } flow)
            {
                html.Append("<h3>Finished per week</h3>\n").Append(SvgCharts.Throughput([.. flow.Throughput.TakeLast(26)]));
            }
        }
        else
        {
            html.Append("<p>No forecast without history: a forecast is drawn from the weeks the git history shows.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void List(StringBuilder html, string heading, IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count > 0)
        {
            html.Append("<h3>").Append(E(heading)).Append("</h3>\n<ul>").AppendJoin(string.Empty, all.Select(i => $"<li>{i}</li>")).Append("</ul>\n");
        }
    }

    private static string Item(string address, string title) => $"<code>{E(address)}</code> {E(title)}";

    private static string Pct(int? percent) => percent is { } p ? N(p) : "–";


    private static string E(string text) => WebUtility.HtmlEncode(text);

}
