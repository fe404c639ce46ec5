using System.Globalization;
using Punchlist.Cli.Json;
using Punchlist.Json;

namespace Punchlist.Cli.Report;

/// <summary>The sentences and numbers both report formats print, worded once.</summary>
internal static class ReportText
{
    /// <summary>A reason as a sentence: capitalised, with its full stop.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Percent(ProgressJson progress) => progress.Percent is { } p ? $"{N(p)} %" : "–";

    public static string Count(int n, string noun) => $"{N(n)} {noun}{(n == 1 ? string.Empty : "s")}";

    public static string Title(ReportData data) => $"Tracker report: {data.Name}, {JsonMapping.Date(data.Today)}";

    public static string Window(ReportData data) => $"Since {JsonMapping.Date(data.Since)} ({Count(data.WindowDays, "day")})";

    /// <summary>The rows of the headline table: a label, the value as text, and where the value's numbers come from.</summary>
    public static IEnumerable<(string Label, string Value)> Headline(ReportData data)
    {
        var t = data.Status.Totals;
        yield return ("Items", $"{N(t.Items.Total)} in {Count(t.Documents, "tracker")}");
        yield return ("Done", $"{N(t.Progress.Done)} of {N(t.Progress.Total)} ({Percent(t.Progress)}; cancelled left out)");
        yield return ("In progress · blocked · open", $"{N(t.Items.InProgress)} · {N(t.Items.Blocked)} · {N(t.Items.Open)}");
        yield return ("Criteria checked", $"{N(t.Criteria.Checked)} of {N(t.Criteria.Total)}");
        yield return ("Late", t.Late == t.Overdue ? $"{N(t.Late)}{(t.Late == 0 ? string.Empty : ", all past their due date")}" : $"{N(t.Late)}: {N(t.Overdue)} past the due date, {N(t.Late - t.Overdue)} past their SLA");
        yield return ("Findings", $"{Count(t.Findings.Error, "error")}, {Count(t.Findings.Warning, "warning")}, {Count(t.Findings.Note, "note")}");
        yield return ("Done items against the repository", $"{N(t.Verification.Verified)} verified, {N(t.Verification.Contradicted)} contradicted, {N(t.Verification.Unknown)} without evidence");
        if (data.Forecast is { } forecast)
        {
            yield return ("Forecast", Forecast(forecast));
        }
    }

    public static string Forecast(ForecastJson forecast) =>
        forecast.TooLittle is { } why
            ? $"none yet: {why}"
            : forecast.Remaining == 0
                ? "nothing left open"
                : $"{Count(forecast.Remaining, "open item")} done by {string.Join(", ", forecast.Dates.Select(d => $"{d.Date} ({N(d.Percent)} % likely)"))}";

    /// <summary>How the forecast was made, in a sentence a stakeholder can check.</summary>
    public static string ForecastBasis(ForecastJson forecast) =>
        $"A Monte Carlo simulation ({N(forecast.Trials)} runs) that draws each future week's finished items from the last {Count(forecast.Samples.Count, "week")} of history ({string.Join(", ", forecast.Samples.Select(s => N(s.Done)))}).";

    public static string EvidenceCoverage(VerificationJson v) => v.Done == 0
        ? "No item is done yet, so there is nothing to check against the repository."
        : $"Of {Count(v.Done, "done item")}, the repository verifies {N(v.Verified)} ({N(100 * v.Verified / v.Done)} %) and contradicts {N(v.Contradicted)}; {N(v.Unknown)} promise nothing Punchlist can check (files, Dockerfiles, CI workflows; commands are never run for a report).";

    public static string NoHistory(ReportData data) =>
        $"No history: {data.NoHistory} What was finished, added, reopened or pushed back since {JsonMapping.Date(data.Since)} cannot be told from the trackers alone; only the items whose due date passed in that time are listed.";

    public static string LateWhy(LateItem item) => string.Join("; ", item.Why);

    public static string DaysLate(LateItem item) => item.DaysLate is { } d ? Count(d, "day") : "past SLA";

    public static string Footer(ReportData data) =>
        $"Made by punch report on {JsonMapping.Date(data.Today)}. Every number is the one punch status --json{(data.History is null ? string.Empty : " and punch history --json")} give for the same day.";
}
