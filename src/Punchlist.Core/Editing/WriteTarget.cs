using System.Buffers;
using Punchlist.Workspaces;

namespace Punchlist.Editing;

/// <summary>
/// One file of a write, from start to end: found (its links resolved, and kept inside the workspace),
/// locked, checked against the hash it was read with, its replacement prepared beside it with the
/// original's owner, group and mode, checked once more, committed — by rename, or in place while
/// another process holds it open for writing — and released. Every step that can fail before the
/// commit throws a <see cref="PunchlistException"/> that names the file and leaves it untouched.
/// </summary>
internal sealed partial class WriteTarget : IDisposable
{
    private const long Limit = FileBytes.MaxTrackerBytes;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly FileWrite _write;
    private int _lock = -1;          // Linux: the target, open read-only, holding its advisory lock
    private Posix.Stat _stat;        // what the last check saw
    private byte[] _checked = [];    // the bytes the last check read (rented)
    private int _checkedLength;
    private string? _temp;

    private WriteTarget(FileWrite write, string path)
    {
        _write = write;
        Path = path;
    }

    /// <summary>The file written: the path with every link resolved.</summary>
    public string Path { get; }

    public string Display => _write.Display;

    public FileId Id => _stat.Id;

    /// <summary>Whether the new bytes are as long as the file (then a process holding it can be written around).</summary>
    public bool SameLength => _write.Bytes.Length == _checkedLength;

    /// <summary>Written in place rather than replaced (another process holds it open for writing).</summary>
    public bool InPlace { get; private set; }

    /// <summary>Resolves the file (links followed) and confines it to the workspace; nothing is opened yet.</summary>
    public static WriteTarget Find(string realRoot, FileWrite write) => new(write, Resolve(realRoot, write));

    /// <summary>Locks the file and checks it against the hash it was read with.</summary>
    public void Open()
    {
        Lock();
        Check();
    }

    /// <summary>The workspace root with its links resolved: the writes stay under it.</summary>
    public static string RealRoot(string root) =>
        (Posix.Available ? Posix.RealPath(System.IO.Path.GetFullPath(root)) : null) ?? System.IO.Path.GetFullPath(root);

    /// <summary>Writes the replacement beside the file: flushed to disk, with the file's owner, group and mode.</summary>
    public void Prepare()
    {
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        TempFiles.RemoveStale(folder);
        _temp = TempFiles.NewIn(folder);
        try
        {
            using (var stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(_write.Bytes);
                stream.Flush(flushToDisk: true);
            }

            KeepOwnerAndMode(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem(e);
        }
    }

    /// <summary>Another process holds the file open for writing: it will be written in place, not replaced.</summary>
    public void KeepInode()
    {
        InPlace = true;
        DeleteTemp();
    }

    /// <summary>Replaces the file (or writes it in place); the last check must have just passed.</summary>
    public void Commit()
    {
        try
        {
            if (InPlace)
            {
                WriteInPlace();
            }
            else
            {
                File.Move(_temp!, Path, overwrite: true);
                _temp = null;
                SyncFolder();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem(e);
        }
    }

    /// <summary>
    /// After a rename: bytes another process appended to the old file between the last check and the
    /// rename (it had opened it just before) are appended to the new one, so they are not lost.
    /// </summary>
    public void Salvage()
    {
        if (InPlace || _lock < 0 || !Posix.StatOf(_lock, out var after) || (long)after.Size <= _checkedLength)
        {
            return;
        }

        int extra = (int)Math.Min((long)after.Size - _checkedLength, Limit);
        byte[] bytes = new byte[extra];
        int read = extra == 0 ? 0 : (int)Math.Max(0, Posix.PRead(_lock, ref bytes[0], extra, _checkedLength));
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes, 0, read);
    }

    // Only the bytes that differ are written, in one call: a process appending to the file writes past
    // them, and the file keeps its inode, owner, mode and links.
    private void WriteInPlace()
    {
        var old = _checked.AsSpan(0, _checkedLength);
        var now = _write.Bytes.AsSpan();
        int first = old.CommonPrefixLength(now);
        if (first == now.Length)
        {
            return;
        }

        int last = now.Length - 1;
        while (last > first && old[last] == now[last])
        {
            last--;
        }

        int fd = Posix.Open(Path, Posix.ReadWrite | Posix.CloseOnExec);
        if (fd < 0)
        {
            throw Posix.Error(Path);
        }

        try
        {
            int count = last - first + 1;
            if (Posix.PWrite(fd, ref _write.Bytes[first], count, first) != count || Posix.Fsync(fd) != 0)
            {
                throw Posix.Error(Path);
            }
        }
        finally
        {
            _ = Posix.Close(fd);
        }
    }

    // The rename gives the file the temporary file's inode, so its owner, group and mode are copied
    // over first (owner first: a change of owner clears the set-id bits). Only root may give a file
    // away: anyone else keeps at least the group when they belong to it, and otherwise the file
    // becomes theirs, as with `sed -i`. A read-only file stays read-only: like `sed -i`, writing needs
    // the folder's permission, not the file's.
    private void KeepOwnerAndMode(string temp)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(temp, File.GetAttributes(Path));
            return;
        }

        if (Posix.Available && Posix.Chown(temp, _stat.Uid, _stat.Gid) != 0)
        {
            _ = Posix.Chown(temp, uint.MaxValue, _stat.Gid);
        }

        File.SetUnixFileMode(temp, File.GetUnixFileMode(Path));
    }

    // The rename is durable once the folder's entry is.
    private void SyncFolder()
    {
        if (!Posix.Available)
        {
            return;
        }

        int fd = Posix.Open(System.IO.Path.GetDirectoryName(Path)!, Posix.ReadOnly | Posix.CloseOnExec);
        if (fd >= 0)
        {
            _ = Posix.Fsync(fd);
            _ = Posix.Close(fd);
        }
    }

    private PunchlistException Changed() =>
        new($"{Display}: changed on disk since it was read; not written (run the command again)");

    private PunchlistException Problem(Exception e) => e switch
    {
        PunchlistException p => p,
        FileNotFoundException => new PunchlistException($"{Display}: was removed since it was read; not written", e),
        _ => new PunchlistException($"{Display}: cannot be written: {e.Message}", e),
    };

    private void DeleteTemp()
    {
        if (_temp is null)
        {
            return;
        }

        try
        {
            File.Delete(_temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // removed by the next write into this folder
        }

        _temp = null;
    }

    private void ReleaseChecked()
    {
        if (_checked.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_checked);
        }

        _checked = [];
        _checkedLength = 0;
    }

    public void Dispose()
    {
        DeleteTemp();
        ReleaseChecked();
        if (_lock >= 0)
        {
            _ = Posix.Close(_lock);
            _lock = -1;
        }
    }
}
