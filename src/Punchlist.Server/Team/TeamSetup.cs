using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Punchlist.Storage.Postgres;

namespace Punchlist.Server.Team;

/// <summary>
/// Team mode's services: the PostgreSQL store (migrated when the server starts, before it listens),
/// the live feed every instance fills from LISTEN/NOTIFY, and a readiness check that asks the database.
/// Each instance keeps nothing of its own but the overview's cache, rebuilt from the database when
/// any instance stores a push, so any number can stand behind one load balancer.
/// </summary>
internal static class TeamSetup
{
    public static IServiceCollection AddTeam(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TeamStore.Open(options.Database!));
        services.AddSingleton<TeamClock>();
        services.AddSingleton<TeamAccess>();
        services.AddSingleton<TeamMetrics>();
        services.AddSingleton<TeamFeed>();
        services.AddSingleton<OverviewCache>();
        services.AddSingleton<Pages.ModelCache>();
        services.AddHostedService(s => s.GetRequiredService<TeamFeed>());
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: ["ready"]);

        // A team server answers many readers over a network: pages, JSON and assets compressed (Brotli,
        // else gzip) at the fastest level, per response; the overview's pages come compressed already
        // (RenderedAnswer), which the middleware leaves alone. Over HTTPS too: BREACH recovers a secret
        // from the size of compressed answers that reflect attacker-chosen text beside it, and no answer
        // here carries a secret (tokens travel in request headers and a cookie, never in a body; no
        // antiforgery or session token is rendered into a page).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }

    /// <summary>Opens the store now: a database that cannot be reached or migrated stops the server before it listens.</summary>
    public static void OpenTeamStore(this WebApplication app) => app.Services.GetRequiredService<TeamStore>();

    /// <summary>`/events` in team mode: a `push` event whenever any instance stored a push (of a repository the request may read).</summary>
    public static IEndpointRouteBuilder MapTeamLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", (TeamFeed feed, HttpContext context) => feed.Subscribe(TeamAccess.Scope(context)) is { } channel
            ? (IResult)TypedResults.ServerSentEvents(feed.Stream(channel, context.RequestAborted))
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live connections",
                detail: $"The server keeps at most {TeamFeed.MaxSubscribers} live streams open.")).WithName("events").ExcludeFromDescription();
        return app;
    }

    private sealed class DatabaseReady(TeamStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                int version = await Migrator.VersionAsync(store.Source, cancellationToken);
                return HealthCheckResult.Healthy($"schema version {version}");
            }
            catch (Npgsql.NpgsqlException e)
            {
                return HealthCheckResult.Unhealthy("the database does not answer", e);
            }
        }
    }
}
