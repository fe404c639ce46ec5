using System.Globalization;

namespace Punchlist.Bench;

/// <summary>The bench's command line: `--name value` pairs, all described in bench/run.sh.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public string? Docs => Get("docs");

    public string? Trackers => Get("trackers");

    public string? Manifest => Get("manifest");

    public string Ripgrep => Get("rg") ?? "rg";

    public int Runs => Int("runs", 5);

    public int Warmups => Int("warmups", 1);

    public string? CliJit => Get("cli-jit");

    public string? CliR2r => Get("cli-r2r");

    public string? Samples => Get("samples");

    public int StartupRuns => Int("startup-runs", 10);

    /// <summary>Rounds of the one-shot CLI on the whole trees (seconds each).</summary>
    public int LongRuns => Int("long-runs", 3);

    public string? Out => Get("out");

    /// <summary>Child mode: the contender whose one-scan peak memory to report (see FreshProcess).</summary>
    public string? PeakOf => Get(FreshProcess.Mode);

    public string? Tree => Get("tree");

    /// <summary>Contenders to run, by short name (punchlist, load, markdig, rg); all when not given. For profiling one alone.</summary>
    public IReadOnlySet<string>? Only => Get("only") is { } list ? list.Split(',').ToHashSet(StringComparer.Ordinal) : null;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        return new Options(values);
    }

    private string? Get(string name) => _values.GetValueOrDefault(name);

    private int Int(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
