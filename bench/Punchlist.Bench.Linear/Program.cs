using System.Diagnostics;
using System.Globalization;
using Punchlist.Bench.Linear;

// dotnet bench/Punchlist.Bench.Linear/bin/Release/net10.0/Punchlist.Bench.Linear.dll WORKDIR [--sizes 1,4,16,64] [--shapes tasks,cards,invalid-utf8,nesting] [--commands status,sync] [--runs 3]
// Each measurement is one command in a fresh process (the bench started again in child mode, which
// runs the CLI in-process and reports its elapsed time, its CPU time and its own VmHWM), as a user
// runs punch. Results are Markdown for docs/BENCHMARKS.md: time, CPU time and peak memory per size,
// and the ratio per doubling of the size (2.0 is linear). CPU time is the steadier measure on a
// shared machine; wall time is what a user waits.
if (args is ["--child", var childCommand, var childFolder])
{
    return Child.Run(childCommand, childFolder);
}

if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: Punchlist.Bench.Linear WORKDIR [--sizes 1,4,16,64] [--shapes tasks,cards,invalid-utf8,nesting] [--commands status,sync] [--runs 3]");
    return 2;
}

string work = Path.GetFullPath(args[0]);
string Option(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
int[] sizes = [.. Option("--sizes", "1,4,16,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
string[] shapes = Option("--shapes", string.Join(',', Shapes.All)).Split(',');
string[] commands = Option("--commands", "status,sync").Split(',');
int runs = int.Parse(Option("--runs", "3"), CultureInfo.InvariantCulture);

Console.WriteLine($"- {RuntimeInformationLine()}; {Environment.ProcessorCount} logical cores; load average at start {Load()}");
Console.WriteLine($"- each cell: the median of {runs} runs up to 4 MB, one run above; a fresh process per run (`punch COMMAND --no-index`)");
Console.WriteLine();
foreach (string shape in shapes)
{
    Console.WriteLine($"### {shape}");
    Console.WriteLine();
    Console.WriteLine("| command | size | time | per doubling | CPU time | per doubling | peak memory | per doubling |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (string command in commands)
    {
        (int Size, double Seconds, double Cpu, double Megabytes)? previous = null;
        foreach (int size in sizes)
        {
            string folder = Prepare(work, shape, size);
            var samples = Enumerable.Range(0, size <= 4 ? runs : 1).Select(_ => Child.Measure(command, folder)).ToList();
            double seconds = samples.Select(s => s.Seconds).Order().ElementAt(samples.Count / 2);
            double cpu = samples.Select(s => s.CpuSeconds).Order().ElementAt(samples.Count / 2);
            double megabytes = samples.Max(s => s.PeakBytes) / (1024.0 * 1024.0);
            string timeRatio = previous is { } p ? PerDoubling(p.Seconds, seconds, p.Size, size) : "–";
            string cpuRatio = previous is { } c ? PerDoubling(c.Cpu, cpu, c.Size, size) : "–";
            string memoryRatio = previous is { } q ? PerDoubling(q.Megabytes, megabytes, q.Size, size) : "–";
            Console.WriteLine($"| {command} | {size} MB | {seconds:0.00} s | {timeRatio} | {cpu:0.00} s | {cpuRatio} | {megabytes:0} MB | {memoryRatio} |");
            previous = (size, seconds, cpu, megabytes);
        }
    }

    Console.WriteLine();
}

Console.WriteLine($"- load average at the end {Load()}");
return 0;

// The ratio of two measurements, spread over the doublings between their sizes: 2.0 when the cost is linear.
static string PerDoubling(double before, double after, int sizeBefore, int sizeAfter) =>
    before <= 0 ? "–" : Math.Pow(after / before, 1 / Math.Log2((double)sizeAfter / sizeBefore)).ToString("0.00", CultureInfo.InvariantCulture);

static string Prepare(string work, string shape, int megabytes)
{
    string folder = Path.Combine(work, $"{shape}-{megabytes}mb");
    string file = Path.Combine(folder, $"{shape}.md");
    if (!File.Exists(file))
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "punchlist.yml"), "# a workspace of one tracker\n");
        File.WriteAllBytes(file, Shapes.Make(shape, (long)megabytes << 20));
    }

    return folder;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static string RuntimeInformationLine() => $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}";
