namespace Punchlist.Workspaces;

/// <summary>A file to read: where it is, how output names it, and whether the user named it.</summary>
public sealed record WorkspaceFile(string FullPath, string RelativePath, bool Explicit)
{
    // Read from the file system on first use, not by the walk: a scan that reads every file anyway
    // never needs them, and a stat per file is a tenth of a documentation tree's scan. The index,
    // which compares them with what it remembers, asks before it reads anything.
    private Stamp? _stamp;

    /// <summary>Size in bytes; -1 when the file is gone.</summary>
    public long Length => (_stamp ??= Stamp.Of(FullPath)).Length;

    /// <summary>Last write time (UTC ticks); 0 when the file is gone.</summary>
    public long LastWriteTicks => (_stamp ??= Stamp.Of(FullPath)).LastWriteTicks;

    private sealed record Stamp(long Length, long LastWriteTicks)
    {
        public static Stamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new Stamp(info.Length, info.LastWriteTimeUtc.Ticks) : new Stamp(-1, 0);
        }
    }
}
