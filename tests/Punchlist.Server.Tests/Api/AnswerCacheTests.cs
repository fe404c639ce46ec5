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

    private static List<string> Addresses(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()!)];
}
