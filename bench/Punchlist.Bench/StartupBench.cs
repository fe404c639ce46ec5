using System.Diagnostics;

namespace Punchlist.Bench;

/// <summary>
/// One-shot CLI time: `punch status` on the sample workspace, started as a fresh process each time,
/// for each way the CLI can be built and each JIT setting. Variants run round-robin, like the scans.
/// </summary>
internal static class StartupBench
{
    public sealed record Variant(string Name, string Executable, IReadOnlyDictionary<string, string> Environment);

    /// <summary>Every build and JIT setting worth comparing, for a short run.</summary>
    public static IReadOnlyList<Variant> Variants(string jitBuild, string? r2rBuild) =>
    [
        .. Of("JIT build", jitBuild, [[], ["DOTNET_TieredPGO=1"], ["DOTNET_TieredCompilation=0"], ["DOTNET_TC_QuickJitForLoops=0"], ["DOTNET_ReadyToRun=0"]]),
        .. r2rBuild is null ? [] : Of("ReadyToRun build", r2rBuild, [[], ["DOTNET_TieredPGO=1"], ["DOTNET_TieredCompilation=0"]]),
    ];

    /// <summary>The settings that matter for a long run (seconds of scanning), where each run is costly.</summary>
    public static IReadOnlyList<Variant> LongRunVariants(string jitBuild, string? r2rBuild) =>
    [
        .. Of("JIT build", jitBuild, [[], ["DOTNET_TieredPGO=1"], ["DOTNET_TieredCompilation=0"]]),
        .. r2rBuild is null ? [] : Of("ReadyToRun build", r2rBuild, [[], ["DOTNET_TieredPGO=1"]]),
    ];

    private static IEnumerable<Variant> Of(string build, string dir, string[][] settings) =>
        settings.Select(knobs => new Variant(
            knobs.Length == 0 ? $"{build}, as configured" : $"{build}, {string.Join(", ", knobs.Select(k => k["DOTNET_".Length..]))}",
            Path.Combine(dir, OperatingSystem.IsWindows() ? "punch.exe" : "punch"),
            knobs.ToDictionary(k => k[..k.IndexOf('=')], k => k[(k.IndexOf('=') + 1)..], StringComparer.Ordinal)));

    public static Dictionary<Variant, List<TimeSpan>> Measure(IReadOnlyList<Variant> variants, string[] arguments, int warmups, int runs, TextWriter log)
    {
        var times = variants.ToDictionary(v => v, _ => new List<TimeSpan>());
        for (int round = -warmups; round < runs; round++)
        {
            for (int k = 0; k < variants.Count; k++)
            {
                var variant = variants[(k + Math.Max(round, 0)) % variants.Count];
                var elapsed = RunOnce(variant, arguments);
                if (round >= 0)
                {
                    times[variant].Add(elapsed);
                }
            }

            log.WriteLine($"  startup round {(round < 0 ? "warm-up" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))} done, load {LoadAverage.Now()}");
        }

        return times;
    }

    private static TimeSpan RunOnce(Variant variant, string[] arguments)
    {
        var start = new ProcessStartInfo(variant.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Knobs the shell may have set would blur the comparison; each variant sets only its own.
        foreach (string knob in new[] { "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun" })
        {
            start.Environment.Remove(knob);
        }

        foreach (var (key, value) in variant.Environment)
        {
            start.Environment[key] = value;
        }

        long started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {variant.Executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        output.Wait();
        process.WaitForExit();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{variant.Name}: punch exited {process.ExitCode}: {error.Trim()}");
        }

        return elapsed;
    }
}
