using Punchlist.Reports;

namespace Punchlist.Tests.Reports;

/// <summary>The report's verdict: the worst reason sets the level, and every reason is said.</summary>
public sealed class ReportVerdictTests
{
    private static readonly VerdictInputs Calm = new(Open: 5, LateP0: 0, LateP1: 0, FalseClaims: 0, Contradicted: 0, Reopened: 0, DoneInWindow: 2, WindowDays: 7, Forecast85: null, LatestDue: null);

    [Fact]
    public void Nothing_wrong_is_on_track_and_says_why()
    {
        var verdict = ReportVerdict.Of(Calm);
        Assert.Equal(VerdictLevel.OnTrack, verdict.Level);
        Assert.Equal(["no P0 or P1 item is late", "every declared number matches the items, and no done item is contradicted", "2 items finished in the last 7 days"], verdict.Reasons);
    }

    [Fact]
    public void A_late_P0_is_off_track_and_the_risks_are_listed_after_it()
    {
        var verdict = ReportVerdict.Of(Calm with { LateP0 = 2, LateP1 = 1, FalseClaims = 1 });
        Assert.Equal(VerdictLevel.OffTrack, verdict.Level);
        Assert.Equal("Off track", verdict.Headline);
        Assert.Equal(["2 P0 items are late: past their due date or SLA", "1 P1 item is late", "1 number the trackers declare does not match their items"], verdict.Reasons);
    }

    [Theory]
    [InlineData(1, 0, 0, 2, null, "1 P1 item is late")]
    [InlineData(0, 1, 0, 2, null, "1 item marked done is contradicted by the repository")]
    [InlineData(0, 0, 2, 2, null, "2 done items were reopened in the last 7 days")]
    [InlineData(0, 0, 0, 0, null, "nothing was finished in the last 7 days, with 5 items open")]
    [InlineData(0, 0, 0, 2, "2025-06-01", "at the pace so far, the open items are done by 2025-06-01 (85 % likely), after the last due date, 2025-05-01")]
    public void Each_risk_alone_is_at_risk(int lateP1, int contradicted, int reopened, int done, string? forecast, string reason)
    {
        var verdict = ReportVerdict.Of(Calm with
        {
            LateP1 = lateP1,
            Contradicted = contradicted,
            Reopened = reopened,
            DoneInWindow = done,
            Forecast85 = forecast is null ? null : DateOnly.Parse(forecast, System.Globalization.CultureInfo.InvariantCulture),
            LatestDue = new DateOnly(2025, 5, 1),
        });
        Assert.Equal(VerdictLevel.AtRisk, verdict.Level);
        Assert.Equal([reason], verdict.Reasons);
    }

    [Fact]
    public void Without_history_no_pace_is_judged_and_nothing_open_is_done()
    {
        Assert.Equal(VerdictLevel.OnTrack, ReportVerdict.Of(Calm with { DoneInWindow = null }).Level);
        Assert.Equal(VerdictLevel.Done, ReportVerdict.Of(Calm with { Open = 0, LateP0 = 3 }).Level);
    }
}
