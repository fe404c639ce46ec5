using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// Every mistake is answered in one line on stderr with exit code 2, names what was wrong, and
/// writes nothing (no stdout, no file).
/// </summary>
public sealed class UsageErrorTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");

    [Theory]
    [InlineData("punch: unknown option '--jsn' for 'punch status' (did you mean --json?)", "status", "--jsn")]
    [InlineData("punch: unknown option '--tody' for 'punch status' (did you mean --today?)", "status", "--tody", "2026-01-01")]
    [InlineData("punch: unknown option '--jsno' for 'punch status' (did you mean --json?)", "status", "--jsno")]
    [InlineData("punch: unknown option '--sate' for 'punch search' (did you mean --state?)", "search", "backup", "--sate", "open")]
    [InlineData("punch: unknown option '--frobnicate' for 'punch check'", "check", "--frobnicate")]
    [InlineData("punch: unknown option '--jsn' for 'punch status' (did you mean --json?)", "--jsn", "status")]
    [InlineData("punch: unknown option '--jsn' (did you mean --json?)", "--jsn")]
    [InlineData("punch: unknown command 'staus' (did you mean status?)", "staus")]
    [InlineData("punch: unknown command 'lst' (did you mean list?)", "lst")]
    public void An_unknown_option_or_command_is_named_with_what_was_meant(string expected, params string[] args)
    {
        // Reliability review W4: `--jsno` was taken for a path ("no such file or folder").
        var (exit, output, error) = Punch.RunIn(Samples, args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected + "\n", error);
    }

    [Theory]
    [InlineData("punch: --limit expects a whole number of 1 or more, not 'x'", "search", "backup", "--limit", "x")]
    [InlineData("punch: --limit expects a whole number of 1 or more, not '1.5'", "search", "backup", "--limit", "1.5")]
    [InlineData("punch: --limit expects a whole number of 1 or more, not '1e3'", "search", "backup", "--limit", "1e3")]
    [InlineData("punch: --limit expects a whole number of 1 or more, not '2147483648'", "search", "backup", "--limit", "2147483648")]
    [InlineData("punch: --limit expects a whole number of 1 or more, not '0'", "list", "--limit", "0")]
    [InlineData("punch: --limit expects a whole number of 1 or more, not 'abc'", "list", "--limit", "abc")]
    [InlineData("punch: --fail-on expects error, warning, note or none, not 'fatal'", "check", "--fail-on", "fatal")]
    [InlineData("punch: --format expects text, json or sarif, not 'xml'", "check", "--format", "xml")]
    [InlineData("punch: --by expects document, priority, section or owner, not 'colour'", "status", "--by", "colour")]
    [InlineData("punch: --today expects a date as YYYY-MM-DD, not '21/11/2026'", "status", "--today", "21/11/2026")]
    [InlineData("punch: --timeout expects a positive number of seconds, not 'abc'", "verify", "--timeout", "abc")]
    [InlineData("punch: --by expects a value (document, priority, section or owner)", "status", "--by")]
    public void A_bad_value_is_one_line_never_a_stack_trace(string expected, params string[] args)
    {
        // Reliability review C8: a non-integer --limit ended in an unhandled exception (exit 134).
        var (exit, output, error) = Punch.RunIn(Samples, args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(expected + "\n", error);
    }

    [Theory]
    [InlineData("check", "--fail-on", "Warning")]
    [InlineData("check", "--format", "SARIF")]
    [InlineData("status", "--by", "Owner")]
    [InlineData("list", "--state", "Open", "--priority", "p0")]
    public void Choices_are_accepted_in_any_case(params string[] args)
    {
        var (exit, _, error) = Punch.RunIn(Samples, [.. args, Samples]);
        Assert.True(exit is 0 or 1, error);
    }

    [Fact]
    public void An_unreadable_folder_named_explicitly_is_an_error()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the mode bits this test takes away are Unix's
        }

        // Reliability review W5: it gave exit 0 and "No trackers found".
        using var workspace = new TempWorkspace();
        workspace.Write("secret/t.md", "# T\n\n- [ ] a task\n");
        string secret = workspace.Path("secret");
        File.SetUnixFileMode(secret, UnixFileMode.None);
        try
        {
            if (Environment.UserName == "root")
            {
                // Root reads any folder: the refusal is seen through a process run as nobody.
                var (exit, output, error) = PunchProcess.RunAsNobody(workspace.Root, "status", secret);
                if (exit is null)
                {
                    return; // no setpriv on this machine: nothing to see as root
                }

                Assert.Equal(2, exit);
                Assert.Equal(string.Empty, output);
                Assert.Matches("^punch: .*secret: cannot read this folder \\(permission denied\\)\n$", error);
            }
            else
            {
                var (exit, output, error) = Punch.RunIn(workspace.Root, "status", secret);
                Assert.Equal(2, exit);
                Assert.Equal(string.Empty, output);
                Assert.Matches("^punch: .*secret: cannot read this folder \\(permission denied\\)\n$", error);
            }
        }
        finally
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("no tracker here to check", "check")]
    [InlineData("no tracker here to check", "sync", "--check")]
    [InlineData("notes.txt: not a tracker", "status", "notes.txt")]
    [InlineData("Dockerfile: not a tracker", "check", "Dockerfile")]
    [InlineData("nosuch: no such file or folder", "list", ".", "nosuch")]
    [InlineData("nosuch.md: no such file or folder", "status", "nosuch.md")]
    [InlineData("no item 'ZZ-404'", "show", "ZZ-404")]
    [InlineData("no item 'ZZ-404'", "done", "ZZ-404")]
    [InlineData("unknown option '--jsn' for 'punch check'", "check", "--jsn")]
    [InlineData("--limit expects a whole number of 1 or more, not 'x'", "list", "--limit", "x")]
    public void Each_error_path_is_one_line_exit_2_and_writes_nothing(string message, params string[] args)
    {
        // A folder with no tracker, outside any workspace: nothing may appear in it.
        var folder = Directory.CreateTempSubdirectory("punch-errors-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "- [ ] not Markdown\n");
            File.WriteAllText(Path.Combine(folder.FullName, "Dockerfile"), "FROM scratch\n");
            File.WriteAllText(Path.Combine(folder.FullName, "README.md"), "# Readme\n\nNo boxes here.\n");
            var before = Snapshot(folder.FullName);
            bool named = args.Any(a => a.Contains('.', StringComparison.Ordinal) || a is "Dockerfile" or "nosuch");
            var (exit, output, error) = Punch.Invoke(new CliEnvironment(Punch.Today, false, 100, folder.FullName) { IndexOnDisk = true }, named ? args : [.. args, folder.FullName]);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith($"punch: {message}", line, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Allow_empty_lets_a_gate_pass_on_a_folder_with_no_tracker()
    {
        var folder = Directory.CreateTempSubdirectory("punch-empty-");
        try
        {
            Assert.Equal(0, Punch.RunIn(folder.FullName, "check", "--allow-empty", folder.FullName).Exit);
            Assert.Equal(0, Punch.RunIn(folder.FullName, "sync", "--check", "--allow-empty", folder.FullName).Exit);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Snapshot(string folder) => string.Join('\n', Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(f => $"{f} {(File.Exists(f) ? File.ReadAllText(f) : "/")}"));
}
