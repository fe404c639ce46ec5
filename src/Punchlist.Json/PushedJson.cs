namespace Punchlist.Json;

/// <summary>
/// `punchlist.pushed/1`: a team server's answer to a push. <c>Head</c> is whether the commit became
/// the repository's head; <c>NewVersions</c> counts the document versions the push stored (trackers
/// unchanged since an earlier push store none). A commit pushed again changes nothing and gets the
/// first answer back, byte for byte.
/// </summary>
public sealed record PushedJson(string Schema, string Repository, string Commit, bool Head, int Documents, int NewVersions)
{
    public const string Version = "punchlist.pushed/1";
}
