using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Reliability;

/// <summary>
/// Input a hostile repository or a careless user gives (reviews/reliability-2026-12-06.md): special
/// files where trackers are expected, malformed `.gitignore` lines, globs and settings, long queries.
/// Each ends in a result or in one line on stderr with exit 2 — never a stack trace, never a hang.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly Workdir _w = new();

    public void Dispose() => _w.Dispose();

    private static void AssertOneLineError((int Exit, string Out, string Err) run, string expected)
    {
        Assert.Equal(2, run.Exit);
        Assert.StartsWith("punch: ", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }

    // C1: a named pipe is never opened for reading (it would block), a device never read (it never ends).
    [Fact]
    public void A_named_pipe_and_links_to_devices_are_reported_and_never_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _w.Write("todo.md", "# T\n\n- [ ] real task\n");
        _w.Shell("mkfifo pipe.md && ln -s /dev/zero zero.md && ln -s /dev/zero Dockerfile && mkfifo docker-compose.yml && ln -s /proc/self/fd/0 stdin.md");

        var (exit, output, error) = _w.PunchWithin(60, "status", "--json");
        Assert.True(exit == 0, error);
        Assert.Contains("pipe.md: cannot be read: not a regular file (a named pipe)", error, StringComparison.Ordinal);
        Assert.Contains("zero.md: cannot be read: not a regular file (a character device)", error, StringComparison.Ordinal);
        Assert.Contains("\"todo.md\"", output, StringComparison.Ordinal);

        // The probes read the Dockerfile and the Compose file through the same door.
        var check = _w.PunchWithin(60, "check", "--fail-on", "none");
        Assert.True(check.Exit == 0, check.Err);
        var verify = _w.PunchWithin(60, "verify");
        Assert.True(verify.Exit is 0 or 1, verify.Err);
    }

    // C1: a file named on the command line that is not a regular file is one line, exit 2.
    [Fact]
    public void A_device_named_on_the_command_line_is_one_line_and_exit_2()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _w.Shell("ln -s /dev/zero zero.md");
        AssertOneLineError(_w.PunchWithin(60, "status", _w["zero.md"]), "zero.md: cannot be read: not a regular file (a character device)");
    }

    // C3: git accepts these lines (they match nothing, or `[z-a]` matches z); so must we.
    [Fact]
    public void Malformed_brackets_in_a_gitignore_ignore_what_git_ignores_and_crash_nothing()
    {
        _w.Write("todo.md", "# T\n\n- [ ] kept\n");
        _w.Write("z.md", "# Z\n\n- [ ] ignored by [z-a]\n");
        _w.Write("sub/inner.md", "# I\n\n- [ ] kept too\n");
        _w.Write(".gitignore", "[\n[a\n[]\nfoo[\n[!a-\n[z-a].md\n*.py[cod]\n");
        _w.Write("sub/.gitignore", "[\n");

        var (exit, output, error) = _w.Punch("status", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"todo.md\"", output, StringComparison.Ordinal);
        Assert.Contains("\"sub/inner.md\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"z.md\"", output, StringComparison.Ordinal);
    }

    // C5: globs in a query and in punchlist.yml.
    [Theory]
    [InlineData("doc:[a-]")]
    [InlineData("doc:[a-")]
    [InlineData("doc:[!a-")]
    public void A_malformed_glob_in_a_query_is_one_line(string query)
    {
        _w.Write("todo.md", "# T\n\n- [ ] backup\n");
        AssertOneLineError(_w.Punch("search", query), "malformed query at column 5");
    }

    [Theory]
    [InlineData("exclude: [\"[a-]\"]\n", "punchlist.yml:1:11: '[a-]' is not a glob")]
    [InlineData("include: [\"\"]\n", "punchlist.yml:1:11: '' is not a glob: it is empty")]
    [InlineData("include: [\"*.md\"\nexclude: [\n", "punchlist.yml")]
    [InlineData("markers: {\"!\": blocked, \"!\": done}\n", "punchlist.yml")]
    [InlineData("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nx-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nprobes: *f\n", "punchlist.yml")]
    public void A_malformed_punchlist_yml_is_one_line(string yml, string expected)
    {
        _w.Write("punchlist.yml", yml).Write("todo.md", "# T\n\n- [ ] task\n");
        AssertOneLineError(_w.Punch("status"), expected);
    }

    // C7: many filters become SQL that SQLite must be able to hold.
    [Fact]
    public void A_thousand_filters_are_answered()
    {
        _w.Write("todo.md", "# T\n\n- [ ] **P0** backup the database\n");
        var (exit, _, error) = _w.Punch("list", string.Join(' ', Enumerable.Repeat("is:open", 1000)));
        Assert.True(exit == 0, error);
        // A query that starts with `-` comes after `--` (before it, it would be an unknown option).
        var (searchExit, _, searchError) = _w.Punch("search", "--", string.Join(' ', Enumerable.Repeat("-is:done", 1000)) + " backup");
        Assert.True(searchExit == 0, searchError);
    }

    [Fact]
    public void A_query_nested_past_the_limit_is_one_line()
    {
        _w.Write("todo.md", "# T\n\n- [ ] backup\n");
        string deep = string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "-(a " : "(b OR ")) + "backup" + new string(')', 40);
        AssertOneLineError(_w.Punch("search", "--", deep), "nests more than");
    }

    // C9: `.punchlist` is a file: the run goes on in memory and says why.
    [Fact]
    public void A_punchlist_file_in_place_of_the_index_folder_is_worked_around()
    {
        _w.Write("todo.md", "# T\n\n- [ ] task\n").Write(".punchlist", "hi\n");
        var (exit, output, error) = _w.PunchIndexed("list", "--verbose");
        Assert.True(exit == 0, error);
        Assert.Contains("task", output, StringComparison.Ordinal);
        Assert.Contains("in memory", error, StringComparison.Ordinal);
        Assert.Equal("hi\n", _w.Read(".punchlist"));
    }

    // W3: the percentage is recomputed with the numbers, whatever words stand between them.
    [Theory]
    [InlineData("**Progress:** 0/3 tasks (0%)", "**Progress:** 2/4 tasks (50%)")]
    [InlineData("**Total:** 0/3 done (0%)", "**Total:** 2/4 done (50%)")]
    public void A_stale_percentage_is_recomputed_by_sync(string claim, string expected)
    {
        _w.Write("todo.md", $"# T\n\n{claim}\n\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n");
        var (exit, _, error) = _w.Punch("sync", "--write");
        Assert.True(exit == 0, error);
        Assert.Contains(expected, _w.Read("todo.md"), StringComparison.Ordinal);
        Assert.Equal(0, _w.Punch("sync", "--check").Exit);
    }

    // W5: a folder named on the command line that cannot be read is an error, like a file.
    [Fact]
    public void An_unreadable_folder_named_on_the_command_line_is_one_line()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        _w.Write("secretdir/todo.md", "# T\n\n- [ ] task\n");
        _w.Shell("chmod 000 secretdir");
        var run = Workdir.IsRoot ? _w.PunchAsNobody("status", "secretdir", "--no-index") : _w.Punch("status", _w["secretdir"]);
        AssertOneLineError(run, "secretdir: cannot read this folder (permission denied)");
    }
}
