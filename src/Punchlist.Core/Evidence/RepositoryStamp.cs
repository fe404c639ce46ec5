namespace Punchlist.Evidence;

/// <summary>
/// A file or folder of the repository as evidence last saw it: its size (-1 when it was missing) and
/// time stamp. A folder's time stamp changes whenever an entry is added, removed or renamed in it,
/// so the stamps of the folders walked stand for the list of files without listing it again.
/// </summary>
public sealed record RepositoryStamp(string Path, bool Folder, long Size, long LastWriteTicks)
{
    public static RepositoryStamp Of(FileSystemInfo info, string relative) => info switch
    {
        { Exists: false } => new(relative, info is DirectoryInfo, -1, 0),
        FileInfo file => new(relative, false, file.Length, file.LastWriteTimeUtc.Ticks),
        _ => new(relative, true, 0, info.LastWriteTimeUtc.Ticks),
    };

    /// <summary>True when the file or folder still looks the same under <paramref name="root"/> (one stat call).</summary>
    public bool Holds(string root)
    {
        string full = System.IO.Path.Combine(root, Path);
        FileSystemInfo now = Folder ? new DirectoryInfo(full) : new FileInfo(full);
        return Of(now, Path) == this;
    }
}
