using Microsoft.Data.Sqlite;

namespace Punchlist.Storage.Queries;

/// <summary>
/// One ranked query on two connections to the same index file: walking FTS5's doclists of a word that
/// a third of a million items hold is most of such a query's time, and each connection walks half.
/// </summary>
internal sealed class RankingInHalves(SqliteConnection connection, SqliteConnection other)
{
    private long? _middle;

    // The middle item id, read once for the query: the lower half is below it, on this connection.
    private long Middle => _middle ??=
        connection.Scalar<long>("SELECT ifnull((SELECT min(id) FROM items) + ((SELECT max(id) FROM items) - (SELECT min(id) FROM items)) / 2, 0)");

    /// <summary>
    /// Ranks by relevance on two cores: the items below the middle id on this connection and the rest
    /// on the other at once, each half's top rows merged into temp.hits by the same order
    /// (where matched, score, then document order). <paramref name="half"/> gives the SQL that selects
    /// `id, place, score` of the items within the bounds it is given, ordered and limited by
    /// <paramref name="limited"/>. Returns how many rows it kept.
    /// </summary>
    public int Rank(Func<string, string> half, (string Name, object? Value)[] parameters, string limited)
    {
        (string, object?)[] bounded = [.. parameters, ("$middle", Middle)];
        var upper = Task.Run(() => Candidates(other, half(" AND items_fts.rowid >= $middle"), bounded));
        List<(long Id, long Place, double Score)> lower;
        try
        {
            lower = Candidates(connection, half(" AND items_fts.rowid < $middle"), bounded);
        }
        finally
        {
            // The other connection is free for the next query only once its half is done, even when
            // this half failed.
            Task.WaitAny(upper);
        }

        connection.Execute("CREATE TEMP TABLE IF NOT EXISTS candidates(id INTEGER PRIMARY KEY, place INTEGER, score REAL); DELETE FROM temp.candidates");
        using (var insert = connection.Command("INSERT INTO temp.candidates(id, place, score) VALUES ($id, $place, $score)", ("$id", 0L), ("$place", 0L), ("$score", 0.0)))
        {
            foreach (var (id, place, score) in lower.Concat(upper.GetAwaiter().GetResult()))
            {
                insert.Parameters["$id"].Value = id;
                insert.Parameters["$place"].Value = place;
                insert.Parameters["$score"].Value = score;
                insert.ExecuteNonQuery();
            }
        }

        using var merge = connection.Command($"""
            INSERT INTO temp.hits(id, tier, score)
            SELECT c.id, c.place / 4, c.score FROM temp.candidates c CROSS JOIN items i ON i.id = c.id CROSS JOIN documents d ON d.id = i.doc_id
            ORDER BY c.place, c.score, d.path, i.ordinal{limited}
            """);
        return merge.ExecuteNonQuery();
    }

    /// <summary>A full-text count (`SELECT count(*) FROM items_fts WHERE …`) as the sum of two halves counted at once.</summary>
    public int Count(string count, (string Name, object? Value)[] parameters)
    {
        (string, object?)[] bounded = [.. parameters, ("$middle", Middle)];
        var upper = Task.Run(() => Scalar(other, count + " AND items_fts.rowid >= $middle", bounded));
        long lower;
        try
        {
            lower = Scalar(connection, count + " AND items_fts.rowid < $middle", bounded);
        }
        finally
        {
            Task.WaitAny(upper);
        }

        return checked((int)(lower + upper.GetAwaiter().GetResult()));
    }

    private static long Scalar(SqliteConnection on, string sql, (string Name, object? Value)[] parameters)
    {
        using var command = on.Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<(long Id, long Place, double Score)> Candidates(SqliteConnection on, string sql, (string Name, object? Value)[] parameters)
    {
        var rows = new List<(long, long, double)>();
        using var command = on.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2)));
        }

        return rows;
    }
}
