namespace Punchlist.Server.Pages;

/// <summary>
/// The site's URLs. Items and trackers are named by their address or path relative to the workspace,
/// as one path segment (`/` written `%2F`, as GitLab names projects), never by a path on disk.
/// </summary>
public static class Urls
{
    public static string Item(string address) => "/items/" + Uri.EscapeDataString(address);

    public static string Tracker(string path) => "/trackers/" + Uri.EscapeDataString(path);

    public static string Items(string? query) => string.IsNullOrEmpty(query) ? "/items" : "/items?q=" + Uri.EscapeDataString(query);

    public static string ItemsPage(string? query, int page) => page <= 1 ? Items(query) : $"{Items(query)}{(string.IsNullOrEmpty(query) ? "?" : "&")}page={page}";

    public static string Findings(string? code = null) => code is null ? "/findings" : "/findings?code=" + Uri.EscapeDataString(code);

    /// <summary>
    /// A route value back to an address or path. The server decodes everything in a path but `%2F`,
    /// which is the one escape left to undo here (decoding again would turn a literal `%41` into `A`).
    /// </summary>
    public static string FromSegment(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A source line of a tracker, as an anchor on its page.</summary>
    public static string Line(string path, int line) => $"{Tracker(path)}#L{line}";
}
