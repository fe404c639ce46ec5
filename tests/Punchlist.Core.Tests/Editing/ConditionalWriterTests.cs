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
        ConditionalWriter.Default.Write(path, hash, "- [x] a\n"u8.ToArray(), "todo.md");
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
        ConditionalWriter.Default.Write(path, SourceText.Hash(System.IO.File.ReadAllBytes(path)), "x"u8.ToArray(), "todo.md");
        Assert.Equal(mode, System.IO.File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        string path = File("todo.md", "- [ ] a\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        System.IO.File.WriteAllText(path, "- [ ] a\n- [ ] b\n");
        var error = Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(path, hash, "- [x] a\n"u8.ToArray(), "todo.md"));
        Assert.Equal("todo.md: changed on disk since it was read; not written (run the command again)", error.Message);
        Assert.Equal("- [ ] a\n- [ ] b\n", System.IO.File.ReadAllText(path));
    }

    [Fact]
    public void A_change_racing_the_write_wins_and_the_temporary_file_is_removed()
    {
        string path = File("todo.md", "- [ ] a\n");
        string hash = SourceText.Hash(System.IO.File.ReadAllBytes(path));
        var racer = new ConditionalWriter(target => System.IO.File.WriteAllText(target, "someone else\n"));
        Assert.Throws<PunchlistException>(() => racer.Write(path, hash, "- [x] a\n"u8.ToArray(), "todo.md"));
        Assert.Equal("someone else\n", System.IO.File.ReadAllText(path));
        Assert.Equal(["todo.md"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_is_written()
    {
        string target = File("real.md", "old\n");
        string link = Path.Combine(_dir, "link.md");
        System.IO.File.CreateSymbolicLink(link, target);
        ConditionalWriter.Default.Write(link, SourceText.Hash(Encoding.UTF8.GetBytes("old\n")), "new\n"u8.ToArray(), "link.md");
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
        ConditionalWriter.Default.Write(path, hash, "b\n"u8.ToArray(), "todo.md");
        Assert.Equal("b\n", System.IO.File.ReadAllText(path));
        Assert.Equal(readOnly, System.IO.File.GetUnixFileMode(path));
        System.IO.File.Delete(path);
        Assert.Equal("todo.md: was removed since it was read; not written", Assert.Throws<PunchlistException>(() => ConditionalWriter.Default.Write(path, hash, "b\n"u8.ToArray(), "todo.md")).Message);
    }
}
