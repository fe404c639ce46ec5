using Punchlist.Text;

namespace Punchlist.Editing;

/// <summary>
/// Replaces a file's content atomically and only if nobody changed it since it was read: the new bytes
/// go to a temporary file in the same folder (same file system, so the rename is atomic), are flushed
/// to disk, get the original's permissions, and replace it by rename — after the content hash on disk
/// is checked once more against the one read. A reader sees the old file or the new one, never half.
/// </summary>
/// <remarks>
/// The last check and the rename are two steps, so a write landing between them is still lost; no
/// portable API closes that window (advisory locks bind only tools that take them). The check is made
/// as late as possible to keep the window to a single system call.
/// </remarks>
public sealed class ConditionalWriter
{
    public static readonly ConditionalWriter Default = new(null);

    private readonly Action<string>? _beforeReplace;

    /// <param name="beforeReplace">Called with the target path once the temporary file is complete: a test seam to simulate a race.</param>
    internal ConditionalWriter(Action<string>? beforeReplace) => _beforeReplace = beforeReplace;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> if its content hash is still <paramref name="expectedHash"/>.</summary>
    /// <param name="display">How the file is named in an error (its path relative to the workspace).</param>
    /// <exception cref="PunchlistException">The file changed, vanished, or its folder cannot be written.</exception>
    public void Write(string path, string expectedHash, byte[] bytes, string display)
    {
        string target = Resolve(path);
        var mode = Check(target, expectedHash, display);
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.punch-tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            KeepMode(target, temp, mode);
            _beforeReplace?.Invoke(target);
            Check(target, expectedHash, display);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"{display}: cannot be written: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    // A symbolic link is followed, so the file it points to changes and the link stays a link.
    private static string Resolve(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    private static UnixFileMode? Check(string target, string expectedHash, string display)
    {
        byte[] current;
        UnixFileMode? mode = null;
        try
        {
            current = File.ReadAllBytes(target);
            if (!OperatingSystem.IsWindows())
            {
                mode = File.GetUnixFileMode(target);
            }
        }
        catch (FileNotFoundException e)
        {
            throw new PunchlistException($"{display}: was removed since it was read; not written", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"{display}: cannot be read: {e.Message}", e);
        }

        return string.Equals(SourceText.Hash(current), expectedHash, StringComparison.Ordinal)
            ? mode
            : throw new PunchlistException($"{display}: changed on disk since it was read; not written (run the command again)");
    }

    // The rename gives the file the temporary file's inode, so its permissions are copied over first
    // (a read-only file stays read-only: like `sed -i`, writing needs the folder's permission, not the
    // file's). Ownership is not copied: only root may give a file away.
    private static void KeepMode(string target, string temp, UnixFileMode? mode)
    {
        if (mode is { } unix && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, unix);
        }
        else
        {
            File.SetAttributes(temp, File.GetAttributes(target));
        }
    }
}
