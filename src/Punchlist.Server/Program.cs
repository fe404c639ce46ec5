using Punchlist.Server.Api;
using Punchlist.Server.Hosting;
using Punchlist.Server.Live;
using Punchlist.Server.Mcp;
using Punchlist.Server.Operations;
using Punchlist.Server.Pages;
using Punchlist.Server.Security;
using Punchlist.Server.Team;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// What to serve and where: the workspace, its tokens and limits; loopback unless --urls says otherwise.
var options = builder.AddServerOptions();

// The workspace: its embedded index, scanned at start and whenever a file changes; every tracker
// checked after each scan; its history read from git; changes pushed to the pages that are open.
// Or, with a database (team mode), the scans every repository's CI pushes, kept in PostgreSQL.
if (options.Team)
{
    builder.Services.AddTeam(options);
}
else
{
    builder.Services.AddWorkspace();

    // The MCP tools of `punch mcp` at /mcp (streamable HTTP), for agents that reach the server.
    builder.Services.AddPunchlistMcp();
}

// Errors as problem details; the API's OpenAPI description.
builder.Services.AddProblemDetails().AddExceptionHandler<ProblemMapper>();
builder.Services.AddPunchlistApi();

// Operations: health checks and Prometheus metrics.
builder.Services.AddPunchlistHealth(options.Team);
builder.Services.AddSingleton<ServerMetrics>();

// Security: tokens, rate limits, request sizes.
builder.Services.AddSingleton<Tokens>();
builder.Services.AddPunchlistRateLimits(options);
builder.Services.AddFormLimits();
builder.WebHost.ConfigureKestrel(RequestLimits.Apply);

var app = builder.Build();
if (options.Team)
{
    app.OpenTeamStore();
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
if (options.Team)
{
    app.UseResponseCompression(); // many readers over a network (TeamSetup)
}

app.UseBodyLimit();
app.UseEmbeddedStaticFiles();
app.UseReadGate();
app.UseRateLimiter();
app.UseMcpGate(); // after the rate limiter: a client guessing tokens is slowed like any other
if (options.Team)
{
    app.UseTeamRequestMetrics();
}
else
{
    app.UseRequestMetrics();
}

var api = app.MapGroup("/api/v1");
if (options.Team)
{
    // Team mode: the organisation's pages, live updates from every instance's pushes, the push and read API.
    app.MapTeamPages();
    app.MapTeamLive();
    api.MapTeamApi();
}
else
{
    // Pages.
    app.MapOverviewPage();
    app.MapTrackerPages();
    app.MapItemsPage();
    app.MapItemPages();
    app.MapFindingsPage();

    // Live updates.
    app.MapLive();

    // The API.
    api.MapStatusApi();
    api.MapItemsApi();
    api.MapWritesApi();
    api.MapFindingsApi();
    api.MapHistoryApi();

    // MCP for agents.
    app.MapPunchlistMcp();
}

app.MapSignIn();
app.MapOpenApi();

// Operations.
app.MapHealth();
if (options.Team)
{
    app.MapTeamMetrics();
}
else
{
    app.MapServerMetrics();
}

app.Announce();
app.Run();

/// <summary>The server's entry point; tests start it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
