using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Punchlist.Server.Hosting;

/// <summary>
/// What a request may weigh: the server takes small JSON bodies and form posts, and a query of a
/// thousand characters at most, so anything far beyond that is refused before it is read.
/// </summary>
internal static class RequestLimits
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxQueryLength = 1000;

    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 50;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        kestrel.Limits.MaxConcurrentConnections = 1000;
        kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
    }

    public static IServiceCollection AddFormLimits(this IServiceCollection services) => services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
    {
        form.ValueCountLimit = 16;
        form.ValueLengthLimit = 4 * 1024;
        form.KeyLengthLimit = 64;
        form.MultipartBodyLengthLimit = MaxBodyBytes;
    });
}
