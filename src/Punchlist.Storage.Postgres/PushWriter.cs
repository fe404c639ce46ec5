using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Punchlist.Json;

namespace Punchlist.Storage.Postgres;

/// <summary>
/// Stores one push in one transaction: the commit, a row per tracker naming its content-addressed
/// version and analysis (each stored only when new), and the repository's head moved when this commit
/// is later than it. The repository's row is locked first, so pushes of one repository take turns and
/// a commit pushed twice at once is stored once; versions and analyses are inserted in key order, so
/// pushes of different repositories sharing a version cannot deadlock.
/// </summary>
public sealed class PushWriter(NpgsqlDataSource source)
{
    public async Task<PushedJson> PushAsync(PushJson push, CancellationToken cancel = default) =>
        (await StoreAsync(push, cancel).ConfigureAwait(false)).Answer;

    /// <summary>Stores the push as <see cref="PushAsync"/> does, and says whether the commit was stored before (the answer is then the first one's).</summary>
    public async Task<PushOutcome> StoreAsync(PushJson push, CancellationToken cancel = default)
    {
        PushWire.Validate(push);
        var documents = push.Documents.Select(Prepared.Of).ToList();

        await using var connection = await source.OpenConnectionAsync(cancel).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var (repositoryId, headCommittedAt) = await LockRepositoryAsync(connection, transaction, push.Repository, cancel).ConfigureAwait(false);

        await using (var existing = Command(connection, transaction, "SELECT answer::text FROM commits WHERE repository_id = $1 AND sha = $2", repositoryId, push.Commit.Sha))
        {
            if (await existing.ExecuteScalarAsync(cancel).ConfigureAwait(false) is string answer)
            {
                // Pushed before: nothing changes, and the answer is the first one's.
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
                return new PushOutcome(JsonSerializer.Deserialize(answer, PunchJson.Context.PushedJson)!, Repeated: true);
            }
        }

        int newVersions = 0;
        var versionIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var document in documents.DistinctBy(d => d.VersionKeyHex).OrderBy(d => d.VersionKeyHex, StringComparer.Ordinal))
        {
            var (id, created) = await VersionAsync(connection, transaction, document, cancel).ConfigureAwait(false);
            versionIds[document.VersionKeyHex] = id;
            newVersions += created ? 1 : 0;
        }

        var analysisIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var document in documents.DistinctBy(d => d.AnalysisKeyHex).OrderBy(d => d.AnalysisKeyHex, StringComparer.Ordinal))
        {
            analysisIds[document.AnalysisKeyHex] = await AnalysisAsync(connection, transaction, document, cancel).ConfigureAwait(false);
        }

        bool head = headCommittedAt is null || push.Commit.CommittedAt > headCommittedAt;
        var pushed = new PushedJson(PushedJson.Version, push.Repository, push.Commit.Sha, head, documents.Count, newVersions);
        long commitId;
        await using (var insert = Command(connection, transaction,
            "INSERT INTO commits (repository_id, sha, committed_at, branch, today, status, answer) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) RETURNING id",
            repositoryId, push.Commit.Sha, push.Commit.CommittedAt.ToUniversalTime(), (object?)push.Commit.Branch ?? DBNull.Value, DateOnly.ParseExact(push.Today, "yyyy-MM-dd"),
            JsonSerializer.Serialize(push.Status, PunchJson.Context.StatusJson), JsonSerializer.Serialize(pushed, PunchJson.Context.PushedJson)))
        {
            commitId = (long)(await insert.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
        }

        await using (var rows = Command(connection, transaction,
            "INSERT INTO commit_documents (commit_id, path, version_id, analysis_id) SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[])",
            commitId, documents.Select(d => d.Document.Path).ToArray(), documents.Select(d => versionIds[d.VersionKeyHex]).ToArray(), documents.Select(d => analysisIds[d.AnalysisKeyHex]).ToArray()))
        {
            await rows.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        if (head)
        {
            await using var move = Command(connection, transaction, "UPDATE repositories SET head_commit = $1 WHERE id = $2", commitId, repositoryId);
            await move.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        if (head && push.History is { Count: > 0 } history)
        {
            await using var days = Command(connection, transaction, """
                INSERT INTO history_days (repository_id, day, scope, done)
                SELECT $1, d.day, d.scope, d.done FROM unnest($2::date[], $3::int[], $4::int[]) AS d (day, scope, done)
                ON CONFLICT (repository_id, day) DO UPDATE SET scope = excluded.scope, done = excluded.done
                """, repositoryId, history.Select(d => DateOnly.ParseExact(d.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                history.Select(d => d.Scope).ToArray(), history.Select(d => d.Done).ToArray());
            await days.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        // Delivered to every listening server when (and only if) the transaction commits.
        await using (var notify = Command(connection, transaction, "SELECT pg_notify($1, $2)", TeamStore.Channel, push.Repository))
        {
            await notify.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return new PushOutcome(pushed, Repeated: false);
    }

    // The repository's row, created on its first push, locked for the rest of the transaction; and its head's commit time.
    private static async Task<(long Id, DateTimeOffset? HeadCommittedAt)> LockRepositoryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancel)
    {
        await using (var create = Command(connection, transaction, "INSERT INTO repositories (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name))
        {
            await create.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        // Locked first, read after: under READ COMMITTED a statement that waited for the lock sees the
        // row's new version but joins it with what its snapshot saw, which may miss the head the
        // transaction it waited for has just written. The next statement's snapshot sees it.
        long id;
        await using (var lockRow = Command(connection, transaction, "SELECT id FROM repositories WHERE name = $1 FOR UPDATE", name))
        {
            id = (long)(await lockRow.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
        }

        await using var head = Command(connection, transaction,
            "SELECT c.committed_at FROM repositories r JOIN commits c ON c.id = r.head_commit WHERE r.id = $1", id);
        return (id, await head.ExecuteScalarAsync(cancel).ConfigureAwait(false) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }

    private static async Task<(long Id, bool Created)> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Prepared document, CancellationToken cancel)
    {
        await using (var insert = Command(connection, transaction,
            "INSERT INTO document_versions (key, sha256, title, review_due) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING id",
            document.VersionKey, document.Document.Sha256, (object?)document.Document.Title ?? DBNull.Value,
            document.Document.ReviewDue is { } review ? DateOnly.ParseExact(review, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value))
        {
            if (await insert.ExecuteScalarAsync(cancel).ConfigureAwait(false) is long id)
            {
                await CopyItemsAsync(connection, id, document, cancel).ConfigureAwait(false);
                return (id, true);
            }
        }

        await using var select = Command(connection, transaction, "SELECT id FROM document_versions WHERE key = $1", document.VersionKey);
        return ((long)(await select.ExecuteScalarAsync(cancel).ConfigureAwait(false))!, false);
    }

    private static async Task CopyItemsAsync(NpgsqlConnection connection, long versionId, Prepared document, CancellationToken cancel)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY items (version_id, ordinal, key, id, title, section, priority, state, owner, due, criteria_total, criteria_checked, criteria, item, " +
            "fields, body, section_path, sections, owner_key, effort, tech, has_files, contradicted, boxes) FROM STDIN (FORMAT BINARY)", cancel).ConfigureAwait(false);
        int ordinal = 0;
        foreach (var pushed in document.Document.Items)
        {
            var item = pushed.Item;
            await copy.StartRowAsync(cancel).ConfigureAwait(false);
            await copy.WriteAsync(versionId, NpgsqlDbType.Bigint, cancel).ConfigureAwait(false);
            await copy.WriteAsync(ordinal++, NpgsqlDbType.Integer, cancel).ConfigureAwait(false);
            await copy.WriteAsync(item.Key, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await WriteNullable(copy, item.Id, cancel).ConfigureAwait(false);
            await copy.WriteAsync(item.Title, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await WriteNullable(copy, item.Section, cancel).ConfigureAwait(false);
            await WriteNullable(copy, item.Priority, cancel).ConfigureAwait(false);
            await copy.WriteAsync(item.State, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await WriteNullable(copy, item.Owner, cancel).ConfigureAwait(false);
            if (item.Due is { } due && DateOnly.TryParseExact(due, "yyyy-MM-dd", out var date))
            {
                await copy.WriteAsync(date, NpgsqlDbType.Date, cancel).ConfigureAwait(false);
            }
            else
            {
                await copy.WriteNullAsync(cancel).ConfigureAwait(false);
            }

            await copy.WriteAsync(item.Criteria.Total, NpgsqlDbType.Integer, cancel).ConfigureAwait(false);
            await copy.WriteAsync(item.Criteria.Checked, NpgsqlDbType.Integer, cancel).ConfigureAwait(false);
            await copy.WriteAsync(string.Join('\n', pushed.Criteria.Select(c => c.Text)), NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await copy.WriteAsync(JsonSerializer.Serialize(Prepared.Blank(item), PunchJson.Context.ItemJson), NpgsqlDbType.Jsonb, cancel).ConfigureAwait(false);

            // What filters read, folded as the embedded index folds it (in .NET: PostgreSQL's lower() under the C locale folds ASCII only).
            await copy.WriteAsync(pushed.Fields ?? string.Empty, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await copy.WriteAsync(pushed.Body ?? string.Empty, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await copy.WriteAsync(string.Join('\n', item.SectionPath), NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await copy.WriteAsync(string.Join('\n', (item.Category is null ? item.SectionPath : item.SectionPath.Prepend(item.Category)).Select(x => x.ToLowerInvariant())), NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await WriteNullable(copy, item.Owner?.TrimStart('@').ToLowerInvariant(), cancel).ConfigureAwait(false);
            if (item.Effort?.Hours is { } hours)
            {
                await copy.WriteAsync(hours, NpgsqlDbType.Double, cancel).ConfigureAwait(false);
            }
            else
            {
                await copy.WriteNullAsync(cancel).ConfigureAwait(false);
            }

            await copy.WriteAsync((pushed.Tech ?? []).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancel).ConfigureAwait(false);
            await copy.WriteAsync(item.References.Any(r => r.Kind == "file"), NpgsqlDbType.Boolean, cancel).ConfigureAwait(false);
            await copy.WriteAsync(pushed.Contradicted, NpgsqlDbType.Boolean, cancel).ConfigureAwait(false);
            await copy.WriteAsync(JsonSerializer.Serialize(pushed.Criteria, PunchJson.Context.IReadOnlyListPushCriterionJson), NpgsqlDbType.Jsonb, cancel).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancel).ConfigureAwait(false);
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter copy, string? value, CancellationToken cancel)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancel).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancel).ConfigureAwait(false);
        }
    }

    private static async Task<long> AnalysisAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Prepared document, CancellationToken cancel)
    {
        var sla = document.Document.Findings.Where(f => f.Code == "PL004" && f.Item is not null).Select(f => f.Item!).Distinct(StringComparer.Ordinal).ToArray();
        await using (var insert = Command(connection, transaction,
            "INSERT INTO analyses (key, findings, evidence, sla) VALUES ($1, $2::jsonb, $3::jsonb, $4) ON CONFLICT (key) DO NOTHING RETURNING id",
            document.AnalysisKey, document.FindingsJson, document.EvidenceJson, sla))
        {
            if (await insert.ExecuteScalarAsync(cancel).ConfigureAwait(false) is long id)
            {
                return id;
            }
        }

        await using var select = Command(connection, transaction, "SELECT id FROM analyses WHERE key = $1", document.AnalysisKey);
        return (long)(await select.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
    }

    /// <summary>The key a pushed tracker's version is stored under.</summary>
    internal static byte[] VersionKey(PushDocumentJson document) => Prepared.Of(document).VersionKey;

    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    /// <summary>Every row <paramref name="sql"/> selects, each read by <paramref name="row"/>.</summary>
    internal static async Task<List<T>> RowsAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> row, CancellationToken cancel, params object?[] values)
    {
        await using var select = Command(connection, null, sql, values);
        await using var reader = await select.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            list.Add(row(reader));
        }

        return list;
    }

    /// <summary>A pushed document with the keys it is stored under.</summary>
    private sealed record Prepared(PushDocumentJson Document, byte[] VersionKey, byte[] AnalysisKey, string FindingsJson, string EvidenceJson)
    {
        public string VersionKeyHex { get; } = Convert.ToHexStringLower(VersionKey);

        public string AnalysisKeyHex { get; } = Convert.ToHexStringLower(AnalysisKey);

        public static Prepared Of(PushDocumentJson document)
        {
            // A version is its bytes as read: the content hash and the items with what is not content
            // (the path, which the same bytes may have elsewhere, and the day's overdue flag) blanked.
            var items = document.Items.Select(i => i with { Item = Blank(i.Item) }).ToList();
            byte[] version = Hash(document.Sha256 + "\n" + document.ReviewDue + "\n" + JsonSerializer.Serialize<IReadOnlyList<PushItemJson>>(items, PunchJson.Context.IReadOnlyListPushItemJson));
            string findings = JsonSerializer.Serialize(document.Findings, PunchJson.Context.IReadOnlyListFindingJson);
            string evidence = JsonSerializer.Serialize(document.Evidence, PunchJson.Context.IReadOnlyListVerdictJson);
            return new Prepared(document, version, Hash(findings + "\n" + evidence), findings, evidence);
        }

        public static ItemJson Blank(ItemJson item) => item with { Document = string.Empty, Address = string.Empty, Overdue = false };

        private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>A push's answer, and whether its commit had been stored before.</summary>
public sealed record PushOutcome(PushedJson Answer, bool Repeated);
