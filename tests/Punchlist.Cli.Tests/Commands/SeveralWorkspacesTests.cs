using System.Text.Json;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>
/// Several paths on one command line that lie in different workspaces are each read with their own
/// punchlist.yml and index, never with the first path's; commands that take one workspace say so.
/// </summary>
public sealed class SeveralWorkspacesTests
{
    [Fact]
    public void Status_and_list_read_each_workspace_with_its_own_configuration_and_index()
    {
        // The first workspace reads only its TODO.md: were its punchlist.yml applied to the second,
        // the second's trackers would be left out.
        using var first = new Workdir().Write("punchlist.yml", "include: [\"TODO.md\"]\n").Write("TODO.md", "- [ ] First task\n").Write("NOTES.md", "- [ ] Not read here\n");
        using var second = new Workdir().Write("TODO.md", "- [x] Second task\n").Write("docs/PLAN.md", "- [ ] Second plan\n");
        string name = Path.GetFileName(second.Root);

        var (exit, output, error) = first.PunchIndexed("status", "--json", first.Root, second.Root);
        Assert.Equal((0, string.Empty), (exit, error));
        using var status = JsonDocument.Parse(output);
        var paths = status.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();
        Assert.Equal(["TODO.md", $"../{name}/TODO.md", $"../{name}/docs/PLAN.md"], paths);
        Assert.Equal(3, status.RootElement.GetProperty("totals").GetProperty("items").GetProperty("total").GetInt32());
        Assert.True(File.Exists(second["./.punchlist/index.db"]), "the second workspace keeps its own index");
        Assert.True(File.Exists(first["./.punchlist/index.db"]));

        var listed = first.PunchIndexed("list", first.Root, second.Root).Out;
        Assert.Contains($"../{name}/docs/PLAN.md", listed, StringComparison.Ordinal);
        Assert.Contains("Second plan", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("Not read here", listed, StringComparison.Ordinal);

        var text = first.Punch("status", first.Root, second.Root).Out;
        Assert.Contains($"../{name}/TODO.md", text, StringComparison.Ordinal);
        Assert.Contains("Total (3 trackers)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_reads_one_workspace_refuses_two_in_one_line()
    {
        using var first = new Workdir().Write("TODO.md", "- [ ] First task\n");
        using var second = new Workdir().Write("TODO.md", "- [ ] Second task\n");
        foreach (string command in new[] { "check", "verify", "sync", "search" })
        {
            string[] args = command == "search" ? [command, "task", first.Root, second.Root] : [command, first.Root, second.Root];
            var (exit, output, error) = first.Punch(args);
            Assert.Equal((2, string.Empty), (exit, output));
            string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.Contains("lie in different workspaces", line, StringComparison.Ordinal);
        }
    }
}
