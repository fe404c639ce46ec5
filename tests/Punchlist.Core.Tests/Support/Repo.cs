namespace Punchlist.Tests.Support;

/// <summary>Where the repository and the read-only `../shared` inputs are, found from the test binaries.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Punchlist.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Punchlist.slnx) above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    private static string SharedPath =>
        Environment.GetEnvironmentVariable("PUNCHLIST_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Whether `../shared` (with its corpus) is beside the repository: CI has it, a lone clone does not.</summary>
    public static bool HasShared => Directory.Exists(Path.Combine(SharedPath, "corpus"));

    /// <summary>Why a test that needs `../shared` was skipped, in one line.</summary>
    public static string SharedMissingReason =>
        $"needs ../shared/corpus beside the clone (or PUNCHLIST_SHARED); not found at {SharedPath}";

    /// <summary>`../shared` beside the repository (or PUNCHLIST_SHARED).</summary>
    public static string Shared =>
        HasShared ? SharedPath : throw new InvalidOperationException($"../shared is missing: expected it at {SharedPath}");

    public static string Seeds => Path.Combine(Shared, "corpus", "seeds");

    public static string Real => Path.Combine(Shared, "corpus", "real");

    /// <summary>Every Markdown file of the corpus (seeds and real), sorted.</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        !HasShared ? [] : Directory.GetFiles(Seeds).Concat(Directory.GetFiles(Real))
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".org", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<object[]> CorpusCases() => CorpusFiles().Select(f => new object[] { CaseName(f) });

    /// <summary>A short, stable test-case name: `seeds/data-platform-todo.md`.</summary>
    public static string CaseName(string full) => $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileName(full)}";

    public static string CorpusPath(string caseName) => Path.Combine(Shared, "corpus", caseName);

    /// <summary>Set PUNCHLIST_UPDATE_GOLDEN=1 to rewrite golden files and spec expectations from the current output.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("PUNCHLIST_UPDATE_GOLDEN") == "1";
}
