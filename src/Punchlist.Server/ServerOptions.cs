namespace Punchlist.Server;

/// <summary>
/// How the server runs, from the `Punchlist` configuration section (what `punch serve` passes, or
/// `appsettings.json`, or `Punchlist__Token`-style environment variables). Tokens are secrets: they are
/// compared in constant time (<see cref="Security.Tokens"/>) and never logged or shown.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "Punchlist";

    /// <summary>The workspace to serve: a folder (default: the current one).</summary>
    public string Workspace { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>
    /// Team mode: the PostgreSQL database (a postgres:// URL or a connection string) that keeps the scans
    /// `punch push` sends from every repository's CI. Without it the server serves <see cref="Workspace"/>.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>Whether the server runs in team mode (<see cref="Database"/> set).</summary>
    public bool Team => !string.IsNullOrEmpty(Database);

    /// <summary>Writes (ticking a criterion, setting a status) need this token; without one the server is read-only.</summary>
    public string? Token { get; set; }

    /// <summary>When set, every page and API call (not the health checks) needs this token, or the write token.</summary>
    public string? ReadToken { get; set; }

    /// <summary>The date to judge against (tests and reproducible screenshots); by default the server's local date, each day anew.</summary>
    public DateOnly? Today { get; set; }

    /// <summary>Keep the index in memory: write nothing under the workspace (`--no-index`).</summary>
    public bool NoIndex { get; set; }

    /// <summary>How long the file watcher waits for a burst of changes (an editor's save, a checkout) to end before rescanning.</summary>
    public int DebounceMilliseconds { get; set; } = 150;

    /// <summary>Requests a client may make per second, on average (token bucket); 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make at once above the average before it must wait.</summary>
    public int RequestBurst { get; set; } = 400;

    /// <summary>Writes a client may make per minute.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>
    /// Trackers beyond this many get no series of their own in /metrics (their items still count in
    /// the totals): one series per tracker and state is what a Prometheus server can keep for a
    /// repository's trackers, not for ten thousand generated ones.
    /// </summary>
    public int MetricsTrackers { get; set; } = 500;

    /// <summary>Whether a write token is configured, i.e. the server accepts writes.</summary>
    public bool Writable => !string.IsNullOrEmpty(Token);
}
