using System.Text.Json;
using Npgsql;
using Punchlist.Json;
using static Punchlist.Storage.Postgres.Tests.Pushes;

namespace Punchlist.Storage.Postgres.Tests;

public sealed class PushWriterTests(TeamDatabase database) : IClassFixture<TeamDatabase>
{
    private static readonly Tracker Todo = Tracker("TODO.md", new Spec("P0-001", "Backups restore", "open", "P0", "ana", "2026-11-01", Late: true), new Spec("P1-002", "Alerts page on-call", "done", "P1", "bo"));
    private static readonly Tracker Plan = Tracker("docs/plan.md", new Spec("MH-001", "Rotate secrets", "in-progress", "P2", "cy"));

    [Fact]
    public async Task A_push_stores_the_commit_its_trackers_and_items_and_becomes_the_head()
    {
        var own = Tracker("OWN.md", new Spec("O-1", "Only here"));
        var pushed = await database.Store.Pushes.PushAsync(Of("acme/first", "first1", "2026-11-20T10:00:00Z", Todo, own));

        // TODO.md's content may have been pushed by another test of this class already (versions are shared).
        Assert.Equal((PushedJson.Version, "acme/first", Sha("first1"), true, 2), (pushed.Schema, pushed.Repository, pushed.Commit, pushed.Head, pushed.Documents));
        Assert.InRange(pushed.NewVersions, 1, 2);
        Assert.Equal(Sha("first1"), await Head("acme/first"));
        Assert.Equal(3L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM items i JOIN commit_documents d ON d.version_id = i.version_id JOIN commits c ON c.id = d.commit_id WHERE c.sha = $1", Sha("first1")));
        Assert.Equal(["P0-001"], (await database.ScalarAsync<string[]>(
            "SELECT a.sla FROM analyses a JOIN commit_documents d ON d.analysis_id = a.id JOIN commits c ON c.id = d.commit_id WHERE c.sha = $1 AND d.path = 'TODO.md'", Sha("first1")))!);
    }

    [Fact]
    public async Task The_same_commit_pushed_again_changes_nothing_and_gets_the_first_answer()
    {
        var first = await database.Store.Pushes.PushAsync(Of("acme/again", "a1", "2026-11-20T10:00:00Z", Todo));
        var counts = await Counts();
        // Pushed again the next day, with different findings: still the first push's commit.
        var again = Of("acme/again", "a1", "2026-11-20T10:00:00Z", Todo, Plan);

        var second = await database.Store.Pushes.PushAsync(again);

        Assert.Equal(JsonSerializer.Serialize(first, PunchJson.Context.PushedJson), JsonSerializer.Serialize(second, PunchJson.Context.PushedJson));
        Assert.Equal(counts, await Counts());
    }

    [Fact]
    public async Task An_older_commit_pushed_after_a_newer_is_stored_but_never_becomes_the_head()
    {
        await database.Store.Pushes.PushAsync(Of("acme/order", "new", "2026-11-20T10:00:00Z", Todo));

        var older = await database.Store.Pushes.PushAsync(Of("acme/order", "old", "2026-11-19T10:00:00+02:00", Plan));

        Assert.False(older.Head);
        Assert.Equal(Sha("new"), await Head("acme/order"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM commits c JOIN repositories r ON r.id = c.repository_id WHERE r.name = 'acme/order'"));

        var newer = await database.Store.Pushes.PushAsync(Of("acme/order", "newer", "2026-11-20T10:00:01Z", Plan));
        Assert.True(newer.Head);
        Assert.Equal(Sha("newer"), await Head("acme/order"));
    }

    [Fact]
    public async Task A_tracker_no_commit_changed_stores_no_new_version_and_no_new_items()
    {
        await database.Store.Pushes.PushAsync(Of("acme/content", "c1", "2026-11-20T10:00:00Z", Todo, Plan));
        long versions = await database.CountAsync("document_versions"), items = await database.CountAsync("items"), analyses = await database.CountAsync("analyses");
        var changedPlan = Tracker("docs/plan.md", new Spec("MH-001", "Rotate secrets", "done", "P2", "cy"), new Spec("MH-002", "Audit log", "open", "P2", "cy"));

        var pushed = await database.Store.Pushes.PushAsync(Of("acme/content", "c2", "2026-11-21T10:00:00Z", Todo, changedPlan));

        Assert.Equal(1, pushed.NewVersions);
        Assert.Equal(versions + 1, await database.CountAsync("document_versions"));
        Assert.Equal(items + 2, await database.CountAsync("items"));
        Assert.Equal(analyses + 1, await database.CountAsync("analyses")); // the plan's verdicts changed; TODO.md's analysis is shared

        // The same trackers in another repository are the same content: nothing new either.
        var elsewhere = await database.Store.Pushes.PushAsync(Of("acme/content-fork", "c2", "2026-11-21T10:00:00Z", Todo, changedPlan));
        Assert.Equal(0, elsewhere.NewVersions);
        Assert.Equal(items + 2, await database.CountAsync("items"));
    }

    [Fact]
    public async Task Two_pushes_of_one_repository_at_once_store_one_commit_and_answer_alike()
    {
        var push = Of("acme/race", "r1", "2026-11-20T10:00:00Z", Todo, Plan);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => database.Store.Pushes.PushAsync(push))));

        Assert.Single(answers.Distinct());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM commits c JOIN repositories r ON r.id = c.repository_id WHERE r.name = 'acme/race'"));
    }

    [Fact]
    public async Task Different_commits_of_one_repository_at_once_leave_the_latest_as_head()
    {
        var pushes = Enumerable.Range(0, 8).Select(i => Of("acme/burst", $"b{i}", $"2026-11-20T10:00:0{i}Z", Todo, Tracker($"docs/p{i}.md", new Spec("X-1", $"Step {i}")))).ToList();

        await Task.WhenAll(pushes.Select(p => Task.Run(() => database.Store.Pushes.PushAsync(p))));

        Assert.Equal(Sha("b7"), await Head("acme/burst"));
    }

    [Fact]
    public async Task A_push_killed_in_the_middle_leaves_nothing_half_stored()
    {
        // Another session holds one of the push's versions uncommitted, so the push stops inside its
        // transaction after writing its first tracker; then its server process dies (its backend is terminated).
        var victim = Of("acme/killed", "k1", "2026-11-20T10:00:00Z", Tracker("a.md", new Spec("A-1", "First")), Tracker("b.md", new Spec("B-1", "Second")), Tracker("c.md", new Spec("C-1", "Third")));
        var before = await Counts();
        await using var blocker = await database.Store.Source.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        var keys = await VersionKeysAsync(victim);
        await using (var insert = new NpgsqlCommand("INSERT INTO document_versions (key, sha256) VALUES ($1, 'held')", blocker, hold))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = keys[^1] });
            await insert.ExecuteNonQueryAsync();
        }

        var push = Task.Run(() => database.Store.Pushes.PushAsync(victim));
        int pid = await WaitForBlockedPushAsync();
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", blocker, hold))
        {
            await kill.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => push);
        await hold.RollbackAsync();

        Assert.Equal(before, await Counts());
        Assert.Null(await Head("acme/killed"));
        // Pushed again after the restart, it is stored whole.
        Assert.Equal(3, (await database.Store.Pushes.PushAsync(victim)).NewVersions);
    }

    private async Task<int> WaitForBlockedPushAsync()
    {
        for (int i = 0; i < 200; i++)
        {
            int? pid = await database.ScalarAsync<int?>(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO document_versions%' LIMIT 1");
            if (pid is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the push never waited on the held version");
    }

    // The keys the writer stores the push's versions under, in the order it inserts them.
    private static async Task<List<byte[]>> VersionKeysAsync(PushJson push)
    {
        await Task.CompletedTask;
        return [.. push.Documents.Select(PushWriter.VersionKey).OrderBy(Convert.ToHexStringLower, StringComparer.Ordinal)];
    }

    private async Task<string?> Head(string repository) => await database.ScalarAsync<string>(
        "SELECT c.sha FROM repositories r JOIN commits c ON c.id = r.head_commit WHERE r.name = $1", repository);

    private async Task<(long, long, long, long, long)> Counts() => (
        await database.CountAsync("commits"), await database.CountAsync("commit_documents"), await database.CountAsync("document_versions"),
        await database.CountAsync("items"), await database.CountAsync("analyses"));
}
