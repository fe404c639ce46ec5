using System.Reflection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Punchlist.Mcp;
using Punchlist.Server.Data;
using Punchlist.Server.Operations;
using Punchlist.Server.Security;

namespace Punchlist.Server.Mcp;

/// <summary>
/// `/mcp`: the tools, resources and prompts of `punch mcp` (Punchlist.Mcp, the same classes) over the
/// SDK's streamable HTTP transport, stateless (every POST stands alone: no session to keep or lose).
/// Reads need what the pages and API need (the read token, when the server has one: <see cref="ReadGate"/>);
/// the tools that write are offered only to a caller with the write token, so a server started without
/// one serves a read-only MCP. A bearer token the server does not know is refused with 401 rather than
/// served as anonymous. Writes draw on the same per-client allowance as the API's; what they write is
/// rescanned at once, so the pages and the live stream show it.
/// </summary>
internal static class McpEndpoint
{
    public const string Path = "/mcp";

    public static IServiceCollection AddPunchlistMcp(this IServiceCollection services)
    {
        services.AddSingleton(s =>
        {
            var store = s.GetRequiredService<IndexStore>();
            var options = s.GetRequiredService<IOptions<ServerOptions>>().Value;
            var log = s.GetRequiredService<ILogger<McpWorkspace>>();
            return new McpWorkspace(store.Workspace, () => store.Today, readOnly: !options.Writable, store.InMemory,
                warning => Log.Warning(log, warning), written: path => Rescan(store, log, path));
        });

        services.AddMcpServer(options =>
            {
                options.ServerInfo = PunchlistMcp.ServerInfo(Version());
                options.ServerInstructions = PunchlistMcp.Instructions;
            })
            .WithHttpTransport(http =>
            {
                http.Stateless = true;
                http.ConfigureSessionOptions = (context, options, _) =>
                {
                    OfferTo(context, options);
                    return Task.CompletedTask;
                };
            })
            .WithPunchlist(readOnly: false);
        return services;
    }

    public static IApplicationBuilder UseMcpGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path) && Tokens.Bearer(context.Request) is { Length: > 0 } presented
            && !context.RequestServices.GetRequiredService<Tokens>().Recognises(presented))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"punchlist\", error=\"invalid_token\"";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown token",
                detail: "The bearer token is neither this server's write token nor its read token: fix the token in the MCP client's configuration, or send none to read.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    // Not part of the REST API's OpenAPI document: MCP describes itself (tools/list).
    public static void MapPunchlistMcp(this WebApplication app) => app.MapMcp(Path).ExcludeFromDescription();

    // Per request (stateless): a caller without the write token is not offered the tools that write,
    // and so cannot call them; a caller with it spends the write allowance on each call that writes.
    private static void OfferTo(HttpContext context, McpServerOptions options)
    {
        if (!context.RequestServices.GetRequiredService<Tokens>().IsWriter(Tokens.Bearer(context.Request)))
        {
            foreach (var tool in options.ToolCollection?.Where(t => PunchlistMcp.WriteToolNames.Contains(t.ProtocolTool.Name)).ToList() ?? [])
            {
                options.ToolCollection!.Remove(tool);
            }

            return;
        }

        var allowance = context.RequestServices.GetRequiredService<WriteAllowance>();
        string client = RateLimits.Client(context);
        options.Filters.Request.CallToolFilters.Add(next => async (request, cancellationToken) =>
        {
            if (PunchlistMcp.WriteToolNames.Contains(request.Params?.Name ?? string.Empty) && Applies(request.Params?.Arguments))
            {
                using var lease = allowance.Take(client);
                if (!lease.IsAcquired)
                {
                    return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = "Too many writes from this client: the server's rate limit allows fewer per minute; nothing was written, wait and try again." }] };
                }
            }

            return await next(request, cancellationToken);
        });
    }

    // Only a call that may write spends the allowance: a preview writes nothing.
    private static bool Applies(IDictionary<string, System.Text.Json.JsonElement>? arguments) =>
        arguments is not null && arguments.TryGetValue("apply", out var apply) && apply.ValueKind == System.Text.Json.JsonValueKind.True;

    private static void Rescan(IndexStore store, ILogger log, string path)
    {
        try
        {
            store.Refresh([path]);
        }
        catch (Exception e) when (e is PunchlistException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The file is written; the watcher will rescan it.
            Log.ScanFailed(log, e.Message, e);
        }
    }

    private static string Version()
    {
        string informational = typeof(McpEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
