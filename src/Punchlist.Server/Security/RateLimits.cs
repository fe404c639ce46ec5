using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Punchlist.Server.Security;

/// <summary>
/// Each client (by remote address) gets a token bucket of requests — a burst, then an average rate —
/// and a smaller one for writes (<see cref="WriteAllowance"/>, shared with /mcp). Past it, 429 with a
/// problem-details body and Retry-After. The live stream is one long request and costs one token per
/// connection.
/// </summary>
internal static class RateLimits
{
    public const string Writes = "writes";

    public static IServiceCollection AddPunchlistRateLimits(this IServiceCollection services, ServerOptions options) => services.AddSingleton<WriteAllowance>().AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancel) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: "This client has sent more requests than the server's rate limit allows; wait and try again.").ExecuteAsync(context.HttpContext);
        };

        if (options.RequestsPerSecond > 0)
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(Client(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.RequestBurst),
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }

        // Writes share one allowance with /mcp's write tools (WriteAllowance).
        limiter.AddPolicy<string, WriteAllowance.Policy>(Writes);
    });

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
