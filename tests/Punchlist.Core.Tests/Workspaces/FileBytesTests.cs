using System.Buffers;
using Punchlist.Tests.Support;
using Punchlist.Workspaces;

namespace Punchlist.Tests.Workspaces;

/// <summary>The scan's own file reader gives the framework's bytes, or steps aside.</summary>
public sealed class FileBytesTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(1_000_003)]
    public void Reads_every_byte_of_a_file_of_any_size(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        _workspace.Write("file.md", bytes);
        string path = _workspace.Path("file.md");

        bool read = FileBytes.TryRead(path, out byte[] buffer, out int length);

        // The fast path is Linux's; elsewhere it must step aside, never answer wrongly.
        Assert.Equal(OperatingSystem.IsLinux(), read);
        if (read)
        {
            Assert.Equal(bytes, buffer.AsSpan(0, length).ToArray());
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [Fact]
    public void Steps_aside_for_a_missing_file_and_for_a_folder()
    {
        Directory.CreateDirectory(_workspace.Path("folder.md"));
        Assert.False(FileBytes.TryRead(_workspace.Path("missing.md"), out _, out _));
        Assert.False(FileBytes.TryRead(_workspace.Path("folder.md"), out _, out _));
    }

    [Fact]
    public void Rent_gives_every_byte_and_words_a_missing_file_as_the_framework_does()
    {
        Directory.CreateDirectory(_workspace.Path("folder.md"));
        _workspace.Write("small.md", "- [ ] one\n");
        byte[] rented = FileBytes.Rent(_workspace.Path("small.md"), out int length);
        Assert.Equal("- [ ] one\n"u8.ToArray(), rented.AsSpan(0, length).ToArray());
        ArrayPool<byte>.Shared.Return(rented);

        var error = Assert.Throws<FileNotFoundException>(() => FileBytes.Rent(_workspace.Path("missing.md"), out _));
        Assert.Contains("missing.md", error.Message, StringComparison.Ordinal);
        Assert.Throws<UnauthorizedAccessException>(() => FileBytes.Rent(_workspace.Path("folder.md"), out _));
    }

    // C1: only regular files are read, never past the size they report, never past the limit.
    [Fact]
    public async Task A_named_pipe_and_a_device_are_refused_without_blocking()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string fifo = _workspace.Path("pipe.md");
        Assert.Equal(0, Punchlist.Tests.Support.Processes.Run("mkfifo", [fifo]).Exit);
        File.CreateSymbolicLink(_workspace.Path("zero.md"), "/dev/zero");

        var read = Task.Run(() => Assert.Throws<NotRegularFileException>(() => FileBytes.Read(fifo, FileBytes.MaxTrackerBytes)));
        Assert.True(await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))) == read, "reading a named pipe blocked");
        Assert.Contains("a named pipe", (await read).Message, StringComparison.Ordinal);
        Assert.Contains("a character device", Assert.Throws<NotRegularFileException>(() => FileBytes.Read(_workspace.Path("zero.md"), 1 << 20)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_past_the_limit_is_refused_before_it_is_read_and_a_pseudo_file_of_size_zero_is_empty()
    {
        _workspace.Write("big.md", new byte[4096]);
        Assert.Contains("larger than", Assert.Throws<FileTooLargeException>(() => FileBytes.Read(_workspace.Path("big.md"), 4095)).Message, StringComparison.Ordinal);
        Assert.Equal(4096, FileBytes.Read(_workspace.Path("big.md"), 4096).Length);
        if (OperatingSystem.IsLinux())
        {
            Assert.Empty(FileBytes.Read("/proc/self/status", 1 << 20));
        }
    }
}
