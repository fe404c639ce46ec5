using Npgsql;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// The team database: one <see cref="NpgsqlDataSource"/> (Npgsql's pool) for pushes, tokens and
/// reads. <see cref="OpenAsync"/> brings the schema up to date first.
/// </summary>
public sealed class TeamStore : IAsyncDisposable, IDisposable
{
    /// <summary>The channel every push notifies, with the repository's name as the payload.</summary>
    public const string Channel = "punchlist_push";

    private TeamStore(NpgsqlDataSource source)
    {
        Source = source;
        Pushes = new PushWriter(source);
        Tokens = new TokenStore(source);
        Reader = new TeamReader(source);
        Trackers = new TrackerReader(source);
    }

    public NpgsqlDataSource Source { get; }

    public PushWriter Pushes { get; }

    public TokenStore Tokens { get; }

    public TeamReader Reader { get; }

    public TrackerReader Trackers { get; }

    /// <param name="database">A postgres:// URL or a connection string (<see cref="PostgresUrl"/>).</param>
    public static async Task<TeamStore> OpenAsync(string database, CancellationToken cancel = default)
    {
        var source = new NpgsqlDataSourceBuilder(PostgresUrl.Parse(database).ConnectionString).Build();
        try
        {
            await Migrator.MigrateAsync(source, cancel: cancel).ConfigureAwait(false);
            return new TeamStore(source);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// <see cref="OpenAsync"/> for a command or a server starting: a malformed URL or a database that
    /// cannot be opened is a <see cref="PunchlistException"/>, one line for the user. Npgsql's message
    /// names the host and what failed, never the password.
    /// </summary>
    public static TeamStore Open(string database)
    {
        try
        {
            return OpenAsync(database).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            throw new PunchlistException(e.Message, e);
        }
        catch (NpgsqlException e)
        {
            throw new PunchlistException($"cannot open the database: {e.Message}", e);
        }
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();

    public void Dispose() => Source.Dispose();
}
