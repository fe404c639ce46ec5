using System.Text.Json;
using System.Text.RegularExpressions;
using Punchlist.Cli.Tests.Support;
using Punchlist.Tests.Support;

namespace Punchlist.Cli.Tests.Commands;

/// <summary>`punch search` and `punch list QUERY` on the seeds, and what issue 5 says they must show.</summary>
public sealed partial class SearchCommandTests
{
    private static readonly string Seeds = Repo.Seeds;

    [CorpusFact]
    public void Search_id_prefix_lists_exactly_the_fifteen_must_haves()
    {
        var json = SearchJson("id:MH-", "--today", "2026-11-21");
        Assert.Equal("punchlist.search/1", json.GetProperty("schema").GetString());
        Assert.Equal("id:MH-", json.GetProperty("query").GetString());
        Assert.Equal(15, json.GetProperty("total").GetInt32());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 15).Select(n => $"MH-{n:000}"), results.Select(r => r.GetProperty("key").GetString()));
        Assert.All(results, r => Assert.Equal("data-platform-todo.md", r.GetProperty("document").GetString()));
    }

    [CorpusFact]
    public void Search_backup_puts_items_whose_titles_speak_of_backups_first_across_documents()
    {
        var results = SearchJson("backup", "--limit", "30").GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["MH-002", "P2-012", "P1-007"], results.Take(3).Select(r => r.GetProperty("key").GetString()));
        var titled = results.TakeWhile(r => r.GetProperty("matchedIn").GetString() == "title").ToList();
        Assert.True(titled.Count >= 18, $"only {titled.Count} title matches first");
        Assert.All(titled, r => Assert.Matches("(?i)backup", r.GetProperty("title").GetString()));
        Assert.Equal(4, titled.Select(r => r.GetProperty("document").GetString()).Distinct().Count());
        Assert.DoesNotContain(results.Skip(titled.Count), r => r.GetProperty("matchedIn").GetString() == "title");
    }

    [CorpusFact]
    public void Search_results_carry_the_documented_fields()
    {
        var first = SearchJson("backup", "--limit", "1").GetProperty("results")[0];
        foreach (string field in new[] { "key", "document", "line", "title", "state", "priority", "score", "snippet" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"no '{field}'");
        }

        Assert.Equal(207, first.GetProperty("line").GetInt32());
        Assert.Equal("data-platform-todo.md#MH-002", first.GetProperty("address").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);
        string snippet = first.GetProperty("snippet").GetString()!;
        var highlight = first.GetProperty("highlights")[0];
        Assert.Equal("backup", snippet.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32()), ignoreCase: true);
    }

    [CorpusFact]
    public void Search_for_docker_open_p0_returns_only_open_p0_items_that_name_docker()
    {
        var results = SearchJson("tech:docker priority:p0 is:open", "--limit", "100").GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Equal("open", result.GetProperty("state").GetString());
            Assert.Equal("P0", result.GetProperty("priority").GetString());
            var (_, shown, _) = Punch.Run("show", "--json", result.GetProperty("address").GetString()!, Seeds);
            using var item = JsonDocument.Parse(shown);
            Assert.Matches(DockerName(), item.RootElement.GetProperty("source").GetProperty("excerpt").GetString());
        }
    }

    [CorpusFact]
    public void Search_effort_at_most_two_hours_finds_the_short_p0_cards_and_nothing_longer()
    {
        var addresses = SearchJson("effort:<=2h", "--limit", "100").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("address").GetString()).ToList();
        foreach (string key in new[] { "P0-001", "P0-002", "P0-004", "P0-005", "P0-006", "P0-007" })
        {
            Assert.Contains($"optimization-health-todos.md#{key}", addresses);
        }

        var (_, listed, _) = Punch.Run("list", "--json", "effort:<=2h", Seeds);
        using var items = JsonDocument.Parse(listed);
        var hours = items.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("effort").GetProperty("hours").GetDouble()).ToList();
        Assert.Equal(addresses.Count, hours.Count);
        Assert.All(hours, h => Assert.True(h <= 2, $"{h} h"));
    }

    [CorpusFact]
    public void Search_limit_cuts_results_but_not_the_total()
    {
        var json = SearchJson("backup", "--limit", "2");
        Assert.Equal(2, json.GetProperty("results").GetArrayLength());
        Assert.True(json.GetProperty("total").GetInt32() > 20);
    }

    [CorpusFact]
    public void Search_prints_ranked_results_with_the_matched_words_marked()
    {
        var (exit, output, _) = Punch.Run("search", "backup", "--limit", "5", "--today", "2026-11-21", Seeds);
        Assert.Equal(0, exit);
        Punch.AssertGolden("search-backup.txt", output);
    }

    [CorpusTheory]
    [InlineData("search", "priority:p9", "column 10")]
    [InlineData("search", "\"automated backups", "column 1")]
    [InlineData("list", "is:open colour:red", "column 9")]
    [InlineData("search", "backup OR", "column 8")]
    public void A_malformed_query_exits_2_with_one_line_naming_the_column(string command, string query, string column)
    {
        var (exit, output, error) = Punch.Run(command, query, Seeds);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"punch: malformed query at {column}: ", line, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void List_filters_with_the_query_language_like_its_options()
    {
        var (_, byOptions, _) = Punch.Run("list", "--json", "--state", "in-progress", "--priority", "P0,none", Seeds);
        var (_, byQuery, _) = Punch.Run("list", "--json", "is:in-progress priority:p0,none", Seeds);
        Assert.Equal(byOptions, byQuery);
        Assert.Contains("data-platform-todo.md#MH-001", byQuery, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void List_ranks_only_when_words_are_given()
    {
        var (_, ranked, _) = Punch.Run("list", "--json", "backup", Seeds);
        var (_, unranked, _) = Punch.Run("list", "--json", "section:backup", Seeds);
        Assert.StartsWith("data-platform-todo.md#MH-002", Addresses(ranked)[0], StringComparison.Ordinal);
        var inOrder = Addresses(unranked);
        Assert.Equal(inOrder.OrderBy(a => a.Split('#')[0], StringComparer.Ordinal).ToList(), inOrder);
    }

    [CorpusFact]
    public void List_takes_a_first_argument_that_names_a_folder_as_a_path()
    {
        var (exit, output, _) = Punch.Run("list", "--json", Seeds);
        Assert.Equal(0, exit);
        Assert.Equal(375, Addresses(output).Count);
    }

    private static List<string> Addresses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()!).ToList();
    }

    private static JsonElement SearchJson(string query, params string[] more)
    {
        var (exit, output, error) = Punch.Run(["search", "--json", query, .. more, Seeds]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [GeneratedRegex("(?i)docker")]
    private static partial Regex DockerName();
}
