using System.Security.Cryptography;
using CsCheck;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Fuzzing;

/// <summary>
/// A time-bounded mutation fuzzer (CsCheck) for the reader (with every rule over what it read), the
/// query parser, punchlist.yml and the YAML the probes read. Each target runs for
/// PUNCHLIST_FUZZ_SECONDS (2 by default; `.ci/run` gives each 25), from its committed corpus plus
/// the samples (and ../shared's corpus for the reader); an input that fails is shrunk, written to
/// Fuzzing/Crashes/&lt;target&gt;/ to be committed, and replayed by every later run. How many inputs a
/// run tried is written to PUNCHLIST_FUZZ_REPORT when set (docs/architecture.md quotes a CI run).
/// </summary>
public sealed class MutationFuzzTests
{
    public static TheoryData<string> Targets() => [.. FuzzTarget.All.Select(t => t.Name)];

    public static TheoryData<string, string> Kept()
    {
        var cases = new TheoryData<string, string>();
        foreach (var target in FuzzTarget.All)
        {
            foreach (string kind in new[] { "Corpus", "Crashes" })
            {
                string folder = FuzzTarget.Folder(target.Name, kind);
                foreach (string file in Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [])
                {
                    cases.Add(target.Name, $"{kind}/{Path.GetFileName(file)}");
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Kept))]
    public void A_kept_input_still_passes(string target, string file)
    {
        var run = FuzzTarget.Named(target);
        string kind = file[..file.IndexOf('/', StringComparison.Ordinal)];
        Within(run, File.ReadAllBytes(Path.Combine(FuzzTarget.Folder(target, kind), file[(kind.Length + 1)..])));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Mutated_inputs_never_crash_or_hang(string name)
    {
        var target = FuzzTarget.Named(name);
        var seeds = target.Seeds.Value;
        Assert.NotEmpty(seeds);
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("PUNCHLIST_FUZZ_SECONDS"), out int s) && s > 0 ? s : 2;
        long tried = 0;
        byte[]? smallest = null;
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Mutation.Gen(seeds.Count).Sample(mutation =>
            {
                byte[] input = mutation.Apply(seeds, target.Tokens);
                Interlocked.Increment(ref tried);
                try
                {
                    Within(target, input);
                }
                catch
                {
                    lock (target)
                    {
                        if (smallest is null || input.Length < smallest.Length)
                        {
                            smallest = input;
                        }
                    }

                    throw;
                }
            }, time: seconds, threads: Math.Max(1, Environment.ProcessorCount - 1));
        }
        catch (CsCheckException e)
        {
            string kept = Keep(name, smallest!);
            Assert.Fail($"the {name} target failed on an input now kept in {kept} (commit it: later runs replay it): {e.Message}");
        }

        Report(name, tried, started.Elapsed, seeds.Count);
        Assert.True(tried > 0);
    }

    // One input, failed if it throws or takes longer than the hang limit.
    private static void Within(FuzzTarget target, byte[] input)
    {
        var run = Task.Run(() => target.Run(input));
        if (!run.Wait(FuzzTarget.Hang))
        {
            throw new TimeoutException($"one input took longer than {FuzzTarget.Hang.TotalSeconds:0} s");
        }

        run.GetAwaiter().GetResult();
    }

    private static string Keep(string target, byte[] input)
    {
        string folder = FuzzTarget.Folder(target, "Crashes");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(input))[..12] + ".bin");
        File.WriteAllBytes(path, input);
        return Path.GetRelativePath(Repo.Root, path);
    }

    private static void Report(string target, long tried, TimeSpan elapsed, int seeds)
    {
        if (Environment.GetEnvironmentVariable("PUNCHLIST_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllText(report, $"fuzz {target}: {tried:N0} inputs in {elapsed.TotalSeconds:0} s from {seeds} seeds\n");
        }
    }
}
