using System.Globalization;

namespace Punchlist.Reports;

/// <summary>How a stakeholder report opens: on track, at risk, off track, or done.</summary>
public enum VerdictLevel
{
    OnTrack,
    AtRisk,
    OffTrack,
    Done,
}

/// <summary>What the verdict is judged from: numbers the report also shows, none computed here.</summary>
/// <param name="Open">Items neither done nor cancelled.</param>
/// <param name="LateP0">P0 items past their due date or their SLA (PL003, PL004), each counted once.</param>
/// <param name="FalseClaims">Declared numbers that do not match the items (PL001).</param>
/// <param name="Contradicted">Done items the repository's evidence contradicts.</param>
/// <param name="DoneInWindow">Items finished in the report's window, from history; null without history.</param>
/// <param name="Forecast85">The date all open items are done by with 85 % likelihood; null when there is no forecast.</param>
/// <param name="LatestDue">The latest due date of the open items; null when none has one.</param>
public sealed record VerdictInputs(
    int Open,
    int LateP0,
    int LateP1,
    int FalseClaims,
    int Contradicted,
    int Reopened,
    int? DoneInWindow,
    int WindowDays,
    DateOnly? Forecast85,
    DateOnly? LatestDue);

/// <summary>
/// The report's plain verdict and its reasons, most serious first. Off track: a P0 item is late.
/// At risk: a P1 item is late, a tracker claims what is not so (a false count, a done item the
/// repository contradicts), done work was reopened, nothing was finished in the window while items
/// are open, or the forecast's 85 % date is past the latest due date. On track otherwise; done when
/// nothing is open. Every reason is listed, not only the worst.
/// </summary>
public sealed record ReportVerdict(VerdictLevel Level, IReadOnlyList<string> Reasons)
{
    public static ReportVerdict Of(VerdictInputs x)
    {
        if (x.Open == 0)
        {
            return new ReportVerdict(VerdictLevel.Done, ["every item is done or cancelled"]);
        }

        var off = new List<string>();
        var risk = new List<string>();
        if (x.LateP0 > 0)
        {
            off.Add($"{Count(x.LateP0, "P0 item")} {Is(x.LateP0)} late: past {(x.LateP0 == 1 ? "its" : "their")} due date or SLA");
        }

        if (x.LateP1 > 0)
        {
            risk.Add($"{Count(x.LateP1, "P1 item")} {Is(x.LateP1)} late");
        }

        if (x.FalseClaims > 0)
        {
            risk.Add($"{Count(x.FalseClaims, "number")} the trackers declare {(x.FalseClaims == 1 ? "does" : "do")} not match their items");
        }

        if (x.Contradicted > 0)
        {
            risk.Add($"{Count(x.Contradicted, "item")} marked done {(x.Contradicted == 1 ? "is" : "are")} contradicted by the repository");
        }

        if (x.Reopened > 0)
        {
            risk.Add($"{Count(x.Reopened, "done item")} {(x.Reopened == 1 ? "was" : "were")} reopened in the last {Days(x.WindowDays)}");
        }

        if (x.DoneInWindow == 0)
        {
            risk.Add($"nothing was finished in the last {Days(x.WindowDays)}, with {Count(x.Open, "item")} open");
        }

        if (x is { Forecast85: { } forecast, LatestDue: { } due } && forecast > due)
        {
            risk.Add($"at the pace so far, the open items are done by {Date(forecast)} (85 % likely), after the last due date, {Date(due)}");
        }

        if (off.Count > 0)
        {
            return new ReportVerdict(VerdictLevel.OffTrack, [.. off, .. risk]);
        }

        if (risk.Count > 0)
        {
            return new ReportVerdict(VerdictLevel.AtRisk, risk);
        }

        var good = new List<string> { "no P0 or P1 item is late", "every declared number matches the items, and no done item is contradicted" };
        if (x.DoneInWindow is > 0 and var done)
        {
            good.Add($"{Count(done, "item")} finished in the last {Days(x.WindowDays)}");
        }

        return new ReportVerdict(VerdictLevel.OnTrack, good);
    }

    public string Headline => Level switch
    {
        VerdictLevel.OffTrack => "Off track",
        VerdictLevel.AtRisk => "At risk",
        VerdictLevel.Done => "Done",
        _ => "On track",
    };

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Is(int n) => n == 1 ? "is" : "are";

    private static string Days(int n) => n == 1 ? "day" : $"{n.ToString(CultureInfo.InvariantCulture)} days";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
