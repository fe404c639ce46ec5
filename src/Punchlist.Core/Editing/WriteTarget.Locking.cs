using System.Runtime.InteropServices;
using Punchlist.Text;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>Finding the file (inside the workspace), locking it, and checking it against the hash it was read with.</summary>
internal sealed partial class WriteTarget
{
    // A symbolic link is followed, so the file it points to changes and the link stays a link — but
    // only to a file inside the workspace: a link is no permission to write anywhere else.
    private static string Resolve(string realRoot, FileWrite write)
    {
        string full = System.IO.Path.GetFullPath(write.Path);
        string? real;
        if (Posix.Available)
        {
            real = Posix.RealPath(full);
        }
        else
        {
            var info = new FileInfo(full);
            real = !info.Exists ? null : info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }

        if (real is null)
        {
            throw new PunchlistException($"{write.Display}: was removed since it was read; not written");
        }

        string prefix = realRoot.EndsWith(System.IO.Path.DirectorySeparatorChar) ? realRoot : realRoot + System.IO.Path.DirectorySeparatorChar;
        return real.StartsWith(prefix, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)
            ? real
            : throw new PunchlistException($"{write.Display}: {(string.Equals(real, full, StringComparison.Ordinal) ? "lies" : $"is a link to {real},")} outside the workspace; not written");
    }

    // Another punch writing the same file holds its lock for a few milliseconds; it is waited for. The
    // lock is on the file (its inode), so a writer that waited while the file was replaced finds a new
    // file at the path: it lets go and locks that one, whose content the check then compares.
    private void Lock()
    {
        if (!Posix.Available)
        {
            return;
        }

        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            int fd = Posix.Open(Path, Posix.ReadOnly | Posix.NonBlocking | Posix.CloseOnExec);
            if (fd < 0)
            {
                throw Problem(Posix.Error(Path));
            }

            if (Posix.Flock(fd, Posix.LockExclusive | Posix.LockNonBlocking) == 0)
            {
                if (Posix.StatOf(fd, out var held) && Posix.StatOf(Path, out var now) && held.Id == now.Id)
                {
                    _lock = fd;
                    return;
                }
            }
            else if (Marshal.GetLastPInvokeError() != Posix.Ewouldblock)
            {
                var error = Posix.Error(Path);
                _ = Posix.Close(fd);
                throw Problem(error);
            }

            _ = Posix.Close(fd);
            if (DateTime.UtcNow > deadline)
            {
                throw new PunchlistException($"{Display}: locked by another program for {LockWait.TotalSeconds:0} seconds (another punch writing it?); not written (run the command again)");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Reads the file again and compares it with the hash it was read with.</summary>
    public void Check()
    {
        ReleaseChecked();
        try
        {
            if (_lock >= 0)
            {
                if (!Posix.StatOf(_lock, out _stat))
                {
                    throw Posix.Error(Path);
                }

                _checkedLength = FileBytes.ReadOpen(_lock, Path, _stat, Limit, out _checked);
            }
            else
            {
                _checked = FileBytes.Rent(Path, Limit, out _checkedLength);
            }
        }
        catch (FileNotFoundException e)
        {
            throw new PunchlistException($"{Display}: was removed since it was read; not written", e);
        }
        catch (FileTooLargeException)
        {
            throw Changed();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PunchlistException($"{Display}: cannot be read: {e.Message}", e);
        }

        if (!string.Equals(SourceText.Hash(_checked.AsSpan(0, _checkedLength)), _write.ExpectedHash, StringComparison.Ordinal))
        {
            throw Changed();
        }
    }
}
