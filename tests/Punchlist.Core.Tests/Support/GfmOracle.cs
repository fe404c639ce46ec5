using System.Security.Cryptography;
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

        string source = Path.Combine(Repo.Shared, "tools", "gfm-oracle");
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))))[..12];
        string target = Path.Combine(Path.GetTempPath(), $"punchlist-gfm-oracle-{hash}");
        if (Directory.Exists(Path.Combine(target, "node_modules")))
        {
            return target;
        }

        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        var (exit, _, error) = Processes.Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], target, timeoutSeconds: 600);
        Assert.True(exit == 0, $"npm ci for the gfm-oracle failed (Node.js and npm are needed for this test): {error}");
        return target;
    }
}
