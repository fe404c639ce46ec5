using System.Text.Json;
using Microsoft.Playwright;
using Punchlist.Server.Tests.Support;

namespace Punchlist.Server.Tests.Browser;

/// <summary>
/// The pages in a real browser: what a lead does (open the overview, search, open an item, tick a
/// criterion with the token and watch the page follow the file), every page checked by axe-core in
/// light and dark, and screenshots at desktop and phone widths kept as test artefacts.
/// </summary>
public sealed class BrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly string[] PageUrls =
        ["/", "/trackers", "/trackers/ROADMAP.md", "/items?q=priority%3Ap0", "/items/ROADMAP.md%23MH-002", "/findings"];

    [Fact]
    public async Task A_lead_searches_opens_an_item_ticks_a_criterion_and_the_page_follows_the_file()
    {
        var (context, page, errors) = await server.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("Live");

        // Search as you type: the results change without a page load, and the URL keeps the query.
        await page.GetByRole(AriaRole.Link, new() { Name = "Items", Exact = true }).ClickAsync();
        await page.Locator("#q").PressSequentiallyAsync("rate limits");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/items\?q=rate(\+|%20)limits$"));
        var result = page.Locator("#results tbody th a", new() { HasText = "Per-tenant rate limits" });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await result.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Per-tenant rate limits");

        // Tick the first open criterion with the token: the file changes by that one character, and the
        // page (which the write itself does not redraw) follows through the live stream.
        string file = server.Factory.Workspace.Path("ROADMAP.md");
        byte[] before = await File.ReadAllBytesAsync(file);
        var open = page.Locator("ol.criteria li").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Tick criterion") }) }).First;
        string id = (await open.GetAttributeAsync("id"))!;
        await page.Locator("#write-token").FillAsync(ServerFactory.WriteToken);
        await open.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator($"#{id} button")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Untick"), new() { Timeout = 10_000 });

        byte[] after = await File.ReadAllBytesAsync(file);
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Single(changed);
        Assert.Equal((byte)' ', before[changed[0]]);
        Assert.Equal((byte)'x', after[changed[0]]);
        await Assertions.Expect(page.Locator("#write-status")).ToContainTextAsync("Written");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_tick_without_the_token_is_refused_on_the_page_and_nothing_is_written()
    {
        var (context, page, _) = await server.OpenAsync();
        await using var __ = context;
        await page.GotoAsync("/items/ROADMAP.md%23MH-003");
        string file = server.Factory.Workspace.Path("ROADMAP.md");
        byte[] before = await File.ReadAllBytesAsync(file);
        var button = page.Locator("ol.criteria form button").First;
        await page.Locator("#write-token").FillAsync("not-the-token");
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("#write-status")).ToContainTextAsync("A write token is required");
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Every_page_passes_axe_in_light_and_dark_and_is_photographed_at_desktop_and_phone_widths()
    {
        var problems = new List<string>();
        foreach (var (scheme, width, height, name) in new[] { (ColorScheme.Light, 1280, 900, "desktop"), (ColorScheme.Dark, 1280, 900, "desktop-dark"), (ColorScheme.Light, 390, 844, "phone") })
        {
            var (context, page, errors) = await server.OpenAsync(width, height, scheme);
            await using var _ = context;
            foreach (string url in PageUrls)
            {
                await page.GotoAsync(url);
                await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("Live");
                string shot = Path.Combine(BrowserServer.Screenshots, $"{Slug(url)}-{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                problems.AddRange((await AxeAsync(page)).Select(v => $"{url} ({name}): {v}"));
            }

            problems.AddRange(errors.Select(e => $"{name}: console: {e}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(File.Exists(Path.Combine(BrowserServer.Screenshots, "overview-desktop.png")));
    }

    // axe-core's serious and critical violations of the page as it is now (injected through the
    // DevTools protocol, which the page's Content-Security-Policy does not govern).
    private async Task<List<string>> AxeAsync(IPage page)
    {
        await page.EvaluateAsync(server.Axe);
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))");
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }

    private static string Slug(string url) => url == "/" ? "overview" : new string(url.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).ToLowerInvariant();
}
