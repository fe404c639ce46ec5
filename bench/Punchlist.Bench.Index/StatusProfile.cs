using Punchlist.Workspaces;
using Punchlist.Storage;

namespace Punchlist.Bench.Index;

/// <summary>
/// Where a warm `punch status` spends its time, phase by phase, in-process (Stopwatch, median of
/// several runs after a warm-up): discovery alone, the scan (discovery and comparison with the index),
/// loading what status reports, and serving the findings counts. Run after `scan` has built the index.
/// </summary>
internal static class StatusProfile
{
    public static void Run(string workspace, string? punch)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var command = new Stats("whole `punch status --json` in-process (first run: JIT included)");
        command.Time(() => Status(workspace));
        Console.WriteLine($"| {command.Name} | {Stats.Ms(command.Median)} ms |");
        var steady = new Stats("whole `punch status --json` in-process, warmed up");
        for (int i = 0; i < 5; i++)
        {
            steady.Time(() => Status(workspace));
        }

        Console.WriteLine($"| {steady.Name} | {Stats.Ms(steady.Median)} ms (median of {steady.Count}) |");
        using (var warm = WorkspaceIndex.Scan([workspace], IndexOptions.Default))
        {
            _ = warm.Documents.Count + warm.Checks(today).Cached;
        }

        var discover = new Stats("discovery (Core's Discovery: walk, .gitignore, globs)");
        var scan = new Stats("scan: discovery and comparison with the index");
        var facts = new Stats("load what status reports on (per-document summaries)");
        var checks = new Stats("serve findings and verification counts");
        for (int i = 0; i < 7; i++)
        {
            discover.Time(() =>
            {
                var (root, config, targets) = WorkspaceLoader.Locate([workspace]);
                return Discovery.Find(root, targets, config).Count;
            });
            using var index = scan.Time(() => WorkspaceIndex.Scan([workspace], IndexOptions.Default));
            facts.Time(() => index.Summaries.Count);
            checks.Time(() => index.Checks(today).Cached);
        }

        foreach (var stats in new[] { discover, scan, facts, checks })
        {
            Console.WriteLine($"| {stats.Name} | {Stats.Ms(stats.Median)} ms (median of {stats.Count}) |");
        }

        var json = new Stats("status JSON built and written (from loaded summaries and counts)");
        using (var index = WorkspaceIndex.Scan([workspace], IndexOptions.Default))
        {
            var documents = index.Summaries;
            var counts = index.Checks(today).ByPath;
            for (int i = 0; i < 5; i++)
            {
                json.Time(() =>
                {
                    var report = Json.StatusMapping.Build(documents, null, counts, null, today);
                    var output = new StringWriter();
                    Cli.Json.JsonOutput.Write(output, report);
                    return output.GetStringBuilder().Length;
                });
            }
        }

        Console.WriteLine($"| {json.Name} | {Stats.Ms(json.Median)} ms (median of {json.Count}) |");

        if (punch is not null)
        {
            var startup = new Stats("`punch --help` process (start-up alone)");
            for (int i = 0; i < 5; i++)
            {
                startup.Time(() => ScanBench.Process(punch, "--help"));
            }

            Console.WriteLine($"| {startup.Name} | {Stats.Ms(startup.Median)} ms (median of {startup.Count}) |");
        }
    }

    private static int Status(string workspace)
    {
        var output = new StringWriter();
        var environment = new Cli.CliEnvironment(DateOnly.FromDateTime(DateTime.Today), ColorAllowed: false, Width: 120, workspace);
        return Cli.CliApp.Run(["status", "--json", workspace], output, TextWriter.Null, environment);
    }
}
