using System.Collections.Concurrent;

namespace Punchlist.Workspaces;

/// <summary>Links to files: each file found once, however many names it has in the workspace.</summary>
public static partial class Discovery
{
    // The links whose file was not found otherwise, each file once (the first link in path order).
    private static IEnumerable<WorkspaceFile> DistinctLinks(IEnumerable<WorkspaceFile> links, IEnumerable<WorkspaceFile> walked, ConcurrentDictionary<string, byte>? seen)
    {
        var files = walked.Select(f => Identity(f.FullPath)).OfType<object>().ToHashSet();
        foreach (var link in links.OrderBy(l => l.RelativePath, StringComparer.Ordinal))
        {
            if ((seen?.TryAdd(link.FullPath, 0) ?? true) && (Identity(link.FullPath) is not { } id || files.Add(id)))
            {
                yield return link;
            }
        }
    }

    // The same object for the same file however it is reached: its device and inode on Linux, else its
    // final path. Null for a dangling link (then it is read, and its reading says it is missing).
    private static object? Identity(string path)
    {
        if (Posix.Available)
        {
            return Posix.StatOf(path, out var stat) ? stat.Id : null;
        }

        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
