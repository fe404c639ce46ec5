using System.Globalization;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>
/// Which other processes have a file open for writing, from `/proc` (Linux). A process that keeps a
/// tracker open (a logger, `tee -a`, `exec 3>>todo.md`, an editor that saves in place) writes to the
/// file it opened: if that file were replaced by rename, everything it wrote afterwards would land in
/// the old, unlinked file and be lost. The writer asks first and then writes in place instead.
/// </summary>
/// <remarks>
/// Only processes whose `/proc/PID/fd` this one may read are seen: all of them as root, the user's own
/// otherwise (another user's process can hold a file only if the file lets that user write it). The
/// cost is one stat per open file descriptor of those processes, once per write.
/// </remarks>
internal static class OpenWriters
{
    /// <summary>For each of <paramref name="files"/> held open for writing by another process, which process ("tail (pid 42)").</summary>
    public static Dictionary<FileId, string> Find(IReadOnlySet<FileId> files)
    {
        var found = new Dictionary<FileId, string>();
        if (!Posix.Available || files.Count == 0 || !Directory.Exists("/proc/self/fd"))
        {
            return found;
        }

        int self = Environment.ProcessId;
        foreach (string process in Enumerate("/proc"))
        {
            string name = Path.GetFileName(process);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == self)
            {
                continue;
            }

            foreach (string descriptor in Enumerate(Path.Combine(process, "fd")))
            {
                if (Posix.StatOf(descriptor, out var stat) && files.Contains(stat.Id) && !found.ContainsKey(stat.Id)
                    && OpenForWriting(Path.Combine(process, "fdinfo", Path.GetFileName(descriptor))))
                {
                    found[stat.Id] = $"{Command(process)} (pid {pid})";
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> Enumerate(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // another user's process, or one that just ended
        }
    }

    // fdinfo's `flags:` is the open(2) flags in octal; the low two bits are the access mode (1 write, 2 both).
    private static bool OpenForWriting(string fdinfo)
    {
        try
        {
            foreach (string line in File.ReadLines(fdinfo))
            {
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                {
                    return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & 3) != 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // ended meanwhile
        }

        return false;
    }

    private static string Command(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "comm")).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "a process";
        }
    }
}
