extern alias punch;

namespace Punchlist.Server.Tests.Support;

/// <summary>`punch` in this process, with the server's day, on the same workspace: what the API must answer the same.</summary>
internal static class Cli
{
    public static string Json(string workspace, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new punch::Punchlist.Cli.CliEnvironment(ServerFactory.Today, ColorAllowed: false, Width: 120, workspace) { IndexOnDisk = false };
        int exit = punch::Punchlist.Cli.CliApp.Run([.. args, "--json", "--today", "2026-11-21"], output, error, environment);
        Assert.True(exit is 0 or 1, $"punch {string.Join(' ', args)} exited {exit}: {error}");
        return output.ToString();
    }
}
