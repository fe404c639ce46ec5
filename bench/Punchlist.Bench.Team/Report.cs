using System.Globalization;
using Punchlist.Json;

namespace Punchlist.Bench.Team;

/// <summary>The bench's results as Markdown on stdout (for docs/BENCHMARKS.md), and each plan's JSON and tree in the output folder.</summary>
internal static class Report
{
    public const double OverviewTargetMs = 150;

    public const double SearchTargetMs = 100;

    internal sealed record Run(
        string Machine, string LoadBefore, int Repositories, int ItemsPerPush, long HeadItems, long BytesPushed,
        int Pushers, Timings Pushes, string LoadPushes, Timings Repeats, string LoadRepeats,
        Sizes Sizes, int Readers, int Requests, OverviewJson Overview, IReadOnlyList<(string Name, Timings Timings, string Load)> Reads,
        IReadOnlyList<string> Searches, IReadOnlyDictionary<string, long> Matches, IReadOnlyList<(string Query, Timings Timings)> PerQuery,
        IReadOnlyList<Plan> Plans, string OutFolder, int GrowthPushes, int GrowthVersions, Sizes BeforeGrowth, Sizes AfterGrowth, Timings GrowthTimings);

    public static void Write(Run run)
    {
        var o = Console.Out;
        o.WriteLine(Inv($"## Team mode: {run.Repositories:N0} repositories on one PostgreSQL ({run.Machine})"));
        o.WriteLine();
        o.WriteLine(Inv($"Load average before the pushes: {run.LoadBefore}. {run.Repositories:N0} repositories × {Corpus.TrackersPerRepository} trackers, {run.ItemsPerPush:N0} items in the first push; {run.HeadItems:N0} items in the heads served; {run.BytesPushed / 1048576.0:F1} MB pushed (gzip, {run.BytesPushed / (double)run.Repositories / 1024:F1} KB a push)."));
        o.WriteLine();
        o.WriteLine("| pushes | count | p50 ms | p90 ms | p99 ms | max ms | pushes/s | load (1/5 min) |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        o.WriteLine(Inv($"| new commits, {run.Pushers} clients | {run.Pushes.Count:N0} | {run.Pushes.P(50):F0} | {run.Pushes.P(90):F0} | {run.Pushes.P(99):F0} | {run.Pushes.P(100):F0} | {run.Pushes.Rate:F1} | {run.LoadPushes} |"));
        o.WriteLine(Inv($"| the same commits again (baseline: answered from the stored row), {run.Pushers} clients | {run.Repeats.Count:N0} | {run.Repeats.P(50):F0} | {run.Repeats.P(90):F0} | {run.Repeats.P(99):F0} | {run.Repeats.P(100):F0} | {run.Repeats.Rate:F1} | {run.LoadRepeats} |"));
        o.WriteLine();
        o.WriteLine(Inv($"Readers: {run.Readers} concurrent clients, at most {run.Requests:N0} requests or 90 s a line. The overview's first page lists {run.Overview.Repositories.Count:N0} of {run.Overview.Page.Repositories:N0} repositories and {run.Overview.Attention.Count:N0} late or SLA-breaching P0/P1 items; the client accepts Brotli and gzip, as a browser does."));
        o.WriteLine();
        o.WriteLine("| answer | requests (failed) | p50 ms | p90 ms | p99 ms | max ms | requests/s | target p99 | load (1/5 min) |");
        o.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var (name, t, load) in run.Reads)
        {
            string target = name.Contains("search", StringComparison.Ordinal) ? Target(t.P(99), SearchTargetMs)
                : name.Contains("overview", StringComparison.Ordinal) || name.Contains("organisation", StringComparison.Ordinal) ? Target(t.P(99), OverviewTargetMs) : "—";
            o.WriteLine(Inv($"| {name} | {t.Count:N0} ({t.Failed}) | {t.P(50):F1} | {t.P(90):F1} | {t.P(99):F1} | {t.P(100):F1} | {t.Rate:F0} | {target} | {load} |"));
        }

        o.WriteLine();
        o.WriteLine("| search query | items matching (all versions) | requests (failed) | p50 ms | p99 ms |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (q, t) in run.PerQuery)
        {
            o.WriteLine(Inv($"| `{q}` | {run.Matches[q]:N0} | {t.Count:N0} ({t.Failed}) | {t.P(50):F1} | {t.P(99):F1} |"));
        }

        o.WriteLine();
        WritePlans(run);
        WriteSizes(run);
    }

    private static void WritePlans(Run run)
    {
        var o = Console.Out;
        o.WriteLine("EXPLAIN (ANALYZE, BUFFERS) of the server's own statements (auto_explain), one request each:");
        o.WriteLine();
        int n = 0;
        foreach (var plan in run.Plans)
        {
            string kind = plan.Query.Contains("ts_rank_cd", StringComparison.Ordinal) ? "search"
                : plan.Query.Contains("i.priority IN", StringComparison.Ordinal) ? "overview-attention"
                : plan.Query.Contains("JOIN commits c ON c.id = r.head_commit", StringComparison.Ordinal) ? "overview-heads" : null!;
            if (kind is null)
            {
                continue;
            }

            string file = $"explain-{kind}-{++n}";
            File.WriteAllText(Path.Combine(run.OutFolder, file + ".json"), plan.Json);
            File.WriteAllText(Path.Combine(run.OutFolder, file + ".txt"), plan.Query + "\n\n" + plan.Tree());
            var indexes = plan.Indexes();
            var whole = plan.SequentialScans();
            bool items = plan.ScansWhole("items") || plan.ScansWhole("commit_documents");
            o.WriteLine(Inv($"- {kind} ({file}.txt): {plan.TotalMs:F1} ms; indexes: {(indexes.Count == 0 ? "none" : string.Join(", ", indexes))}; sequential scans: {(whole.Count == 0 ? "none" : string.Join(", ", whole))}{(items ? " — READS ITEMS OR COMMIT_DOCUMENTS WHOLE" : string.Empty)}"));
        }

        o.WriteLine();
    }

    private static void WriteSizes(Run run)
    {
        var o = Console.Out;
        var s = run.Sizes;
        long versions = s.Rows("document_versions");
        long versionBytes = s.Bytes("document_versions") + s.Bytes("items") + s.Bytes("analyses");
        o.WriteLine(Inv($"What the database holds after the pushes: {Sizes.Mb(s.Database)} in all — {Sizes.Kb(s.Database / (double)run.Repositories)} a repository, {s.Database / (double)s.Rows("items"):F0} bytes an item stored, {Sizes.Kb(versionBytes / (double)versions)} a tracker version (its row, items and analysis)."));
        o.WriteLine();
        o.WriteLine("| table | rows | size with indexes | growth: rows | growth: bytes |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (string table in Sizes.TableNames)
        {
            o.WriteLine(Inv($"| {table} | {s.Rows(table):N0} | {Sizes.Mb(s.Bytes(table))} | {run.AfterGrowth.Rows(table) - run.BeforeGrowth.Rows(table):N0} | {Sizes.Kb(run.AfterGrowth.Bytes(table) - run.BeforeGrowth.Bytes(table))} |"));
        }

        long grown = run.AfterGrowth.Database - run.BeforeGrowth.Database;
        o.WriteLine();
        o.WriteLine(Inv($"Growth: {run.GrowthPushes} pushes of new commits that each change one tracker (one task ticked, one added) stored {run.GrowthVersions} new tracker versions and grew the database by {Sizes.Mb(grown)}: {Sizes.Kb(grown / (double)run.GrowthPushes)} a push (one push at a time: p50 {run.GrowthTimings.P(50):F0} ms, p99 {run.GrowthTimings.P(99):F0} ms)."));
    }

    private static string Target(double p99, double target) => p99 < target ? Inv($"< {target:F0} ms: met") : Inv($"< {target:F0} ms: MISSED");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
