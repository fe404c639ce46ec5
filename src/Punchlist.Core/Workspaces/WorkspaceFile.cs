namespace Punchlist.Workspaces;

/// <summary>A file to read: where it is, how output names it, and whether the user named it.</summary>
public sealed record WorkspaceFile(string FullPath, string RelativePath, bool Explicit)
{
    // Given by a walk that was asked for it (the index's), else read from the file system on first
    // use: a scan that reads every file anyway never needs it, and a stat per file is a tenth of a
    // documentation tree's scan.
    private FileStat? _stamp;

    internal FileStat? Stamp { init => _stamp = value; }

    /// <summary>Size in bytes; -1 when the file is gone.</summary>
    public long Length => (_stamp ??= FileStat.Of(FullPath)).Length;

    /// <summary>Last write time (UTC ticks); 0 when the file is gone.</summary>
    public long LastWriteTicks => (_stamp ??= FileStat.Of(FullPath)).LastWriteTicks;
}

/// <summary>A file's size and last write time, as a walk or a stat found them.</summary>
internal sealed record FileStat(long Length, long LastWriteTicks)
{
    public static FileStat Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStat(info.Length, info.LastWriteTimeUtc.Ticks) : new FileStat(-1, 0);
    }
}
