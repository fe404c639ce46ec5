using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Punchlist.Server.Data;

namespace Punchlist.Server.Operations;

/// <summary>
/// `/healthz`: the process answers. `/readyz`: the first scan has finished, so pages and the API have
/// something to serve (until then they answer 503).
/// </summary>
internal static class HealthApi
{
    /// <param name="team">Team mode adds its own readiness check (the database answers) instead.</param>
    public static IServiceCollection AddPunchlistHealth(this IServiceCollection services, bool team = false)
    {
        var checks = services.AddHealthChecks();
        if (!team)
        {
            checks.AddCheck<WorkspaceReady>("workspace", tags: ["ready"]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).DisableRateLimiting();
        return app;
    }

    private sealed class WorkspaceReady(IWorkspaceStore store) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(store.Current is { } snapshot
                ? HealthCheckResult.Healthy($"scan {snapshot.Version}: {snapshot.Documents.Count} trackers")
                : HealthCheckResult.Unhealthy("the first scan has not finished"));
    }
}
