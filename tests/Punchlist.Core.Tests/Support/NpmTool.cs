using System.Security.Cryptography;

namespace Punchlist.Tests.Support;

/// <summary>
/// A Node tool the tests run (the GFM oracle, the SARIF validator), installed from its lock file into a
/// temporary folder named after the lock file's hash, so that its source folder (possibly read-only,
/// as ../shared is) is never written and a second run reuses the install.
/// </summary>
public static class NpmTool
{
    public static string Install(string source, string name)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))))[..12];
        string target = Path.Combine(Path.GetTempPath(), $"punchlist-{name}-{hash}");
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
        Assert.True(exit == 0, $"npm ci for the {name} failed (Node.js and npm are needed for this test): {error}");
        return target;
    }
}
