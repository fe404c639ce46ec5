using Punchlist.Server.Api;
using Punchlist.Server.Hosting;
using Punchlist.Server.Live;
using Punchlist.Server.Operations;
using Punchlist.Server.Pages;
using Punchlist.Server.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// What to serve and where: the workspace, its tokens and limits; loopback unless --urls says otherwise.
var options = builder.AddServerOptions();

// The workspace: its embedded index, scanned at start and whenever a file changes; every tracker
// checked after each scan; its history read from git; changes pushed to the pages that are open.
builder.Services.AddWorkspace();

// Errors as problem details; the API's OpenAPI description.
builder.Services.AddProblemDetails().AddExceptionHandler<ProblemMapper>();
builder.Services.AddPunchlistApi();

// Operations: health checks and Prometheus metrics.
builder.Services.AddPunchlistHealth();
builder.Services.AddSingleton<ServerMetrics>();

// Security: tokens, rate limits, request sizes.
builder.Services.AddSingleton<Tokens>();
builder.Services.AddPunchlistRateLimits(options);
builder.Services.AddFormLimits();
builder.WebHost.ConfigureKestrel(RequestLimits.Apply);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseBodyLimit();
app.UseEmbeddedStaticFiles();
app.UseReadGate();
app.UseRateLimiter();
app.UseRequestMetrics();

// Pages.
app.MapOverviewPage();
app.MapTrackerPages();
app.MapItemsPage();
app.MapItemPages();
app.MapFindingsPage();
app.MapSignIn();

// Live updates.
app.MapLive();

// The API and its description.
var api = app.MapGroup("/api/v1");
api.MapStatusApi();
api.MapItemsApi();
api.MapWritesApi();
api.MapFindingsApi();
api.MapHistoryApi();
app.MapOpenApi();

// Operations.
app.MapHealth();
app.MapServerMetrics();

app.Announce();
app.Run();

/// <summary>The server's entry point; tests start it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
