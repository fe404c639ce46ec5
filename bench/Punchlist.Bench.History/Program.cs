using System.Globalization;
using Punchlist.Bench.History;

// dotnet run -c Release --project bench/Punchlist.Bench.History -- generate DIR [COMMITS=2400 [TRACKERS=200]]
// dotnet run -c Release --project bench/Punchlist.Bench.History -- access REPOSITORY [ROUNDS=5]
// dotnet run -c Release --project bench/Punchlist.Bench.History -- history REPOSITORY [PATH/TO/punch.dll]
// Results are printed as Markdown for docs/BENCHMARKS.md; each measures its baseline in the same run.
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
    case "smoke2" when args.Length > 1:
        Smoke2.Run(Path.GetFullPath(args[1]));
        return 0;
    case "smoke" when args.Length > 1:
        Smoke.Run(Path.GetFullPath(args[1]));
        return 0;
    default:
        Console.Error.WriteLine("usage: Punchlist.Bench.History generate DIR [COMMITS [TRACKERS]] | access REPOSITORY [ROUNDS] | history REPOSITORY [punch.dll]");
        return 2;
}
