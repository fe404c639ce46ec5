using System.Diagnostics;
using System.Globalization;

namespace Punchlist.Bench.Contenders;

/// <summary>
/// `rg -c` counting task-list lines: not a correct parse (it counts lines inside code fences), but the
/// floor for touching every byte of the tree.
/// </summary>
internal sealed class RipgrepCount(string rg) : IContender
{
    // A list marker (or quote) then a GFM box; the same shape the prefilter looks for.
    private const string TaskLine = @"^[ \t]*(?:>[ \t]?)*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\[[ xX]\]";

    public string Name => "ripgrep (rg -c)";

    public bool InProcess => false;

    public Outcome Run(string tree)
    {
        var start = new ProcessStartInfo(rg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--no-config", "--no-ignore", "--hidden", "--count", "--glob", "*.md", "--regexp", TaskLine, tree })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {rg}");
        var peak = Task.Run(() => PeakMemory.Watch(process));
        long lines = 0;
        for (string? line = process.StandardOutput.ReadLine(); line is not null; line = process.StandardOutput.ReadLine())
        {
            lines += long.Parse(line.AsSpan(line.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);
        }

        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        // rg exits 1 when nothing matched, which is an answer, not a failure.
        if (process.ExitCode > 1)
        {
            throw new InvalidOperationException($"rg failed ({process.ExitCode}): {error.Trim()}");
        }

        return new Outcome(lines, peak.Result);
    }
}
