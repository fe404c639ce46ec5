using Prometheus;

namespace Punchlist.Server.Operations;

/// <summary>Requests counted and timed into the server's own registry, and that registry at `/metrics`.</summary>
internal static class MetricsEndpoints
{
    // ASP.NET Core's meters that describe serving: requests, connections, rate limiting. The runtime's
    // are exported by DotNetStats under the names Prometheus users know.
    private static readonly HashSet<string> Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Diagnostics"];

    /// <summary>
    /// A registry of its own (so that two servers in a process never mix) holding the process's metrics
    /// and ASP.NET Core's serving meters; dispose the listener returned with it to stop listening.
    /// </summary>
    public static (CollectorRegistry Registry, MetricFactory Factory, IDisposable Meters) NewRegistry()
    {
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        var factory = Metrics.WithCustomRegistry(registry);
        var meters = MeterAdapter.StartListening(new MeterAdapterOptions { Registry = registry, MetricFactory = factory, InstrumentFilterPredicate = i => Meters.Contains(i.Meter.Name) });
        return (registry, factory, meters);
    }

    public static IApplicationBuilder UseRequestMetrics(this WebApplication app) => app.UseRequestMetrics(app.Services.GetRequiredService<ServerMetrics>().Registry);

    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app, CollectorRegistry registry) => app.UseHttpMetrics(options =>
    {
        options.RequestCount.Registry = registry;
        options.RequestDuration.Registry = registry;
        options.InProgress.Registry = registry;
    });

    public static IEndpointRouteBuilder MapServerMetrics(this WebApplication app) => app.MapRegistry(app.Services.GetRequiredService<ServerMetrics>().Registry);

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app, CollectorRegistry registry)
    {
        app.MapMetrics("/metrics", registry).DisableRateLimiting();
        return app;
    }
}
