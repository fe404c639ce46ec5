using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Punchlist.Json;
using Punchlist.Server.Tests.Support;
using Punchlist.Storage.Postgres;
using Punchlist.Tests.Support;

namespace Punchlist.Server.Tests.Team;

/// <summary>The real server in team mode (Program.cs with Punchlist:Database) on a database of its own, on the tests' throwaway cluster.</summary>
public sealed class TeamServer(string database, string? readToken = null) : WebApplicationFactory<Program>
{
    public static string NewDatabase() => PostgresCluster.Instance.CreateDatabase("team");

    public string Database { get; } = database;

    public TeamStore Store => Services.GetRequiredService<TeamStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Punchlist:Database", Database);
        builder.UseSetting("Punchlist:Today", "2026-11-21");
        builder.UseSetting("Punchlist:RequestsPerSecond", "0");
        if (readToken is not null)
        {
            builder.UseSetting("Punchlist:ReadToken", readToken);
        }

        builder.UseEnvironment("Production");
    }

    public async Task<HttpResponseMessage> PushAsync(byte[] body, string? token, bool gzip = true)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/push") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PushAsync(PushJson push, string? token) => PushAsync(PushWire.Encode(push), token);

    /// <summary>A new push token for <paramref name="repository"/>.</summary>
    public async Task<string> PushTokenAsync(string repository) => (await Store.Tokens.AddAsync(repository, TokenScope.Push)).Token;

    /// <summary>Done once this instance LISTENs for pushes (so it hears every other instance's).</summary>
    public Task ListeningAsync() => Services.GetRequiredService<Punchlist.Server.Team.TeamFeed>().Listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A GET with <paramref name="token"/> as its bearer token (none when null).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
    }
}

/// <summary>A git repository holding a copy of samples/ (optionally changed), whose `punch push --dry-run` and `punch status --json` the tests compare.</summary>
public sealed class SampleRepository : IDisposable
{
    private readonly GitRepository _git = new();

    public SampleRepository(string name, Func<string, string, string>? change = null)
    {
        Name = name;
        string samples = Path.Combine(Repo.Root, "samples");
        foreach (string file in Directory.GetFiles(samples, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(samples, file).Replace('\\', '/');
            if (!relative.StartsWith(".punchlist/", StringComparison.Ordinal))
            {
                _git.Write(relative, change is null ? File.ReadAllText(file) : change(relative, File.ReadAllText(file)));
            }
        }

        Commit = _git.Commit("2026-11-20");
    }

    public string Name { get; }

    public string Commit { get; private set; }

    public string Root => _git.Root;

    public void Change(string relative, Func<string, string> edit, string date)
    {
        _git.Write(relative, edit(File.ReadAllText(_git.Path(relative))));
        Commit = _git.Commit(date);
    }

    public PushJson Push() => System.Text.Json.JsonSerializer.Deserialize(Cli.Json(Root, "push", "--dry-run", "--repository", Name), PunchJson.Context.PushJson)!;

    public StatusJson Status() => System.Text.Json.JsonSerializer.Deserialize(Cli.Json(Root, "status"), PunchJson.Context.StatusJson)!;

    public void Dispose() => _git.Dispose();
}

/// <summary>
/// Two instances of the server on one database, both listening for pushes, and two sample
/// repositories with a push token each: where the tests of what every instance keeps start.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(TeamServer first, TeamServer second)
    {
        First = first;
        Second = second;
    }

    public TeamServer First { get; }

    public TeamServer Second { get; }

    public SampleRepository Api { get; } = new("acme/api");

    public SampleRepository Billing { get; } = new("acme/billing");

    public string ApiToken { get; private set; } = string.Empty;

    public string BillingToken { get; private set; } = string.Empty;

    public static async Task<TwoInstances> StartAsync()
    {
        string database = TeamServer.NewDatabase();
        var two = new TwoInstances(new TeamServer(database), new TeamServer(database));
        two.ApiToken = await two.First.PushTokenAsync("acme/api");
        two.BillingToken = await two.First.PushTokenAsync("acme/billing");
        await Task.WhenAll(two.First.ListeningAsync(), two.Second.ListeningAsync());
        return two;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        Api.Dispose();
        Billing.Dispose();
    }
}

/// <summary>
/// One server with a read token of its own and two repositories pushed to it, acme/api with a push
/// and a read token: where the tests of what a repository's token may see start.
/// </summary>
public sealed class TwoRepositoriesPushed : IAsyncDisposable
{
    private readonly SampleRepository _api = new("acme/api");
    private readonly SampleRepository _billing = new("acme/billing");

    private TwoRepositoriesPushed(string serverToken) => Server = new TeamServer(TeamServer.NewDatabase(), serverToken);

    public TeamServer Server { get; }

    public SampleRepository Api => _api;

    public string ApiPush { get; private set; } = string.Empty;

    public string ApiRead { get; private set; } = string.Empty;

    public static async Task<TwoRepositoriesPushed> StartAsync(string serverToken)
    {
        var pushed = new TwoRepositoriesPushed(serverToken);
        var tokens = pushed.Server.Store.Tokens;
        pushed.ApiPush = (await tokens.AddAsync("acme/api", TokenScope.Push)).Token;
        pushed.ApiRead = (await tokens.AddAsync("acme/api", TokenScope.Read)).Token;
        string billingPush = (await tokens.AddAsync("acme/billing", TokenScope.Push)).Token;
        foreach (var (repository, token) in new[] { (pushed._api, pushed.ApiPush), (pushed._billing, billingPush) })
        {
            using var response = await pushed.Server.PushAsync(repository.Push(), token);
            Xunit.Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        return pushed;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _api.Dispose();
        _billing.Dispose();
    }
}
