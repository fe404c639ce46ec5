using System.Globalization;
using Npgsql;

namespace Punchlist.Bench.Team;

/// <summary>What the database holds: its size on disk, and each table's (with its indexes and TOAST) and row count.</summary>
internal sealed record Sizes(long Database, IReadOnlyDictionary<string, (long Bytes, long Rows)> Tables)
{
    public static readonly string[] TableNames = ["repositories", "commits", "commit_documents", "document_versions", "items", "analyses", "tokens"];

    public static async Task<Sizes> MeasureAsync(NpgsqlDataSource source)
    {
        // A checkpoint first, so the size counts what was written rather than what waits in the WAL.
        await using (var checkpoint = source.CreateCommand("CHECKPOINT"))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        var tables = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (string table in TableNames)
        {
            await using var command = source.CreateCommand($"SELECT pg_total_relation_size('{table}'), (SELECT count(*) FROM {table})");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            tables[table] = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await using var size = source.CreateCommand("SELECT pg_database_size(current_database())");
        return new Sizes((long)(await size.ExecuteScalarAsync())!, tables);
    }

    public long Bytes(string table) => Tables[table].Bytes;

    public long Rows(string table) => Tables[table].Rows;

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";

    public static string Kb(double bytes) => (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB";
}
