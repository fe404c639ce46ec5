namespace Punchlist.Server.Pages;

/// <summary>What every page's frame shows: its title, which section of the site it is, and the scan it shows.</summary>
/// <param name="Self">The page's own URL, which the live stream fetches again when the workspace changes.</param>
public sealed record LayoutModel(string Title, string Section, string Workspace, long Version, DateOnly Today, DateTimeOffset? ScannedAt, bool Writable, string Self);
