using Punchlist.Bench.Index;

// dotnet run -c Release --project bench/Punchlist.Bench.Index -- scan WORKSPACE [PATH/TO/punch.dll [PATH/TO/readytorun/punch.dll]]
// dotnet run -c Release --project bench/Punchlist.Bench.Index -- status WORKSPACE [PATH/TO/punch.dll]
// dotnet run -c Release --project bench/Punchlist.Bench.Index -- query [ITEMS=1000000]
// Results are printed as Markdown rows for docs/BENCHMARKS.md; every mode measures its in-memory
// baseline in the same run, because the machine is shared and absolute numbers drift.
string mode = args.Length > 0 ? args[0] : "help";
switch (mode)
{
    case "scan" when args.Length > 1:
        ScanBench.Run(Path.GetFullPath(args[1]), args.Length > 2 ? Path.GetFullPath(args[2]) : null, args.Length > 3 ? Path.GetFullPath(args[3]) : null);
        return 0;
    case "status" when args.Length > 1:
        StatusProfile.Run(Path.GetFullPath(args[1]), args.Length > 2 ? Path.GetFullPath(args[2]) : null);
        return 0;
    case "query":
        QueryBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
        return 0;
    default:
        Console.Error.WriteLine("usage: Punchlist.Bench.Index scan WORKSPACE [punch.dll [r2r/punch.dll]] | status WORKSPACE [punch.dll] | query [ITEMS]");
        return 2;
}
