using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Reliability;

/// <summary>
/// The write path of `done`, `reopen` and `sync --write`, as the red team broke it
/// (reviews/reliability-2026-12-06.md): a process holding the file open, the owner of a file written
/// by root, links out of the workspace and links within it, long file names, several files at once,
/// and what a killed write leaves behind.
/// </summary>
public sealed class WriteSafetyTests : IDisposable
{
    private readonly Workdir _w = new();

    public void Dispose() => _w.Dispose();

    // D1: a process that keeps the file open and appends writes to the file it opened; replacing the
    // file by rename would send every later line to the old, unlinked file.
    [Fact]
    public void A_process_holding_the_file_open_loses_no_line_written_after_done()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _w.Write("r.md", "# Race\n\n- [ ] target task\n\n");
        // The holder opens the file for appending, writes a line, and writes five more once told to:
        // after `done` has written the file.
        using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash",
            ["-c", "exec 3>>r.md; echo 'held-fd line 1' >&3; echo opened; read -r go; for i in 2 3 4 5 6; do echo \"held-fd line $i\" >&3; done"])
        {
            WorkingDirectory = _w.Root,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("opened", holder.StandardOutput.ReadLine());

        var (exit, _, error) = _w.Punch("done", "r.md#race/target-task");
        holder.StandardInput.WriteLine("go");
        holder.WaitForExit();

        Assert.True(exit == 0, error);
        string after = _w.Read("r.md");
        Assert.Contains("- [x] target task", after, StringComparison.Ordinal);
        Assert.Equal(6, after.Split('\n').Count(l => l.StartsWith("held-fd line", StringComparison.Ordinal)));
    }

    // D2: run as root, a write must not take the file from its owner.
    [Fact]
    public void The_owner_and_group_of_a_file_survive_a_write()
    {
        if (!OperatingSystem.IsLinux() || !Workdir.IsRoot)
        {
            return; // only root can give a file to someone else, so only root can take it away
        }

        _w.Write("a.md", "# T\n\n- [ ] t\n");
        _w.Shell("chown 65534:65534 a.md && chmod 640 a.md");
        var (exit, _, error) = _w.Punch("done", "a.md#t/t");

        Assert.True(exit == 0, error);
        Assert.Equal("65534:65534 640", _w.Shell("stat -c '%u:%g %a' a.md").Out.Trim());
        Assert.Contains("- [x] t", _w.Read("a.md"), StringComparison.Ordinal);
    }

    // S3: a link is followed inside the workspace, never out of it.
    [Fact]
    public void Sync_write_never_writes_through_a_link_to_a_file_outside_the_workspace()
    {
        using var outside = new Workdir();
        outside.Write("outside.md", "# Outside\n\n## Backend [/]\n\n- [x] a\n- [ ] b\n");
        File.CreateSymbolicLink(_w["link-out.md"], outside["outside.md"]);
        _w.Write("inside.md", "# Inside\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");

        var (exit, _, error) = _w.Punch("sync", "--write");

        Assert.Equal(2, exit);
        Assert.Contains("link-out.md: is a link to", error, StringComparison.Ordinal);
        Assert.Contains("outside the workspace", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal("# Outside\n\n## Backend [/]\n\n- [x] a\n- [ ] b\n", outside.Read("outside.md"));
        Assert.Equal("# Inside\n\n## Work [/]\n\n- [x] a\n- [ ] b\n", _w.Read("inside.md")); // all or nothing
    }

    // W2: a link to a file of the workspace is that file: counted once, written once.
    [Fact]
    public void A_link_to_a_tracker_of_the_workspace_is_read_once_and_sync_writes_it_once()
    {
        _w.Write("a.md", "# A\n\n## P0-001: Card\n\n**Status:** Not Started\n\n- [x] done criterion\n- [ ] open criterion\n");
        File.CreateSymbolicLink(_w["b.md"], "a.md");

        var (_, status, _) = _w.Punch("status", "--json");
        Assert.Single(System.Text.Json.JsonDocument.Parse(status).RootElement.GetProperty("documents").EnumerateArray());
        var (showExit, _, showError) = _w.Punch("show", "P0-001");
        Assert.True(showExit == 0, showError);

        var (exit, _, error) = _w.Punch("sync", "--write", "--statuses");
        Assert.True(exit == 0, error);
        Assert.Contains("**Status:** In Progress", _w.Read("a.md"), StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(_w["b.md"]).LinkTarget);
    }

    // W1: a legal 253-byte file name: the temporary file beside it must not pass the 255-byte limit.
    [Fact]
    public void A_file_with_a_253_byte_name_is_written()
    {
        string name = new string('n', 250) + ".md";
        _w.Write("a.md", "# A\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");
        _w.Write(name, "# Long\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");

        var (exit, _, error) = _w.Punch("sync", "--write");

        Assert.True(exit == 0, error);
        Assert.Contains("## Work [1/2]", _w.Read(name), StringComparison.Ordinal);
        Assert.Contains("## Work [1/2]", _w.Read("a.md"), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_w.Root), f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.EndsWith(".punch-tmp", StringComparison.Ordinal));
    }

    // W1: when one file of a multi-file write cannot be written, none is.
    [Fact]
    public void Sync_write_writes_nothing_when_one_of_its_files_cannot_be_written()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _w.Write("a.md", "# A\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");
        _w.Write("rodir/r.md", "# R\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");
        _w.Write("z.md", "# Z\n\n## Work [/]\n\n- [x] a\n- [ ] b\n");
        _w.Shell("chmod 555 rodir");

        var (exit, _, error) = Workdir.IsRoot
            ? _w.PunchAsNobody("sync", "--write", "--no-index")
            : _w.Punch("sync", "--write");

        Assert.Equal(2, exit);
        Assert.Contains("rodir/r.md: cannot be written", error, StringComparison.Ordinal);
        Assert.Contains("none of the 3 files was written", error, StringComparison.Ordinal);
        Assert.Contains("## Work [/]", _w.Read("a.md"), StringComparison.Ordinal);
        Assert.Contains("## Work [/]", _w.Read("z.md"), StringComparison.Ordinal);
    }

    // W8: a write killed between its temporary file and the rename leaves the temporary file; the
    // next write into that folder removes it once its process is gone.
    [Fact]
    public void What_a_killed_write_left_behind_is_removed_by_the_next_write()
    {
        _w.Write("a.md", "# A\n\n- [ ] one\n");
        string leftover = _w[".punch-999999-0badf00d.tmp"];
        File.WriteAllText(leftover, "half a file");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-1));

        var (exit, _, error) = _w.Punch("done", "a.md#a/one");

        Assert.True(exit == 0, error);
        Assert.False(File.Exists(leftover));
    }

    // The temporary files a write makes never outlive it, and never carry the target's name.
    [Fact]
    public void A_write_leaves_no_temporary_file()
    {
        _w.Write("todo.md", "# T\n\n- [ ] one\n");
        Assert.Equal(0, _w.Punch("done", "todo.md#t/one").Exit);
        Assert.Equal(["punchlist.yml", "todo.md"], Directory.GetFiles(_w.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
