using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Pages;

/// <summary>Every page of samples/, read without JavaScript: what it says, and that it says the CLI's numbers.</summary>
public sealed class PageTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Overview_shows_true_progress_late_items_by_owner_and_what_the_check_found()
    {
        var page = await Html.GetAsync(server.Client, "/");
        Assert.Equal("Overview", page.QuerySelector("h1")!.Text());
        var cards = page.QuerySelectorAll(".card").Select(c => c.Text()).ToList();
        Assert.Contains(cards, c => c.StartsWith("Items done 26% 10/38 items", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.StartsWith("Criteria ticked 43% 13/30 criteria", StringComparison.Ordinal));
        // Late as everywhere: MH-002 is past its due date, and ops/incident-followups.md's four open items
        // are past their SLA (this copy is outside git, so their clock starts at the document's date).
        Assert.Contains(cards, c => c.StartsWith("Late 5 items past their due date or SLA", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.StartsWith("Findings 15 5 errors · 10 warnings", StringComparison.Ordinal));

        var late = page.QuerySelector("section[aria-labelledby=late-h]")!;
        var owners = late.QuerySelectorAll("h3").ToDictionary(h => h.Text(), h => h.NextElementSibling!.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(["/items/ROADMAP.md%23MH-002"], owners["Luis 1"]);
        Assert.Equal(["/items/ops%2Fincident-followups.md%23P0-001"], owners["Dana 1"]);
        Assert.Equal(5, owners.Values.Sum(o => o.Count));

        var sla = page.QuerySelector("section[aria-labelledby=sla-h]")!;
        Assert.Equal(4, sla.QuerySelectorAll("li").Length);
        Assert.Equal("/trackers/ops%2Fincident-followups.md#L16", sla.QuerySelector("li a")!.GetAttribute("href"));
        Assert.Equal(3, page.QuerySelectorAll("section[aria-labelledby=reviews-h] li").Length);
        Assert.Equal(6, page.QuerySelectorAll("table.trackers tbody tr").Length);
        // A copy outside git has no burn-up; what the page says instead is NoHistoryTests'.
        Assert.Null(page.QuerySelector("section[aria-labelledby=history-h] svg"));
    }

    [Fact]
    public async Task Trackers_page_lists_every_tracker_in_the_order_asked()
    {
        var byPath = await Html.GetAsync(server.Client, "/trackers");
        var paths = byPath.QuerySelectorAll("table.trackers tbody .path").Select(p => p.Text()).ToList();
        Assert.Equal(["ROADMAP.md", "TODO.md", "backlog.md", "docs/plans/launch-readiness.md", "docs/plans/observability.md", "ops/incident-followups.md"], paths);

        var byFindings = await Html.GetAsync(server.Client, "/trackers?sort=findings");
        Assert.Equal("ops/incident-followups.md", byFindings.QuerySelector("table.trackers tbody .path")!.Text());
    }

    [Fact]
    public async Task Tracker_page_shows_items_by_section_findings_at_their_lines_and_review_dates()
    {
        var page = await Html.GetAsync(server.Client, "/trackers/ops%2Fincident-followups.md");
        Assert.Equal("Incident follow-ups", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.GetElementById("L16"));
        Assert.Contains("PL004", page.GetElementById("L16")!.Text(), StringComparison.Ordinal);
        Assert.Contains("2026-11-17", page.QuerySelector("section[aria-labelledby=review-h]")!.Text(), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("section.doc-section table tbody tr"));
    }

    [Fact]
    public async Task Items_page_searches_with_the_query_language_and_keeps_the_query_in_its_links()
    {
        var page = await Html.GetAsync(server.Client, "/items?q=" + Uri.EscapeDataString("priority:p0 is:open"));
        Assert.Equal("priority:p0 is:open", page.QuerySelector("input#q")!.GetAttribute("value"));
        var rows = page.QuerySelectorAll("#results table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("P0", r.QuerySelectorAll("td")[0].Text()));
        Assert.All(rows, r => Assert.Equal("open", r.QuerySelectorAll("td")[1].Text()));
        var sort = page.QuerySelectorAll("thead a.sort").Single(a => a.Text() == "Due");
        Assert.Equal("/items?q=" + Uri.EscapeDataString("priority:p0 is:open sort:due"), sort.GetAttribute("href"));
        Assert.NotEmpty(page.QuerySelectorAll(".facets li"));
    }

    [Fact]
    public async Task Items_page_says_what_is_wrong_with_a_malformed_query()
    {
        var page = await Html.GetAsync(server.Client, "/items?q=priority%3Ap9");
        Assert.Contains("malformed query at column 10", page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_page_shows_metadata_criteria_evidence_and_source()
    {
        var page = await Html.GetAsync(server.Client, "/items/ROADMAP.md%23MH-002");
        Assert.Equal("Per-tenant rate limits", page.QuerySelector("h1")!.Text());
        Assert.NotEmpty(page.QuerySelectorAll("ol.criteria li"));
        Assert.NotEmpty(page.QuerySelectorAll("ol.criteria form button"));
        Assert.Contains("MH-002", page.QuerySelector("pre.source")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=evidence-h]"));
    }

    [Fact]
    public async Task Findings_page_counts_by_code_severity_and_tracker_and_filters()
    {
        var all = await Html.GetAsync(server.Client, "/findings");
        Assert.Equal("15 findings", all.QuerySelector("#list-h")!.Text());
        var filtered = await Html.GetAsync(server.Client, "/findings?code=PL004");
        Assert.Equal(4, filtered.QuerySelectorAll("section[aria-labelledby=list-h] ul.findings li").Length);
    }

    [Theory]
    [InlineData("/items/nope%23MH-999", 404)]
    [InlineData("/items/..%2Fsecret.md%23X", 400)]
    [InlineData("/items/ROADMAP.md%23", 400)]
    [InlineData("/trackers/nope.md", 404)]
    [InlineData("/items?page=zero", 400)]
    public async Task Pages_answer_bad_addresses_with_problem_details(string url, int status)
    {
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
