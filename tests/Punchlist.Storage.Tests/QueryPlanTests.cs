using System.Text.RegularExpressions;
using Punchlist.Search;
using Punchlist.Storage.Checks;
using Punchlist.Storage.Queries;

namespace Punchlist.Storage.Tests;

/// <summary>
/// The reads every warm command makes of every document are served by covering indexes, never by the
/// wide documents rows (about 1.5 KB of facts each): for 10,000 documents that is the difference
/// between reading one and twenty megabytes of pages (docs/BENCHMARKS.md). A schema step or a query
/// edit that loses one shows here, as SQLite plans it.
/// </summary>
public sealed class QueryPlanTests
{
    public static TheoryData<string, string> Reads() => new()
    {
        { WorkspaceIndex.KnownSql, "documents_stamps" },
        { IndexedWorkspace.SummariesSql, "documents_summaries" },
        { CheckCache.RowsSql, "documents_hashes" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void Every_document_is_read_from_a_covering_index(string sql, string index)
    {
        using var database = IndexDatabase.InMemory();
        var steps = new List<string>();
        using (var command = database.Connection.Command($"EXPLAIN QUERY PLAN {sql}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
        }

        // The step that reads the documents table, named or by its alias.
        string documents = Assert.Single(steps, s => Regex.IsMatch(s, @"^(SCAN|SEARCH) (documents|d)\b"));
        Assert.Matches($"^SCAN (documents|d) USING COVERING INDEX {index}$", documents);
    }

    [Fact]
    public void Priorities_and_states_alone_are_counted_per_document_from_a_covering_index()
    {
        using var database = IndexDatabase.InMemory();
        var steps = new List<string>();
        var parts = QuerySql.Of(SearchPlan.Of(Query.Parse("priority:p0 is:open", IndexCacheTests.Context)), scope: null, _ => []);
        using (var command = database.Connection.Command($"EXPLAIN QUERY PLAN {parts.Counting}", [.. parts.Sql.Parameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Equal(["SEARCH i USING COVERING INDEX item_counts_by_state (state=? AND priority=?)"], steps);
    }
}
