using Punchlist.Workspaces;

namespace Punchlist.Cli;

/// <summary>Words for when no tracker was found.</summary>
internal static class Trackers
{
    /// <summary>When punchlist.yml narrows the files read, a reminder that it may be why nothing was found.</summary>
    public static string FilteredHint(PunchlistConfig config) =>
        config.Include.Count > 0 || config.Exclude.Count > 0 ? "; punchlist.yml's include and exclude choose the files read: punch config shows them" : string.Empty;
}
