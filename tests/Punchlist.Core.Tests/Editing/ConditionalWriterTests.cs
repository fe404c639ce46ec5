using System.Runtime.Versioning;
using System.Text;
using Punchlist.Editing;
using Punchlist.Text;

namespace Punchlist.Tests.Editing;

/// <summary>Writes replace the file whole, keep its mode, and never overwrite a change made since the read.</summary>
public sealed class ConditionalWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("punch-writer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_write_replaces_the_content_and_leaves_no_temporary_file()
    {
        string path = File("todo.md", "- [ ] a\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        ConditionalWriter.Default.Write(_dir, new FileWrite(path, hash, "- [x] a\n"u8.ToArray(), "todo.md"));
        Assert.Equal("- [x] a\n", System.IO.File.ReadAllText(path));
        Assert.Equal(["todo.md"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_file_mode_survives_the_write()
    {
        string path = File("todo.md", "- [ ] a\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        System.IO.File.SetUnixFileMode(path, mode);
        ConditionalWriter.Default.Write(_dir, new FileWrite(path, SourceText.Hash(System.IO.File.ReadAllBytes(path)), "x"u8.ToArray(), "todo.md"));
        Assert.Equal(mode, System.IO.File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        string path = File("todo.md", "- [ ] a\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        System.IO.File.WriteAllText(path, "- [ ] a\n- [ ] b\n");
        var error = Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(_dir, new FileWrite(path, hash, "- [x] a\n"u8.ToArray(), "todo.md")));
        Assert.Equal("todo.md: changed on disk since it was read; not written (run the command again)", error.Message);
        Assert.Equal("- [ ] a\n- [ ] b\n", System.IO.File.ReadAllText(path));
    }

    [Fact]
    public void A_change_racing_the_write_wins_and_the_temporary_file_is_removed()
    {
        string path = File("todo.md", "- [ ] a\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        var racer = new ConditionalWriter(target => System.IO.File.WriteAllText(target, "someone else\n"));
        Assert.Throws<PunchlistException>(() => racer.Write(_dir, new FileWrite(path, hash, "- [x] a\n"u8.ToArray(), "todo.md")));
        Assert.Equal("someone else\n", System.IO.File.ReadAllText(path));
        Assert.Equal(["todo.md"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_is_written()
    {
        string target = File("real.md", "old\n");
        string link = Path.Combine(_dir, "link.md");
        System.IO.File.CreateSymbolicLink(link, target);
        ConditionalWriter.Default.Write(_dir, new FileWrite(link, SourceText.Hash(Encoding.UTF8.GetBytes("old\n")), "new\n"u8.ToArray(), "link.md"));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new\n", System.IO.File.ReadAllText(target));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_file_is_written_and_stays_read_only_and_a_vanished_one_is_refused()
    {
        string path = File("todo.md", "a\n");
        string hash = SourceText.Hash("a\n"u8);
        var readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead;
        System.IO.File.SetUnixFileMode(path, readOnly);
        ConditionalWriter.Default.Write(_dir, new FileWrite(path, hash, "b\n"u8.ToArray(), "todo.md"));
        Assert.Equal("b\n", System.IO.File.ReadAllText(path));
        Assert.Equal(readOnly, System.IO.File.GetUnixFileMode(path));
        System.IO.File.Delete(path);
        Assert.Equal("todo.md: was removed since it was read; not written", Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(_dir, new FileWrite(path, hash, "b\n"u8.ToArray(), "todo.md"))).Message);
    }

    // The race of two writers: each locks the file from its check to its rename, so the second finds
    // the first's change and refuses. Here the test holds the lock (as a writer between its check and
    // its rename would), changes the file, and lets go: the waiting writer must refuse, not overwrite.
    [Fact]
    public async Task A_writer_waits_for_the_lock_and_then_refuses_the_change_made_meanwhile()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string path = File("todo.md", "- [ ] a\n- [ ] b\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        int fd = Punchlist.Workspaces.Posix.Open(path, Punchlist.Workspaces.Posix.ReadOnly);
        Assert.Equal(0, Punchlist.Workspaces.Posix.Flock(fd, Punchlist.Workspaces.Posix.LockExclusive));
        var waiting = Task.Run(() => Record.Exception(() => ConditionalWriter.Default.Write(_dir, new FileWrite(path, hash, "- [ ] a\n- [x] b\n"u8.ToArray(), "todo.md"))));

        Assert.False(await Task.WhenAny(waiting, Task.Delay(300)) == waiting, "the writer did not wait for the lock");
        System.IO.File.WriteAllText(path + ".new", "- [x] a\n- [ ] b\n");
        System.IO.File.Move(path + ".new", path, overwrite: true); // the first writer's rename
        _ = Punchlist.Workspaces.Posix.Close(fd);

        var error = Assert.IsType<PunchlistException>(await waiting);
        Assert.Contains("changed on disk since it was read", error.Message, StringComparison.Ordinal);
        Assert.Equal("- [x] a\n- [ ] b\n", System.IO.File.ReadAllText(path));
    }

    [Fact]
    public void Several_files_are_written_all_or_none()
    {
        string a = File("a.md", "- [ ] a\n"), b = File("b.md", "- [ ] b\n");
        var writes = new[]
        {
            new FileWrite(a, SourceText.Hash("- [ ] a\n"u8), "- [x] a\n"u8.ToArray(), "a.md"),
            new FileWrite(b, SourceText.Hash("- [ ] b\n"u8), "- [x] b\n"u8.ToArray(), "b.md"),
        };
        var racer = new ConditionalWriter(target =>
        {
            if (target.EndsWith("b.md", StringComparison.Ordinal))
            {
                System.IO.File.WriteAllText(target, "- [ ] b edited\n");
            }
        });

        var error = Assert.Throws<PunchlistException>(() => racer.WriteAll(_dir, writes));

        Assert.Equal("b.md: changed on disk since it was read; not written (run the command again); none of the 2 files was written", error.Message);
        Assert.Equal("- [ ] a\n", System.IO.File.ReadAllText(a));
        Assert.Equal(["a.md", "b.md"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        ConditionalWriter.Default.WriteAll(_dir, [writes[0]]);
        Assert.Equal("- [x] a\n", System.IO.File.ReadAllText(a));
    }

    [Fact]
    public void Two_names_of_one_file_are_not_two_writes()
    {
        string target = File("real.md", "old\n");
        System.IO.File.CreateSymbolicLink(Path.Combine(_dir, "alias.md"), target);
        string hash = SourceText.Hash("old\n"u8);
        var error = Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.WriteAll(_dir,
        [
            new FileWrite(target, hash, "new\n"u8.ToArray(), "real.md"),
            new FileWrite(Path.Combine(_dir, "alias.md"), hash, "newer\n"u8.ToArray(), "alias.md"),
        ]));
        Assert.Contains("is the same file as", error.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", System.IO.File.ReadAllText(target));
    }

    [Fact]
    public void A_file_outside_the_workspace_is_never_written()
    {
        string workspace = Directory.CreateDirectory(Path.Combine(_dir, "ws")).FullName;
        string outside = File("outside.md", "old\n");
        System.IO.File.CreateSymbolicLink(Path.Combine(workspace, "link.md"), outside);
        var error = Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(workspace, new FileWrite(Path.Combine(workspace, "link.md"), SourceText.Hash("old\n"u8), "new\n"u8.ToArray(), "link.md")));
        Assert.StartsWith("link.md: is a link to ", error.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", System.IO.File.ReadAllText(outside));
        Assert.Contains("lies outside the workspace", Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(workspace, new FileWrite(outside, SourceText.Hash("old\n"u8), "new\n"u8.ToArray(), "../outside.md"))).Message, StringComparison.Ordinal);
    }

    // D1: a file another process holds open for writing keeps its inode; a change of its length is refused.
    [Fact]
    public void A_file_held_open_for_writing_is_written_in_place_and_a_change_of_length_is_refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string path = File("held.md", "- [ ] a\n");
        using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-c", "exec 3>>held.md; read -r line; echo \"$line\" >&3"])
        {
            WorkingDirectory = _dir,
            RedirectStandardInput = true,
            UseShellExecute = false,
        })!;
        WaitUntilHeld(holder.Id, path);
        ulong inode = Inode(path);

        ConditionalWriter.Default.Write(_dir, new FileWrite(path, SourceText.Hash("- [ ] a\n"u8), "- [x] a\n"u8.ToArray(), "held.md"));
        var error = Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(_dir, new FileWrite(path, SourceText.Hash("- [x] a\n"u8), "- [x] a, and more\n"u8.ToArray(), "held.md")));
        holder.StandardInput.WriteLine("appended by the holder");
        holder.WaitForExit();

        Assert.Equal(inode, Inode(path));
        Assert.Equal("- [x] a\nappended by the holder\n", System.IO.File.ReadAllText(path));
        Assert.Contains("is open for writing by bash (pid ", error.Message, StringComparison.Ordinal);
    }

    private static ulong Inode(string path) =>
        Punchlist.Workspaces.Posix.StatOf(path, out var stat) ? stat.Inode : throw new IOException(path);

    private static void WaitUntilHeld(int pid, string path)
    {
        for (int i = 0; i < 200; i++)
        {
            if (Directory.Exists($"/proc/{pid}/fd") && Directory.GetFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget == path))
            {
                return;
            }

            Thread.Sleep(25);
        }

        Assert.Fail("the holder never opened the file");
    }
}
