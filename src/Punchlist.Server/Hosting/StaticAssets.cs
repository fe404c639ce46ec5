using Microsoft.Extensions.FileProviders;

namespace Punchlist.Server.Hosting;

/// <summary>
/// The stylesheet, scripts and vendored libraries are embedded in the assembly, so the server finds
/// them wherever it runs from (an installed `punch` tool has no wwwroot folder beside it), and the
/// page works offline: nothing is fetched from elsewhere.
/// </summary>
internal static class StaticAssets
{
    public static IApplicationBuilder UseEmbeddedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new ManifestEmbeddedFileProvider(typeof(StaticAssets).Assembly, "wwwroot"),
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
    });
}
