using Microsoft.Extensions.DependencyInjection;
using Punchlist.Server.Team;
using Punchlist.Storage.Postgres;

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
        var (_, token) = await first.Store.Tokens.AddAsync("acme/live", TokenScope.Push);
        var heard = new[] { Listen(first), Listen(second) };
        await Task.WhenAll(first.Services.GetRequiredService<TeamFeed>().Listening.Task, second.Services.GetRequiredService<TeamFeed>().Listening.Task)
            .WaitAsync(TimeSpan.FromSeconds(30));

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
