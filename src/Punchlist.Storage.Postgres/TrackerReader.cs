using System.Text.Json;
using Npgsql;
using Punchlist.Json;

namespace Punchlist.Storage.Postgres;

/// <summary>One tracker of a repository's head as its push held it: what team mode's tracker and item pages show.</summary>
public sealed class TrackerReader(NpgsqlDataSource source)
{
    /// <summary>
    /// The tracker at <paramref name="path"/> in <paramref name="repository"/>'s head, its items in
    /// document order (overdue and late judged on <paramref name="today"/>), its findings and evidence
    /// verdicts; null when the repository has no head or the head no such tracker.
    /// </summary>
    public async Task<TeamTracker?> TrackerAsync(string repository, string path, DateOnly today, CancellationToken cancel = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        TeamTracker tracker;
        await using (var select = PushWriter.Command(connection, null, """
            SELECT c.sha, v.title, v.review_due, a.findings::text, a.evidence::text, a.sla, d.version_id
            FROM repositories r
            JOIN commits c ON c.id = r.head_commit
            JOIN commit_documents d ON d.commit_id = c.id AND d.path = $2
            JOIN document_versions v ON v.id = d.version_id
            JOIN analyses a ON a.id = d.analysis_id
            WHERE r.name = $1
            """, repository, path))
        {
            await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                return null;
            }

            tracker = new TeamTracker(repository, reader.GetString(0), path, reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                JsonSerializer.Deserialize(reader.GetString(3), PunchJson.Context.IReadOnlyListFindingJson)!,
                JsonSerializer.Deserialize(reader.GetString(4), PunchJson.Context.IReadOnlyListVerdictJson)!,
                reader.GetFieldValue<string[]>(5), reader.GetInt64(6), []);
        }

        var verdicts = tracker.Evidence.ToDictionary(v => v.Key, v => v.Verdict, StringComparer.Ordinal);
        var sla = tracker.Sla.ToHashSet(StringComparer.Ordinal);
        var items = new List<TeamItem>();
        await using (var select = PushWriter.Command(connection, null,
            "SELECT i.key, i.item::text, i.boxes::text FROM items i WHERE i.version_id = $1 ORDER BY i.ordinal", tracker.VersionId))
        {
            await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
            while (await reader.ReadAsync(cancel).ConfigureAwait(false))
            {
                string key = reader.GetString(0);
                var item = JsonSerializer.Deserialize(reader.GetString(1), PunchJson.Context.ItemJson)!;
                bool open = item.State is not ("done" or "cancelled");
                bool overdue = open && item.Due is { } due && string.CompareOrdinal(due, JsonMapping.Date(today)) < 0;
                items.Add(new TeamItem(item with { Document = path, Address = $"{path}#{key}", Overdue = overdue },
                    JsonSerializer.Deserialize(reader.GetString(2), PunchJson.Context.IReadOnlyListPushCriterionJson)!,
                    overdue || (open && sla.Contains(key)), sla.Contains(key) && open, verdicts.GetValueOrDefault(key)));
            }
        }

        return tracker with { Items = items };
    }
}

/// <summary>A tracker at a repository's head: its version's title and review date, the check's findings and verdicts, and its items.</summary>
public sealed record TeamTracker(string Repository, string Commit, string Path, string? Title, DateOnly? ReviewDue,
    IReadOnlyList<FindingJson> Findings, IReadOnlyList<VerdictJson> Evidence, IReadOnlyList<string> Sla, long VersionId, IReadOnlyList<TeamItem> Items);

/// <summary>An item of a tracker at a head: late is overdue or past its SLA (PL004); the verdict is its evidence's, when it has any.</summary>
public sealed record TeamItem(ItemJson Item, IReadOnlyList<PushCriterionJson> Criteria, bool Late, bool SlaBreached, string? Verdict);
