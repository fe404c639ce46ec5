using System.Globalization;
using Punchlist.Model;
using Punchlist.Search;
using Punchlist.Storage;
using Punchlist.Workspaces;

namespace Punchlist.Bench.Index;

/// <summary>
/// (c) query latency over generated items, as `punch search --limit 20` runs it (total, top 20,
/// snippets), for a fixed mix of rare-word, common-word, phrase and facet-only queries, against a
/// baseline that scans the same items in memory with `string.Contains` and plain predicates
/// (no stemming, no ranking); (d) database bytes per item.
/// </summary>
internal static class QueryBench
{
    private static readonly QueryContext Context = new(new DateOnly(2026, 11, 21));

    public static void Run(int count)
    {
        // PUNCHLIST_BENCH_KEEP=FOLDER keeps the generated database there, to look at query plans; a
        // database already kept there is queried again without a rebuild (the items are generated the
        // same way each time, so the in-memory baseline still matches it).
        string? keep = Environment.GetEnvironmentVariable("PUNCHLIST_BENCH_KEEP");
        string folder = keep ?? Path.Combine(Path.GetTempPath(), "punchlist-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Run(count, folder);
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Run(int count, string folder)
    {
        string file = Path.Combine(folder, "index.db");
        bool reuse = File.Exists(file);
        var database = IndexDatabase.OpenFile(file, Console.Error.WriteLine, out _)!;
        var memory = new List<Baseline>(count);
        var scope = new List<(string, long, bool)>();
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        if (reuse)
        {
            using var command = database.Connection.Command("SELECT path, id FROM documents");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var build = new Stats("index build");
        build.Time(() =>
        {
            var writer = new IndexWriter(database.Connection);
            int n = 0;
            foreach (var document in SyntheticItems.Documents(count))
            {
                long id = reuse ? known[document.Path] : writer.Put(new FileStamp(document.Path, 0, 0, new byte[32], false), document);
                scope.Add((document.Path, id, false));
                memory.AddRange(document.Items.Select(i => Baseline.Of(document.Path, i)));
                if (++n % 50 == 0)
                {
                    writer.Commit();
                    writer.Dispose();
                    writer = new IndexWriter(database.Connection);
                }
            }

            writer.Commit();
            writer.Dispose();
            if (!reuse)
            {
                database.Connection.Execute("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)");
            }

            return n;
        });
        Console.WriteLine($"| index build, {count} generated items | {(reuse ? "reused" : Stats.Ms(build.Median) + " ms")} |");
        long bytes = new FileInfo(file).Length;
        Console.WriteLine($"| database size | {bytes / 1024 / 1024} MB: {bytes / count} bytes per item |");

        using var index = new IndexedWorkspace(database, folder, PunchlistConfig.Empty, scope, new ScanCounts(0, 0, 0, 0, 0), [], null);
        // PUNCHLIST_BENCH_NARROWING=Always|Never forces the ranking's narrowing, to measure what it chooses between.
        if (Environment.GetEnvironmentVariable("PUNCHLIST_BENCH_NARROWING") is { Length: > 0 } narrowing)
        {
            index.Narrowing = Enum.Parse<Punchlist.Storage.Queries.Narrowing>(narrowing, ignoreCase: true);
        }

        var random = new Random(7);
        string[] words = SyntheticItems.Words;
        var mix = new (string Name, int Runs, Func<int, string> Query, Func<int, string, Func<Baseline, bool>> Scan)[]
        {
            ("rare word", 200, i => $"rare{random.Next(10_000)}", (_, q) => b => b.Text.Contains(q, StringComparison.Ordinal)),
            ("common word (`parser`)", 200, _ => "parser", (_, q) => b => b.Text.Contains(q, StringComparison.Ordinal)),
            ("two common words", 50, i => $"{words[i % words.Length]} {words[(i * 7 + 3) % words.Length]}",
                (_, q) => b => q.Split(' ').All(w => b.Text.Contains(w, StringComparison.Ordinal))),
            ("phrase of two common words", 100, i => $"\"{words[i % words.Length]} {words[(i * 7 + 3) % words.Length]}\"",
                (_, q) => b => b.Text.Contains(q.Trim('"'), StringComparison.Ordinal)),
        }.Concat(Facets.Select(f => ($"facets only: `{f.Query}`", 50, (Func<int, string>)(_ => f.Query), (Func<int, string, Func<Baseline, bool>>)((_, _) => f.Scan)))).ToArray();

        foreach (var (name, runs, query, scan) in mix)
        {
            // The first query of a kind in the process fills SQLite's page caches with the pages it reads
            // and compiles the code it runs: it is reported apart, so the percentiles are those of a warm
            // process (a server, an agent's session) while a one-shot CLI's cost is still shown. The
            // baseline gets the same untimed first run.
            string warmUp = query(0);
            var cold = new Stats(name);
            cold.Time(() => index.Search(Query.Parse(warmUp, Context), 20).Total);
            Scan(memory, scan(0, warmUp));
            var indexed = new Stats(name);
            var scanned = new Stats(name);
            for (int i = 0; i < runs; i++)
            {
                string q = query(i);
                var parsed = Query.Parse(q, Context);
                int total = indexed.Time(() => index.Search(parsed, 20).Total);
                var predicate = scan(i, q);
                scanned.Time(() => Scan(memory, predicate));
                if (i == 0)
                {
                    Console.Error.WriteLine($"{name}: '{q}' matches {total}");
                }
            }

            Console.WriteLine($"| {name} | {Stats.Ms(indexed.Median)} / {Stats.Ms(indexed.Percentile(99))} ms | {Stats.Ms(cold.Median)} ms | {Stats.Ms(scanned.Median)} / {Stats.Ms(scanned.Percentile(99))} ms | {Stats.Ratio(indexed.Percentile(99), scanned.Percentile(99))} |");
        }
    }

    // The baseline: every item tested, the matches counted and the first 20 kept.
    private static int Scan(List<Baseline> memory, Func<Baseline, bool> predicate)
    {
        int matches = 0;
        var top = new List<Baseline>(20);
        foreach (var item in memory)
        {
            if (predicate(item))
            {
                matches++;
                if (top.Count < 20)
                {
                    top.Add(item);
                }
            }
        }

        return matches;
    }

    private static readonly (string Query, Func<Baseline, bool> Scan)[] Facets =
    [
        ("priority:p0 is:open", b => b.Rank == 0 && b.State == ItemState.Open),
        ("tech:docker", b => b.Tech.Contains("Docker")),
        ("owner:user17", b => b.Owner is { } o && o.StartsWith("user17", StringComparison.Ordinal)),
        ("due:<2025-03-01 is:open", b => b.Due is { } d && d < new DateOnly(2025, 3, 1) && b.State == ItemState.Open),
        ("effort:<=2h priority:p1", b => b.Hours is <= 2 && b.Rank == 1),
    ];

    /// <summary>An item as the baseline scans it: its text in lower case and its facets.</summary>
    private sealed record Baseline(string Document, string Text, int? Rank, ItemState State, string? Owner, DateOnly? Due, double? Hours, IReadOnlyList<string> Tech)
    {
        public static Baseline Of(string document, ItemRecord item) => new(
            document,
            string.Join('\n', [item.Title, .. item.Criteria.Select(c => c.Text), item.Body]).ToLowerInvariant(),
            item.Priority?.Rank, item.State, item.Owner, item.Due, item.Effort?.Hours, item.Tech);
    }
}
