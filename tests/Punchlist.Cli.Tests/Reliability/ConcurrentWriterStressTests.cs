using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Reliability;

/// <summary>
/// Writers against each other and against a process appending to the same file: `done` on every item
/// from three threads at once and `sync --write` keeping a cookie and a progress line true, while a
/// shell appends lines in bursts — first holding its handle open the whole time (the write path must
/// keep the file's inode), then reopening the file for every line (the path of the rename). Refusals
/// (exit 2, "changed on disk") are expected and retried; the writers go on after the appender has
/// finished until every item is ticked (bounded). What must never happen is a tick `done` reported
/// written missing from the file, or an appended line lost.
/// </summary>
public sealed class ConcurrentWriterStressTests : IDisposable
{
    private const int Items = 12;
    private const int Bursts = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly Workdir _w = new();

    public void Dispose() => _w.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_tick_and_no_appended_line_is_ever_lost(bool holdHandleOpen)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var tracker = new StringBuilder("# Stress\n\n**Progress:** 0/12 tasks (0%)\n\n## Work [0/12]\n\n");
        for (int i = 0; i < Items; i++)
        {
            tracker.Append($"- [ ] item {i:00}\n");
        }

        _w.Write("s.md", tracker.Append('\n').ToString());
        // Bursts of three lines, 50 ms apart, then a pause: writes land between them, and inside them.
        int lines = 3 * Bursts;
        string append = holdHandleOpen ? "echo \"appended line $n\" >&3" : "echo \"appended line $n\" >> s.md";
        string script = $"{(holdHandleOpen ? "exec 3>>s.md; " : string.Empty)}n=0; for b in $(seq 1 {Bursts}); do for i in 1 2 3; do n=$((n+1)); {append}; sleep 0.05; done; sleep 0.7; done";
        using var appender = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = _w.Root, UseShellExecute = false })!;

        var ticked = new ConcurrentBag<int>();
        var counts = new ConcurrentDictionary<string, int>();
        var deadline = DateTime.UtcNow + Bound;
        string While() => appender.HasExited ? "after the appender" : "while appending";
        var writers = Enumerable.Range(0, 3).Select(w => Task.Factory.StartNew(() =>
        {
            // Each writer ticks its own items, retrying each until it is written.
            for (int i = w; i < Items && DateTime.UtcNow < deadline; i += 3)
            {
                while (DateTime.UtcNow < deadline)
                {
                    string when = While();
                    var (exit, _, error) = _w.Punch("done", $"s.md#work/item-{i:00}");
                    Count(counts, $"done {(exit == 0 ? "written" : "refused")} {when}");
                    Assert.True(exit is 0 or 2, error);
                    if (exit == 0)
                    {
                        ticked.Add(i);
                        break;
                    }
                }
            }
        }, TaskCreationOptions.LongRunning)).ToList();
        writers.Add(Task.Factory.StartNew(() =>
        {
            while (DateTime.UtcNow < deadline && (ticked.Count < Items || !appender.HasExited))
            {
                string when = While();
                var (exit, _, error) = _w.Punch("sync", "--write");
                Count(counts, $"sync {(exit == 0 ? "ran" : "refused")} {when}");
                Assert.True(exit is 0 or 2, error);
            }
        }, TaskCreationOptions.LongRunning));

        await Task.WhenAll(writers);
        appender.WaitForExit();

        string after = _w.Read("s.md");
        foreach (int i in ticked)
        {
            Assert.Contains($"- [x] item {i:00}", after, StringComparison.Ordinal);
        }

        var appended = after.Split('\n').Where(l => l.StartsWith("appended line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, lines).Select(n => $"appended line {n}"), appended);
        Assert.Equal(Items, after.Split('\n').Count(l => l.StartsWith("- [", StringComparison.Ordinal)));
        Assert.Equal(Items, ticked.Count);
        Report(holdHandleOpen, counts, ticked.Count, lines);
    }

    private static void Count(ConcurrentDictionary<string, int> counts, string what) => counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    private static void Report(bool held, ConcurrentDictionary<string, int> counts, int ticks, int lines)
    {
        if (Environment.GetEnvironmentVariable("PUNCHLIST_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllText(report, $"stress ({(held ? "appender holding its handle" : "appender reopening the file")}): "
                + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"))
                + $"; {ticks} ticks and {lines} appended lines, none lost\n");
        }
    }
}
