using Punchlist.Analysis.Findings;
using Punchlist.Model;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Every_setting_is_read()
    {
        var config = ConfigLoader.Parse("include: docs/**\nexclude: [archive/**, '*.tmp.md']\nhoursPerDay: 6\nmarkers: {'!': blocked, '>': in-progress}\nstatuses:\n  ready for qa: in-progress\n");
        Assert.Equal(["docs/**"], config.Include);
        Assert.Equal(["archive/**", "*.tmp.md"], config.Exclude);
        Assert.Equal(6, config.HoursPerDay);
        Assert.Equal(ItemState.Blocked, config.Markers['!']);
        Assert.Equal(ItemState.InProgress, config.Statuses["ready for qa"]);
    }

    [Theory]
    [InlineData("exlude: [a]\n", "punchlist.yml:1:1: unknown setting 'exlude'")]
    [InlineData("markers: {'!': done-ish}\n", "punchlist.yml:1:16: 'done-ish' is not a state")]
    [InlineData("markers: {'ab': done}\n", "punchlist.yml:1:11: 'ab' is not a box marker")]
    [InlineData("hoursPerDay: many\n", "punchlist.yml:1:14: expected a positive number")]
    [InlineData("include: [unclosed\n", "punchlist.yml:2:1: not valid YAML")]
    [InlineData("- a list\n", "punchlist.yml:1:1: expected a mapping")]
    public void Mistakes_are_errors_with_their_position(string yaml, string expected)
    {
        var error = Assert.Throws<PunchlistException>(() => ConfigLoader.Parse(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_settings_turn_rules_off_regrade_them_and_set_policies()
    {
        var config = ConfigLoader.Parse("rules: {PL011: off, pl003: error, PL005: note}\nsla: {P0: 24 hours, p1: sprint}\nreview: monthly\nsprint: 3 weeks\n");
        var check = config.Check;
        Assert.True(check.IsOff("PL011"));
        Assert.Equal(Severity.Error, check.Rules["PL003"]);
        Assert.Equal(Severity.Note, check.Rules["PL005"]);
        Assert.Equal(24, check.Sla["P0"].Hours);
        Assert.Equal(21 * 24, check.Sla["P1"].Hours); // `sprint` read again once `sprint: 3 weeks` is known
        Assert.Equal(1, check.Review.Months);
        Assert.Equal(21, check.SprintDays);
    }

    [Fact]
    public void Rules_are_named_by_their_name_as_well_as_their_code()
    {
        var check = ConfigLoader.Parse("rules:\n  sla-breached: warning\n  Missing-Owner: off\n  overdue: error\n").Check;
        Assert.Equal(Severity.Warning, check.Rules["PL004"]);
        Assert.True(check.IsOff("PL011"));
        Assert.Equal(Severity.Error, check.Rules["PL003"]);
    }

    [Fact]
    public void Without_check_settings_every_rule_runs_with_its_own_severity_and_reviews_are_due_every_90_days()
    {
        var check = ConfigLoader.Parse("hoursPerDay: 8\n").Check;
        Assert.Empty(check.Rules);
        Assert.Empty(check.Sla);
        Assert.Equal(90 * 24, check.Review.Hours);
    }

    [Theory]
    [InlineData("rules: {PL999: off}\n", "punchlist.yml:1:9: unknown rule 'PL999' (known, by code or name: PL001 claim-mismatch")]
    [InlineData("rules: {sla-breach: off}\n", "punchlist.yml:1:9: unknown rule 'sla-breach' (did you mean sla-breached?)")]
    [InlineData("rules: {PL011: of}\n", "punchlist.yml:1:16: 'of' is not a setting for PL011 (error, warning, note or off)")]
    [InlineData("rules: [PL011]\n", "punchlist.yml:1:8: expected a mapping of rule codes")]
    [InlineData("sla: {P7: 2 weeks}\n", "punchlist.yml:1:7: 'P7' is not a priority")]
    [InlineData("sla: {P0: soon}\n", "punchlist.yml:1:11: expected a duration")]
    [InlineData("review: whenever\n", "punchlist.yml:1:9: expected a review cadence")]
    public void Check_setting_mistakes_are_errors_with_their_position(string yaml, string expected)
    {
        var error = Assert.Throws<PunchlistException>(() => ConfigLoader.Parse(yaml));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_no_settings()
    {
        Assert.Same(PunchlistConfig.Empty, ConfigLoader.Parse(""));
    }
}
