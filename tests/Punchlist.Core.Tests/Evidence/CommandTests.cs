using Punchlist.Evidence;
using Punchlist.Evidence.Commands;
using Punchlist.Tests.Support;

namespace Punchlist.Tests.Evidence;

/// <summary>Commands from documents: found under verification headings, run only on request, killed with their whole tree at the timeout.</summary>
public sealed class CommandTests
{
    private const string Tracker = """
        # T

        ## C-1: Ship it

        **Status:** Done

        **Validation Commands:**

        ```bash
        echo checking
        touch ran.txt
        ```

        ## C-2: Not a check

        **Status:** Done

        **Example:**

        ```bash
        touch example-ran.txt
        ```
        """;

    [Fact]
    public void Blocks_under_validation_or_verification_labels_are_commands_and_others_are_not()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", Tracker);
        var (loaded, _) = Fixtures.Load(workspace.Root);
        var document = loaded.Documents.Single();
        var block = Assert.Single(CommandBlock.In(document, Fixtures.ItemTitled(loaded, "Ship it")));
        Assert.Equal("bash", block.Language);
        Assert.Equal("echo checking", block.FirstCommand);
        Assert.Empty(CommandBlock.In(document, Fixtures.ItemTitled(loaded, "Not a check")));
    }

    [Fact]
    public void Without_run_commands_nothing_runs_and_the_block_is_listed_unjudged()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", Tracker);
        var (loaded, evidence) = Fixtures.Load(workspace.Root);
        var record = Assert.Single(Fixtures.Item(loaded, evidence, "Ship it").Records, r => r.Kind == EvidenceKind.Command);
        Assert.Null(record.Ok);
        Assert.False(record.Decisive);
        Assert.False(File.Exists(workspace.Path("ran.txt")));
    }

    [Fact]
    public void With_run_commands_a_block_runs_in_the_workspace_and_its_exit_decides()
    {
        using var workspace = new TempWorkspace().Write("TODO.md", Tracker);
        var (loaded, evidence) = Fixtures.Load(workspace.Root, new EvidenceOptions { RunCommands = true });
        var item = Fixtures.Item(loaded, evidence, "Ship it");
        var record = Assert.Single(item.Records, r => r.Kind == EvidenceKind.Command);
        Assert.True(record.Ok);
        Assert.Equal("exit 0", record.Detail);
        Assert.Equal(["checking"], record.Output);
        Assert.True(File.Exists(workspace.Path("ran.txt")));
        Assert.False(File.Exists(workspace.Path("example-ran.txt")));
        Assert.Equal(Verdict.Verified, item.Verdict);
    }

    [Fact]
    public void A_failing_command_contradicts_a_done_item_and_keeps_its_last_lines()
    {
        var script = string.Join('\n', Enumerable.Range(1, 15).Select(i => $"echo line {i}")) + "\nexit 3";
        var result = CommandRunner.Run(new CommandBlock("sh", script, 1), Path.GetTempPath(), TimeSpan.FromSeconds(30));
        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Ok);
        Assert.Equal(CommandRunner.TailLines, result.Output.Count);
        Assert.Equal("line 15", result.Output[^1]);
    }

    [Fact]
    public void A_command_past_its_timeout_is_killed_with_everything_it_started()
    {
        using var workspace = new TempWorkspace();
        // The block starts a background sleeper, records its PID, then waits on it.
        var block = new CommandBlock("bash", "sleep 300 &\necho $! > sleeper.pid\nwait", 1);
        var result = CommandRunner.Run(block, workspace.Root, TimeSpan.FromSeconds(1));
        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        int pid = int.Parse(File.ReadAllText(workspace.Path("sleeper.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WaitUntilGone(pid), $"process {pid} outlived the timeout");
    }

    // S4: the block is over when its shell exits; what it left running in the background ends with it.
    [Fact]
    public void What_a_block_leaves_running_in_the_background_ends_when_the_block_ends()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var workspace = new TempWorkspace();
        var block = new CommandBlock("bash", "sleep 301 &\necho $! > sleeper.pid\necho started", 1);
        var result = CommandRunner.Run(block, workspace.Root, TimeSpan.FromSeconds(30));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["started"], result.Output);
        int pid = int.Parse(File.ReadAllText(workspace.Path("sleeper.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WaitUntilGone(pid), $"process {pid} outlived its block");
    }

    // Killing is asynchronous in the kernel; give it a moment, then report what is true.
    private static bool WaitUntilGone(int pid)
    {
        for (int i = 0; i < 100; i++)
        {
            string stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || File.ReadAllText(stat).Split(' ')[2] is "Z" or "X")
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
