using System.Buffers;

namespace Punchlist.Workspaces;

/// <summary>
/// The one door through which Punchlist reads a file it did not write: trackers, punchlist.yml,
/// .gitignore files, the files probes read, git's own files. Only a regular file is read, and never
/// past the size the file system reported before reading, which must be within the caller's limit: a
/// named pipe, a device (`/dev/zero`), a socket or a folder is refused with an error, and so is a file
/// past the limit, so nothing can make a read block or fill memory. A file whose size reads as zero is
/// empty without a read: that is also how the pseudo-files of `/proc` and `/sys` describe themselves.
/// </summary>
/// <remarks>
/// On Linux it costs four system calls (open, statx, read, close): written by hand because the
/// framework's handle costs more than the read itself for the small files of a documentation tree
/// (File.OpenHandle stats the file to refuse folders, the length takes a second stat, and the handle
/// is an object with a finalizer). Measured on the 39,112 files of the docs tree, one thread, before
/// statx was added: open, read and prefilter 455 ms through the framework, 345 ms here. The file is
/// opened non-blocking, so that opening a pipe with no writer returns at once and the stat refuses it.
/// Elsewhere the framework reads, after a stat that refuses files past the limit and reads nothing
/// from a file of size zero (a pipe or a device on macOS), so the file is never opened then.
/// </remarks>
public static class FileBytes
{
    /// <summary>The largest tracker read (128 MiB); larger files are reported, not read.</summary>
    public const long MaxTrackerBytes = 128L << 20;

    /// <summary>The file's bytes, as a new array.</summary>
    /// <exception cref="IOException">It cannot be read, is not a regular file, or is larger than <paramref name="limit"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read (or is a folder).</exception>
    public static byte[] Read(string path, long limit)
    {
        byte[] rented = Rent(path, limit, out int length);
        try
        {
            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The file's bytes, the first <paramref name="length"/> of a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/> that the caller returns.
    /// </summary>
    /// <exception cref="IOException">It cannot be read, is not a regular file, or is larger than <paramref name="limit"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read (or is a folder).</exception>
    public static byte[] Rent(string path, long limit, out int length) =>
        TryRead(path, limit, out byte[] buffer, out length) ? buffer : RentThroughFramework(path, limit, out length);

    /// <inheritdoc cref="Rent(string, long, out int)"/>
    public static byte[] Rent(string path, out int length) => Rent(path, MaxTrackerBytes, out length);

    /// <summary>
    /// The Linux path alone (tests call it to see it used): false when it does not apply or the file
    /// could not be opened (the framework then words the error); nothing is rented then.
    /// </summary>
    internal static bool TryRead(string path, long limit, out byte[] buffer, out int length)
    {
        buffer = [];
        length = 0;
        if (!Posix.Available)
        {
            return false;
        }

        int fd = Posix.Open(path, Posix.ReadOnly | Posix.NonBlocking | Posix.CloseOnExec);
        if (fd < 0)
        {
            return false; // missing, forbidden: nothing that can block, so the framework may word it
        }

        try
        {
            if (!Posix.StatOf(fd, out var stat))
            {
                throw Posix.Error(path);
            }

            if (stat.Kind == FileKind.Folder)
            {
                return false; // the framework's words for a folder
            }

            length = ReadOpen(fd, path, stat, limit, out buffer);
            return true;
        }
        finally
        {
            _ = Posix.Close(fd);
        }
    }

    /// <summary>The file's text (UTF-8 unless a byte order mark says otherwise), as File.ReadAllText reads it.</summary>
    /// <inheritdoc cref="Read(string, long)" path="/exception"/>
    public static string ReadText(string path, long limit)
    {
        byte[] rented = Rent(path, limit, out int length);
        try
        {
            using var reader = new StreamReader(new MemoryStream(rented, 0, length), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal static bool TryRead(string path, out byte[] buffer, out int length) => TryRead(path, MaxTrackerBytes, out buffer, out length);

    /// <summary>Reads an open file whose stat is known: a regular file within the limit, up to its size.</summary>
    internal static int ReadOpen(int fd, string path, in Posix.Stat stat, long limit, out byte[] buffer)
    {
        buffer = [];
        if (stat.Kind != FileKind.Regular)
        {
            throw new NotRegularFileException(stat.Kind);
        }

        if ((long)stat.Size > limit)
        {
            throw new FileTooLargeException((long)stat.Size, limit);
        }

        int size = (int)stat.Size;
        byte[] rented = ArrayPool<byte>.Shared.Rent(size);
        int total = 0;
        while (total < size)
        {
            nint read = Posix.PRead(fd, ref rented[total], size - total, total);
            if (read < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == Posix.Eintr)
            {
                continue;
            }

            if (read < 0)
            {
                var error = Posix.Error(path);
                ArrayPool<byte>.Shared.Return(rented);
                throw error;
            }

            if (read == 0)
            {
                break; // the file shrank since its size was read
            }

            total += (int)read;
        }

        buffer = rented;
        return total;
    }

    // The framework's way, with its checks and error messages; the size is known before the file is opened.
    private static byte[] RentThroughFramework(string path, long limit, out int length)
    {
        var info = new FileInfo(path);
        length = 0;
        if (info.Exists && info.Length == 0)
        {
            return ArrayPool<byte>.Shared.Rent(0);
        }

        if (info.Exists && info.Length > limit)
        {
            throw new FileTooLargeException(info.Length, limit);
        }

        using var handle = File.OpenHandle(path);
        long size = Math.Min(RandomAccess.GetLength(handle), limit);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)size);
        int total = 0;
        while (total < size)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)size - total), total);
            if (n == 0)
            {
                break; // the file shrank since its size was read
            }

            total += n;
        }

        length = total;
        return buffer;
    }
}

/// <summary>A named pipe, a device, a socket: never read.</summary>
public sealed class NotRegularFileException : IOException
{
    internal NotRegularFileException(FileKind kind)
        : base($"not a regular file ({Describe(kind)}); not read")
    {
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Folder => "a folder",
        _ => "a special file",
    };
}

/// <summary>A file larger than what its reader accepts: refused before a byte is read.</summary>
public sealed class FileTooLargeException(long size, long limit)
    : IOException($"{Megabytes(size)} is larger than the {Megabytes(limit)} Punchlist reads; not read")
{
    private static string Megabytes(long bytes) => bytes >= 1 << 20 ? $"{bytes / (1 << 20)} MB" : $"{bytes} bytes";
}
