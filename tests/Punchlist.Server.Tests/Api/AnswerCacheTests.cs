using System.Text.Json;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Api;

/// <summary>
/// Search answers are kept per snapshot and built once for clients that ask together: never an answer
/// of an older scan after a newer one, and a failure is not kept.
/// </summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public async Task Clients_asking_at_once_get_one_answer_and_a_change_gives_a_new_one()
    {
        using var factory = new ServerFactory();
        await factory.ReadyAsync();
        using var client = factory.CreateClient();
        const string url = "/api/v1/items?q=backup&limit=50";

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetStringAsync(url)));
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        int before = Addresses(answers[0]).Count;
        Assert.True(before > 0);

        File.AppendAllText(factory.Workspace.Path("TODO.md"), "\n- [ ] Test the backup restore on staging\n");
        factory.Store.Refresh();
        var after = Addresses(await client.GetStringAsync(url));
        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, a => a.StartsWith("TODO.md#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_items_page_and_search_api_answer_again_after_a_change()
    {
        using var factory = new ServerFactory();
        await factory.ReadyAsync();
        using var client = factory.CreateClient();
        string Total(string json) => JsonDocument.Parse(json).RootElement.GetProperty("total").ToString();

        string first = Total(await client.GetStringAsync("/api/v1/search?q=zanzibar"));
        Assert.Equal("0", first);
        File.AppendAllText(factory.Workspace.Path("TODO.md"), "\n- [ ] Ship the zanzibar exporter\n");
        factory.Store.Refresh();
        Assert.Equal("1", Total(await client.GetStringAsync("/api/v1/search?q=zanzibar")));
        var page = await Html.GetAsync(client, "/items?q=zanzibar");
        Assert.Contains("Ship the zanzibar exporter", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_edits_the_findings_are_what_a_check_of_every_tracker_finds()
    {
        // Only the edited trackers are checked again: what that gives must be what checking all of them gives.
        using var factory = new ServerFactory();
        await factory.ReadyAsync();
        using var client = factory.CreateClient();
        string root = factory.Workspace.Root;
        string before = (await client.GetStringAsync("/api/v1/findings")).TrimEnd();
        Assert.Equal(Cli.Json(root, "check", root).TrimEnd(), before);

        // A status contradicted by its boxes in one tracker (the workspace's IDs unchanged: only it is
        // checked again), then an ID another tracker already has (the IDs changed: all are checked).
        string path = factory.Workspace.Path("ROADMAP.md");
        string roadmap = File.ReadAllText(path);
        File.WriteAllText(path, roadmap.Replace("**Status:** In Progress\n\nDepends on MH-002", "**Status:** Done\n\nDepends on MH-002", StringComparison.Ordinal));
        factory.Store.Refresh();
        await factory.ReadyAsync();
        string after = (await client.GetStringAsync("/api/v1/findings")).TrimEnd();
        Assert.Equal(Cli.Json(root, "check", root).TrimEnd(), after);
        Assert.NotEqual(before, after);

        File.AppendAllText(factory.Workspace.Path("backlog.md"), "\n## MH-003: Restore, again\n");
        factory.Store.Refresh();
        await factory.ReadyAsync();
        Assert.Equal(Cli.Json(root, "check", root).TrimEnd(), (await client.GetStringAsync("/api/v1/findings")).TrimEnd());
    }

    [Fact]
    public async Task A_file_that_changes_a_verdict_but_no_tracker_has_the_tracker_checked_again()
    {
        // The runbook P1-002 names appears: no tracker's text changes, its evidence does.
        using var factory = new ServerFactory();
        await factory.ReadyAsync();
        const string address = "ops/incident-followups.md#P1-002";
        Assert.Contains(factory.Store.Analysis.Contradicted, c => c.Address == address);

        Directory.CreateDirectory(factory.Workspace.Path("docs/runbooks"));
        File.WriteAllText(factory.Workspace.Path("docs/runbooks/failover.md"), "# Regional failover\n\nPromote the replica, then move the DNS record.\n");
        factory.Store.Refresh();
        await factory.ReadyAsync();
        Assert.DoesNotContain(factory.Store.Analysis.Contradicted, c => c.Address == address);
    }

    private static List<string> Addresses(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()!)];
}
