using System.Text.Json;

namespace Punchlist.Tests.Support;

/// <summary>
/// `../shared/tools/gfm-oracle`: an independent GFM parser (remark + remark-gfm). It needs its npm
/// packages: `.ci/run` installs them and sets PUNCHLIST_GFM_ORACLE; without it the first use copies
/// the tool to a temporary folder and runs `npm ci` there (never inside ../shared).
/// </summary>
public static class GfmOracle
{
    private static readonly Lazy<string> Folder = new(Prepare);

    public sealed record Counts(string File, int Total, int Checked, int Top, int TopChecked, int Cards);

    public static IReadOnlyList<Counts> Run(IEnumerable<string> files)
    {
        var (exit, output, error) = Processes.Run("node", new[] { Path.Combine(Folder.Value, "tasks.mjs"), "--json" }.Concat(files));
        Assert.True(exit == 0, $"gfm-oracle failed ({exit}): {error}");
        return JsonSerializer.Deserialize<List<Counts>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static string Prepare()
    {
        if (Environment.GetEnvironmentVariable("PUNCHLIST_GFM_ORACLE") is { Length: > 0 } ready)
        {
            Assert.True(File.Exists(Path.Combine(ready, "tasks.mjs")), $"PUNCHLIST_GFM_ORACLE={ready} holds no tasks.mjs");
            return ready;
        }

        return NpmTool.Install(Path.Combine(Repo.Shared, "tools", "gfm-oracle"), "gfm-oracle");
    }
}
