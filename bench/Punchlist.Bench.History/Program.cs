using System.Globalization;
using Punchlist.Bench.History;

// dotnet run -c Release --project bench/Punchlist.Bench.History -- generate DIR [COMMITS=2400 [TRACKERS=200]]
// dotnet run -c Release --project bench/Punchlist.Bench.History -- access REPOSITORY [ROUNDS=5]
// dotnet run -c Release --project bench/Punchlist.Bench.History -- history REPOSITORY PATH/TO/punch.dll [LONGER-REPOSITORY [ROUNDS=5]]
// Results are printed as Markdown for docs/BENCHMARKS.md; each measures its baseline in the same run.
// dotnet run -c Release --project bench/Punchlist.Bench.History -- ratio REPOSITORY [ROUNDS=5]   (the first build against Markdig alone)
// dotnet run -c Release --project bench/Punchlist.Bench.History -- phases REPOSITORY [ROUNDS=3]
// dotnet run -c Release --project bench/Punchlist.Bench.History -- build REPOSITORY [ROUNDS=10]   (the first build alone, each round timed: to profile)
// `history` adds commits to REPOSITORY (the update measurement): generate it again for the next run.
string mode = args.Length > 0 ? args[0] : "help";
int Int(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (mode)
{
    case "generate" when args.Length > 1:
        var generator = new RepoGenerator(Int(2, 2400), Int(3, 200));
        generator.Write(Path.GetFullPath(args[1]));
        Console.Error.WriteLine($"generated {generator.Commits} commits in {args[1]}");
        return 0;
    case "access" when args.Length > 1:
        GitAccessBench.Run(Path.GetFullPath(args[1]), Int(2, 5));
        GitAccessBench.Update(Path.GetFullPath(args[1]), 10);
        return 0;
    case "history" when args.Length > 2:
        HistoryBench.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), args.Length > 3 && args[3].Length > 0 ? Path.GetFullPath(args[3]) : null, Int(4, 5));
        return 0;
    case "ratio" when args.Length > 1:
        HistoryBench.Ratio(Path.GetFullPath(args[1]), Int(2, 5));
        return 0;
    case "phases" when args.Length > 1:
        HistoryPhases.Run(Path.GetFullPath(args[1]), Int(2, 3));
        return 0;
    case "build" when args.Length > 1:
        HistoryBench.BuildOnly(Path.GetFullPath(args[1]), Int(2, 10));
        return 0;
    case "reader" when args.Length > 1:
        HistoryPhases.ReaderOnly(Path.GetFullPath(args[1]), Int(2, 10));
        return 0;
    case "peak-build" when args.Length > 1:
        return HistoryBench.PeakChild(Path.GetFullPath(args[1]));
    default:
        Console.Error.WriteLine("usage: Punchlist.Bench.History generate DIR [COMMITS [TRACKERS]] | access REPOSITORY [ROUNDS] | history REPOSITORY punch.dll [LONGER [ROUNDS]]");
        return 2;
}
