namespace Punchlist.Workspaces;

/// <summary>A file to read: where it is, how output names it, and whether the user named it.</summary>
public sealed record WorkspaceFile(string FullPath, string RelativePath, bool Explicit)
{
    /// <summary>Size in bytes when the file was found (the folder walk gets it for free); -1 when unknown.</summary>
    public long Length { get; init; } = -1;

    /// <summary>Last write time (UTC ticks) when the file was found; 0 when unknown.</summary>
    public long LastWriteTicks { get; init; }

    /// <summary>The same file with its size and last write time read from the file system.</summary>
    public static WorkspaceFile Stat(string fullPath, string relativePath, bool isExplicit) => From(new FileInfo(fullPath), relativePath, isExplicit);

    internal static WorkspaceFile From(FileInfo info, string relativePath, bool isExplicit) => new(info.FullName, relativePath, isExplicit)
    {
        Length = info.Length,
        LastWriteTicks = info.LastWriteTimeUtc.Ticks,
    };
}
