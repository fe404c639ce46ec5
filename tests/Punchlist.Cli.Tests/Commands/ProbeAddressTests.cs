using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>A probe named in punchlist.yml for an address that names no item is a warning at its line, not silence.</summary>
public sealed class ProbeAddressTests
{
    private const string Tracker = "## P0-001: Run as a user\n\n**Status:** Open\n";

    [Theory]
    [InlineData("check")]
    [InlineData("verify")]
    public void An_address_naming_no_item_is_one_warning_naming_file_and_line(string command)
    {
        using var work = new Workdir()
            .Write("punchlist.yml", "probes:\n  items:\n    \"TODO.md#P0-001\": [docker.non-root]\n    \"TODO.md#P0-009\": [docker.non-root]\n    P0-077: [docker.non-root]\n    \"GONE.md#X-1\": [docker.non-root]\n")
            .Write("TODO.md", Tracker);

        var (_, _, error) = work.Punch(command, work.Root);

        Assert.Equal(
            [
                "punch: warning: punchlist.yml:4: probes: 'TODO.md#P0-009' names no item here (TODO.md has no key 'P0-009'), so its probes never run",
                "punch: warning: punchlist.yml:5: probes: 'P0-077' names no item here (a key or an ID, in its case), so its probes never run",
                "punch: warning: punchlist.yml:6: probes: 'GONE.md#X-1' names no item here (no file GONE.md), so its probes never run",
            ],
            error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("verify")]
    public void Addresses_that_name_items_by_address_key_or_id_are_quiet(string command)
    {
        using var work = new Workdir()
            .Write("punchlist.yml", "probes:\n  items:\n    \"TODO.md#P0-001\": [docker.non-root]\n    P0-001: [docker.non-root]\n")
            .Write("TODO.md", Tracker);

        Assert.Equal(string.Empty, work.Punch(command, work.Root).Err);
    }

    [Fact]
    public void A_command_narrowed_to_one_file_does_not_judge_the_addresses_of_files_it_did_not_read()
    {
        using var work = new Workdir()
            .Write("punchlist.yml", "probes:\n  items:\n    \"OTHER.md#Q-1\": [docker.non-root]\n    Q-2: [docker.non-root]\n    \"TODO.md#P0-002\": [docker.non-root]\n")
            .Write("TODO.md", Tracker)
            .Write("OTHER.md", "## Q-1: Other\n\n**Status:** Open\n\n## Q-2: More\n\n**Status:** Open\n");

        var (_, _, error) = work.Punch("verify", work["TODO.md"]);

        Assert.Equal("punch: warning: punchlist.yml:5: probes: 'TODO.md#P0-002' names no item here (TODO.md has no key 'P0-002'), so its probes never run", error.TrimEnd('\n'));
    }
}
