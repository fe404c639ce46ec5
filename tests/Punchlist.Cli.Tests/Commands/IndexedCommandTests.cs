using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// Commands served from an index on disk, on temporary copies of the corpus: output identical to a
/// fresh parse, nothing read twice, a broken index survived, several processes at once.
/// </summary>
public sealed class IndexedCommandTests
{
    [CorpusFact]
    public void A_second_status_on_an_unchanged_workspace_reads_no_document()
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        var (_, _, first) = Punch.RunIndexed("status", "--verbose", workspace.Root);
        Assert.Contains("index .punchlist/index.db: 0 files served from the index, 5 read, 5 parsed, 0 dropped", first, StringComparison.Ordinal);
        Assert.Contains("findings and verification: 0 trackers served from the index, 5 checked (0 read for it)", first, StringComparison.Ordinal);
        var (exit, _, second) = Punch.RunIndexed("status", "--verbose", workspace.Root);
        Assert.Equal(0, exit);
        Assert.Contains("punch: 5 Markdown files found, 0 parsed, 5 trackers", second, StringComparison.Ordinal);
        Assert.Contains("index .punchlist/index.db: 5 files served from the index, 0 read, 0 parsed, 0 dropped", second, StringComparison.Ordinal);
        Assert.Contains("findings and verification: 5 trackers served from the index, 0 checked (0 read for it)", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_list_and_show_print_the_same_from_the_cache_as_from_a_fresh_parse()
    {
        using var workspace = CorpusCopy();
        foreach (string file in Repo.CorpusFiles())
        {
            string path = workspace.Path(Repo.CaseName(file));
            string golden = Repo.CaseName(file);
            string[] status = ["status", "--json", "--today", "2026-11-21", path];
            var cold = Punch.RunIndexed(status);
            var warm = Punch.RunIndexed(status);
            Assert.Equal(cold, warm);
            Assert.Equal((0, string.Empty), (warm.Exit, warm.Err));
            Punch.AssertGolden($"status/{golden}.json", warm.Out);
            Assert.Contains("findings and verification: 1 trackers served from the index, 0 checked", Punch.RunIndexed([.. status, "--verbose"]).Err, StringComparison.Ordinal);
        }

        foreach (string folder in new[] { "seeds", "real" })
        {
            string path = workspace.Path(folder);
            foreach (string[] command in new[] { ["list", "--json"], ["status", "--by", "section", "--explain"], new[] { "list" } })
            {
                var fresh = Punch.Run([.. command, path]);
                Assert.Equal(fresh, Punch.RunIndexed([.. command, path]));
                Assert.Equal(fresh, Punch.RunIndexed([.. command, path]));
            }

            var (_, listed, _) = Punch.Run("list", "--json", path);
            using var items = JsonDocument.Parse(listed);
            foreach (var item in items.RootElement.GetProperty("items").EnumerateArray().Where((_, i) => i % 7 == 0))
            {
                string address = item.GetProperty("address").GetString()!;
                Assert.Equal(Punch.Run("show", "--json", address, path), Punch.RunIndexed("show", "--json", address, path));
            }
        }
    }

    [CorpusFact]
    public void A_corrupt_index_is_moved_aside_with_a_warning_and_the_output_is_unchanged()
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        workspace.Write(".punchlist/index.db", "this is not a database, it is a shopping list\n");
        var (exit, output, error) = Punch.RunIndexed("status", "--json", "--today", "2026-11-21", workspace.Path("data-platform-todo.md"));
        Assert.Equal(0, exit);
        string warning = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("punch: warning: the index .punchlist/index.db could not be used", warning, StringComparison.Ordinal);
        Punch.AssertGolden("status/seeds/data-platform-todo.md.json", output);
        Assert.Equal(string.Empty, Punch.RunIndexed("status", workspace.Root).Err);
    }

    [CorpusFact]
    public void No_index_writes_nothing_into_the_workspace()
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        var (exit, _, error) = Punch.RunIndexed("search", "backup", "--no-index", "--verbose", workspace.Root);
        Assert.Equal(0, exit);
        Assert.Contains("index in memory (--no-index)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Path(".punchlist")));
    }

    [CorpusFact]
    public void Several_punch_processes_on_one_workspace_agree_and_leave_a_sound_index()
    {
        using var workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
        string punch = Path.Combine(AppContext.BaseDirectory, "punch.dll");
        string[] args = [punch, "status", "--json", "--today", "2026-11-21", workspace.Root];
        var runs = Enumerable.Range(0, 3).AsParallel().WithDegreeOfParallelism(3)
            .Select(_ => Processes.Run("dotnet", args, timeoutSeconds: 120)).ToList();
        Assert.All(runs, r => Assert.True(r.Exit == 0, r.Err));
        Assert.Single(runs.Select(r => r.Out).Distinct());
        var again = Processes.Run("dotnet", [punch, "search", "--json", "backup", "--verbose", workspace.Root]);
        Assert.Contains("5 files served from the index, 0 read", again.Err, StringComparison.Ordinal);
    }

    private static TempWorkspace CorpusCopy()
    {
        // Each corpus folder its own root, as in ../shared, and a workspace (an empty punchlist.yml), so
        // that its index is kept on disk.
        var workspace = new TempWorkspace();
        File.Delete(workspace.Path("punchlist.yml"));
        foreach (string file in Repo.CorpusFiles())
        {
            workspace.Write(Repo.CaseName(file), File.ReadAllBytes(file));
        }

        foreach (string folder in new[] { "seeds", "real" })
        {
            workspace.Write($"{folder}/punchlist.yml", "# each corpus folder is a workspace of its own\n");
        }

        return workspace;
    }
}
