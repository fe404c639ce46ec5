using System.Text.Json;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Support;

/// <summary>
/// Microsoft's SARIF validator (`@microsoft/sarif-multitool`, pinned by tests/tools/sarif-multitool).
/// test.sh installs it into a folder of our own and sets PUNCHLIST_SARIF_MULTITOOL; without it the
/// first use copies the pinned package files to a temporary folder and runs `npm ci` there. It runs
/// the SARIF rules and GitHub code scanning's (`--rule-kind Sarif;Gh`) and writes its own verdict
/// as SARIF, which is read back: the validator exits 0 whatever it finds.
/// </summary>
internal static class SarifValidator
{
    private static readonly Lazy<string> Tool = new(Prepare);

    public sealed record Problem(string Level, string Rule, string Message);

    /// <summary>Every error and warning the validator reports on a SARIF file (SARIF's default level is warning).</summary>
    public static IReadOnlyList<Problem> Validate(string sarifFile)
    {
        string verdict = Path.Combine(Path.GetTempPath(), "punchlist-sarif-verdict-" + Guid.NewGuid().ToString("N") + ".sarif");
        try
        {
            var (exit, output, error) = Processes.Run(Tool.Value, ["validate", "--rule-kind", "Sarif;Gh", "--output", verdict, sarifFile], timeoutSeconds: 300);
            Assert.True(exit == 0 && File.Exists(verdict), $"sarif-multitool failed ({exit}): {output}{error}");
            using var json = JsonDocument.Parse(File.ReadAllText(verdict));
            var problems = new List<Problem>();
            foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    string level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
                    if (level is "error" or "warning")
                    {
                        var message = result.GetProperty("message");
                        string text = message.TryGetProperty("text", out var t) ? t.GetString()! : message.GetProperty("id").GetString()!;
                        problems.Add(new Problem(level, result.GetProperty("ruleId").GetString()!, text));
                    }
                }
            }

            return problems;
        }
        finally
        {
            File.Delete(verdict);
        }
    }

    // The platform's own binary: the npm wrapper passes arguments through a shell, which splits `Sarif;Gh`.
    private static string Prepare()
    {
        string folder = Environment.GetEnvironmentVariable("PUNCHLIST_SARIF_MULTITOOL") is { Length: > 0 } ready ? ready : Install();
        string platform = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        string binary = Path.Combine(folder, "node_modules", "@microsoft", $"sarif-multitool-{platform}", OperatingSystem.IsWindows() ? "Sarif.Multitool.exe" : "Sarif.Multitool");
        Assert.True(File.Exists(binary), $"no SARIF validator at {binary}: run ./test.sh, or set PUNCHLIST_SARIF_MULTITOOL to a folder where `npm ci` ran for tests/tools/sarif-multitool");
        return binary;
    }

    private static string Install() => NpmTool.Install(Path.Combine(Repo.Root, "tests", "tools", "sarif-multitool"), "sarif-multitool");
}
