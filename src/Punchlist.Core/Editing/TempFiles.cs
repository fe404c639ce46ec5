using System.Globalization;
using System.Text.RegularExpressions;

namespace Punchlist.Editing;

/// <summary>
/// The temporary files a write makes beside its target, named by the writing process and never by
/// the target (a 253-byte file name plus any suffix would pass the file system's 255-byte limit):
/// `.punch-PID-RANDOM.tmp`. A write that was killed (`kill -9`, a crash, a power cut) leaves one
/// behind; the next write into the same folder removes those whose process is gone.
/// </summary>
internal static partial class TempFiles
{
    // How old a leftover must be before it is removed, even when its process id is free: a process of
    // another PID namespace (a container sharing the folder) may still be writing it.
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public static string NewIn(string folder) =>
        Path.Combine(folder, $".punch-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Random.Shared.Next():x8}.tmp");

    /// <summary>Removes what killed writes left in <paramref name="folder"/>; never fails the write that asks.</summary>
    public static void RemoveStale(string folder)
    {
        try
        {
            foreach (string path in Directory.EnumerateFiles(folder, ".punch-*.tmp"))
            {
                var match = Name().Match(Path.GetFileName(path));
                if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && !IsRunning(pid) && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > Grace)
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a leftover we cannot remove stays; the write itself goes on
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (Workspaces.Posix.Available)
        {
            return Workspaces.Posix.Kill(pid, 0) == 0 || System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Workspaces.Posix.Esrch;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.punch-([0-9]{1,10})-[0-9a-f]{8}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
