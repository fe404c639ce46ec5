using System.Text.Json;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Mcp;

/// <summary>
/// The item_history tool on a repository built commit by commit: the timeline `punch history ADDRESS
/// --json` gives, the same errors, and a plain "not available" outside git.
/// </summary>
public sealed class McpHistoryTests : IDisposable
{
    private readonly GitRepository _repo = new();

    public McpHistoryTests()
    {
        _repo.Write("PLAN.md", Plan("Not Started", "[ ]")).Commit("2026-09-07", "Plan", "Alice");
        _repo.Write("PLAN.md", Plan("In Progress", "[x]")).Commit("2026-09-21", "Start", "Bob");
        _repo.Write("PLAN.md", Plan("Done", "[x]")).Commit("2026-10-05", "Finish", "Alice");
        _repo.Write("PLAN.md", Plan("In Progress", "[x]")).Commit("2026-10-19", "Reopen", "Bob");
    }

    public void Dispose() => _repo.Dispose();

    private static string Plan(string status, string box) => $"""
        # Plan

        ## P0-001: Backups restore in under an hour
        **Status:** {status}
        **Owner:** Dana

        - {box} Nightly snapshot
        - [ ] Restore drill

        ## P1-002: Alerts page the on-call
        **Status:** Not Started

        """;

    [Fact]
    public async Task Item_history_is_the_timeline_punch_history_gives_for_the_same_day()
    {
        await using var session = await McpSession.Start(_repo.Root);
        var history = await session.Result("item_history", ("address", "PLAN.md#P0-001"));

        Assert.Equal("punchlist.history/1", history.GetProperty("schema").GetString());
        Assert.True(history.GetProperty("available").GetBoolean());
        var entries = history.GetProperty("item").GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["2026-09-07T12:00:00Z", "2026-09-21T12:00:00Z", "2026-10-05T12:00:00Z", "2026-10-19T12:00:00Z"], entries.Select(e => e.GetProperty("commit").GetProperty("date").GetString()));
        Assert.Equal(["Alice", "Bob", "Alice", "Bob"], entries.Select(e => e.GetProperty("commit").GetProperty("author").GetString()));

        var (exit, expected, _) = Punch.RunIn(_repo.Root, "history", "PLAN.md#P0-001", "--json", "--today", McpSession.Today);
        Assert.Equal(0, exit);
        using var cli = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(cli.RootElement, history), $"item_history differs from punch history ADDRESS --json:\n{history}");

        // A bare ID names the same item.
        var bare = await session.Result("item_history", ("address", "P0-001"));
        Assert.True(JsonElement.DeepEquals(history, bare));
    }

    [Fact]
    public async Task An_unknown_address_is_one_sentence_and_nothing_is_written()
    {
        string before = File.ReadAllText(_repo.Path("PLAN.md"));
        await using var session = await McpSession.Start(_repo.Root);

        Assert.Equal("no item 'PLAN.md#P9-999' in the history", await session.Error("item_history", ("address", "PLAN.md#P9-999")));
        Assert.Equal(before, File.ReadAllText(_repo.Path("PLAN.md")));
        Assert.Equal(string.Empty, _repo.Git("status", "--porcelain", "--untracked-files=no"));
    }

    [Fact]
    public async Task Outside_git_the_tool_says_history_is_not_available_and_why()
    {
        using var workspace = new TempWorkspace().CopyFrom(Path.Combine(Repo.Root, "samples"));
        await using var session = await McpSession.Start(workspace.Root);
        var history = await session.Result("item_history", ("address", "ROADMAP.md#MH-002"));

        Assert.False(history.GetProperty("available").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(history.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, history.GetProperty("item").ValueKind);
    }
}
