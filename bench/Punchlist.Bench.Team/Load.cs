using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Punchlist.Json;

namespace Punchlist.Bench.Team;

/// <summary>Concurrent clients over loopback: each request timed from sending to its last byte read.</summary>
internal static class Load
{
    /// <summary>`clients` tasks share the pushes, each one POSTed as `punch push` posts it; a push refused fails the bench.</summary>
    public static async Task<Timings> PushAsync(HttpClient http, IReadOnlyList<(string Token, byte[] Body)> pushes, int clients)
    {
        var timings = new Timings();
        int next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < pushes.Count)
            {
                long start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(pushes[i].Body);
                content.Headers.ContentType = new MediaTypeHeaderValue(PushWire.ContentType);
                content.Headers.ContentEncoding.Add(PushWire.ContentEncoding);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/push") { Content = content };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pushes[i].Token);
                using var response = await http.SendAsync(request);
                string answer = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"push {i}: {(int)response.StatusCode} {answer}");
                }

                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        timings.Rate = pushes.Count / wall.Elapsed.TotalSeconds;
        return timings;
    }

    /// <summary>
    /// A short warm-up (unless <paramref name="warmUp"/> is false: each URL then meets a cold server), then `clients` tasks share `requests` GETs, cycling through <paramref name="urls"/>;
    /// no request starts after <paramref name="most"/> (the bench stays bounded when an answer is slow).
    /// </summary>
    public static async Task<Timings> GetAsync(HttpClient http, IReadOnlyList<string> urls, int clients, int requests, TimeSpan most, bool warmUp = true)
    {
        foreach (string url in warmUp ? urls : [])
        {
            for (int i = 0; i < 5; i++)
            {
                await GetOnceAsync(http, url);
            }
        }

        var timings = new Timings();
        int next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            var buffer = new byte[64 * 1024];
            while ((i = Interlocked.Increment(ref next)) < requests && wall.Elapsed < most)
            {
                long start = Stopwatch.GetTimestamp();
                try
                {
                    await DrainAsync(http, urls[i % urls.Count], buffer);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    // Counted, and its time kept: a server that answers 500 or not at all under load is a result, not a crash of the bench.
                    Interlocked.Increment(ref timings.Failed);
                }

                timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        timings.Rate = timings.Count / wall.Elapsed.TotalSeconds;
        return timings;
    }

    // Each answer read to its last byte and decompressed, as a browser reads it, into one buffer per
    // client: read as a string, every answer of a quarter megabyte was two large-object allocations in
    // this process, whose heap holds the thousand push bodies, and its collections paused the clients.
    private static async Task DrainAsync(HttpClient http, string url, byte[] buffer)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(buffer) > 0)
        {
        }
    }

    public static async Task<string> GetOnceAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
    }
}

/// <summary>The machine's load average (1 and 5 minutes), to print beside every number: the machine is shared.</summary>
internal static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load {parts[0]}/{parts[1]}";
        }
        catch (IOException)
        {
            return "load unknown";
        }
    }

    public static string Describe()
    {
        string cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({cpu}), {memory / (1L << 30)} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    }
}
