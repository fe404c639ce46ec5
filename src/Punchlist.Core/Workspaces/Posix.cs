using System.Runtime.InteropServices;

namespace Punchlist.Workspaces;

/// <summary>
/// The few libc calls the framework has no API for, in one place: opening without blocking, asking an
/// open file what it is (statx: its type, size, owner and identity, with one layout on every Linux
/// architecture), advisory locks, giving a file its owner back, writing in place, signalling a process
/// group. Linux only (<see cref="Available"/>); callers keep a framework path for other systems.
/// </summary>
internal static partial class Posix
{
    // open(2) flags, the same on x64 and arm64 (the flags that differ between them are never used).
    public const int ReadOnly = 0, ReadWrite = 2, NonBlocking = 0x800, CloseOnExec = 0x80000;

    public const int LockExclusive = 2, LockNonBlocking = 4, LockUnlock = 8;

    public const int Eintr = 4, Esrch = 3, Ewouldblock = 11;

    private const int AtFdCwd = -100, AtEmptyPath = 0x1000, StatxBasicStats = 0x7FF;

    /// <summary>Linux with a C library that has statx (glibc 2.28 and later, musl 1.2.5).</summary>
    public static bool Available => LazyAvailable.Value;

    private static readonly Lazy<bool> LazyAvailable = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return StatOf("/", out _);
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    });

    /// <summary>What statx says about a file (following symbolic links).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    public struct Stat
    {
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;

        public readonly FileKind Kind => (Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Folder,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };

        /// <summary>The file's identity: the same file however it is reached (links, other paths).</summary>
        public readonly FileId Id => new(DevMajor, DevMinor, Inode);
    }

    /// <summary>The error of the last call, as an exception the framework would throw for it.</summary>
    public static Exception Error(string path)
    {
        int errno = Marshal.GetLastPInvokeError();
        string message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{path}'";
        return errno switch
        {
            2 => new FileNotFoundException(message, path),
            13 or 1 => new UnauthorizedAccessException(message),
            _ => new IOException(message, errno),
        };
    }

    public static int Open(string path, int flags)
    {
        int fd;
        do
        {
            fd = OpenRaw(path, flags, 0);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Eintr);
        return fd;
    }

    public static bool StatOf(int fd, out Stat stat) => Statx(fd, string.Empty, AtEmptyPath, StatxBasicStats, out stat) == 0;

    public static bool StatOf(string path, out Stat stat) => Statx(AtFdCwd, path, 0, StatxBasicStats, out stat) == 0;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenRaw(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, int mask, out Stat stat);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, ref byte buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, ref byte buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint RealPathRaw(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>The path with every symbolic link and `..` resolved, or null when some part does not exist.</summary>
    public static string? RealPath(string path)
    {
        nint resolved = RealPathRaw(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }
}

/// <summary>What a path names.</summary>
internal enum FileKind
{
    Regular,
    Folder,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>A file's identity: its device and inode.</summary>
internal readonly record struct FileId(uint DevMajor, uint DevMinor, ulong Inode);
