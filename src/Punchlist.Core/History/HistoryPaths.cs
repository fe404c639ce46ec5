using DotNet.Globbing;
using Punchlist.Workspaces;

namespace Punchlist.History;

/// <summary>
/// Which paths of a commit are documents the workspace reads, as <see cref="Discovery"/> decides on
/// disk: Markdown and Org files, not under `node_modules`, `bin`, `obj` or `.punchlist`, within punchlist.yml's
/// `include` and outside its `exclude` (today's punchlist.yml, for every commit: history is read the
/// way the workspace is read now).
/// </summary>
public sealed class HistoryPaths(PunchlistConfig config)
{
    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".punchlist", ".git"];

    private readonly List<Glob> _include = config.Include.Select(g => Globs.Parse(g)).ToList();
    private readonly List<Glob> _exclude = config.Exclude.Select(g => Globs.Parse(g)).ToList();

    public bool Includes(string path)
    {
        if (!(path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".org", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var folders = path.Split('/');
        for (int i = 0; i < folders.Length - 1; i++)
        {
            if (SkippedFolders.Contains(folders[i], StringComparer.Ordinal))
            {
                return false;
            }

            // A folder an exclude names leaves out everything under it (`archive/**`, or `archive` itself).
            string folder = string.Join('/', folders, 0, i + 1);
            if (_exclude.Exists(g => g.IsMatch(folder) || g.IsMatch(folder + "/")))
            {
                return false;
            }
        }

        return !_exclude.Exists(g => g.IsMatch(path)) && (_include.Count == 0 || _include.Exists(g => g.IsMatch(path)));
    }
}
