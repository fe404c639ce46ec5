using Punchlist.Cli.Rendering;
using Punchlist.Workspaces;

namespace Punchlist.Cli;

/// <summary>
/// The paths a command was given, checked before anything is read: each exists, a folder can be
/// listed, a file is a tracker format (Markdown or Org) — anything else is one line and exit code 2.
/// </summary>
internal static class PathArguments
{
    // What Discovery reads when it walks a folder; a file named on the command line is held to the same.
    private static readonly string[] TrackerExtensions = [".md", ".markdown", ".org"];

    public static string[] Check(string[]? paths, CliEnvironment environment)
    {
        string[] targets = paths is { Length: > 0 } ? paths : [environment.WorkingDirectory];
        foreach (string path in targets)
        {
            string full = Path.GetFullPath(path, environment.WorkingDirectory);
            if (Directory.Exists(full))
            {
                CheckReadable(path, full);
            }
            else if (!File.Exists(full))
            {
                throw new PunchlistException($"{TerminalText.Quote(path)}: no such file or folder");
            }
            else if (!TrackerExtensions.Any(e => full.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                throw new PunchlistException($"{TerminalText.Quote(path)}: not a tracker (punch reads Markdown, *.md and *.markdown, and Org, *.org)");
            }
        }

        return [.. targets.Select(p => Path.GetFullPath(p, environment.WorkingDirectory))];
    }

    /// <summary>
    /// The checked paths by the workspace each lies in (the nearest folder at or above it that holds
    /// `.git` or punchlist.yml), in the order given: each workspace is read with its own punchlist.yml,
    /// index and evidence. Paths in no workspace go together, as before (there is no configuration to mix).
    /// </summary>
    public static List<string[]> ByWorkspace(IReadOnlyList<string> paths)
    {
        var groups = new List<(string? Root, List<string> Paths)>();
        foreach (string path in paths)
        {
            string root = Discovery.FindRoot(path);
            string? workspace = InWorkspace([root]) ? root : null;
            int at = groups.FindIndex(g => g.Root == workspace);
            if (at < 0)
            {
                groups.Add((workspace, [path]));
            }
            else
            {
                groups[at].Paths.Add(path);
            }
        }

        return [.. groups.Select(g => g.Paths.ToArray())];
    }

    /// <summary>The checked paths when they lie in one workspace; several are refused in one line, naming two.</summary>
    public static string[] OneWorkspace(string[] paths, CliEnvironment environment)
    {
        var groups = ByWorkspace(paths);
        if (groups.Count > 1)
        {
            string Name(string full) => TerminalText.Quote(Path.GetRelativePath(environment.WorkingDirectory, full).Replace('\\', '/'));
            throw new PunchlistException($"{Name(groups[0][0])} and {Name(groups[1][0])} lie in different workspaces, each with its own punchlist.yml and index: give one at a time (punch status and punch list take several)");
        }

        return paths;
    }

    /// <summary>
    /// Whether <paramref name="paths"/> lie in a workspace: a folder at or above the first holds
    /// `.git` or punchlist.yml. Outside one, read commands keep their index in memory.
    /// </summary>
    public static bool InWorkspace(IReadOnlyList<string> paths)
    {
        string root = Discovery.FindRoot(paths[0]);
        return File.Exists(Path.Combine(root, PunchlistConfig.FileName)) || Path.Exists(Path.Combine(root, ".git"));
    }

    private static void CheckReadable(string path, string full)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(full).GetEnumerator();
            entries.MoveNext();
        }
        catch (UnauthorizedAccessException)
        {
            throw new PunchlistException($"{TerminalText.Quote(path)}: cannot read this folder (permission denied)");
        }
        catch (IOException e)
        {
            throw new PunchlistException($"{TerminalText.Quote(path)}: cannot read this folder ({e.Message.TrimEnd('.')})");
        }
    }
}
