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
    public void An_empty_file_is_no_settings()
    {
        Assert.Same(PunchlistConfig.Empty, ConfigLoader.Parse(""));
    }
}
