using System.Diagnostics;
using Punchlist.History;
using Punchlist.Storage;
using Punchlist.Storage.History;
using Punchlist.Workspaces;

namespace Punchlist.Bench.History;

internal static class Smoke
{
    public static void Run(string repository)
    {
        var clock = Stopwatch.StartNew();
        using var history = HistoryIndex.Open(repository, ConfigLoader.Load(repository), IndexOptions.Default);
        Console.WriteLine($"{history.State} {history.Reason} read={history.Read} in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var reader = history.Reader;
        var burn = BurnUp.Of(reader.Events(), HistorySelection.All, null, HistoryInterval.Month, null, new DateOnly(2026, 1, 1));
        Console.WriteLine($"burn-up in {clock.ElapsedMilliseconds} ms");
        foreach (var p in burn.Take(40))
        {
            Console.WriteLine(p);
        }
    }
}
