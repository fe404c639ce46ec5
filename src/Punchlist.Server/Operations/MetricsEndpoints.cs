using Prometheus;

namespace Punchlist.Server.Operations;

/// <summary>Requests counted and timed into the server's own registry, and that registry at `/metrics`.</summary>
internal static class MetricsEndpoints
{
    public static IApplicationBuilder UseRequestMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<ServerMetrics>().Registry;
        return app.UseHttpMetrics(options =>
        {
            options.RequestCount.Registry = registry;
            options.RequestDuration.Registry = registry;
            options.InProgress.Registry = registry;
        });
    }

    public static IEndpointRouteBuilder MapServerMetrics(this WebApplication app)
    {
        app.MapMetrics("/metrics", app.Services.GetRequiredService<ServerMetrics>().Registry).DisableRateLimiting();
        return app;
    }
}
