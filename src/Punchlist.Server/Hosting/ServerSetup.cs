using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Punchlist.Server.Data;
using Punchlist.Server.Live;
using Punchlist.Server.Operations;
using Punchlist.Server.Pages;

namespace Punchlist.Server.Hosting;

internal static class ServerSetup
{
    /// <summary>The default address: loopback only, so that nothing beyond this machine can reach the server unless `--urls` says so.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5180";

    /// <summary>
    /// The `Punchlist` section (with `PUNCHLIST_TOKEN` as the write token when none is given), and
    /// where to listen: loopback unless configured. On loopback, only loopback host names are
    /// accepted, so a web page elsewhere cannot reach the server through a name of its own that
    /// resolves here (DNS rebinding).
    /// </summary>
    public static ServerOptions AddServerOptions(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServerOptions.Section);
        if (string.IsNullOrEmpty(section["Token"]) && Environment.GetEnvironmentVariable("PUNCHLIST_TOKEN") is { Length: > 0 } token)
        {
            section["Token"] = token;
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
            if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]))
            {
                builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
            }
        }

        builder.Services.Configure<ServerOptions>(section);
        return section.Get<ServerOptions>() ?? new ServerOptions();
    }

    /// <summary>The workspace's store, its history, its watcher and checker, the live stream and the pages' context.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IndexStore>();
        services.AddSingleton<IWorkspaceStore>(s => s.GetRequiredService<IndexStore>());
        services.AddSingleton<WorkspaceHistory>();
        services.AddHostedService(s => s.GetRequiredService<WorkspaceHistory>());
        services.AddHostedService<WorkspaceWatcher>();
        services.AddHostedService<Analyser>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ModelCache>();
        services.AddScoped<PageContext>();
        return services;
    }

    /// <summary>Once listening: say where (on standard output, for `punch serve`), and warn when that is beyond loopback with nothing to guard reads.</summary>
    public static void Announce(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
            string what = options.Team ? "the team database" : app.Services.GetRequiredService<IndexStore>().Workspace;
            string mode = options.Team ? "pushes need a repository's push token" : options.Writable ? "writes need the token" : "read-only: no write token";
            Log.Listening(app.Logger, what, string.Join(", ", addresses), mode);
            foreach (string address in addresses)
            {
                // For whoever started `punch serve`: where to point the browser, on standard output.
                Console.Out.WriteLine($"Punchlist is serving {what} at {address} ({mode})");
            }

            if (addresses.Any(a => !IsLoopback(a)) && string.IsNullOrEmpty(options.ReadToken))
            {
                Log.OpenToNetwork(app.Logger, string.Join(", ", addresses));
            }
        });
    }

    private static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
