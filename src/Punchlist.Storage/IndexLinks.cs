namespace Punchlist.Storage;

/// <summary>
/// The index is written only inside the workspace: `.punchlist` must be a folder of its own, and its
/// files no links. SQLite follows a link when it creates a file, so `.punchlist/index.db -> /elsewhere`
/// would create a database wherever the link points.
/// </summary>
internal static class IndexLinks
{
    /// <summary>Why the index cannot live in <paramref name="folder"/> (then it lives in memory), or null; links to files in it are moved aside first.</summary>
    public static string? Refuse(string folder, Action<string> warn)
    {
        var info = new DirectoryInfo(folder);
        if (info.LinkTarget is not null)
        {
            return $"{IndexDatabase.FolderName} is a symbolic link, and the index is never written outside the workspace";
        }

        if (File.Exists(folder))
        {
            return $"{IndexDatabase.FolderName} is a file, not a folder";
        }

        if (!info.Exists)
        {
            return null;
        }

        foreach (string suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            string path = Path.Combine(folder, IndexDatabase.FileName + suffix);
            if (new FileInfo(path).LinkTarget is { } target)
            {
                string aside = $"{path}.link-{DateTime.UtcNow:yyyyMMddHHmmss}";
                File.Move(path, aside, overwrite: true); // the link itself: what it points to is never touched
                warn($"{IndexDatabase.FolderName}/{IndexDatabase.FileName}{suffix} was a link to {target}; moved the link to {Path.GetFileName(aside)} and rebuilt the index in the workspace");
            }
        }

        return null;
    }
}
