using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Punchlist.Mcp;

namespace Punchlist.Cli.Mcp;

/// <summary>
/// `punch mcp`: the SDK's server over standard input and output, on a service provider of its own.
/// Standard output carries the protocol and nothing else: logs go to standard error, and anything
/// that writes to the console's output by mistake is sent there too.
/// </summary>
internal static class McpHost
{
    public static int Run(McpWorkspace workspace, bool verbose, TextWriter error)
    {
        Console.SetOut(error);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning));
        services.AddSingleton(workspace);
        services.AddMcpServer(options =>
            {
                options.ServerInfo = PunchlistMcp.ServerInfo(PunchVersionAction.Text()["punch ".Length..]);
                options.ServerInstructions = PunchlistMcp.Instructions;
            })
            .WithStdioServerTransport()
            .WithPunchlist(workspace.ReadOnly);

        // The server is only asynchronously disposable, and so the provider that made it.
        var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // Ends when the client closes standard input (or on Ctrl+C).
        var server = provider.GetRequiredService<McpServer>();
        try
        {
            server.RunAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return ExitCodes.Ok;
    }
}
