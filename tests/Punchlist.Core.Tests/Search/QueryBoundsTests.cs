using Punchlist.Search;

namespace Punchlist.Tests.Search;

/// <summary>
/// C7: no query crashes what runs it. Parentheses that only wrap add nothing; real nesting and the
/// number of terms are bounded, and past the bounds the error is one line with its column.
/// </summary>
public sealed class QueryBoundsTests
{
    private static readonly QueryContext Context = new(new DateOnly(2026, 11, 21));

    [Theory]
    [InlineData("doc:\"exact phrase\n\u0001[\"")] // the CI fuzzer's find: a newline in a quoted glob that is no glob
    [InlineData("doc:\"a\r\n[\"")]
    public void An_error_that_quotes_the_query_back_stays_one_line(string query)
    {
        var e = Assert.Throws<PunchlistException>(() => Query.Parse(query, Context));
        Assert.StartsWith("malformed query at column", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Message, char.IsControl);
        Assert.Contains("\\n", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifteen_thousand_parentheses_around_one_word_are_that_word_or_a_clear_error()
    {
        string query = new string('(', 15_000) + "backup" + new string(')', 15_000);
        var parsed = Run(() => Query.Parse(query, Context));
        Assert.True(parsed.Error is null || parsed.Error.StartsWith("malformed query at column", StringComparison.Ordinal), parsed.Error);
        if (parsed.Query is { } q)
        {
            Assert.Equal(new Words("backup", false, false, 15_000), q.Root);
        }
    }

    [Fact]
    public void Ten_thousand_parentheses_still_work()
    {
        // The main thread's stack (8 MB on Linux), where punch parses a query.
        string query = new string('(', 10_000) + "backup" + new string(')', 10_000);
        Assert.IsType<Words>(Run(() => Query.Parse(query, Context), 8 << 20).Query!.Root);
    }

    [Fact]
    public void Five_hundred_nested_negations_cancel_in_pairs()
    {
        string query = string.Concat(Enumerable.Repeat("-(", 500)) + "backup" + new string(')', 500);
        Assert.IsType<Words>(Query.Parse(query, Context).Root);
        string odd = string.Concat(Enumerable.Repeat("-(", 501)) + "backup" + new string(')', 501);
        Assert.IsType<Not>(Query.Parse(odd, Context).Root);
    }

    [Fact]
    public void Real_nesting_past_the_limit_is_a_one_line_error_with_its_column()
    {
        string deep = string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "-(a " : "(b OR ")) + "backup" + new string(')', 40);
        var error = Assert.Throws<PunchlistException>(() => Query.Parse(deep, Context));
        Assert.StartsWith("malformed query at column ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"more than {QueryParser.MaxDepth} levels", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void More_terms_than_the_limit_is_a_one_line_error()
    {
        string many = string.Join(' ', Enumerable.Repeat("is:open", QueryParser.MaxTerms + 1));
        var error = Assert.Throws<PunchlistException>(() => Query.Parse(many, Context));
        Assert.Contains($"more than {QueryParser.MaxTerms:N0}", error.Message, StringComparison.Ordinal);
        Assert.Equal(5_000, ((AnyOf)Query.Parse(string.Join(" OR ", Enumerable.Range(0, 5_000).Select(i => $"w{i}")), Context).Root!).Parts.Count);
    }

    [Fact]
    public void Groups_of_the_same_kind_are_one_list()
    {
        Assert.Equal(3, ((AllOf)Query.Parse("(a b) c", Context).Root!).Parts.Count);
        Assert.Equal(3, ((AnyOf)Query.Parse("a OR (b OR c)", Context).Root!).Parts.Count);
        Assert.Equal(3, ((AnyOf)Query.Parse("(a OR b) OR c", Context).Root!).Parts.Count);
    }

    // On a thread with a small stack, as a server's would be: the parser must stop before the stack does.
    private static (Query? Query, string? Error) Run(Func<Query> parse, int stack = 1 << 20)
    {
        (Query?, string?) result = (null, null);
        var thread = new Thread(() =>
        {
            try
            {
                result = (parse(), null);
            }
            catch (PunchlistException e)
            {
                result = (null, e.Message);
            }
        }, stack);
        thread.Start();
        thread.Join();
        return result;
    }
}
