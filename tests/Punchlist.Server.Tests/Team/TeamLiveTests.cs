using Microsoft.Extensions.DependencyInjection;
using Punchlist.Server.Team;

namespace Punchlist.Server.Tests.Team;

public sealed class TeamLiveTests
{
    [Fact]
    public async Task A_push_to_one_server_reaches_the_live_feed_of_every_server_on_the_database()
    {
        string database = TeamServer.NewDatabase();
        await using var first = new TeamServer(database);
        await using var second = new TeamServer(database);
        using var repository = new SampleRepository("acme/live");
        string token = await first.PushTokenAsync("acme/live");
        var heard = new[] { Listen(first), Listen(second) };
        await Task.WhenAll(first.ListeningAsync(), second.ListeningAsync());

        using var pushed = await first.PushAsync(repository.Push(), token);

        Assert.True(pushed.IsSuccessStatusCode);
        Assert.Equal(["acme/live", "acme/live"], await Task.WhenAll(heard.Select(h => h.WaitAsync(TimeSpan.FromSeconds(30)))));
    }

    private static Task<string> Listen(TeamServer server)
    {
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Services.GetRequiredService<TeamFeed>().Pushed += name => heard.TrySetResult(name);
        return heard.Task;
    }
}
