using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Punchlist.Server.Security;

/// <summary>
/// Each client's writes per minute (a token bucket by remote address), one allowance for every way
/// of writing: the API's write endpoints take it through the rate limiter's `writes` policy
/// (<see cref="Policy"/>), `/mcp`'s write tools directly, since one MCP request's body, not its URL,
/// says whether it writes.
/// </summary>
public sealed class WriteAllowance : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public WriteAllowance(IOptions<ServerOptions> options)
    {
        int perMinute = Math.Max(1, options.Value.WritesPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>One write for <paramref name="client"/>; not acquired when its allowance is spent.</summary>
    public RateLimitLease Take(string client) => _limiter.AttemptAcquire(client);

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// The rate limiter's `writes` policy over this allowance. The middleware keeps a limiter per
    /// partition and disposes those idle for a while; it is handed a view of the client's share of this
    /// allowance, whose disposal leaves the allowance alone.
    /// </summary>
    internal sealed class Policy(WriteAllowance allowance) : Microsoft.AspNetCore.RateLimiting.IRateLimiterPolicy<string>
    {
        public Func<Microsoft.AspNetCore.RateLimiting.OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            string client = RateLimits.Client(httpContext);
            return RateLimitPartition.Get(client, key => new Share(allowance, key));
        }
    }

    private sealed class Share(WriteAllowance allowance, string client) : RateLimiter
    {
        private long _lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => allowance._limiter.GetStatistics(client);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Volatile.Write(ref _lastUsed, Environment.TickCount64);
            return allowance._limiter.AttemptAcquire(client, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Volatile.Write(ref _lastUsed, Environment.TickCount64);
            return allowance._limiter.AcquireAsync(client, permitCount, cancellationToken);
        }
    }
}
