using System.Text.Json;
using Microsoft.Playwright;
using Punchlist.Cli.Tests.Support;

namespace Punchlist.Cli.Tests.Report;

/// <summary>A fact that needs Debian's chromium; skipped, saying so, only when it is not installed (./test.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing: install Debian's chromium package (./test.sh and .ci/run do)";
        }
    }
}

/// <summary>
/// punch report's HTML as a reader sees it: rendered by Debian's chromium through Playwright (its
/// executable path, never a downloaded browser), with no network, no script; the screenshot and the
/// PDF print are kept in the test output folder (report-artefacts/).
/// </summary>
public sealed class ReportBrowserTests : IClassFixture<ReportRepository>
{
    private readonly ReportRepository _repo;

    public ReportBrowserTests(ReportRepository repo) => _repo = repo;

    public static string Artefacts => Path.Combine(AppContext.BaseDirectory, "report-artefacts");

    [ChromiumFact]
    public async Task The_report_renders_in_chromium_with_the_numbers_of_punch_status_and_prints_to_pdf()
    {
        Directory.CreateDirectory(Artefacts);
        string file = Path.Combine(Artefacts, "report.html");
        var (exit, _, error) = Punch.RunIn(_repo.Root, "report", "--today", ReportRepository.Today, "--since", ReportRepository.Since, "--format", "html", "--output", file);
        Assert.True(exit == 0, error);
        var (_, statusJson, _) = Punch.RunIn(_repo.Root, "status", "--json", "--today", ReportRepository.Today);
        var status = JsonDocument.Parse(statusJson).RootElement;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri);

        // One file: the page asked for nothing but itself.
        Assert.Equal([new Uri(file).AbsoluteUri], requests);

        // The verdict opens the page, and what chromium shows for each marked number is the JSON's.
        string verdict = await page.Locator("#verdict").InnerTextAsync();
        Assert.StartsWith("Off track. 1 P0 item is late", verdict, StringComparison.Ordinal);
        var marked = page.Locator("[data-status]");
        int count = await marked.CountAsync();
        Assert.True(count >= 20, $"only {count} numbers are marked");
        for (int i = 0; i < count; i++)
        {
            string path = (await marked.Nth(i).GetAttributeAsync("data-status"))!;
            Assert.Equal(ReportRepository.ValueAt(status, path), (await marked.Nth(i).InnerTextAsync()).Trim());
        }

        // The charts are drawn: the burn-up has its lines, every bar a size.
        Assert.Equal(2, await page.Locator("svg.burnup polyline").CountAsync());
        var box = await page.Locator("svg.burnup").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 80 }, $"the burn-up is {box?.Width}×{box?.Height}");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artefacts, "report.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Artefacts, "report.pdf"), Format = "A4", PrintBackground = true });
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.InRange(Pages(pdf), 1, 4); // a report prints on a few pages, not one per section
        await context.CloseAsync();
    }

    // The page objects a PDF holds ("/Type /Page", not "/Type /Pages").
    private static int Pages(byte[] pdf)
    {
        string text = System.Text.Encoding.Latin1.GetString(pdf);
        return System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?!s)");
    }
}
