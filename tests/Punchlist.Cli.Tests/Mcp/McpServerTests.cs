using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Mcp;

/// <summary>
/// `punch mcp` end to end: the real process, the SDK's client over stdio, and after every call the
/// files on disk — unchanged unless a write was asked for, changed by exactly the diff when it was.
/// </summary>
public sealed class McpServerTests : IDisposable
{
    private static readonly string Samples = Path.Combine(Repo.Root, "samples");
    private readonly TempWorkspace _workspace = new TempWorkspace().CopyFrom(Samples);

    private string Roadmap => _workspace.Path("ROADMAP.md");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Tools_are_listed_with_schemas_descriptions_and_hints()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var tools = (await session.Client.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.Equal(["get_item", "item_history", "list_findings", "search_items", "set_status", "status", "tick_criterion", "verify_item"], tools.Keys.Order(StringComparer.Ordinal));
        foreach (var tool in tools.Values)
        {
            Assert.True(tool.Description.Length > 100, $"{tool.Name} says too little for an agent to act on");
            Assert.Equal(JsonValueKind.Object, tool.ProtocolTool.InputSchema.GetProperty("properties").ValueKind);
            Assert.True(tool.ProtocolTool.OutputSchema is { ValueKind: JsonValueKind.Object }, $"{tool.Name} has no output schema");
            Assert.Equal(tool.Name is "tick_criterion" or "set_status" ? false : true, tool.ProtocolTool.Annotations?.ReadOnlyHint);
        }

        var tick = tools["tick_criterion"].ProtocolTool.InputSchema;
        Assert.Equal(["address", "criterion"], tick.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.False, tick.GetProperty("properties").GetProperty("apply").GetProperty("default").ValueKind);
        Assert.True(session.Errors.IsEmpty, string.Join("\n", session.Errors));
    }

    [Fact]
    public async Task A_read_only_session_offers_no_write_and_refuses_one()
    {
        var before = Snapshot();
        await using var session = await McpSession.Start(_workspace.Root, "--read-only");
        var names = (await session.Client.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.DoesNotContain("tick_criterion", names);
        Assert.DoesNotContain("set_status", names);
        Assert.Contains("search_items", names);
        await Assert.ThrowsAnyAsync<McpException>(() => session.Call("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("apply", true)));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Status_is_punch_status_json_for_the_same_day()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var status = await session.Result("status");
        var (_, expected, _) = Punch.RunIn(_workspace.Root, "status", "--json", "--today", McpSession.Today);

        using var cli = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(cli.RootElement, status), $"MCP status differs from punch status --json:\n{status}");

        var byOwner = await session.Result("status", ("by", "owner"));
        Assert.Contains(byOwner.GetProperty("groups").EnumerateArray(), g => g.GetProperty("name").GetString() == "Luis");
        Assert.StartsWith("by must be priority, owner, document or section", await session.Error("status", ("by", "colour")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ranks_pages_with_a_cursor_and_changes_nothing()
    {
        var before = Snapshot();
        await using var session = await McpSession.Start(_workspace.Root);

        var ranked = await session.Result("search_items", ("query", "rate limits"));
        Assert.Equal("ROADMAP.md#MH-002", ranked.GetProperty("results")[0].GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, ranked.GetProperty("items").ValueKind);

        // Every item once, page by page, in the order punch list gives them.
        var (_, listed, _) = Punch.RunIn(_workspace.Root, "list", "--json", "--today", McpSession.Today);
        using var list = JsonDocument.Parse(listed);
        var expected = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()).ToList();
        var seen = new List<string?>();
        string? cursor = null;
        for (int page = 0; page < 20; page++)
        {
            var result = await session.Result("search_items", ("query", ""), ("limit", 15), ("cursor", cursor), ("compact", false));
            Assert.Equal(expected.Count, result.GetProperty("total").GetInt32());
            Assert.Equal(result.GetProperty("results").GetArrayLength(), result.GetProperty("items").GetArrayLength());
            seen.AddRange(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()));
            cursor = result.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal(expected, seen);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_malformed_query_or_a_foreign_cursor_is_one_sentence_and_changes_nothing()
    {
        var before = Snapshot();
        await using var session = await McpSession.Start(_workspace.Root);

        string error = await session.Error("search_items", ("query", "priority:p9 backup"));
        Assert.Equal("malformed query at column 10: 'p9' is not a priority: ranks go from p0 to p3", error);

        var first = await session.Result("search_items", ("query", ""), ("limit", 5));
        string cursor = first.GetProperty("nextCursor").GetString()!;
        Assert.StartsWith("the cursor belongs to another request", await session.Error("search_items", ("query", "backup"), ("cursor", cursor)), StringComparison.Ordinal);
        Assert.StartsWith("the cursor is not one this server returned", await session.Error("search_items", ("query", ""), ("cursor", "!!")), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task An_unknown_address_is_a_tool_error_naming_it_for_every_tool_and_nothing_is_written()
    {
        var before = Snapshot();
        await using var session = await McpSession.Start(_workspace.Root);

        foreach (string tool in new[] { "get_item", "verify_item" })
        {
            Assert.Equal("no item 'ROADMAP.md#ZZ-404'", await session.Error(tool, ("address", "ROADMAP.md#ZZ-404")));
        }

        Assert.Equal("no item 'ROADMAP.md#ZZ-404'", await session.Error("tick_criterion", ("address", "ROADMAP.md#ZZ-404"), ("criterion", "1"), ("apply", true)));
        Assert.Equal("no document 'NOPE.md' in the workspace", await session.Error("set_status", ("address", "NOPE.md#MH-002"), ("status", "done"), ("apply", true)));
        Assert.StartsWith("no item 'MH-00'; did you mean ROADMAP.md#MH-001", await session.Error("get_item", ("address", "MH-00")), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Get_item_gives_facts_criteria_source_findings_and_evidence()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var item = await session.Result("get_item", ("address", "MH-002"));

        Assert.Equal("punchlist.item/1", item.GetProperty("schema").GetString());
        Assert.Equal("ROADMAP.md#MH-002", item.GetProperty("item").GetProperty("address").GetString());
        Assert.Equal(3, item.GetProperty("criteriaList").GetArrayLength());
        Assert.Equal("429 responses carry Retry-After", item.GetProperty("criteriaList")[1].GetProperty("text").GetString());
        Assert.Equal(40, item.GetProperty("source").GetProperty("startLine").GetInt32());
        Assert.Contains("**Owner:** Luis", item.GetProperty("source").GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.Contains(item.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "PL003");
        Assert.Equal("config/limits.yaml", item.GetProperty("evidence").GetProperty("evidence")[0].GetProperty("ref").GetString());
    }

    [Fact]
    public async Task List_findings_filters_and_pages_what_punch_check_finds()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var (_, checkJson, _) = Punch.RunIn(_workspace.Root, "check", "--json", "--today", McpSession.Today, "--rule", "PL003,PL002");
        using var check = JsonDocument.Parse(checkJson);
        var expected = check.RootElement.GetProperty("findings").EnumerateArray().ToList();

        var page = await session.Result("list_findings", ("code", "overdue,PL002"), ("limit", 2));
        Assert.Equal(expected.Count, page.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.True(JsonElement.DeepEquals(expected[0], page.GetProperty("findings")[0]));
        Assert.NotNull(page.GetProperty("nextCursor").GetString());

        var one = await session.Result("list_findings", ("item", "ROADMAP.md#MH-002"), ("severity", "error"));
        Assert.All(one.GetProperty("findings").EnumerateArray(), f => Assert.Equal("MH-002", f.GetProperty("item").GetString()));
        Assert.StartsWith("no rule 'PL999'", await session.Error("list_findings", ("code", "PL999")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tick_without_apply_returns_the_diff_and_writes_nothing()
    {
        var before = Snapshot();
        await using var session = await McpSession.Start(_workspace.Root);
        var preview = await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"));

        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.True(preview.GetProperty("changed").GetBoolean());
        Assert.Equal(2, preview.GetProperty("criterion").GetInt32());
        Assert.Equal(Hash(Roadmap), preview.GetProperty("documentHash").GetString());
        string diff = preview.GetProperty("diff").GetString()!;
        Assert.Contains("\n-- [ ] 429 responses carry `Retry-After`\n+- [x] 429 responses carry `Retry-After`\n", diff, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_tick_with_apply_changes_that_one_character_and_nothing_else()
    {
        byte[] original = File.ReadAllBytes(Roadmap);
        var others = Snapshot(except: "ROADMAP.md");
        await using var session = await McpSession.Start(_workspace.Root);
        var preview = await session.Result("tick_criterion", ("address", "MH-002"), ("criterion", "Retry-After"));
        var applied = await session.Result("tick_criterion", ("address", "MH-002"), ("criterion", "Retry-After"), ("apply", true),
            ("expected_hash", preview.GetProperty("documentHash").GetString()));

        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(preview.GetProperty("diff").GetString(), applied.GetProperty("diff").GetString());
        byte[] now = File.ReadAllBytes(Roadmap);
        Assert.Equal(original.Length, now.Length);
        int[] changed = [.. Enumerable.Range(0, now.Length).Where(i => now[i] != original[i])];
        int at = Assert.Single(changed);
        Assert.Equal((byte)' ', original[at]);
        Assert.Equal((byte)'x', now[at]);
        Assert.Equal(others, Snapshot(except: "ROADMAP.md"));

        // The next read sees it; ticking again changes nothing.
        var item = await session.Result("get_item", ("address", "ROADMAP.md#MH-002"));
        Assert.True(item.GetProperty("criteriaList")[1].GetProperty("checked").GetBoolean());
        var again = await session.Result("tick_criterion", ("address", "MH-002"), ("criterion", "2"), ("apply", true));
        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal(now, File.ReadAllBytes(Roadmap));
    }

    [Fact]
    public async Task A_file_changed_on_disk_since_the_preview_is_never_overwritten()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var preview = await session.Result("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"));

        // Someone edits the tracker between the preview and the write.
        string edited = File.ReadAllText(Roadmap) + "\n<!-- edited by hand -->\n";
        File.WriteAllText(Roadmap, edited);
        string error = await session.Error("tick_criterion", ("address", "ROADMAP.md#MH-002"), ("criterion", "2"), ("apply", true),
            ("expected_hash", preview.GetProperty("documentHash").GetString()));

        Assert.StartsWith("ROADMAP.md: changed on disk since it was read", error, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(Roadmap));
    }

    [Fact]
    public async Task A_tick_the_evidence_contradicts_is_refused_saying_why_unless_forced()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        byte[] original = File.ReadAllBytes(Roadmap);

        // SH-003's second criterion ("Sampling for health checks") is tied to the Dockerfile's HEALTHCHECK, which is missing.
        var preview = await session.Result("tick_criterion", ("address", "ROADMAP.md#SH-003"), ("criterion", "2"));
        Assert.Contains(preview.GetProperty("contradictions").EnumerateArray(), c => c.GetProperty("ref").GetString() == "docker.healthcheck");
        string refusal = await session.Error("tick_criterion", ("address", "ROADMAP.md#SH-003"), ("criterion", "2"), ("apply", true));
        Assert.StartsWith("Refused: the repository contradicts ROADMAP.md#SH-003 criterion 2 being ticked: ", refusal, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", refusal, StringComparison.Ordinal);
        Assert.Contains("force: true", refusal, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Roadmap));

        var forced = await session.Result("tick_criterion", ("address", "ROADMAP.md#SH-003"), ("criterion", "2"), ("apply", true), ("force", true));
        Assert.True(forced.GetProperty("applied").GetBoolean());
        Assert.Contains("- [x] Sampling for health checks", File.ReadAllText(Roadmap), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_status_writes_the_documents_own_words()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        string before = File.ReadAllText(Roadmap);
        var preview = await session.Result("set_status", ("address", "ROADMAP.md#SH-003"), ("status", "blocked"));
        Assert.Contains("\n-**Status:** In Progress\n+**Status:** Blocked\n", preview.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Roadmap));

        var applied = await session.Result("set_status", ("address", "ROADMAP.md#SH-003"), ("status", "blocked"), ("apply", true),
            ("expected_hash", preview.GetProperty("documentHash").GetString()));
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(before.Replace("**Status:** In Progress\n\n- [x] JSON logs", "**Status:** Blocked\n\n- [x] JSON logs", StringComparison.Ordinal), File.ReadAllText(Roadmap));
        var item = await session.Result("get_item", ("address", "ROADMAP.md#SH-003"));
        Assert.Equal("blocked", item.GetProperty("item").GetProperty("state").GetString());

        // A card with no status line cannot say blocked: nothing is invented.
        Assert.Equal("ROADMAP.md#SH-002 has no status line or box that could say blocked", await session.Error("set_status", ("address", "SH-002"), ("status", "blocked")));
        Assert.StartsWith("status must be done, open, in-progress, blocked or cancelled", await session.Error("set_status", ("address", "SH-002"), ("status", "finished")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trackers_are_resources_and_prompts_gather_what_is_late()
    {
        await using var session = await McpSession.Start(_workspace.Root);
        var resources = await session.Client.ListResourcesAsync();
        Assert.Contains(resources, r => r.Uri == "punchlist://tracker/docs/plans/launch-readiness.md");
        var roadmap = await session.Client.ReadResourceAsync("punchlist://tracker/ROADMAP.md");
        Assert.Equal(File.ReadAllText(Roadmap), Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(Assert.Single(roadmap.Contents)).Text);
        await Assert.ThrowsAnyAsync<McpException>(async () => await session.Client.ReadResourceAsync("punchlist://tracker/api/uploads/signing.go"));
        await Assert.ThrowsAnyAsync<McpException>(async () => await session.Client.ReadResourceAsync("punchlist://tracker/../../etc/passwd"));

        var prompts = (await session.Client.ListPromptsAsync()).Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["reconcile_tracker", "triage_late"], prompts);
        var triage = await session.Client.GetPromptAsync("triage_late");
        string text = string.Concat(triage.Messages.Select(m => (m.Content as ModelContextProtocol.Protocol.TextContentBlock)?.Text));
        Assert.Contains("ROADMAP.md#MH-002 \"Per-tenant rate limits\" (P0, owner Luis", text, StringComparison.Ordinal);
        var reconcile = await session.Client.GetPromptAsync("reconcile_tracker", new Dictionary<string, object?> { ["document"] = "incident-followups.md" });
        Assert.Contains("ops/incident-followups.md#P1-002", string.Concat(reconcile.Messages.Select(m => (m.Content as ModelContextProtocol.Protocol.TextContentBlock)?.Text)), StringComparison.Ordinal);
    }

    // Every file of the workspace but the index, by path, with a hash of its bytes.
    private Dictionary<string, string> Snapshot(string? except = null) =>
        Directory.GetFiles(_workspace.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_workspace.Root, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(".punchlist/", StringComparison.Ordinal) && p != except)
            .ToDictionary(p => p, p => Hash(_workspace.Path(p)));

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
