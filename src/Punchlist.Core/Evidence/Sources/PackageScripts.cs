using System.Text.Json;
using System.Text.RegularExpressions;

namespace Punchlist.Evidence.Sources;

/// <summary>
/// The `scripts` of the workspace's `package.json`, so that a CI step is judged by what it runs:
/// `bun run lint` runs `biome lint .`, `npm run check:types` runs `tsc --noEmit`. Without them a probe
/// looking for a linter or a type checker in the step's own text failed every pipeline that names
/// its checks through the package manager, which most JavaScript projects' pipelines do.
/// </summary>
internal sealed partial class PackageScripts
{
    // Scripts that run other scripts (`"ci": "npm run lint && npm test"`) are followed this deep.
    private const int MaxDepth = 4;

    private readonly Dictionary<string, string> _scripts;

    private PackageScripts(Dictionary<string, string> scripts) => _scripts = scripts;

    public static readonly PackageScripts None = new([]);

    /// <summary>The scripts of `package.json` at the root; none when there is none or it does not parse.</summary>
    public static PackageScripts Read(string? packageJson)
    {
        if (packageJson is null)
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(packageJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("scripts", out var scripts) || scripts.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var script in scripts.EnumerateObject())
            {
                if (script.Value.ValueKind == JsonValueKind.String)
                {
                    found[script.Name] = script.Value.GetString()!;
                }
            }

            return new PackageScripts(found);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>The commands of the scripts <paramref name="run"/> invokes (and of those they invoke), one a line; null for none.</summary>
    public string? Expand(string? run)
    {
        if (run is null || _scripts.Count == 0)
        {
            return null;
        }

        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Follow(run, 0);
        return lines.Count == 0 ? null : string.Join('\n', lines);

        void Follow(string text, int depth)
        {
            foreach (Match invocation in Invocation().Matches(text))
            {
                string name = invocation.Groups["name"].Value;
                if (name is "t" or "tst")
                {
                    name = "test"; // npm's aliases
                }

                if (depth < MaxDepth && _scripts.TryGetValue(name, out string? command) && seen.Add(name))
                {
                    lines.Add(command);
                    Follow(command, depth + 1);
                }
            }
        }
    }

    // `npm run NAME`, `npm run-script NAME`, `npm test`, `pnpm NAME`, `pnpm run NAME`, `yarn NAME`,
    // `yarn run NAME`, `bun run NAME`, with flags before the name (`pnpm -r lint`, `npm --silent run
    // lint`). Names that are no script (`npm ci`, `yarn install`) are found here and then left out.
    [GeneratedRegex(@"\b(?:npm|pnpm|yarn|bun)\s+(?:-{1,2}[\w-]+(?:=\S+)?\s+)*(?:run(?:-script)?\s+)?(?:-{1,2}[\w-]+(?:=\S+)?\s+)*(?<name>[\w:.@/-]+)")]
    private static partial Regex Invocation();
}
