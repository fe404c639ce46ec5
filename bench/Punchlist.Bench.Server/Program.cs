using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Punchlist.Bench;

// punch serve under load, on loopback, bounded: the overview and /api/v1/items?q= at N concurrent
// clients (latency percentiles, nearest rank), the CLI's own time for the same answers in the same
// run as the baseline, and how long a file saved takes to reach the live stream as an event.
//
//   Punchlist.Bench.Server WORKSPACE PUNCH_DLL [CLIENTS] [REQUESTS] [QUERY]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Punchlist.Bench.Server WORKSPACE PUNCH_DLL [CLIENTS=50] [REQUESTS=2000] [QUERY='is:open priority:p0']");
    return 2;
}

string workspace = Path.GetFullPath(args[0]);
string punch = Path.GetFullPath(args[1]);
int clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
int requests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
string query = args.Length > 4 ? args[4] : "is:open priority:p0";

int port = FreePort();
string baseUrl = $"http://127.0.0.1:{port}";
var serve = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
foreach (string a in new[] { punch, "serve", workspace, "--urls", baseUrl })
{
    serve.ArgumentList.Add(a);
}

// The limiter is set off: this measures serving, and 50 clients from one address are one client to it.
serve.Environment["Punchlist__RequestsPerSecond"] = "0";
serve.Environment["Logging__LogLevel__Default"] = "Warning";
using var server = Process.Start(serve)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    var started = Stopwatch.StartNew();
    await Until(async () => (await Get(http, "/readyz")).Status == HttpStatusCode.OK, TimeSpan.FromMinutes(30), "the first scan");
    double firstScan = started.Elapsed.TotalSeconds;
    // The overview's lists come from the background check of every tracker: wait for it, so the load sees the page as a lead would.
    await Until(async () => await Get(http, "/") is { Status: HttpStatusCode.OK } page && !page.Body.Contains("Checking every tracker", StringComparison.Ordinal), TimeSpan.FromMinutes(30), "the first check");
    double firstCheck = started.Elapsed.TotalSeconds;

    string itemsUrl = "/api/v1/items?q=" + Uri.EscapeDataString(query);
    var (_, itemsBody) = await Get(http, itemsUrl);

    // Each line is printed as soon as it is measured: a run stopped part-way keeps what it measured.
    Console.WriteLine($"## punch serve under load ({Environment.ProcessorCount} cores; {clients} concurrent clients; at most {requests} requests or {Cap.TotalSeconds:F0} s a line)");
    Console.WriteLine();
    Console.WriteLine($"Workspace: {Path.GetFileName(workspace)} — first scan {firstScan:F1} s, first check of every tracker {firstCheck:F1} s after start; the server then holds {Resident(server)}.");
    Console.WriteLine($"Query: `{query}` ({itemsBody.Length:N0} bytes for its first page of 50).");
    Console.WriteLine();
    Console.WriteLine("| answer | requests | p50 ms | p90 ms | p99 ms | max ms | requests/s | failed | load (1 min) |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
    Line("`/healthz` (baseline)", await Load(http, _ => "/healthz", clients, requests));
    Line("overview `/`", await Load(http, _ => "/", clients, requests));
    Line($"`{itemsUrl}` (the same query from every client)", await Load(http, _ => itemsUrl, clients, requests));

    // No two requests alike (a word of the tracker generator's vocabulary, then each later page of it):
    // what a query costs when no one asked it before, the cache no help.
    string[] words = ["deploy", "latency", "rollback", "schema", "alert", "backup", "migration", "cache", "token", "quota"];
    Line("`/api/v1/items?q=is:open WORD&offset=…` (every request a different query or page)",
        await Load(http, i => $"/api/v1/items?q={Uri.EscapeDataString("is:open " + words[i % words.Length])}&offset={i / words.Length * 50}", clients, Math.Min(requests, 500)));
    Console.WriteLine();

    // The CLI's time for the same answers on the same (warm) index: the status of every tracker, and the same query's first page.
    var cliStatus = Cli(punch, 5, "status", workspace, "--no-color");
    var cliList = Cli(punch, 5, "list", query, workspace, "--json", "--limit", "50");
    Console.WriteLine($"The CLI for the same answers, a fresh process each, median (min) of 5: `punch status` {cliStatus.P(50):F0} ({cliStatus.P(0):F0}) ms; `punch list '{query}' --json --limit 50` {cliList.P(50):F0} ({cliList.P(0):F0}) ms.");

    var events = await SaveToEvent(http, workspace, 10);
    Console.WriteLine($"File saved → scan event on /events: median {events.P(50):F0} ms, max {events.P(100):F0} ms over {events.Count} saves.");
    return 0;
}
finally
{
    try
    {
        server.Kill(entireProcessTree: true);
    }
    catch (InvalidOperationException)
    {
    }
}

static async Task<(HttpStatusCode Status, string Body)> Get(HttpClient http, string url)
{
    try
    {
        using var response = await http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
    catch (HttpRequestException)
    {
        return (HttpStatusCode.ServiceUnavailable, string.Empty); // not listening yet
    }
    catch (TaskCanceledException)
    {
        // Past the client's timeout while the first scan holds the machine: poll again, Until bounds the wait.
        return (HttpStatusCode.RequestTimeout, string.Empty);
    }
}

static async Task Until(Func<Task<bool>> done, TimeSpan most, string what)
{
    var clock = Stopwatch.StartNew();
    while (!await done())
    {
        if (clock.Elapsed > most)
        {
            throw new TimeoutException($"waited {most.TotalMinutes} min for {what}");
        }

        await Task.Delay(200);
    }
}

// A short warm-up, then `clients` tasks share `requests` requests (the i-th asks url(i)), stopping
// early after Cap; each one's time is from sending to the last byte read.
static async Task<Timings> Load(HttpClient http, Func<int, string> url, int clients, int requests)
{
    for (int i = 0; i < 20; i++)
    {
        await Get(http, url(requests + i));
    }

    var timings = new Timings();
    int next = 0;
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int mine;
        while ((mine = Interlocked.Increment(ref next)) <= requests && wall.Elapsed < Cap)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(url(mine - 1), HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref timings.Failed);
                }
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref timings.Failed); // past the client's timeout: counted, and its time kept as a lower bound
            }

            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    })));
    timings.Rate = timings.Count / wall.Elapsed.TotalSeconds;
    return timings;
}

static void Line(string answer, Timings t) =>
    Console.WriteLine($"| {answer} | {t.Count} | {t.P(50):F1} | {t.P(90):F1} | {t.P(99):F1} | {t.P(100):F1} | {t.Rate:F0} | {t.Failed} | {Load1()} |");

// The machine's 1-minute load average (Linux), printed beside each line: these machines are shared.
// The server's resident memory now and at its peak (VmRSS, VmHWM), from /proc.
static string Resident(Process process)
{
    string status = $"/proc/{process.Id}/status";
    if (!File.Exists(status))
    {
        return "an unknown amount of memory";
    }

    var lines = File.ReadAllLines(status);
    string Megabytes(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
        ? $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024:N0} MB"
        : "?";
    return $"{Megabytes("VmRSS:")} resident ({Megabytes("VmHWM:")} at its peak)";
}

static string Load1() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static Timings Cli(string punch, int runs, params string[] args)
{
    var timings = new Timings();
    for (int i = 0; i < runs; i++)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(punch);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        long start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        output.Wait();
        timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"punch {string.Join(' ', args)} exited {process.ExitCode}");
        }
    }

    return timings;
}

// Each trial appends an item to a tracker (as an editor's save does) and reads the stream until a
// scan event names that tracker; then the file is put back as it was.
static async Task<Timings> SaveToEvent(HttpClient http, string workspace, int trials)
{
    var timings = new Timings();
    string file = Directory.EnumerateFiles(workspace, "*.md", SearchOption.AllDirectories).First(f => !f.Contains("/.punchlist/", StringComparison.Ordinal));
    string relative = Path.GetRelativePath(workspace, file).Replace('\\', '/');
    byte[] original = await File.ReadAllBytesAsync(file);
    using var stream = await http.GetStreamAsync("/events");
    using var reader = new StreamReader(stream, Encoding.UTF8);
    try
    {
        for (int i = 0; i < trials; i++)
        {
            await Task.Delay(500); // let the previous save's scan settle
            long start = Stopwatch.GetTimestamp();
            await File.WriteAllBytesAsync(file, [.. original, .. Encoding.UTF8.GetBytes($"\n- [ ] Bench save {i}\n")]);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? kind = null;
            while (true)
            {
                string line = await reader.ReadLineAsync(limit.Token) ?? throw new EndOfStreamException("the stream ended");
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal) && kind == "scan" && line.Contains(relative, StringComparison.Ordinal))
                {
                    break;
                }
            }

            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
    finally
    {
        await File.WriteAllBytesAsync(file, original);
    }

    return timings;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal static partial class Program
{
    // A line stops after this long however many requests are left: a slow answer keeps the run bounded.
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(90);
}
