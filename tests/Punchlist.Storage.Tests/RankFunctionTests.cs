using Punchlist.Search;
using Punchlist.Storage.Queries;
using Punchlist.Tests.Support;

namespace Punchlist.Storage.Tests;

/// <summary>
/// punch_rank, the FTS5 ranking function of our own: its score is FTS5's bm25 with the same weights,
/// with or without a known count of rows for the phrase, and its place is where the words matched;
/// phrases after the query's own (those that narrow it) change neither.
/// </summary>
public sealed class RankFunctionTests : IDisposable
{
    private readonly TempWorkspace _workspace = new TempWorkspace().CopyFrom(Repo.Seeds);
    private readonly IndexDatabase _database;

    public RankFunctionTests()
    {
        using (WorkspaceIndex.Scan([_workspace.Root], IndexOptions.Default))
        {
        }

        _database = IndexDatabase.OpenFile(_workspace.Path(".punchlist/index.db"), _ => { }, out _)!;
    }

    [CorpusTheory]
    [InlineData("backup")]
    [InlineData("test deploy")]
    [InlineData("\"health check\"")]
    [InlineData("deploy OR release")]
    [InlineData("back*")]
    [InlineData("security -docker")]
    public void Score_is_bm25_and_place_is_where_the_words_matched(string text)
    {
        var plan = SearchPlan.Of(Query.Parse(text, IndexCacheTests.Context));
        string match = FtsExpression.Of(plan.Ranked!);
        int phrases = FtsExpression.PhraseCount(plan.Ranked!);
        var rows = Rows($"""
            SELECT punch_rank(items_fts, 0, {phrases}), punch_rank(items_fts, 1, {phrases}), {Bm25(RankFunction.Weights)},
                   {Bm25([1, 0, 0, 0, 0])}, {Bm25([0, 1, 0, 0, 0])}, {Bm25([0, 0, 0, 0, 1])}
            FROM items_fts WHERE items_fts MATCH $m
            """, match);
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal((double)row[2], (double)row[1]);
            bool title = (double)row[3] < 0, criteria = (double)row[4] < 0, body = (double)row[5] < 0;
            long place = ((title ? 0 : criteria ? 1 : 2) * 4) + 3 - (title ? 1 : 0) - (criteria ? 1 : 0) - (body ? 1 : 0);
            Assert.Equal(place, (long)row[0]);
        }
    }

    [CorpusFact]
    public void Phrases_that_narrow_the_query_change_neither_place_nor_score()
    {
        const string Backup = "(\"backup\")";
        var all = Rows($"SELECT rowid, punch_rank(items_fts, 0, 1), punch_rank(items_fts, 1, 1) FROM items_fts WHERE items_fts MATCH $m", Backup)
            .ToDictionary(r => (long)r[0]);
        var narrowed = Rows($"SELECT rowid, punch_rank(items_fts, 0, 1), punch_rank(items_fts, 1, 1) FROM items_fts WHERE items_fts MATCH $m", $"{Backup} AND ({{title}} : {Backup})");
        Assert.NotEmpty(narrowed);
        Assert.True(narrowed.Count < all.Count);
        foreach (var row in narrowed)
        {
            Assert.Equal(all[(long)row[0]], row);
            Assert.Equal(0L, (long)row[1] / 4);
        }
    }

    [CorpusFact]
    public void A_known_count_of_rows_gives_the_same_score_without_walking_the_phrase()
    {
        long hits = (long)Rows("SELECT count(*) FROM items_fts WHERE items_fts MATCH $m", "\"backup\"")[0][0];
        // One statement each: FTS5 keeps the statistics per statement, computed on its first row.
        double[] Scores(string hitsArgument) =>
            [.. Rows($"SELECT punch_rank(items_fts, 1, 1{hitsArgument}) FROM items_fts WHERE items_fts MATCH $m ORDER BY rowid", "\"backup\"").Select(r => (double)r[0])];
        Assert.True(hits > 1);
        Assert.Equal(Scores(string.Empty), Scores($", {hits}"));
        Assert.All(Scores(string.Empty).Zip(Scores($", {hits * 3}")), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [CorpusTheory]
    [InlineData("punch_rank(items_fts)")]
    [InlineData("punch_rank(items_fts, 1)")]
    [InlineData("punch_rank(items_fts, 1, -5)")]
    [InlineData("punch_rank(items_fts, 0, 'many')")]
    public void Wrong_arguments_are_an_sql_error_not_a_crash(string call)
    {
        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => Rows($"SELECT {call} FROM items_fts WHERE items_fts MATCH $m", "\"backup\""));
        Assert.Contains("punch_rank", error.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void More_phrases_asked_for_than_the_query_has_rank_by_all_of_them()
    {
        var rows = Rows("SELECT punch_rank(items_fts, 1, 1000), bm25(items_fts, 10.0, 4.0, 1.0, 2.0, 1.0) FROM items_fts WHERE items_fts MATCH $m", "\"backup\" OR \"restore\"");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((double)r[1], (double)r[0]));
    }

    private static string Bm25(double[] weights) =>
        "bm25(items_fts, " + string.Join(", ", weights.Select(w => w.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    private List<object[]> Rows(string sql, string match)
    {
        using var command = _database.Searching.Command(sql, ("$m", match));
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public void Dispose()
    {
        _database.Dispose();
        _workspace.Dispose();
    }
}
