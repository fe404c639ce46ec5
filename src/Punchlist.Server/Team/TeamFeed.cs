using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// Live updates in team mode: one connection per server instance LISTENs on the push channel, and
/// every notification (a push committed, by any instance) becomes a `push` event to the pages open on
/// this one. The connection is opened again after a failure, a second later; a page that reconnects
/// fetches again, so a notification missed meanwhile costs nothing but staleness until the next.
/// </summary>
public sealed partial class TeamFeed(TeamStore store, ILogger<TeamFeed> logger) : BackgroundService
{
    public const int MaxSubscribers = 256;
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(20);

    private readonly Lock _lock = new();
    private readonly List<(Channel<string> Channel, IReadOnlyCollection<string>? Repositories)> _subscribers = [];

    /// <summary>Set once this instance is listening (tests wait for it).</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised for each push notified (the repository's name), on the listening thread.</summary>
    public event Action<string>? Pushed;

    /// <param name="repositories">The repositories whose pushes the subscriber may hear of: null for all.</param>
    public Channel<string>? Subscribe(IReadOnlyCollection<string>? repositories = null)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            if (_subscribers.Count >= MaxSubscribers)
            {
                return null;
            }

            _subscribers.Add((channel, repositories));
        }

        return channel;
    }

    public async IAsyncEnumerable<SseItem<string>> Stream(Channel<string> channel, [EnumeratorCancellation] CancellationToken cancel)
    {
        try
        {
            yield return new SseItem<string>("{}", "hello");
            while (!cancel.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                wait.CancelAfter(PingEvery);
                string? repository = null;
                try
                {
                    repository = await channel.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                }

                yield return repository is null
                    ? new SseItem<string>("{}", "ping")
                    : new SseItem<string>(System.Text.Json.JsonSerializer.Serialize(new PushEvent(repository), TeamJsonContext.Default.PushEvent), "push");
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.RemoveAll(s => s.Channel == channel);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.Source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Publish(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TeamStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                ListenFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Publish(string repository)
    {
        Pushed?.Invoke(repository);
        lock (_lock)
        {
            foreach (var (channel, repositories) in _subscribers)
            {
                if (repositories is null || repositories.Contains(repository))
                {
                    channel.Writer.TryWrite(repository);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for pushes failed ({Reason}); trying again in a second")]
    private static partial void ListenFailed(ILogger logger, string reason);
}

/// <summary>A live `push` event: the repository that was pushed to.</summary>
public sealed record PushEvent(string Repository);
