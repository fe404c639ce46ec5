using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Support;

/// <summary>
/// Runs the built `punch` as a process of its own, for what only a real process has: standard
/// streams that are or are not a terminal, its environment, another user.
/// </summary>
internal static class PunchProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "punch.dll");

    public static (int Exit, string Out, string Err) Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Processes.Run("dotnet", [Dll, .. args], workingDirectory, timeoutSeconds: 120, environment);

    /// <summary>Runs as the user nobody (through setpriv); a null exit when this machine cannot.</summary>
    public static (int? Exit, string Out, string Err) RunAsNobody(string workingDirectory, params string[] args)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            return (null, string.Empty, string.Empty);
        }

        var (exit, output, error) = Processes.Run("/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Dll, .. args], workingDirectory, timeoutSeconds: 120,
            new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.GetTempPath(), ["HOME"] = Path.GetTempPath() });
        return (exit, output, error);
    }
}
