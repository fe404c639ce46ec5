using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Punchlist.Bench;
using Punchlist.Bench.Team;
using Punchlist.Json;
using Punchlist.Storage.Postgres;

// Team mode, bounded and on loopback: a throwaway PostgreSQL cluster and the real `punch serve
// --database`; REPOSITORIES generated repositories of 20 trackers pushed by PUSHERS clients (pushes/s,
// p50/p99; re-pushing stored commits, which the server answers from one row, is the baseline); then
// the organisation overview and cross-repository search at READERS clients (p50/p99; /healthz under
// the same load is the baseline), auto_explain's EXPLAIN (ANALYZE, BUFFERS) of their statements with
// the indexes used; the database's size per repository, item and version; and its growth when
// GROWTH repositories push STEPS commits that each change one tracker. Markdown on stdout, plans in OUT.
//
//   Punchlist.Bench.Team CACHE PUNCH_DLL OUT [REPOSITORIES=1000] [PUSHERS=8] [READERS=50] [REQUESTS=2000] [GROWTH=20] [STEPS=5]
// `readers BASE_URL READERS REQUESTS PATH...`: only the readers' load, against a server already running
// (to compare another build of the server on the same database).
if (args is ["readers", var readersBase, var readersCount, var readersRequests, .. var paths])
{
    // As a browser reads: accepting Brotli and gzip, each answer decompressed as it arrives.
    using var readersHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200, AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri(readersBase), Timeout = TimeSpan.FromMinutes(2) };
    foreach (string path in paths)
    {
        var t = await Load.GetAsync(readersHttp, [path], int.Parse(readersCount, CultureInfo.InvariantCulture), int.Parse(readersRequests, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(90));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{path}` | {t.Count:N0} ({t.Failed}) | {t.P(50):F1} | {t.P(90):F1} | {t.P(99):F1} | {t.P(100):F1} | {t.Rate:F0} | {Machine.LoadAverage()} |"));
    }

    return 0;
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Punchlist.Bench.Team CACHE PUNCH_DLL OUT [REPOSITORIES=1000] [PUSHERS=8] [READERS=50] [REQUESTS=2000] [GROWTH=20] [STEPS=5]");
    return 2;
}

string cache = Path.GetFullPath(args[0]);
string punch = Path.GetFullPath(args[1]);
string outFolder = Path.GetFullPath(args[2]);
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
int repositories = Arg(3, 1000), pushers = Arg(4, 8), readers = Arg(5, 50), requests = Arg(6, 2000), growthRepositories = Math.Min(Arg(7, 20), repositories), steps = Arg(8, 5);
Directory.CreateDirectory(outFolder);
void Progress(string what) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] team bench: {what} ({Machine.LoadAverage()})");

// 1. The repositories and their push bodies, kept in the cache between runs.
var corpus = new Corpus(Path.Combine(cache, "team-repositories"), repositories);
var clock = Stopwatch.StartNew();
corpus.Generate(r => { if (r % 100 == 99) { Progress($"generated {r + 1} repositories"); } });
Progress($"repositories ready in {clock.Elapsed.TotalSeconds:F0} s");
// Kept per push schema: a change to the reader changes what a push holds but not what the server does
// with it, so the bodies stay good for this bench until the schema changes (delete the folder to rebuild).
string payloadFolder = Path.Combine(cache, "team-payloads", PushJson.Version.Replace('/', '-'));
Directory.CreateDirectory(payloadFolder);
var bodies = new byte[repositories][];
clock.Restart();
int built = 0;
Parallel.For(0, repositories, new ParallelOptions { MaxDegreeOfParallelism = 6 }, r =>
{
    string file = Path.Combine(payloadFolder, $"{r:0000}.push.gz");
    if (!File.Exists(file))
    {
        File.WriteAllBytes(file + ".tmp", Payloads.Build(corpus.Folder(r), corpus.Name(r)));
        File.Move(file + ".tmp", file, overwrite: true);
        if (Interlocked.Increment(ref built) % 100 == 0)
        {
            Progress($"built {built} push payloads");
        }
    }

    bodies[r] = File.ReadAllBytes(file);
});
double buildSeconds = clock.Elapsed.TotalSeconds;
int itemsPerPush = Payloads.Items(bodies[0]);
Progress($"payloads ready ({built} built in {buildSeconds:F0} s)");

// 2. PostgreSQL and the server.
// PUNCHLIST_BENCH_TEAM_KEEP=1 leaves the cluster running afterwards (its URL on stderr), to try other statements on the same data.
bool keep = Environment.GetEnvironmentVariable("PUNCHLIST_BENCH_TEAM_KEEP") == "1";
var cluster = Cluster.Start("512MB");
await cluster.CreateDatabaseAsync("punchlist");
string database = cluster.Url("punchlist");
int port = FreePort();
string baseUrl = $"http://127.0.0.1:{port}";
using var server = StartServer(punch, database, baseUrl, Path.Combine(outFolder, "server.log"));
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(pushers, readers) * 2, AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
    await Until(async () => await Ready(http), TimeSpan.FromMinutes(5));
    await using var store = await TeamStore.OpenAsync(database);
    var tokens = new string[repositories];
    for (int r = 0; r < repositories; r++)
    {
        tokens[r] = (await store.Tokens.AddAsync(corpus.Name(r), TokenScope.Push)).Token;
    }

    // 3. Pushes: every repository once, then the same commits again (stored already: the baseline).
    string loadBefore = Machine.LoadAverage();
    var pushes = await Load.PushAsync(http, [.. Enumerable.Range(0, repositories).Select(r => (tokens[r], bodies[r]))], pushers);
    string loadPushes = Machine.LoadAverage();
    var repeats = await Load.PushAsync(http, [.. Enumerable.Range(0, Math.Min(200, repositories)).Select(r => (tokens[r], bodies[r]))], pushers);
    string loadRepeats = Machine.LoadAverage();
    Progress($"pushed: {pushes.Rate:F1}/s, p99 {pushes.P(99):F0} ms");

    // The planner's statistics, as autovacuum would leave them a minute after a bulk load.
    await using (var analyze = store.Source.CreateCommand("ANALYZE"))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    var sizes = await Sizes.MeasureAsync(store.Source);
    long headItems = await Scalar(store.Source, "SELECT count(*) FROM repositories r JOIN commit_documents d ON d.commit_id = r.head_commit JOIN items i ON i.version_id = d.version_id");

    // 4. Readers.
    string[] searches = [corpus.Word(2), corpus.Word(40), corpus.Word(400), corpus.Word(3000), $"{corpus.Word(5)} {corpus.Word(60)}"];
    string[] searchUrls = [.. searches.Select(q => "/api/v1/search?q=" + Uri.EscapeDataString(q))];
    var matches = new Dictionary<string, long>(StringComparer.Ordinal);
    foreach (string q in searches)
    {
        matches[q] = await Scalar(store.Source, "SELECT count(*) FROM items WHERE search @@ plainto_tsquery('english', $1)", q);
    }

    var overviewBody = await Load.GetOnceAsync(http, "/api/v1/overview");
    var overview = JsonSerializer.Deserialize(overviewBody, PunchJson.Context.OverviewJson)!;
    var reads = new List<(string Name, Timings Timings, string Load)>();
    foreach (var (name, urls) in new (string, string[])[]
    {
        ("`/healthz` (baseline)", ["/healthz"]),
        ("overview `/api/v1/overview`", ["/api/v1/overview"]),
        ("organisation page `/`", ["/"]),
        ("overview `/api/v1/overview` again (order: the first line after the pushes)", ["/api/v1/overview"]),
        ($"search `/api/v1/search`, {searches.Length} queries in turn", searchUrls),
    })
    {
        // How many times the server built its overview while the line ran (its /metrics histogram's
        // count): a build runs the overview's statements beside the readers and makes every page's
        // bytes new, so a line that overlaps one is slower for it.
        long builds = await OverviewBuildsAsync(http);
        var timings = await Load.GetAsync(http, urls, readers, requests, TimeSpan.FromSeconds(90));
        builds = await OverviewBuildsAsync(http) - builds;
        reads.Add((name, timings, $"{Machine.LoadAverage()}; overview built {builds}×"));
        Progress($"{name}: p50 {timings.P(50):F0} ms, p99 {timings.P(99):F0} ms");
    }

    // Searches no one asked since the last push (no two requests alike: 500 words of the vocabulary, by
    // rank, common to rare): what a first-time query costs when fifty arrive at once, which no kept
    // answer serves.
    {
        string[] distinct = [.. Enumerable.Range(10, 500).Select(rank => "/api/v1/search?q=" + Uri.EscapeDataString(corpus.Word(rank)))];
        long builds = await OverviewBuildsAsync(http);
        var timings = await Load.GetAsync(http, distinct, readers, distinct.Length, TimeSpan.FromSeconds(90), warmUp: false);
        builds = await OverviewBuildsAsync(http) - builds;
        string name = $"search, {distinct.Length} different words (each asked once: no kept answer)";
        reads.Add((name, timings, $"{Machine.LoadAverage()}; overview built {builds}×"));
        Progress($"{name}: p50 {timings.P(50):F0} ms, p99 {timings.P(99):F0} ms");
    }

    var perQuery = new List<(string Query, Timings Timings)>();
    foreach (var (q, url) in searches.Zip(searchUrls))
    {
        perQuery.Add((q, await Load.GetAsync(http, [url], readers, Math.Max(200, requests / 5), TimeSpan.FromSeconds(30))));
    }

    // 5. The plans of the statements the overview and the search run, from the server's own connections.
    await using var admin = NpgsqlDataSource.Create(PostgresUrl.Parse(cluster.Url("postgres")).ConnectionString);
    var plans = (await cluster.ExplainAsync(admin, async () =>
    {
        await Load.GetOnceAsync(http, "/api/v1/overview");
        foreach (string url in searchUrls)
        {
            // Another limit than the load's: a search answer is kept until the next push, and the
            // kept one would run no statement to explain.
            await Load.GetOnceAsync(http, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=49");
        }
    })).Select(Plan.Parse).OfType<Plan>().ToList();

    // 6. Growth: repositories pushing commits that each change one tracker (on copies, so the cached corpus stays as generated).
    var growthCorpus = new Corpus(Path.Combine(cache, "team-growth"), repositories);
    if (Directory.Exists(growthCorpus.Root))
    {
        Directory.Delete(growthCorpus.Root, recursive: true);
    }

    Directory.CreateDirectory(growthCorpus.Root);
    for (int r = 0; r < growthRepositories; r++)
    {
        Run("cp", "-a", corpus.Folder(r), growthCorpus.Folder(r));
    }

    var before = await Sizes.MeasureAsync(store.Source);
    int newVersions = 0;
    var growthPushes = new Timings();
    for (int step = 1; step <= steps; step++)
    {
        for (int r = 0; r < growthRepositories; r++)
        {
            growthCorpus.ChangeOne(r, step);
            var body = Payloads.Build(growthCorpus.Folder(r), corpus.Name(r));
            var timing = await Load.PushAsync(http, [(tokens[r], body)], 1);
            growthPushes.Add(timing.P(50));
        }
    }

    var after = await Sizes.MeasureAsync(store.Source);
    newVersions = (int)(after.Rows("document_versions") - before.Rows("document_versions"));

    Report.Write(new Report.Run(Machine.Describe(), loadBefore, repositories, itemsPerPush, headItems, bodies.Sum(b => (long)b.Length), pushers, pushes, loadPushes, repeats, loadRepeats,
        sizes, readers, requests, overview, reads, searches, matches, perQuery, plans, outFolder, growthRepositories * steps, newVersions, before, after, growthPushes));
    return 0;
}
finally
{
    try
    {
        server.Kill(entireProcessTree: true);
        server.WaitForExit(10_000);
    }
    catch (InvalidOperationException)
    {
    }

    if (keep)
    {
        Progress($"the cluster keeps running: {cluster.Url("punchlist")}");
    }
    else
    {
        await cluster.DisposeAsync();
    }
}

static Process StartServer(string punch, string database, string baseUrl, string log)
{
    var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (string a in new[] { punch, "serve", "--database", database, "--urls", baseUrl })
    {
        info.ArgumentList.Add(a);
    }

    // The limiter is set off: this measures serving, and 50 clients from one address are one client to it.
    info.Environment["Punchlist__RequestsPerSecond"] = "0";
    info.Environment["Punchlist__Today"] = Corpus.Today;
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(info)!;
    var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
    process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
    process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task<long> OverviewBuildsAsync(HttpClient http)
{
    const string count = "punchlist_team_overview_build_duration_seconds_count ";
    string metrics = await Load.GetOnceAsync(http, "/metrics");
    string? line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(count, StringComparison.Ordinal));
    return line is null ? 0 : (long)double.Parse(line[count.Length..], CultureInfo.InvariantCulture);
}

static async Task<bool> Ready(HttpClient http)
{
    try
    {
        using var response = await http.GetAsync("/readyz");
        return response.StatusCode == HttpStatusCode.OK;
    }
    catch (HttpRequestException)
    {
        return false; // not listening yet
    }
}

static async Task Until(Func<Task<bool>> done, TimeSpan most)
{
    var clock = Stopwatch.StartNew();
    while (!await done())
    {
        if (clock.Elapsed > most)
        {
            throw new TimeoutException($"the server was not ready after {most.TotalMinutes} min");
        }

        await Task.Delay(200);
    }
}

static async Task<long> Scalar(NpgsqlDataSource source, string sql, params object[] values)
{
    await using var command = source.CreateCommand(sql);
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static void Run(string program, params string[] args)
{
    using var process = Process.Start(program, args);
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}");
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
