using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Punchlist.Server.Data;

namespace Punchlist.Server.Live;

/// <summary>
/// The live stream behind `/events`: every store event goes to every connected page as a
/// server-sent event (`scan` or `analysis`, with the snapshot version and the trackers that changed),
/// and a `ping` keeps idle connections open through proxies. A page that falls behind loses the
/// oldest events, never blocks the others: each event says "fetch again", so the latest is enough.
/// </summary>
public sealed class ChangeFeed : IDisposable
{
    public const int MaxSubscribers = 256;
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(20);

    private readonly IWorkspaceStore _store;
    private readonly Lock _lock = new();
    private readonly List<Channel<StoreEvent>> _subscribers = [];

    public ChangeFeed(IWorkspaceStore store)
    {
        _store = store;
        _store.Changed += Publish;
    }

    public int Subscribers
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>A new subscriber's channel, or null when too many pages are connected already.</summary>
    public Channel<StoreEvent>? Subscribe()
    {
        var channel = Channel.CreateBounded<StoreEvent>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            if (_subscribers.Count >= MaxSubscribers)
            {
                return null;
            }

            _subscribers.Add(channel);
        }

        return channel;
    }

    public async IAsyncEnumerable<SseItem<string>> Stream(Channel<StoreEvent> channel, [EnumeratorCancellation] CancellationToken cancel)
    {
        try
        {
            // Where the page stands now, so that it can tell whether it missed a change while connecting.
            yield return Event(new StoreEvent("hello", _store.Current?.Version ?? 0, []));
            while (!cancel.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                wait.CancelAfter(PingEvery);
                StoreEvent? next = null;
                try
                {
                    next = await channel.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                }

                yield return next is null ? new SseItem<string>("{}", "ping") : Event(next);
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    private static SseItem<string> Event(StoreEvent change) =>
        new(JsonSerializer.Serialize(new LiveEvent(change.Version, change.Documents), LiveJsonContext.Default.LiveEvent), change.Kind);

    private void Publish(StoreEvent change)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    public void Dispose() => _store.Changed -= Publish;
}

/// <summary>What a live event carries: the snapshot version and the tracker paths that changed.</summary>
public sealed record LiveEvent(long Version, IReadOnlyList<string> Documents);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(LiveEvent))]
internal sealed partial class LiveJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
